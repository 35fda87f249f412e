"""Fixture factories shared by the tests."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from importer.pipeline import import_archive

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Imported:
    out: Path
    report: dict

    def posts(self) -> dict[str, str]:
        return {
            p.relative_to(self.out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(self.out.rglob("*.md"))
        }

    def only(self) -> str:
        posts = self.posts()
        assert len(posts) == 1, sorted(posts)
        return next(iter(posts.values()))


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    path = tmp_path / "raw"
    path.mkdir()
    return path


@pytest.fixture
def make_raw(raw_dir: Path) -> Callable[..., Path]:
    """Write a raw page: text is encoded as UTF-8 unless bytes are given."""

    def make(name: str, content: str | bytes) -> Path:
        path = raw_dir / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return make


@pytest.fixture
def run_import(raw_dir: Path, tmp_path: Path) -> Callable[..., Imported]:
    def run(force: bool = False) -> Imported:
        out = tmp_path / "posts"
        report = import_archive(raw_dir, out, force=force, label_root=raw_dir.parent)
        return Imported(out, json.loads(json.dumps(report.as_dict())))

    return run


@pytest.fixture
def import_text(make_raw, run_import) -> Callable[[str], Imported]:
    """Import one raw page given as text."""

    def run(text: str, name: str = "page.txt") -> Imported:
        make_raw(name, text)
        return run_import()

    return run


@pytest.fixture(scope="session")
def markdown_reader():
    """Pelican's own reader for our Markdown posts, with the project's settings."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(ROOT / "content")})
    Pelican(settings)  # registers the plugins, the YAML front-matter reader among them
    from pelican.readers import Readers

    return Readers(settings).readers["md"]


@pytest.fixture
def read_post(markdown_reader, tmp_path: Path) -> Callable[[str], tuple[BeautifulSoup, dict]]:
    """Read a post's Markdown text through Pelican: (parsed HTML body, metadata)."""

    def read(text: str) -> tuple[BeautifulSoup, dict]:
        path = tmp_path / "read-post.md"
        path.write_text(text, encoding="utf-8")
        html, metadata = markdown_reader.read(str(path))
        return BeautifulSoup(html, "html.parser"), metadata

    return read


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """The project's site sources (config, content, theme, plugins) in a temporary folder."""
    target = tmp_path / "project"
    target.mkdir()
    for name in (
        "pelicanconf.py",
        "publishconf.py",
        "tasks.py",
        "requirements.txt",
        "published-addresses.txt",
    ):
        shutil.copy(ROOT / name, target / name)
    for name in ("content", "theme", "plugins", "raw", "importer", "authoring"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def build_site(
    project: Path, out: Path, *, production: bool = False, siteurl: str = "", cname: str = ""
) -> Path:
    """Build a project's site for real with Pelican (and its search index) into ``out``."""
    from authoring.sitecheck import build

    result = build(project, out, production=production, siteurl=siteurl, cname=cname)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pelican(project: Path, out: Path, *extra: str, fatal: bool = True):
    """Run the real ``pelican`` command on a project; the finished process."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out), *extra]
    if fatal:
        command += ["--fatal", "warnings"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True)


def pelican_ok(project: Path, out: Path, *extra: str) -> None:
    result = pelican(project, out, *extra)
    assert result.returncode == 0, result.stdout + result.stderr


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def many_posts() -> Callable[[Path, int], None]:
    """Add ``n`` synthetic posts shaped like the real ones to a project copy."""
    from benchmarks.synth import generate, profile, write_ours

    def add(project: Path, n: int) -> None:
        write_ours(generate(profile(project / "content" / "posts"), n, seed=7), project / "content")

    return add


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    from tests.site_server import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make test does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class ReadThread:
    """A page read in memory: its one post's front matter and body, and the lines dropped."""

    meta: dict
    body: str
    dropped: dict[str, str]  # line text -> reason

    @property
    def authors(self) -> list[str]:
        return [c["author"] for c in self.meta.get("legacy_comments", [])]

    @property
    def texts(self) -> list[str]:
        return [c["text"] for c in self.meta.get("legacy_comments", [])]


ARTICLE = """\
Thresholds and the duty desk
Posted on 4 March 2016 by Carys Penhallow

The threshold document was rewritten this winter and the duty desk has been living with it for a \
month.

Most of the change is good: clearer examples, fewer words, and a page on neglect that finally reads \
like practice.

The part we still argue about is the line between early help and a child in need assessment, which \
is where most of our calls sit.
"""


@pytest.fixture
def read_thread() -> Callable[[str], ReadThread]:
    """Read the invented article above with ``comments`` (a page's comment section, as saved) under it."""
    import yaml

    from importer.pipeline import read_page
    from importer.render import render

    def read(comments: str, article: str = ARTICLE) -> ReadThread:
        page = read_page(f"{article}\n{comments}".encode(), "raw/thread.txt")
        assert len(page.posts) == 1, [post.title for post in page.posts]
        page.posts[0].slug = "thread"
        _, head, body = render(page.posts[0]).split("---\n", 2)
        return ReadThread(yaml.safe_load(head), body.strip(), {d.text: d.reason for d in page.dropped})

    return read
