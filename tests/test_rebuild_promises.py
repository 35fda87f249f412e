"""A rebuild equals a clean build in the cases that once broke it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import pelican, pelican_ok, tree

pytestmark = pytest.mark.slow

POST = "content/posts/2009/baby-p-effect-sustained.md"
BASE = "theme/templates/base.html"
NEIGHBOUR = "content/posts/2009/gaps-in-coalition-plans-for-children-and-families.md"

SAVE_MIDWAY = """
import os
from pathlib import Path

import yaml_front_matter.yaml_front_matter as reading

_read = reading.YamlFrontMatterReader.read


def _read_then_save(self, source_path):
    read = _read(self, source_path)
    # Saved by its author just after this build read it.
    if os.environ.get("SAVE_MIDWAY") == os.path.basename(source_path):
        with open(source_path, "a", encoding="utf-8") as post:
            post.write("\\nSaved while the build ran.\\n")
    return read


def register():
    reading.YamlFrontMatterReader.read = _read_then_save
"""


def _differences(project: Path, out: Path, clean: Path) -> list[str]:
    pelican_ok(project, clean, "--ignore-cache")
    built, fresh = tree(out), tree(clean)
    return sorted(name for name in set(built) | set(fresh) if built.get(name) != fresh.get(name))


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _give_filter(project: Path, imported: str, filters: str) -> None:
    """Have the settings import a module and give the templates its filters."""
    given = f"{imported}\n\nJINJA_FILTERS = {filters}\nPLUGINS = [\n"
    _edit(project, "pelicanconf.py", "PLUGINS = [\n", given)


def _show_in_lists(project: Path, expression: str) -> None:
    """Show ``expression`` words beside each post in every list of posts."""
    _edit(
        project,
        "theme/templates/macros.html",
        "{{ post_date(article) }}",
        f"{{{{ post_date(article) }}}} ({expression} words)",
    )


def _add_plugin(project: Path, name: str, code: str) -> None:
    (project / "plugins" / name).mkdir()
    (project / "plugins" / name / "__init__.py").write_text(code, encoding="utf-8")
    _edit(project, "pelicanconf.py", '    "admin",\n]', f'    "admin",\n    "{name}",\n]')


def test_a_post_saved_while_the_build_reads_it_is_read_again_by_the_next_build(project_copy, tmp_path):
    _add_plugin(project_copy, "save_midway", SAVE_MIDWAY)
    out = tmp_path / "out"
    os.environ["SAVE_MIDWAY"] = Path(POST).name
    try:
        pelican_ok(project_copy, out)
    finally:
        del os.environ["SAVE_MIDWAY"]
    assert "Saved while the build ran." in (project_copy / POST).read_text(encoding="utf-8")
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


def test_an_edit_of_the_front_matter_description_is_a_change_of_code(project_copy, tmp_path):
    _edit(project_copy, POST, "date_source: inferred", 'date_source: "wayback"')
    out = tmp_path / "out"
    pelican(project_copy, out, fatal=False)
    assert not (out / "2009" / "12" / "baby-p-effect-sustained").exists()  # refused: not an option
    _edit(
        project_copy,
        "authoring/frontmatter.yaml",
        "[explicit, archive, inferred]",
        "[explicit, archive, inferred, wayback]",
    )
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


def test_footnote_ids_do_not_depend_on_the_posts_read_before(project_copy, tmp_path):
    _edit(
        project_copy,
        "pelicanconf.py",
        '"markdown.extensions.footnotes": {}',
        '"markdown.extensions.footnotes": {"UNIQUE_IDS": True}',
    )
    for relative in (POST, NEIGHBOUR):
        path = project_copy / relative
        path.write_text(
            path.read_text(encoding="utf-8") + "\nA claim.[^note]\n\n[^note]: Its source.\n", encoding="utf-8"
        )
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    _edit(project_copy, POST, "Not only this", "Not only this (edited)")
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


THEME_CHANGES = {
    # A post's page shows its newer neighbour's body; the neighbour's body changes.
    "a neighbour's body": (
        "theme/templates/article.html",
        "{{ article.content|safe }}",
        "{{ article.content|safe }}"
        "{% if article.next_article %}{{ article.next_article.content|safe }}{% endif %}",
    ),
    # Lists give each post's length, from its body as read; a body changes below its summary.
    "each post's words in the lists": (
        "theme/templates/macros.html",
        "{{ post_date(article) }}",
        "{{ post_date(article) }} ({{ article._content|striptags|wordcount }} words)",
    ),
    # A post's page shows its newer neighbour's body through a loop naming it ``article``.
    "a neighbour's body, in a loop": (
        "theme/templates/article.html",
        "{{ article.content|safe }}",
        "{{ article.content|safe }}"
        "{% for article in [article.next_article] if article %}{{ article.content|safe }}{% endfor %}",
    ),
    # Each page of the home list names every post of the list, through its paginator;
    # a post's title changes, on one page of the list.
    "titles of the whole list, on each page of it": (
        "theme/templates/index.html",
        "{{ pagination(",
        "{% for a in articles_paginator.object_list %}{{ a.title }}{% endfor %}{{ pagination(",
    ),
    # Every page lists the titles of a year's posts, from the archive the plugin makes;
    # a post's title changes.
    "titles from the month archive": (
        "theme/templates/base.html",
        "</footer>",
        "{% for year in archive_years %}{% for month in year.months %}{% for a in month.articles %}"
        "{{ a.title }}{% endfor %}{% endfor %}{% endfor %}</footer>",
    ),
}


@pytest.mark.parametrize("change", sorted(THEME_CHANGES))
def test_a_theme_that_shows_more_of_other_posts_is_rendered_again_when_they_change(
    change, project_copy, tmp_path
):
    relative, old, new = THEME_CHANGES[change]
    _edit(project_copy, relative, old, new)
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    path = project_copy / NEIGHBOUR  # POST's neighbour
    if "body" in change or "words" in change:
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    else:
        _edit(project_copy, NEIGHBOUR, 'title: "', 'title: "Renamed: ')
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


CONTEXT_FILTER = """
import jinja2


