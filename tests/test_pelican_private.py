"""Pelican's private names the plugins use, each exercised against the installed Pelican."""

from __future__ import annotations

import copy
import importlib.metadata
import os
from functools import cached_property

import pytest
from jinja2 import Template
from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag
from pelican.utils import SafeDatetime
from pelican.writers import FileOverwriteFailedError

from plugins import pelican_private


@pytest.fixture
def settings(tmp_path):
    config = copy.deepcopy(DEFAULT_CONFIG)
    config.update(CACHE_PATH=str(tmp_path / "cache"), CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
    return config


def test_the_installed_pelican_is_the_one_the_adapter_was_written_for():
    assert importlib.metadata.version("pelican") == pelican_private.WRITTEN_FOR


def test_metadata_marked_for_discarding_is_dropped():
    from pelican.readers import _DISCARD

    assert pelican_private.filter_discardable_metadata({"title": "A", "date": _DISCARD}) == {"title": "A"}


def test_a_body_as_read_and_the_content_internals(settings):
    article = Article(
        content='<p><a href="{filename}/other.md">x</a></p>',
        metadata={"title": "A", "date": SafeDatetime(2020, 1, 1)},
        settings=settings,
        source_path="/posts/a.md",
        context={"generated_content": {}, "static_content": {}, "static_links": set()},
    )
    assert pelican_private.body_as_read(article) == '<p><a href="{filename}/other.md">x</a></p>'
    assert set(vars(article)) >= pelican_private.CONTENT_INTERNALS


def test_cache_entries_and_saving_them_atomically(settings, tmp_path):
    readers = Readers(settings, "Test-Readers")
    entries = pelican_private.cached_entries(readers)
    assert entries == {}
    post = tmp_path / "post.md"
    post.write_text("x", encoding="utf-8")
    readers.cache_data(str(post), ("<p>x</p>", {}))
    assert str(post) in entries
    pelican_private.save_cache_atomically(readers)
    readers.save_cache()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["Test-Readers"]
    again = Readers(settings, "Test-Readers")
    assert again.get_cached_data(str(post)) == ("<p>x</p>", {})


def test_the_recording_writer_replaces_files_and_counts_kept_ones(settings, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shared = tmp_path / "live.html"
    shared.write_text("live", encoding="utf-8")
    os.link(shared, out / "page.html")
    writer = pelican_private.RecordingWriter(str(out), settings=settings)
    writer.write_file("page.html", Template("new"), {})
    assert writer.opened == [str(out / "page.html")]
    assert (out / "page.html").read_text(encoding="utf-8") == "new"
    assert shared.read_text(encoding="utf-8") == "live"  # replaced, not written through
    writer.count_as_written([str(out / "kept.html")])
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("kept.html", Template("again"), {})


def test_slugs_of_tags_are_read_and_given(settings):
    tag = Tag("Care leavers", settings)
    assert pelican_private.wrapper_slug_unset(tag)
    pelican_private.give_wrapper_slug(tag, "given")
    assert not pelican_private.wrapper_slug_unset(tag)
    assert tag.slug == "given"
    named = Tag("Ofsted", settings)
    named.slug = "by-hand"
    assert not pelican_private.wrapper_slug_unset(named)


def test_a_class_is_changed_and_cached_values_preset(settings):
    article = Article(
        content="<p>x</p>", metadata={"title": "A", "date": SafeDatetime(2020, 1, 1)}, settings=settings
    )
    caching = type("Article", (Article,), {"url": cached_property(lambda self: "worked-out/")})
    pelican_private.change_class(article, caching)
    assert type(article) is caching
    pelican_private.preset_cached(article, "url", "preset/")
    assert article.url == "preset/"
