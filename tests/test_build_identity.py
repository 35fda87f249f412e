"""Speed-ups must not change a single byte of the site."""

from __future__ import annotations

import filecmp

import pelicanconf
from tests.conftest import pelican_ok as _pelican
from tests.conftest import tree as _tree


def test_cached_rebuild_after_an_edit_equals_a_clean_build(project_copy, tmp_path):
    _pelican(project_copy, tmp_path / "first")  # warms cache/
    assert (project_copy / "cache").is_dir()
    post = project_copy / "content" / "posts" / "2009" / "baby-p-effect-sustained.md"
    post.write_text(post.read_text(encoding="utf-8").replace("For about a year", "For about a year (edited)"))
    _pelican(project_copy, tmp_path / "cached")
    _pelican(project_copy, tmp_path / "clean", "--ignore-cache")
    cached, clean = _tree(tmp_path / "cached"), _tree(tmp_path / "clean")
    assert "(edited)" in cached["2009/12/baby-p-effect-sustained/index.html"].decode()
    assert cached == clean


def test_url_cache_changes_no_output(project_copy, tmp_path):
    _pelican(project_copy, tmp_path / "with", "--ignore-cache")
    without = [p for p in pelicanconf.PLUGINS if p != "url_cache"]
    _pelican(
        project_copy, tmp_path / "without", "--ignore-cache", "-e", f"PLUGINS={without!r}".replace("'", '"')
    )
    comparison = filecmp.dircmp(tmp_path / "with", tmp_path / "without")
    assert _tree(tmp_path / "with") == _tree(tmp_path / "without"), comparison.diff_files
