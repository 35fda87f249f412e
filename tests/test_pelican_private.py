"""Pelican's private names the plugins use, each exercised against the installed Pelican."""

from __future__ import annotations

import copy
import importlib.metadata
import os
import pickle
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
    pelican_private.save_cache_atomically(readers, changed=False)
    readers.cache_data(str(post), ("<p>x</p>", {}))
    assert str(post) in entries
    readers.save_cache()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["Test-Readers"]
    again = Readers(settings, "Test-Readers")
    assert again.get_cached_data(str(post)) == ("<p>x</p>", {})


def test_a_cache_nothing_was_added_to_is_not_written_again(settings, tmp_path):
    post = tmp_path / "post.md"
    post.write_text("x", encoding="utf-8")
    first = Readers(settings, "Test-Readers")
    pelican_private.save_cache_atomically(first, changed=False)
    first.cache_data(str(post), ("<p>x</p>", {}))
    first.save_cache()
    saved = tmp_path / "cache" / "Test-Readers"
    before = saved.stat().st_mtime_ns, saved.stat().st_ino
    again = Readers(settings, "Test-Readers")
    pelican_private.save_cache_atomically(again, changed=False)
    assert again.get_cached_data(str(post)) == ("<p>x</p>", {})
    again.save_cache()
    assert (saved.stat().st_mtime_ns, saved.stat().st_ino) == before
    emptied = Readers(settings, "Test-Readers")
    pelican_private.cached_entries(emptied).clear()
    pelican_private.save_cache_atomically(emptied, changed=True)
    emptied.save_cache()
    assert saved.stat().st_ino != before[1]
    assert Readers(settings, "Test-Readers").get_cached_data(str(post)) is None


def _identity(path) -> tuple[int, int]:
    return path.stat().st_mtime_ns, path.stat().st_ino


def _readers(settings) -> Readers:
    readers = Readers(settings, "Test-Readers")
    pelican_private.save_cache_atomically(readers, changed=False)
    return readers


def test_a_few_new_entries_are_kept_beside_the_cache_not_written_into_it_again(settings, tmp_path):
    posts = [str(tmp_path / f"p{n}.md") for n in range(3)]
    first = _readers(settings)
    for post in posts[:2]:
        first.cache_data(post, ("<p>x</p>", {}))
    first.save_cache()
    saved, beside = tmp_path / "cache" / "Test-Readers", tmp_path / "cache" / "Test-Readers.recent"
    before = _identity(saved)
    second = _readers(settings)
    second.cache_data(posts[2], ("<p>y</p>", {}))
    second.save_cache()
    assert _identity(saved) == before
    assert beside.exists()
    third = _readers(settings)
    assert [third.get_cached_data(post) for post in posts] == [("<p>x</p>", {})] * 2 + [("<p>y</p>", {})]
    # A cache emptied (other code or settings) is written whole, and what was beside it goes.
    emptied = Readers(settings, "Test-Readers")
    pelican_private.cached_entries(emptied).clear()
    pelican_private.save_cache_atomically(emptied, changed=True)
    emptied.save_cache()
    assert not beside.exists()
    assert [_readers(settings).get_cached_data(post) for post in posts] == [None] * 3


def test_many_new_entries_write_the_whole_cache_and_entries_beside_another_file_are_not_read(
    settings, tmp_path, monkeypatch
):
    posts = [str(tmp_path / f"p{n}.md") for n in range(4)]
    first = _readers(settings)
    first.cache_data(posts[0], ("<p>0</p>", {}))
    first.save_cache()
    saved, beside = tmp_path / "cache" / "Test-Readers", tmp_path / "cache" / "Test-Readers.recent"
    second = _readers(settings)
    second.cache_data(posts[1], ("<p>1</p>", {}))
    second.save_cache()
    assert beside.exists()
    # The cache file replaced by another hand: the entries beside the old one are not its own.
    other = Readers(settings, "Other-Readers")
    other.cache_data(posts[3], ("<p>3</p>", {}))
    with other._cache_open(saved, "wb") as handle:  # as Pelican writes it (gzip or not)
        pickle.dump(pelican_private.cached_entries(other), handle)
    third = _readers(settings)
    assert third.get_cached_data(posts[1]) is None
    assert third.get_cached_data(posts[3]) == ("<p>3</p>", {})
    monkeypatch.setattr(pelican_private, "RECENT_AT_MOST", 1)
    before = _identity(saved)
    for post in posts[:3]:
        third.cache_data(post, (f"<p>{post}</p>", {}))
    third.save_cache()
    assert _identity(saved) != before
    assert not beside.exists()
    assert _readers(settings).get_cached_data(posts[2]) == (f"<p>{posts[2]}</p>", {})


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


def _article(settings, title, when, **metadata):
    return Article(
        content=metadata.pop("content", f"<p>{title}</p>"),
        metadata={"title": title, "date": when, **metadata},
        settings=settings,
        source_path=f"/posts/{title}.md",
        context={"generated_content": {}, "static_content": {}, "static_links": set(), "localsiteurl": ""},
    )


def test_posts_compare_by_identity_so_a_set_of_identities_answers_in():
    # The set lookups below rely on this; a Pelican that adds __eq__ fails here.
    assert Article.__eq__ is object.__eq__


def test_members_answer_in_as_a_list_does(settings):
    posts = [_article(settings, f"p{i}", SafeDatetime(2020, 1, 1 + i)) for i in range(4)]
    members = pelican_private.Members(posts[:2])
    assert [p in members for p in posts] == [True, True, False, False]
    members.append(posts[2])
    assert posts[2] in members
    members.sort(key=lambda p: p.title, reverse=True)
    assert [p in members for p in posts] == [True, True, True, False]
    assert members == posts[2::-1]


