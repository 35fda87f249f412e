"""Only regular Markdown posts and static files inside the repository are built; the rest is reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from authoring.checks import check_content
from authoring.problems import Severity
from tests.conftest import pelican

POST = '---\ntitle: "{title}"\ndate: 2020-01-02T12:00:00+00:00\ntags: ["fostering"]\n---\n\n{body}\n'
SECRET = "PRIVATE-CASE-NOTES-7F3A"
# Each refused file or folder, relative to content/, with what its check message says.
REFUSED = {
    "posts/2020/raw.html": "posts are Markdown files ending in '.md'",
    "posts/2020/raw.rst": "posts are Markdown files ending in '.md'",
    "posts/2020/upper.MD": "not '.MD'",
    "posts/2020/long.markdown": "not '.markdown'",
    "posts/2020/.md": "no name before '.md'",
    "top-level.md": "posts are read only from content/posts/",
    "Posts/capital.md": "posts are read only from content/posts/",
    "extra/passwd.txt": "symbolic link (to /etc/passwd)",
    "extra/page.html": "could run script",
    "posts/linked-folder": "this folder is a symbolic link",
    "posts/2020/linked-post.md": "this file is a symbolic link",
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def refused_project(project_copy: Path, tmp_path: Path) -> Path:
    """The project with one of every kind of file the build must refuse, and a post that links outside."""
    content = project_copy / "content"
    outside = tmp_path / "outside"
    _write(outside / "notes.md", POST.format(title="Linked from outside", body=SECRET))
    _write(outside / "private.txt", SECRET)
    _write(tmp_path / "beside-output.txt", SECRET)
    for relative in REFUSED:
        title = f"Refused {relative}"
        _write(content / relative, POST.format(title=title, body=f"{SECRET}\n\n<script>alert(1)</script>"))
    _write(
        content / "posts/2020/raw.html",
        '<html><head><title>Raw</title><meta name="date" content="2020-01-01">'
        '<meta http-equiv="refresh" content="0;url=https://evil.example/"></head>'
        f"<body><script>alert(1)</script>{SECRET}</body></html>",
    )
    _write(
        content / "posts/2020/raw.rst",
        f"Raw\n###\n\n:date: 2020-01-01\n\n.. raw:: html\n\n   <script>alert(1)</script>{SECRET}\n",
    )
    for relative, target in {
        "extra/passwd.txt": Path("/etc/passwd"),
        "posts/2020/linked-post.md": outside / "notes.md",
        "posts/linked-folder": outside,
    }.items():
        (content / relative).unlink()
        (content / relative).symlink_to(target)
    # Pelican copies a {static} file to the same place relative to the output
    # folder, so "/../.." reaches beside the output folder too.
    to_private = os.path.relpath(outside / "private.txt", content / "posts/2020")
    links = f"[a]({{static}}{to_private}) and [b]({{static}}/../../beside-output.txt)"
    _write(content / "posts/2020/links-outside.md", POST.format(title="Links outside", body=links))
    _write(content / "extra/handout.txt", "A handout.\n")
    return project_copy


def _published(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


def test_a_build_publishes_nothing_it_refuses_and_names_each_file(refused_project, tmp_path):
    site = tmp_path / "built" / "site" / "output"
    result = pelican(refused_project, site, "--log-handler", "plain", fatal=False)
    said = result.stdout + result.stderr
    published = _published(site)
    assert (site / "index.html").is_file() and (site / "extra" / "handout.txt").is_file()
    assert SECRET not in published and "root:x:0:0" not in published
    assert not (site / "extra" / "passwd.txt").exists()
    assert "<script>alert" not in published and "evil.example" not in published
    assert not (tmp_path / "built" / "beside-output.txt").exists()
    for relative in REFUSED:
        assert f"content/{relative}: error: " in said, relative
    assert "content/posts/2020/links-outside.md: error: this post links to ../" in said
    assert "private.txt, which is not a file in content/extra/, so it is not published" in said
    assert "beside-output.txt, which is not a file in content/extra/" in said


def test_a_build_with_a_refused_file_fails(refused_project, tmp_path):
    result = pelican(refused_project, tmp_path / "site", "--log-handler", "plain")
    assert result.returncode != 0
    said = result.stdout + result.stderr
    # One error names them all, so one build shows every file to fix.
    assert all(f"content/{relative}: error: " in said for relative in REFUSED)


def test_the_check_reports_every_file_the_build_refuses(refused_project):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--no-site"],
        cwd=refused_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    for relative, message in REFUSED.items():
        start = f"content/{relative}: error: "
        lines = [line for line in result.stdout.splitlines() if line.startswith(start)]
        assert len(lines) == 1 and message in lines[0], (relative, result.stdout)
    assert result.stdout.count("    what to do: ") >= len(REFUSED)
    assert SECRET not in result.stdout  # files linked from outside are not read
    assert "Traceback" not in result.stdout + result.stderr


def test_the_real_content_has_nothing_refused():
    from tests.conftest import ROOT

    assert [p.format() for p in check_content(ROOT / "content") if p.severity is Severity.ERROR] == []


def test_the_check_names_a_post_that_links_to_a_file_outside(project_copy, tmp_path):
    _write(tmp_path / "private.txt", SECRET)
    link = "[notes]({static}/../../private.txt)"
    _write(project_copy / "content/posts/2020/links-out.md", POST.format(title="Links out", body=link))
    check = [sys.executable, "-m", "invoke", "check"]
    result = subprocess.run(check, cwd=project_copy, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert (
        "content/posts/2020/links-out.md: error: this post links to ../../private.txt, which is not a file "
        "in content/extra/, so it is not published\n    what to do: copy the file into content/extra/"
    ) in result.stdout
    assert "Traceback" not in result.stdout and 'File "' not in result.stdout
