"""One end-to-end build of the real content with the real Pelican."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("output")
    result = subprocess.run(
        [
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
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _posts() -> list[dict]:
    posts = []
    for path in sorted((ROOT / "content" / "posts").rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        posts.append(meta)
    return posts


def test_every_post_has_its_wordpress_shaped_page(built):
    posts = _posts()
    assert len(posts) == 21
    for meta in posts:
        # A post known only to its year has no month in its address.
        month = [] if meta.get("date_precision") == "year" else [f"{meta['date']:%m}"]
        page = built.joinpath(f"{meta['date']:%Y}", *month, meta["slug"], "index.html")
        assert page.is_file(), page
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert meta["title"] in soup.get_text()


def test_tag_and_month_pages_exist(built):
    assert (built / "tag" / "childrens-social-work" / "index.html").is_file()
    assert (built / "2011" / "07" / "index.html").is_file()
    assert (built / "2009" / "index.html").is_file()