def test_period_archives_are_pelicans_without_the_scan(settings):
    # Dates sorted newest first, articles in another order: each archive's
    # ``articles`` must follow the articles' order, as Pelican's does.
    posts = [
        _article(settings, f"p{i}", SafeDatetime(2020 + i % 2, 1 + i % 3, 1 + i % 5, 0, i)) for i in range(30)
    ]
    dates = sorted(posts, key=lambda p: p.date, reverse=True)
    articles = sorted(posts, key=lambda p: p.title)
    config = {
        **settings,
        "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
        "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
        "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html",
    }
    theirs = pelican_private._pelican_period_archives(None, dates, articles, config)
    ours = pelican_private._period_archives(None, dates, articles, config)
    assert ours == theirs
    assert [len(ours[g]) for g in ("year", "month", "day")] == [2, 6, 30]


def test_translations_are_grouped_as_pelican_groups_them(settings):
    posts = [
        _article(settings, "a", SafeDatetime(2020, 1, 1), slug="one", lang="en"),
        _article(settings, "b", SafeDatetime(2020, 1, 2), slug="two", lang="en"),
        _article(settings, "c", SafeDatetime(2020, 1, 3), slug="one", lang="fr"),
        _article(settings, "d", SafeDatetime(2020, 1, 4), slug="three", lang="fr"),
    ]
    theirs = pelican_private._pelican_process_translations(list(posts), "slug")
    translations_theirs = {p.title: [t.title for t in p.translations] for p in posts}
    ours = pelican_private._process_translations(list(posts), "slug")
    assert ours == theirs
    assert {p.title: [t.title for t in p.translations] for p in posts} == translations_theirs
    assert [p.title for p in ours[0]] == ["a", "d", "b"] and [p.title for p in ours[1]] == ["c"]
    with pytest.raises(AttributeError, match="appear to be items without"):
        pelican_private._process_translations(list(posts), "no_such_field")


def test_a_summary_is_remembered_for_each_address_given(settings):
    plain = _article(settings, "plain", SafeDatetime(2020, 1, 1), content="<p>Body</p>")
    linking = _article(settings, "links", SafeDatetime(2020, 1, 1), content='<a href="{filename}/x.md">x</a>')
    assert not pelican_private.has_site_links(plain)
    assert pelican_private.has_site_links(linking)
    pelican_private.remember_summary(plain, "<p>Remembered</p>", [".", ".."])
    assert plain.get_summary("..") == "<p>Remembered</p>"
    assert plain.get_summary("../..") == "<p>Body</p>"  # not given: worked out


def test_file_stamps_include_the_change_time_size_and_inode(tmp_path):
    from pelican.cache import FileStampDataCacher

    from plugins.pelican_private import install_full_file_stamps

    install_full_file_stamps()
    path = tmp_path / "post.md"
    path.write_text("text", encoding="utf-8")
    settings = {"CACHE_PATH": str(tmp_path), "CHECK_MODIFIED_METHOD": "mtime", "GZIP_CACHE": False}
    cacher = FileStampDataCacher(settings, "Stamps", caching_policy=True, load_policy=False)
    info = path.stat()
    assert cacher._get_file_stamp(str(path)) == (
        info.st_mtime_ns,
        info.st_ctime_ns,
        info.st_size,
        info.st_ino,
    )


LIST_PAGE = (
    "{{ articles_page.number }}/{{ articles_paginator.num_pages }}"
    " {{ articles_page.object_list|join(',') }} {{ dates_page.object_list|join(',') }}"
    " {{ articles_next_page.number if articles_next_page }}"
    " {{ articles_previous_page.url if articles_previous_page }} {{ tag }} {{ output_file }}"
)


@pytest.mark.parametrize("count", [0, 1, 10, 11, 23])
def test_a_list_written_page_by_page_is_the_list_pelican_paginates(tmp_path, count):
    from pelican.settings import read_settings
    from pelican.writers import Writer

    settings = read_settings(override={"DEFAULT_PAGINATION": 5, "PAGINATED_TEMPLATES": {"tag": None}})
    articles = [f"post {n}" for n in range(count)]
    options = {"articles": articles, "dates": articles[::-1], "template_name": "tag", "url": "tag/x/"}
    options["tag"] = "x"
    template = Template(LIST_PAGE)
    Writer(str(tmp_path / "whole"), settings=settings).write_file("tag/x/index.html", template, {}, **options)
    pages = pelican_private.pagination_pages(settings, "tag/x/index.html", options)
    writer = Writer(str(tmp_path / "pages"), settings=settings)
    for name, page_options in pages:
        writer.write_file(name, template, {}, **page_options)
    whole = {p.relative_to(tmp_path / "whole"): p.read_text() for p in (tmp_path / "whole").rglob("*.html")}
    each = {p.relative_to(tmp_path / "pages"): p.read_text() for p in (tmp_path / "pages").rglob("*.html")}
    assert len(each) == len(pages) == max(1, -(-count // 5))
    assert each == whole


def test_a_write_that_is_not_paginated_is_left_whole(settings):
    settings.update(PAGINATED_TEMPLATES={"tag": None})
    archives = {"template_name": "archives", "articles": [1]}
    assert pelican_private.pagination_pages(settings, "a.html", archives) is None
    assert pelican_private.pagination_pages(settings, "a.html", {"template_name": "tag"}) is None
