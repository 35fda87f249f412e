"""Running the importer: idempotence, hand-edited posts, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_second_run_is_byte_identical_and_writes_nothing(make_raw, run_import):
    make_raw("a.txt", "Monthly Archives: May 2010\n\nOne\n\nText.\n\nTwo\n\nMore text.\n")
    first = run_import()
    before = first.posts()
    second = run_import()
    assert second.posts() == before
    assert second.report["posts_written"] == 0
    assert second.report["posts_unchanged"] == 2


def test_hand_edited_post_is_kept_and_reported_unless_forced(make_raw, run_import):
    make_raw("a.txt", "Monthly Archives: May 2010\n\nOne\n\nText.\n")
    first = run_import()
    path = first.out / "2010" / "one.md"
    edited = path.read_text(encoding="utf-8").replace("Text.", "Text, corrected by hand.")
    path.write_text(edited, encoding="utf-8")

    kept = run_import()
    assert path.read_text(encoding="utf-8") == edited
    assert kept.report["hand_edited"] == ["2010/one.md"]
    assert kept.report["posts_kept"] == 1

    forced = run_import(force=True)
    assert "Text, corrected by hand." not in path.read_text(encoding="utf-8")
    assert forced.report["posts_written"] == 1


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "importer", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_cli_writes_report_and_names_dropped_lines(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "p.txt").write_text("Share this:\n\nA title\n\nPosted on 1/2/2015\n\nText.\n", encoding="utf-8")
    result = _cli("--src", "raw", "--out", "posts", "--report", "r.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "dropped: raw/p.txt:1: share widget: Share this:" in result.stderr
    assert "1 post(s) found: 1 written" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["posts_written"] == 1
    assert (tmp_path / "posts" / "2015" / "a-title.md").is_file()


def test_cli_exit_code_when_a_file_cannot_be_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bad.txt").write_bytes(b"\x00binary")
    (raw / "good.txt").write_text("Monthly Archives: May 2010\n\nA post\n\nText.\n", encoding="utf-8")
    result = _cli("--src", "raw", "--out", "posts", cwd=tmp_path)
    assert result.returncode == 1
    assert "warning: raw/bad.txt: unreadable" in result.stderr
    assert (tmp_path / "posts" / "2010" / "a-post.md").is_file()


def test_cli_missing_source_folder(tmp_path):
    result = _cli("--src", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "nowhere: no such folder" in result.stderr


def test_committed_posts_match_a_fresh_import_of_raw(tmp_path):
    # content/posts/ starts as the import of raw/; authors may edit posts later,
    # and then this test is the place to record that they differ on purpose.
    result = subprocess.run(
        [sys.executable, "-m", "importer", "--src", str(ROOT / "raw"), "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "21 post(s) found" in result.stdout
    fresh = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*.md")}
    posts = ROOT / "content" / "posts"
    committed = {p.relative_to(posts).as_posix(): p.read_bytes() for p in posts.rglob("*.md")}
    assert committed == fresh


def test_importing_on_several_processes_changes_nothing(tmp_path):
    from benchmarks.synth import generate, profile, write_raw
    from importer.pipeline import _MIN_FILES_PER_WORKER, import_archive

    write_raw(generate(profile(ROOT / "content" / "posts"), 400, seed=3), tmp_path / "raw")
    assert len(list((tmp_path / "raw").glob("*.txt"))) >= 2 * _MIN_FILES_PER_WORKER  # really shared out
    (tmp_path / "raw" / "broken.txt").write_bytes(b"\x00binary")
    reports, trees = [], []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}"
        report = import_archive(tmp_path / "raw", out, label_root=tmp_path, workers=workers).as_dict()
        reports.append(json.dumps(report).replace(str(out), "OUT"))
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.md"))})
    assert len(trees[0]) == 400
    assert trees[0] == trees[1]
    assert reports[0] == reports[1]
    assert '"files_unreadable": 1' in reports[0]
