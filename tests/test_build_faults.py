"""Builds that are killed, run two at once, or cannot write: real processes, real signals."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import pelican, pelican_ok, tree

pytestmark = pytest.mark.slow

BASE = "theme/templates/base.html"


def _command(out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        "content",
        "-s",
        "pelicanconf.py",
        "-o",
        str(out),
        "--fatal",
        "warnings",
    ]


def _start(project: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        _command(out), cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(process: subprocess.Popen, seconds: float = 120) -> list[int]:
    """The build's forked workers, once it has some (it is then reading or rendering)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if workers:
            return workers
        assert process.poll() is None, process.communicate()
        time.sleep(0.002)
    raise AssertionError("the build never started its workers")


def _wait_for_pages(process: subprocess.Popen, folders: list[Path], seconds: float = 120) -> list[int]:
    """The build's workers, once they are rendering: some pages exist."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if workers and any(next(f.rglob("*.html"), None) for f in folders if f.is_dir()):
            return workers
        assert process.poll() is None, process.communicate()
        time.sleep(0.002)
    raise AssertionError("the build never started rendering")


def _assert_gone(pids: list[int], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if _alive(p)], "a worker outlived its build"


def _restyle(project: Path, marker: str) -> None:
    # A template change: every page is rendered again, by the workers.
    path = project / BASE
    path.write_text(path.read_text(encoding="utf-8").replace("</footer>", f"{marker}</footer>", 1))


def test_a_killed_first_build_leaves_no_output_and_no_workers(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 300)
    out = tmp_path / "out"
    process = _start(project_copy, out)
    workers = _wait_for_pages(process, [out, tmp_path / ".out.build"])
    process.kill()
    process.wait()
    _assert_gone(workers)
    assert not out.exists()
    pelican_ok(project_copy, out)
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")


def test_a_killed_rebuild_leaves_the_last_site_whole(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 300)
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = tree(out)
    for attempt in range(3):  # killed at different points of the rendering
        _restyle(project_copy, f"<p>restyled {attempt}</p>")
        process = _start(project_copy, out)
        workers = _wait_for_workers(process)
        time.sleep(0.1 * attempt)
        process.kill()
        process.wait()
        _assert_gone(workers)
        assert tree(out) == before, f"attempt {attempt}"
    pelican_ok(project_copy, out)
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")
    assert "restyled 2" in (out / "index.html").read_text(encoding="utf-8")


def test_a_second_build_into_the_same_folder_waits_for_the_first(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 300)
    out = tmp_path / "out"
    first = _start(project_copy, out)
    _wait_for_workers(first)
    second = _start(project_copy, out)
    results = [first.communicate(timeout=300), second.communicate(timeout=300)]
    assert (first.returncode, second.returncode) == (0, 0), results
    assert f"Waiting for the build already writing to {out}" in results[1][1]
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")


def _in_own_mounts(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a shell script with mounts of its own (a user and mount namespace)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is needed to mount a small or read-only disk")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"this system does not allow mount namespaces: {probe.stderr.decode()}")
    return subprocess.run(
        ["unshare", "-rm", "sh", "-euc", script], cwd=cwd, capture_output=True, text=True, check=False
    )


def _build(out: str) -> str:
    return " ".join(_command(Path(out)))


def test_a_read_only_disk_fails_in_one_line_and_keeps_the_site(project_copy, tmp_path):
    disk, copy = tmp_path / "disk", tmp_path / "copy"
    disk.mkdir()
    script = f"""
        mount -t tmpfs tmpfs {disk}
        {_build(f"{disk}/out")} > /dev/null 2>&1
        cp -a {disk}/out {copy}
        mount -o remount,ro {disk}
        set +e
        {_build(f"{disk}/out")}
        echo "exit status: $?"
        set -e
        diff -r {copy} {disk}/out && echo "site unchanged"
    """
    result = _in_own_mounts(script, project_copy)
    said = result.stdout + result.stderr
    assert "exit status: 1" in said, said
    assert "site unchanged" in said, said
    assert "Traceback" not in said
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"{disk}/out: error: cannot write the site: Read-only file system")
    assert errors[1] == "    what to do: build onto a writable disk (pelican -o FOLDER)"


def test_a_full_disk_fails_in_one_line_and_keeps_the_site(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 100)
    disk, copy = tmp_path / "disk", tmp_path / "copy"
    disk.mkdir()
    script = f"""
        mount -t tmpfs -o size=64m tmpfs {disk}
        {_build(f"{disk}/out")} > /dev/null 2>&1
        cp -a {disk}/out {copy}
        used=$(du -sk {disk} | cut -f1)
        mount -o remount,size=$((used * 5 / 4))k {disk}
        sed -i 's|</footer>|<p>restyled</p></footer>|' {BASE}
        set +e
        {_build(f"{disk}/out")}
        echo "exit status: $?"
        set -e
        diff -r {copy} {disk}/out && echo "site unchanged"
    """
    result = _in_own_mounts(script, project_copy)
    said = result.stdout + result.stderr
    assert "exit status: 1" in said, said
    assert "site unchanged" in said, said
    assert "Traceback" not in said
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"{disk}/out: error: cannot write the site: No space left on device")
    assert errors[1] == "    what to do: free some disk space and build again"


def test_a_build_that_fails_midway_leaves_the_last_site(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = tree(out)
    # List pages render with a new footer; post pages fail.
    _restyle(project_copy, "<p>restyled</p>")
    template = project_copy / "theme" / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    # Fails as each post's page is rendered, not before.
    template.write_text(good.replace("{{ article.content|safe }}", "{{ article.no_such_value.upper() }}"))
    assert pelican(project_copy, out).returncode != 0
    assert tree(out) == before
    template.write_text(good, encoding="utf-8")
    pelican_ok(project_copy, out)
    assert "restyled" in (out / "index.html").read_text(encoding="utf-8")
