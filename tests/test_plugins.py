"""The theme's plugins on their own."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from markdown import Markdown
from pelican.settings import DEFAULT_CONFIG

import pelicanconf
from plugins.comment_counts import comment_counts
from plugins.site_context import site_context
from plugins.yaml_front_matter.yaml_front_matter import YamlFrontMatterReader

ROOT = Path(__file__).resolve().parent.parent

LONDON = ZoneInfo("Europe/London")


def _generator(*articles):
    return SimpleNamespace(articles=list(articles), drafts=[], translations=[], context={})


def test_legacy_counts_absent_means_unknown_and_closed_is_kept():
    comment_counts.register_source(comment_counts.legacy_count)
    counted = SimpleNamespace(comments=2)
    silent = SimpleNamespace()
    closed = SimpleNamespace(comments=0, comments_closed=True)
    kept = SimpleNamespace(legacy_comments=[{"author": "A", "text": "x"}, {"author": "B", "text": "y"}])
    generator = _generator(counted, silent, closed, kept)
    comment_counts.annotate(generator)
    counts = (counted.comment_count, silent.comment_count, closed.comment_count, kept.comment_count)
    assert counts == (2, None, 0, 2)
    assert (counted.comments_closed, closed.comments_closed) == (False, True)
    assert generator.context["comment_total"]([counted, silent, closed]) == 2
    assert generator.context["comments_known"]([silent]) is False
    assert generator.context["comments_known"]([silent, closed]) is True


def test_a_lists_totals_follow_the_list_and_the_build():
    comment_counts.register_source(comment_counts.legacy_count)
    posts = [SimpleNamespace(comments=n) for n in (1, 2, 3)]
    generator = _generator(*posts)
    comment_counts.annotate(generator)
    shown = list(posts)
    total = generator.context["comment_total"]
    assert total(shown) == 6
    shown.append(SimpleNamespace(comment_count=4))
    assert total(shown) == 10  # the same list, grown
    assert total(iter(posts)) == 6
    posts[0].comments = 7
    comment_counts.annotate(generator)  # the next build counts again
    assert total(shown) == 16


def test_a_later_comment_source_adds_to_the_same_count():
    def stored_beside_the_post(article):
        return len(getattr(article, "comment_files", []))

    comment_counts.register_source(comment_counts.legacy_count)
    comment_counts.register_source(stored_beside_the_post)
    try:
        article = SimpleNamespace(comments=2, comment_files=["a.yml", "b.yml", "c.yml"])
        comment_counts.annotate(_generator(article))
        assert article.comment_count == 5
    finally:
        comment_counts._SOURCES.remove(stored_beside_the_post)


def test_count_labels():
    label = comment_counts.count_label
    assert [label(0, "comment"), label(1, "comment"), label(7, "post"), label(1, "post")] == [
        "no comments",
        "1 comment",
        "7 posts",
        "1 post",
    ]


def test_british_dates_whatever_the_locale():
    article = SimpleNamespace(date=datetime(2016, 6, 6, 12, tzinfo=LONDON), date_source="explicit")
    assert site_context.post_date(article) == "6 June 2016"
    assert site_context.machine_date(article) == "2016-06-06T12:00:00+01:00"
    month = SimpleNamespace(
        date=datetime(2011, 7, 1, 12, tzinfo=LONDON), date_source="archive", date_precision="month"
    )
    assert (site_context.post_date(month), site_context.machine_date(month)) == ("July 2011", "2011-07")
    guess = SimpleNamespace(date=datetime(2009, 12, 1, 12), date_source="inferred", date_precision="month")
    assert site_context.post_date(guess) == "date not recorded; after December 2009"
    year = SimpleNamespace(date=datetime(2009, 1, 1, 12), date_source="inferred", date_precision="year")
    assert (site_context.post_date(year), site_context.machine_date(year)) == (
        "date not recorded; after 2009",
        "2009",
    )
    # Older than a neighbour whose own date is only a lower bound: no bound at all.
    older = SimpleNamespace(
        date=datetime(2009, 1, 1, 12),
        date_source="inferred",
        date_precision="year",
        date_evidence="it is listed below (so is older than) 'X', dated c. 2009",
    )
    assert site_context.post_date(older) == "date not recorded"
    assert site_context.month_label([month]) == "July 2011"


def _front_matter_reader(extension_configs: dict) -> YamlFrontMatterReader:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {"extension_configs": extension_configs, "output_format": "html5"}
    return YamlFrontMatterReader(settings)


def test_the_front_matter_reader_converts_as_markdown_does_with_the_names():
    configs = pelicanconf.MARKDOWN["extension_configs"]
    by_name = Markdown(extensions=list(configs), extension_configs=configs, output_format="html5")
    reader = _front_matter_reader(copy.deepcopy(configs))
    posts = sorted((ROOT / "content" / "posts").rglob("*.md"))
    sample = "# Head\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1]\n\n[^1]: foot\n\n```\ncode\n```\n"
    assert posts
    for text in [sample, *(p.read_text(encoding="utf-8") for p in posts)]:
        assert reader._md.reset().convert(text) == by_name.reset().convert(text)


def test_an_extension_s_settings_reach_it():
    plain = _front_matter_reader({"markdown.extensions.toc": {}})._md.convert("# Head")
    linked = _front_matter_reader({"markdown.extensions.toc": {"permalink": True}})._md.convert("# Head")
    assert "headerlink" not in plain
    assert 'class="headerlink"' in linked


def test_the_collector_is_tuned_once_per_process():
    # Setting objects aside a second time would keep a first build's garbage for good.
    code = (
        "import gc\n"
        "from plugins.incremental import collector\n"
        "collector.tune_collector(None)\n"
        "first = gc.get_freeze_count()\n"
        "kept = [[n] for n in range(5000)]\n"
        "collector.tune_collector(None)\n"
        "print(first > 0, gc.get_freeze_count() == first, gc.isenabled())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "True", "True"]


def test_equal_tags_and_authors_are_slugified_once_and_keep_their_slugs(monkeypatch):
    import pelican.urlwrappers
    from pelican import signals
    from pelican.contents import Article
    from pelican.urlwrappers import Author, Tag
    from pelican.utils import SafeDatetime

    from plugins.url_cache import url_cache

    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["AUTHOR"] = "The Blog’s Authors"
    calls = []
    slugify = pelican.urlwrappers.slugify

    def counted(name, **options):
        calls.append(name)
        return slugify(name, **options)

    monkeypatch.setattr(pelican.urlwrappers, "slugify", counted)

    def article(n: int, tags: list[str]) -> Article:
        tagged = [Tag(t, settings) for t in tags]
        metadata = {"title": f"Post {n}", "date": SafeDatetime(2020, 1, n), "tags": tagged}
        # Plugins a Pelican made earlier in this process would see the post first.
        with signals.content_object_init.muted():
            made = Article(content="<p>x</p>", metadata=metadata, settings=settings, source_path=f"/p/{n}.md")
        url_cache.cache_content_urls(made)
        return made

    url_cache.forget_slugs(None)
    posts = [article(1, ["Care leavers", "Ofsted"]), article(2, ["Ofsted"]), article(3, ["Care leavers"])]
    hand_set = Tag("Ofsted", settings)
    hand_set.slug = "inspections"
    posts[2].tags.append(hand_set)
    url_cache.cache_content_urls(posts[2])

    assert {p.author.slug for p in posts} == {Author("The Blog’s Authors", settings).slug}
    assert [[t.slug for t in p.tags] for p in posts] == [
        ["care-leavers", "ofsted"],
        ["ofsted"],
        ["care-leavers", "inspections"],
    ]
    assert sorted(calls[:3]) == sorted(["The Blog’s Authors", "Care leavers", "Ofsted"])
    assert len(calls) == 4  # the three names once each, and the fresh Author above

    # A copy of the settings (as a post read in another process has) shares the
    # slugs; settings that slugify differently do not.
    copied = Tag("Ofsted", copy.deepcopy(settings))
    url_cache._share_slug(copied)
    other = copy.deepcopy(settings)
    other["TAG_REGEX_SUBSTITUTIONS"] = [(r"[^\w\s-]", ""), (r"\s+", "_")]
    renamed = Tag("Care leavers", other)
    url_cache._share_slug(renamed)
    assert (copied.slug, renamed.slug) == ("ofsted", "care_leavers")
    assert len(calls) == 5
    url_cache.forget_slugs(None)


def _read_both(tmp_path: Path, yaml_lines: str, markdown_lines: str) -> tuple[dict, dict]:
    """One post's metadata as our reader and as Pelican's Markdown reader make it."""
    from pelican.readers import MarkdownReader, _filter_discardable_metadata

    settings = copy.deepcopy(DEFAULT_CONFIG)
    ours, theirs = tmp_path / "ours.md", tmp_path / "theirs.md"
    ours.write_text(f"---\n{yaml_lines}\n---\n\nText.\n", encoding="utf-8")
    theirs.write_text(f"{markdown_lines}\n\nText.\n", encoding="utf-8")
    read = [
        _filter_discardable_metadata(reader.read(str(path))[1])
        for reader, path in ((YamlFrontMatterReader(settings), ours), (MarkdownReader(settings), theirs))
    ]
    return read[0], read[1]


def test_front_matter_values_are_processed_as_pelican_s_markdown_reader_does(tmp_path):
    ours, theirs = _read_both(
        tmp_path,
        'title: "Both"\ncategory: ""\ntags: "fostering, courts"\nauthor: "Sam Patel"\nstatus: " draft "\n'
        "date: 2020-01-02T12:00:00+00:00\nslug: both",
        "Title: Both\nCategory: \nTags: fostering, courts\nAuthor: Sam Patel\nStatus:  draft \n"
        "Date: 2020-01-02T12:00:00+00:00\nSlug: both",
    )
    assert "category" not in ours and "category" not in theirs
    assert [str(t) for t in ours["tags"]] == [str(t) for t in theirs["tags"]] == ["fostering", "courts"]
    assert {k: str(v) for k, v in ours.items() if k != "tags"} == {
        k: str(v) for k, v in theirs.items() if k != "tags"
    }
    # A YAML list keeps its items whole, commas and all.
    listed, _ = _read_both(tmp_path, 'title: "L"\ntags: ["care, and courts", "  "]', "Title: L")
    assert [str(t) for t in listed["tags"]] == ["care, and courts"]


def test_older_and_newer_posts_are_the_right_way_round():
    dates = [datetime(2020, 3, 1, tzinfo=LONDON), datetime(2020, 2, 1, tzinfo=LONDON)]
    dates.append(datetime(2019, 12, 1, tzinfo=LONDON))
    newest, middle, oldest = (SimpleNamespace(date=d, title=f"{d:%Y-%m}") for d in dates)
    generator = _generator(newest, middle, oldest)  # newest first, as Pelican orders them
    generator.settings = {"YEAR_ARCHIVE_URL": "{date:%Y}/", "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/"}
    site_context.add_context(generator)
    assert (middle.prev_article, middle.next_article) == (oldest, newest)
    assert (newest.prev_article, newest.next_article) == (middle, None)
    assert (oldest.prev_article, oldest.next_article) == (None, middle)
    older, newer = generator.context["month_neighbours"](2020, 2)
    assert (older.url, newer.url) == ("2019/12/", "2020/03/")


def test_a_cname_left_from_an_earlier_build_is_removed(tmp_path):
    from plugins.github_pages import github_pages

    def pelican(cname: str) -> SimpleNamespace:
        return SimpleNamespace(
            output_path=str(tmp_path), settings={"OUTPUT_PATH": str(tmp_path), "CNAME": cname}
        )

    github_pages.write_pages_files(pelican("a.org"))
    assert (tmp_path / "CNAME").read_text() == "a.org\n"
    github_pages.write_pages_files(pelican(" "))
    assert not (tmp_path / "CNAME").exists()
    assert (tmp_path / ".nojekyll").read_bytes() == b""


def test_control_characters_inside_a_link_scheme_do_not_let_it_through(read_post):
    from plugins.safe_html.safe_html import sanitize

    # Browsers drop these inside a scheme, so "java\tscript:" is javascript:.
    controls = [chr(c) for c in range(0x01, 0x21) if chr(c) not in "\n\r"]
    body = "\n\n".join(f"[link {ord(c)}](<java{c}script:alert(1)>)" for c in controls)
    read, _ = read_post(f'---\ntitle: "Links"\ndate: 2020-01-02\n---\n\n{body}\n')
    # Every body is sanitised as its post is made, whichever reader read it.
    html = BeautifulSoup(sanitize(str(read)), "html.parser")
    links = html.find_all("a")
    assert len(links) == len(controls)
    for link in links:
        href = link.get("href", "")
        assert not "".join(ch for ch in href if ord(ch) > 0x20).lower().startswith("javascript:"), link


def _tagged(path: str, *tags: str) -> SimpleNamespace:
    return SimpleNamespace(source_path=path, tags=[SimpleNamespace(name=t) for t in tags])


def _posts() -> list[SimpleNamespace]:
    return [
        _tagged("a.md", "courts", "fostering"),
        _tagged("b.md", "courts"),
        _tagged("c.md", "fostering", "adoption"),
        _tagged("d.md", "adoption"),
        _tagged("e.md", "courts", "fostering"),
    ]


def _related_paths(posts) -> list[list[str]]:
    return [[other.source_path for other in post.related] for post in posts]


def test_related_posts_are_reused_until_a_post_or_tag_changes(tmp_path, monkeypatch):
    cache = str(tmp_path / "related-posts.pickle")
    fresh = _posts()
    site_context._work_out_related(fresh, 3)
    first = _posts()
    site_context._relate(first, 3, cache)
    assert _related_paths(first) == _related_paths(fresh)

    def worked_out(articles, limit):
        raise AssertionError("worked out again")

    again = _posts()
    monkeypatch.setattr(site_context, "_work_out_related", worked_out)
    site_context._relate(again, 3, cache)
    assert _related_paths(again) == _related_paths(fresh)

    monkeypatch.undo()
    changed = _posts()
    changed[1].tags.append(SimpleNamespace(name="adoption"))
    expected = _posts()
    expected[1].tags.append(SimpleNamespace(name="adoption"))
    site_context._work_out_related(expected, 3)
    site_context._relate(changed, 3, cache)
    assert _related_paths(changed) == _related_paths(expected) != _related_paths(fresh)
