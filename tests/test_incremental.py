"""Rebuilds redo only what changed, on every core, and end as a clean build would."""

from __future__ import annotations

import importlib.metadata
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.forkpool import MIN_PARALLEL, fork_map
from plugins.incremental.addresses import ADDRESSES
from plugins.incremental.fingerprints import stable
from tests.conftest import pelican, pelican_ok, tree

pytestmark = pytest.mark.slow

POST = "content/posts/2009/baby-p-effect-sustained.md"
PAGE = "2009/12/baby-p-effect-sustained/index.html"
BASE = "theme/templates/base.html"
LINKING = "content/posts/2009/big-week-for-social-care.md"


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _times(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*.html")}


def test_a_new_tag_rewrites_the_pages_that_show_the_post_and_no_others(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = _times(out)
    _edit(project_copy, POST, "tags: [", 'tags: ["a brand new tag", ')
    pelican_ok(project_copy, out)
    after = _times(out)
    changed = {name for name in after if after[name] != before.get(name)}
    assert PAGE in changed
    assert "tag/a-brand-new-tag/index.html" in changed
    assert "2009/12/index.html" in changed  # its month lists its tags
    # A post two years away, in no list with it, and its month, are not rendered again.
    assert "2011/07/stale-practise/index.html" not in changed
    assert "2011/07/index.html" not in changed
    assert len(changed) < len(after) // 2


def test_a_tag_edit_renders_only_the_pages_of_a_long_list_that_show_the_post(
    project_copy, many_posts, tmp_path
):
    many_posts(project_copy, 80)
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = _times(out)
    _edit(project_copy, POST, "tags: [", 'tags: ["a brand new tag", ')
    pelican_ok(project_copy, out)
    after = _times(out)
    changed = {name for name in after if after[name] != before.get(name)}
    home = {name for name in after if name == "index.html" or name.startswith("page/")}
    showing = {
        name for name in home if "/baby-p-effect-sustained/" in (out / name).read_text(encoding="utf-8")
    }
    assert len(home) > 5
    assert len(showing) == 1
    assert showing <= changed
    assert len(changed & home) <= 3  # its page, and those of its neighbours and related posts
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")


def test_every_page_of_a_long_list_shows_the_list_s_new_totals(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 80)
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    author = sorted((out / "author").glob("*/page/*/index.html"))
    assert len(author) > 3
    before = {page: page.read_text("utf-8") for page in author}
    _edit(project_copy, POST, "comments: 2", "comments: 502")
    pelican_ok(project_copy, out)
    # Each page of the author's list gives the list's comment total, whichever posts it shows.
    assert all(page.read_text("utf-8") != text for page, text in before.items())
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")


def test_a_build_that_ignored_the_cache_leaves_one_the_next_build_uses(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out, "--ignore-cache")
    before = _times(out)
    _edit(project_copy, POST, "Not only this", "Not only this (edited)")
    pelican_ok(project_copy, out)
    after = _times(out)
    assert sorted(name for name in after if after[name] != before.get(name)) == [PAGE]


def test_an_edit_below_the_summary_rewrites_only_that_post(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = _times(out)
    _edit(project_copy, POST, "Not only this", "Not only this (edited)")
    pelican_ok(project_copy, out)
    after = _times(out)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == [PAGE]
    assert "(edited)" in (out / PAGE).read_text(encoding="utf-8")


# Appended to a plugin's code: every paragraph a post's reader makes is marked.
PLUGIN_CHANGE = """

_read_before_change = YamlFrontMatterReader.read


def _read_and_mark(self, source_path):
    content, metadata = _read_before_change(self, source_path)
    # Text, not a class: every body is sanitised, and classes on paragraphs go.
    return content + "<p>plugin changed</p>", metadata


YamlFrontMatterReader.read = _read_and_mark
"""

# Appended to a copy of Markdown installed as a newer version.
PACKAGE_CHANGE = """

_convert_before_change = Markdown.convert


def _convert_and_mark(self, source):
    return _convert_before_change(self, source) + "<p>Markdown 99</p>"


Markdown.convert = _convert_and_mark
"""


def _install_newer_markdown(folder: Path, monkeypatch) -> None:
    """A changed copy of Markdown, as version 99.0, ahead of the installed one for every build."""
    import markdown

    shutil.copytree(
        Path(markdown.__file__).parent, folder / "markdown", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (folder / "markdown" / "core.py").open("a", encoding="utf-8") as handle:
        handle.write(PACKAGE_CHANGE)
    info = folder / "markdown-99.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: Markdown\nVersion: 99.0\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(folder))
    assert importlib.metadata.version("markdown") != "99.0"


def test_every_kind_of_change_ends_as_a_clean_build(project_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    (tmp_path / "site-packages").mkdir()
    steps = {
        "body": lambda: _edit(project_copy, POST, "Not only this", "Not only this (edited)"),
        "summary": lambda: _edit(project_copy, POST, "For about a year", "A new opening. For about a year"),
        "title": lambda: _edit(project_copy, POST, 'title: "', 'title: "Renamed, '),
        "tags": lambda: _edit(project_copy, POST, "tags: [", 'tags: ["a brand new tag", '),
        "date": lambda: _edit(project_copy, POST, "date: 2009-12-01", "date: 2009-11-15"),
        "comment count": lambda: _edit(project_copy, POST, "comments: 2", "comments: 5"),
        "date in a month and year with no other post": lambda: _edit(
            project_copy, POST, "date: 2009-11-15", "date: 2005-06-15"
        ),
        "date back among the others": lambda: _edit(
            project_copy, POST, "date: 2005-06-15", "date: 2009-11-15"
        ),
        "neighbour's title": lambda: _edit(
            project_copy,
            "content/posts/2009/social-workers-leave-due-to-baby-p-effect.md",
            'title: "',
            'title: "Now ',
        ),
        "draft": lambda: _edit(
            project_copy, "content/posts/2011/should-know-better.md", "\n---\n\n", "\nstatus: draft\n---\n\n"
        ),
        "summary of its own": lambda: _edit(project_copy, POST, "tags: [", 'summary: "Its own."\ntags: ['),
        "own summary edited": lambda: _edit(project_copy, POST, "Its own.", "Its own, edited."),
        "link in a summary": lambda: _edit(
            project_copy,
            LINKING,
            "\n---\n\n",
            "\n---\n\nSee [secure places]({filename}/posts/2011/secure-places.md). ",
        ),
        "linked post moved": lambda: _edit(
            project_copy,
            "content/posts/2011/secure-places.md",
            'slug: "secure-places"',
            'slug: "secure-places-moved"',
        ),
        "new post": lambda: (project_copy / "content/posts/2009/another.md").write_text(
            "---\ntitle: Another\ndate: 2009-12-30\ntags: [fostering]\n---\n\nA new post.\n", encoding="utf-8"
        ),
        "deleted post": lambda: (project_copy / POST).unlink(),
        "template": lambda: _edit(project_copy, BASE, "</footer>", "<p>Hi</p></footer>"),
        "address settings": lambda: [
            _edit(
                project_copy,
                "pelicanconf.py",
                f'{name} = "{{date:%Y}}/{{date:%m}}/',
                f'{name} = "{{date:%Y}}/',
            )
            for name in ("ARTICLE_URL", "ARTICLE_SAVE_AS")
        ],
        "hand-deleted page": lambda: (out / "archives" / "index.html").unlink(),
        "Markdown setting": lambda: _edit(
            project_copy, "pelicanconf.py", '"permalink": False', '"permalink": True'
        ),
        "plugin code": lambda: (
            (project_copy / "plugins/yaml_front_matter/yaml_front_matter.py")
            .open("a", encoding="utf-8")
            .write(PLUGIN_CHANGE)
        ),
        "package version": lambda: _install_newer_markdown(tmp_path / "site-packages", monkeypatch),
        "theme stylesheet": lambda: (
            (project_copy / "theme/static/css/site.css")
            .open("a", encoding="utf-8")
            .write("\nmain { margin: 0; }\n")
        ),
    }
    for number, (step, change) in enumerate(steps.items()):
        before = tree(out)
        change()
        pelican_ok(project_copy, out)
        pelican_ok(project_copy, tmp_path / f"clean-{number}", "--ignore-cache")
        built, clean = tree(out), tree(tmp_path / f"clean-{number}")
        assert sorted(built) == sorted(clean), step
        assert [n for n in built if built[n] != clean[n]] == [], step
        if step != "hand-deleted page":
            assert built != before, f"{step}: the change made no difference to the site"
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<p>Hi</p>" in home
    assert not (out / PAGE).exists()
    assert (out / "2009" / "social-workers-leave-due-to-baby-p-effect" / "index.html").exists()
    assert "<p>Markdown 99</p>" in home


STALE = "content/posts/2011/stale-practise.md"
OLD = "2011/07/stale-practise/index.html"


def _refresh(page: Path) -> str | None:
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]*)">', text)
    return found[1] if found else None


def test_redirects_of_moved_posts_in_a_rebuild_are_as_in_a_clean_build(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    # The year-only posts' old month addresses are redirects from the first build on.
    old_month = out / "2009/01/big-week-for-social-care/index.html"
    assert _refresh(old_month) == "../../../2009/big-week-for-social-care/"
    steps = {
        "slug changed": (
            lambda: _edit(project_copy, STALE, 'slug: "stale-practise"', 'slug: "stale-practice"'),
            "../../../2011/07/stale-practice/",
        ),
        "title of a moved post": (lambda: _edit(project_copy, STALE, 'title: "', 'title: "Renamed, '), True),
        "slug changed back": (
            lambda: _edit(project_copy, STALE, 'slug: "stale-practice"', 'slug: "stale-practise"'),
            None,
        ),
        "slug changed again": (
            lambda: _edit(project_copy, STALE, 'slug: "stale-practise"', 'slug: "stale-practices"'),
            "../../../2011/07/stale-practices/",
        ),
        "moved post deleted": (lambda: (project_copy / STALE).unlink(), False),
    }
    for number, (step, (change, expected)) in enumerate(steps.items()):
        change()
        pelican_ok(project_copy, out)
        pelican_ok(project_copy, tmp_path / f"clean-{number}", "--ignore-cache")
        built, clean = tree(out), tree(tmp_path / f"clean-{number}")
        assert sorted(built) == sorted(clean), step
        assert [n for n in built if built[n] != clean[n]] == [], step
        if expected is False:
            assert not (out / OLD).exists(), step
        elif expected is True:
            assert "Renamed, Stale practise" in (out / OLD).read_text(encoding="utf-8"), step
        else:
            assert _refresh(out / OLD) == expected, step


def test_an_unchanged_post_keeps_the_address_the_last_build_found(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    book_file = project_copy / "cache" / ADDRESSES
    book = pickle.loads(book_file.read_bytes())
    source = str((project_copy / POST).resolve())
    stamp, url, save_as = book["known"][source]
    assert (url, save_as) == ("2009/12/baby-p-effect-sustained/", PAGE)
    # A planted answer shows the next build takes the address without working it out.
    book["known"][source] = (stamp, "planted/", "planted/index.html")
    book_file.write_bytes(pickle.dumps(book))
    # Another post changes, so that the build runs (with nothing changed it would end at once).
    _edit(project_copy, LINKING, "\n---\n\n", "\n---\n\nAnother post, edited. ")
    pelican_ok(project_copy, out)
    assert (out / "planted" / "index.html").exists()
    # Once the file changes, even to text of the same length, the address is worked out again.
    _edit(project_copy, POST, "Not only this", "Not only that")
    pelican_ok(project_copy, out)
    assert not (out / "planted").exists()
    assert "Not only that" in (out / PAGE).read_text(encoding="utf-8")
    book = pickle.loads(book_file.read_bytes())
    book["known"][source] = (book["known"][source][0], "planted/", "planted/index.html")
    book_file.write_bytes(pickle.dumps(book))
    _edit(project_copy, POST, "Not only that", "Not only this (edited)")
    pelican_ok(project_copy, out)
    assert not (out / "planted").exists()
    assert "(edited)" in (out / PAGE).read_text(encoding="utf-8")


def test_parallel_reading_and_writing_change_no_byte(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 3 * MIN_PARALLEL)
    pelican_ok(project_copy, tmp_path / "serial", "--ignore-cache", "-e", "INCREMENTAL_WORKERS=1")
    pelican_ok(project_copy, tmp_path / "parallel", "--ignore-cache", "-e", "INCREMENTAL_WORKERS=2")
    serial, parallel = tree(tmp_path / "serial"), tree(tmp_path / "parallel")
    assert len(serial) > 3 * MIN_PARALLEL
    assert serial == parallel


def test_a_bad_post_read_in_parallel_is_still_reported(project_copy, many_posts, tmp_path):
    many_posts(project_copy, 2 * MIN_PARALLEL)
    bad = project_copy / "content" / "posts" / "2010" / "broken.md"
    bad.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    result = pelican(project_copy, tmp_path / "out", "--ignore-cache", "-e", "INCREMENTAL_WORKERS=2")
    assert result.returncode != 0
    message = re.sub(r"\s+", " ", result.stdout + result.stderr)
    # Pelican's default (rich) log handler puts the logging module's name between the two.
    assert "broken.md:2:" in message and "error: the front matter is not valid YAML" in message


def test_a_page_that_fails_to_render_fails_the_build_and_the_next_build_recovers(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    template = project_copy / "theme" / "templates" / "article.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{{ article.content|safe }}", "{{ article.content|no_such_filter }}"))
    result = pelican(project_copy, out)
    assert result.returncode != 0
    assert "no_such_filter" in result.stdout + result.stderr
    template.write_text(good, encoding="utf-8")
    pelican_ok(project_copy, out)
    pelican_ok(project_copy, tmp_path / "clean", "--ignore-cache")
    assert tree(out) == tree(tmp_path / "clean")


def _square(n: int) -> int:
    if n == 5:
        logging.getLogger("tests.square").warning("five is odd")
    if n == 7:
        raise ValueError("seven")
    return n * n


def test_fork_map_keeps_order_and_brings_back_logs_and_errors():
    items = list(range(3 * MIN_PARALLEL))
    outcomes = fork_map(_square, items, workers=2)
    assert [o.value for o in outcomes if o.error is None] == [n * n for n in items if n != 7]
    assert "ValueError: seven" in outcomes[7].error
    assert [r.getMessage() for r in outcomes[5].records] == ["five is odd"]
    assert all(not o.records for i, o in enumerate(outcomes) if i != 5)
    pids = {o.value for o in fork_map(lambda _: os.getpid(), items, workers=2)}
    assert len(pids) == 2 and os.getpid() in pids


def test_fork_map_redoes_the_share_of_a_worker_that_dies():
    parent = os.getpid()

    def die_in_worker(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return n + 1

    items = list(range(2 * MIN_PARALLEL))
    assert [o.value for o in fork_map(die_in_worker, items, workers=2)] == [n + 1 for n in items]


def test_stable_text_has_no_memory_addresses():
    class Thing:
        def __init__(self):
            self.config = {"b": [1, 2], "a": {3}}

    first, second = stable({"x": Thing(), "f": _square}), stable({"f": _square, "x": Thing()})
    assert first == second
    assert "0x" not in first
    assert stable({"x": Thing()}) != stable({"x": {"config": {}}})


def test_stable_text_tells_kinds_and_values_apart():
    from collections import OrderedDict, namedtuple

    from markupsafe import Markup
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Tag
    from pelican.utils import SafeDatetime

    settings = DEFAULT_CONFIG
    pair = namedtuple("pair", "a b")
    when = SafeDatetime(2020, 1, 2, 3, 4, 5)
    values = [
        Markup("<b>x</b>"),
        when,
        when.replace(second=6),
        OrderedDict(b=1, a=2),
        pair(1, [2]),
        pair(1, [3]),
        frozenset({"a", "b"}),
        Tag("Care leavers", settings),
        Tag("Adoption", settings),
        dict,
    ]
    texts = [stable(v) for v in values]
    assert len(set(texts)) == len(texts)
    assert texts[0] == "Markup('<b>x</b>')"
    assert texts[1] == "SafeDatetime(2020-01-02T03:04:05None)"
    assert texts[3] == "{'a': 2, 'b': 1}"
    assert texts[4] == "pair[1, list[2]]"
    assert texts[6] == "set['a', 'b']"
    assert texts[7] == "<Tag 'Care leavers' 'care-leavers'>"
    assert all(stable(v) == t for v, t in zip(values, texts, strict=True))


def test_what_was_added_to_the_output_after_a_build_stays_on_a_rebuild(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    (out / "pagefind").mkdir()
    (out / "pagefind" / "index.js").write_text("index 1", encoding="utf-8")
    for number in (1, 2):
        _edit(project_copy, POST, "Not only this", f"Not only this ({number})")
        pelican_ok(project_copy, out)
        assert (out / "pagefind" / "index.js").read_text(encoding="utf-8") == f"index {number}"
        assert f"({number})" in (out / PAGE).read_text(encoding="utf-8")
        (out / "pagefind" / "index.js").unlink()  # as Pagefind replaces its files
        (out / "pagefind" / "index.js").write_text(f"index {number + 1}", encoding="utf-8")
    pelican_ok(project_copy, out, "--ignore-cache")
    assert not (out / "pagefind").exists()


def test_posts_read_before_are_reused_until_code_or_settings_change(project_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    # The cache holds objects of the plugins' modules, which Pelican imports by their own names.
    monkeypatch.syspath_prepend(str(project_copy / "plugins"))
    cache_file = project_copy / "cache" / "ArticlesGenerator-Readers"
    cache = pickle.loads(cache_file.read_bytes())
    source = next(key for key in cache if key.endswith(POST.removeprefix("content/")))
    stamp, (content, metadata) = cache[source]
    # A planted answer shows the next build reads the post from the cache.
    cache[source] = (stamp, (content.replace("Not only this", "Planted"), metadata))
    cache_file.write_bytes(pickle.dumps(cache))
    _edit(project_copy, LINKING, "\n---\n\n", "\n---\n\nAnother post, edited. ")  # so the build runs
    pelican_ok(project_copy, out)
    assert "Planted" in (out / PAGE).read_text(encoding="utf-8")
    _edit(project_copy, "pelicanconf.py", '"permalink": False', '"permalink": True')
    pelican_ok(project_copy, out)
    assert "Planted" not in (out / PAGE).read_text(encoding="utf-8")


def test_clean_build_starts_from_scratch_even_when_an_edit_keeps_size_and_time(project_copy):
    def invoke(*words: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "invoke", *words], cwd=project_copy, check=True, capture_output=True
        )

    invoke("build")
    post = project_copy / POST
    stamp = post.stat()
    _edit(project_copy, POST, "Not only this", "NOT ONLY THIS")  # same size
    os.utime(post, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # as a copy that keeps times leaves it
    invoke("clean", "build")
    page = next((project_copy / "output").rglob("baby-p-effect-sustained/index.html")).read_text(
        encoding="utf-8"
    )
    assert "NOT ONLY THIS" in page


def test_a_build_with_nothing_changed_ends_at_once_until_something_does(project_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    changes = {
        "nothing": None,
        "a post saved as it was": lambda: (project_copy / POST).write_bytes(
            (project_copy / POST).read_bytes()
        ),
        "a file a setting names": lambda: (project_copy / "published-addresses.txt").open("a").write("\n"),
        "the environment": lambda: monkeypatch.setenv("BLOG_UNRELATED", "1"),
        "a stylesheet deleted from the site": lambda: (out / "theme" / "css" / "site.css").unlink(),
        "a file added to the site": lambda: (out / "2009" / "stray.html").write_text(
            "stray", encoding="utf-8"
        ),
        "the template": lambda: _edit(project_copy, BASE, "</footer>", "<p>Hi</p></footer>"),
    }
    for step, change in changes.items():
        before = _times(out)
        ran = pelican(project_copy, out)
        assert ran.returncode == 0, ran.stderr
        assert "Done: Processed" not in ran.stdout + ran.stderr, f"{step}: the build ran"
        assert _times(out) == before, step
        if change is None:
            continue
        change()
        ran = pelican(project_copy, out)
        assert "Done: Processed" in ran.stdout + ran.stderr, f"{step}: the build did not run"
    clean = tmp_path / "clean"
    pelican_ok(project_copy, clean, "--ignore-cache")
    assert tree(out) == tree(clean)


def test_what_a_shell_changes_by_itself_between_two_commands_starts_no_build(
    project_copy, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    before = _times(out)
    monkeypatch.setenv("_", "/usr/bin/ls")  # the last command run
    monkeypatch.setenv("OLDPWD", str(tmp_path))  # the folder a "cd" left
    ran = pelican(project_copy, out)
    assert ran.returncode == 0, ran.stderr
    assert "Done: Processed" not in ran.stdout + ran.stderr
    assert _times(out) == before


def test_a_post_dated_in_the_future_ends_the_skipping_when_it_becomes_due():
    import datetime
    import time
    from types import SimpleNamespace

    from plugins.incremental.unchanged import due_next, still_valid

    now = datetime.datetime.now(datetime.UTC)
    posts = [SimpleNamespace(date=now + datetime.timedelta(days=d)) for d in (-1, 3, 2)]
    due = due_next(posts)
    assert due == (now + datetime.timedelta(days=2)).timestamp()
    assert due_next(posts[:1]) is None
    assert still_valid({"inputs": "a", "due": due}, "a")
    assert not still_valid({"inputs": "a", "due": time.time() - 1}, "a")
    assert not still_valid({"inputs": "a", "due": None}, "b")


def test_search_is_indexed_again_only_when_a_build_changed_the_site(project_copy):
    from authoring.runs import index_if_changed

    out, cache = project_copy / "output", project_copy / "cache"
    pelican_ok(project_copy, out)
    first = index_if_changed(out, project_copy, cache)
    assert first is not None and first.returncode == 0
    entry = out / "pagefind" / "pagefind-entry.json"
    indexed = entry.stat().st_mtime_ns
    pelican_ok(project_copy, out)  # nothing changed: the site is the one indexed
    assert index_if_changed(out, project_copy, cache) is None
    _edit(project_copy, POST, "Not only this", "Not only this (edited)")
    pelican_ok(project_copy, out)
    again = index_if_changed(out, project_copy, cache)
    assert again is not None and again.returncode == 0
    assert entry.stat().st_mtime_ns != indexed
    shutil.rmtree(out / "pagefind")  # gone by hand: made again though the site is the same
    assert index_if_changed(out, project_copy, cache) is not None
    assert entry.is_file()


def test_a_rebuild_sees_an_edit_that_keeps_the_files_size_and_time(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    post = project_copy / POST
    stamp = post.stat()
    time.sleep(0.01)  # the change time moves on, as it does for any later write
    with post.open("r+", encoding="utf-8") as handle:  # in place: same file, same size
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace("Not only this", "NOT ONLY THIS", 1))
    os.utime(post, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert (post.stat().st_size, post.stat().st_mtime_ns, post.stat().st_ino) == (
        stamp.st_size,
        stamp.st_mtime_ns,
        stamp.st_ino,
    )
    pelican_ok(project_copy, out)
    clean = tmp_path / "clean"
    pelican_ok(project_copy, clean, "--ignore-cache")
    assert "NOT ONLY THIS" in next(clean.rglob("baby-p-effect-sustained/index.html")).read_text(
        encoding="utf-8"
    )
    assert tree(out) == tree(clean)


def test_the_folder_beside_is_linked_from_the_live_one_while_the_posts_are_read(tmp_path):
    """The first rebuild after a clean build finds no folder beside: its preparation
    links the last build's files into it, but not one changed since nor one the last
    build did not make, and empties it of everything else."""
    from plugins.incremental.site_folder import SiteFolder

    live = tmp_path / "output"
    for relative in ("index.html", "2009/12/post/index.html", "tag/a.html", "stray.html"):
        (live / relative).parent.mkdir(parents=True, exist_ok=True)
        (live / relative).write_text(relative, encoding="utf-8")
    keep = {r: (live / r).stat().st_ino for r in ("index.html", "2009/12/post/index.html", "tag/a.html")}
    (live / "new.html").write_text("changed since", encoding="utf-8")
    (live / "new.html").replace(live / "tag/a.html")  # another file now: not the one kept
    folder = SiteFolder.beside(str(live))
    Path(folder.building, "old.html").parent.mkdir(parents=True, exist_ok=True)
    Path(folder.building, "old.html").write_text("from a build before", encoding="utf-8")
    folder.prepare(keep, set())
    folder.prepared()
    building = Path(folder.building)
    assert sorted(p.relative_to(building).as_posix() for p in building.rglob("*") if p.is_file()) == [
        "2009/12/post/index.html",
        "index.html",
    ]
    assert folder.found == {r: keep[r] for r in ("index.html", "2009/12/post/index.html")}
    assert (building / "2009/12/post/index.html").stat().st_ino == keep["2009/12/post/index.html"]
