"""The content cache keeps post bodies sanitised, and what it holds is never trusted blindly."""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import pelican_ok

HOSTILE = '<p>Hello</p><script>alert(1)</script><a href="javascript:alert(2)">x</a>'


def _cache(project: Path) -> tuple[Path, dict]:
    path = project / "cache" / "ArticlesGenerator-Readers"
    sys.path.insert(0, str(project / "plugins"))  # the cache names the plugin's class
    try:
        with path.open("rb") as handle:
            return path, pickle.load(handle)
    finally:
        sys.path.remove(str(project / "plugins"))


def _post_entries(entries: dict) -> list[str]:
    return sorted(key for key in entries if key.endswith(".md"))


def test_the_cache_holds_bodies_already_sanitised(project_copy):
    pelican_ok(project_copy, project_copy / "output")
    _, entries = _cache(project_copy)
    kinds = {type(entries[key][1][0]).__name__ for key in _post_entries(entries)}
    assert kinds == {"Sanitised"}


def test_a_body_in_the_cache_that_was_not_sanitised_is_sanitised_when_built(project_copy):
    out = project_copy / "output"
    pelican_ok(project_copy, out)
    path, entries = _cache(project_copy)
    key = _post_entries(entries)[0]
    stamp, (_, metadata) = entries[key]
    entries[key] = (stamp, (HOSTILE, metadata))
    with path.open("wb") as handle:
        pickle.dump(entries, handle)
    # The site is gone and the cache stays, so that every page is made from the cache.
    shutil.rmtree(out)
    pelican_ok(project_copy, out)
    shown = [p for p in out.rglob("index.html") if "Hello" in p.read_text(encoding="utf-8")]
    assert shown, "the post whose cached body was replaced is built from the cache"
    for page in shown:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        body = soup.find("article") or soup
        assert not body.find_all("script")
        assert not [a for a in body.find_all("a") if a.get("href", "").startswith("javascript")]