@jinja2.pass_context
def newest_title(context, _):
    return context["articles"][0].title if context.get("articles") else ""
"""


def test_a_filter_given_the_whole_context_makes_its_pages_read_everything(project_copy, tmp_path):
    (project_copy / "site_filters.py").write_text(CONTEXT_FILTER, encoding="utf-8")
    _give_filter(project_copy, "import site_filters", "{'newest_title': site_filters.newest_title}")
    _edit(project_copy, "theme/templates/base.html", "</footer>", "{{ 0|newest_title }}</footer>")
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    newest = max(
        (project_copy / "content" / "posts").rglob("*.md"),
        key=lambda p: p.read_text(encoding="utf-8").split("date: ", 1)[1][:10],
    )
    _edit(project_copy, str(newest.relative_to(project_copy)), 'title: "', 'title: "Renamed: ')
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


BELOW_SUMMARY = ("Not only this", "Not only this, and many more words besides")

# A plugin working out a value from each post's own body, which the lists show.
WORD_COUNT = """
from pelican import signals


def count(content):
    content.words = len((getattr(content, "_content", None) or "").split())


def register():
    signals.content_object_init.connect(count)
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_body_edit_alone_is_worked_out_from_the_last_build(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    _edit(project_copy, POST, *BELOW_SUMMARY)
    result = pelican(project_copy, out, "-v")
    assert result.returncode == 0, result.stderr
    assert "Only the text of 1 post(s) changed" in result.stdout + result.stderr
    assert _differences(project_copy, out, tmp_path / "clean") == []


def test_a_body_edit_with_any_other_change_is_not(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    changes = {
        "summary": lambda: _edit(project_copy, POST, "For about a year", "A new opening. For about a year"),
        "a static file": lambda: _write(project_copy / "content" / "extra" / "note.txt", "A note.\n"),
        "a new post": lambda: (project_copy / "content/posts/2009/another.md").write_text(
            "---\ntitle: Another\ndate: 2009-12-30\ntags: [fostering]\n---\n\nA new post.\n", encoding="utf-8"
        ),
        "a template": lambda: _edit(project_copy, BASE, "</footer>", "<p>Hi</p></footer>"),
    }
    for number, (name, change) in enumerate(changes.items()):
        _edit(project_copy, POST, "Not only this", f"Not only this ({number})")
        change()
        result = pelican(project_copy, out, "-v")
        assert result.returncode == 0, result.stderr
        assert "Only the text of" not in result.stdout + result.stderr, name
        assert _differences(project_copy, out, tmp_path / f"clean-{number}") == [], name


def test_a_body_edit_renders_the_lists_again_when_they_show_a_value_worked_out_from_the_body(
    project_copy, tmp_path
):
    _add_plugin(project_copy, "word_count", WORD_COUNT)
    _show_in_lists(project_copy, "{{ article.words }}")
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    _edit(project_copy, POST, *BELOW_SUMMARY)
    result = pelican(project_copy, out, "-v")
    assert result.returncode == 0, result.stderr
    assert "Only the text of" not in result.stdout + result.stderr
    assert _differences(project_copy, out, tmp_path / "clean") == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert " words)" in home


def test_a_page_added_over_a_list_page_s_file_replaces_it(project_copy, tmp_path):
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    # A home page of the blog's own, as Pelican's documentation shows how to make.
    home = "---\ntitle: Welcome\nslug: home\nsave_as: index.html\nurl: ''\n---\n\nOur own page.\n"
    _write(project_copy / "content" / "pages" / "home.md", home)
    pelican_ok(project_copy, out)
    assert "Our own page." in (out / "index.html").read_text(encoding="utf-8")
    assert _differences(project_copy, out, tmp_path / "clean") == []
    pelican_ok(project_copy, out)  # and a build with nothing changed keeps it
    assert "Our own page." in (out / "index.html").read_text(encoding="utf-8")


BODY_FILTER = """
def words(article):
    return len((article._content or "").split())
"""


def test_a_filter_that_reads_bodies_makes_a_body_edit_render_the_lists_again(project_copy, tmp_path):
    (project_copy / "site_words.py").write_text(BODY_FILTER, encoding="utf-8")
    _give_filter(project_copy, "import site_words", "{'words': site_words.words}")
    _show_in_lists(project_copy, "{{ article|words }}")
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    _edit(project_copy, POST, *BELOW_SUMMARY)
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []


def test_a_helper_module_in_a_folder_that_is_no_package_is_code(project_copy, tmp_path):
    helper = project_copy / "helpers" / "reading.py"  # no __init__.py: a namespace package
    code = "PER_MINUTE = 200\n\n\ndef minutes(article):\n    return 1 + len(article.title) // PER_MINUTE\n"
    _write(helper, code)
    _give_filter(project_copy, "from helpers import reading", "{'minutes': reading.minutes}")
    _edit(project_copy, "theme/templates/article.html", "{{ article.content|safe }}",
          "<p>{{ article|minutes }} min</p>{{ article.content|safe }}")  # fmt: skip
    out = tmp_path / "out"
    pelican_ok(project_copy, out)
    helper.write_text(helper.read_text(encoding="utf-8").replace("200", "2"), encoding="utf-8")
    pelican_ok(project_copy, out)
    assert _differences(project_copy, out, tmp_path / "clean") == []
