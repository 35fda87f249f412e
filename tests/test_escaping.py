"""Archive text that looks like Markdown or HTML must reach the page as text."""

from __future__ import annotations

import pytest

from importer.escape import escape_heading, escape_line

TRICKY = [
    "* not a list",
    "- not a list either",
    "+ nor this",
    "# 1 priority",
    "1986. A great year",
    "file_name_v2 and _underscored_ and __bold__",
    "[draft] and [a link](http://example.com) and ![img](x.png)",
    "<script>alert(1)</script>",
    "<b>bold</b> & <i>it</i>",
    "AT&T &copy; &amp; &#169; &#x41;",
    "> not a quote",
    "`code` and ``more``",
    "back\\slash \\* star",
    "---",
    "--- -",
    "-- -",
    "~~~ not a fence",
    ": not a definition",
    "{: .class } and {#id}",
    "<http://example.com> and https://example.com",
    "<!-- comment -->",
    "*[HTML]: abbreviation",
    "[^1] footnote",
    "| a | b |",
    "trailing hashes ##",
    "{filename}/x.md and {static}/y.png",
]


@pytest.mark.parametrize("text", TRICKY)
def test_paragraph_renders_literally(read_post, text):
    html, _ = read_post(f'---\ntitle: "t"\ndate: 2010-01-01T12:00:00+00:00\n---\n\n{escape_line(text)}\n')
    assert [tag.name for tag in html.find_all(True)] == ["p"]
    assert html.get_text() == text


@pytest.mark.parametrize("text", TRICKY)
def test_heading_renders_literally(read_post, text):
    html, _ = read_post(
        f'---\ntitle: "t"\ndate: 2010-01-01T12:00:00+00:00\n---\n\n## {escape_heading(text)}\n'
    )
    assert [tag.name for tag in html.find_all(True)] == ["h2"]
    assert html.get_text() == text


def test_imported_page_with_script_makes_no_markup(import_text, read_post):
    imported = import_text(
        'Monthly Archives: May 2010\n\n<script>alert(1)</script> & "quotes"\n\n'
        "<img src=x onerror=alert(1)> in the body.\n"
    )
    text = imported.only()
    html, meta = read_post(text)
    assert meta["title"] == '<script>alert(1)</script> & "quotes"'
    assert [tag.name for tag in html.find_all(True)] == ["p"]
    assert html.get_text() == "<img src=x onerror=alert(1)> in the body."
