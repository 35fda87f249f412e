"""The old blog's comments under their post, and counts that claim no more than is known."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site

POST = """\
---
title: "A post that kept its comments"
date: 2010-03-04T10:00:00+00:00
date_source: explicit
tags: ["fostering"]
comments: 4
comments_closed: true
legacy_comments:
  - author: "Pat Example"
    date: "2010-03-05T09:15:00+00:00"
    text: "First paragraph with \\\\*stars\\\\* and <script>alert(1)</script>.\\n\\n\\
      Second <b>paragraph</b> & more."
  - author: "Robin Sample"
    date: null
    text: "A reply with a [link](javascript:alert(2))."
    reply_to: 1
slug: kept-comments
---

The post's own text.
"""

CLOSED = """\
---
title: "A post whose comments were closed"
date: 2010-03-02T10:00:00+00:00
comments_closed: true
slug: closed-comments
---

Nothing was said.
"""

UNKNOWN = """\
---
title: "A post with no known count"
date: 2010-03-01T10:00:00+00:00
slug: no-known-count
---

No count was recorded.
"""


@pytest.fixture
def site(project_copy: Path, tmp_path: Path) -> Path:
    posts = project_copy / "content" / "posts" / "2010"
    posts.mkdir(parents=True)
    for name, text in (("kept.md", POST), ("closed.md", CLOSED), ("unknown.md", UNKNOWN)):
        (posts / name).write_text(text, encoding="utf-8")
    return build_site(project_copy, tmp_path / "out")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_legacy_comments_are_shown_as_escaped_text_under_the_post(site):
    page = _soup(site / "2010" / "03" / "kept-comments" / "index.html")
    section = page.select_one("section#comments")
    assert section.find("h2").get_text() == "Comments from the original blog"
    note = section.select_one(".note").get_text()
    assert "earlier home" in note and "closed" in note and "4 comments" in note and "2 could be kept" in note
    comments = section.select("article.comment")
    assert [c.select_one(".comment-author").get_text() for c in comments] == ["Pat Example", "Robin Sample"]
    first, second = comments
    assert first.find("time")["datetime"] == "2010-03-05T09:15:00+00:00"
    assert first.find("time").get_text() == "5 March 2010"
    assert [p.get_text() for p in first.find_all("p")] == [
        "First paragraph with *stars* and <script>alert(1)</script>.",
        "Second <b>paragraph</b> & more.",
    ]
    # Text, never markup: no element came from a comment, and no link was made.
    assert section.find("script") is None and section.find("b") is None
    assert second.find("time") is None
    assert "reply" in second["class"]
    assert second.select_one(".reply-to")["href"] == "#comment-1"
    assert second.find("p").get_text() == "A reply with a [link](javascript:alert(2))."
    assert not [a for a in section.find_all("a") if "javascript" in a.get("href", "")]
    # The count in the post's header links to them.
    count = page.select_one(".post-header .comments a")
    assert count["href"] == "#comments" and count.get_text() == "comments closed, 4 comments"


def test_closed_and_unknown_counts(site):
    closed = _soup(site / "2010" / "03" / "closed-comments" / "index.html")
    assert closed.select_one(".post-header .comments").get_text() == "comments closed"
    assert "closed on the original blog" in closed.select_one("#comments .note").get_text()
    unknown = _soup(site / "2010" / "03" / "no-known-count" / "index.html")
    assert unknown.select_one(".comments") is None and unknown.select_one("#comments") is None
    month = _soup(site / "2010" / "03" / "index.html")
    labels = {
        li.find("h2").get_text(strip=True): (li.select_one(".comments") or li).get_text(strip=True)
        for li in month.select(".post-list > li")
    }
    assert labels["A post that kept its comments"] == "comments closed, 4 comments"
    assert month.select_one(".post-list a[href$='#comments']") is not None
    assert month.select_one(".totals").get_text(strip=True) == "3 posts · 4 comments"


def test_a_reply_count_with_the_threads_reply_link_beside_it_heads_the_replies():
    from importer import comments

    assert comments.section_heading("5 replies   |   Reply to this thread") == 5
    assert comments.section_heading("5 replies | Reply") == 5


def test_a_forum_byline_keeps_a_hyphenated_name_whole():
    from importer import comments
    from importer.post import Line

    lines = [
        Line(1, "Re: Reflective log: my first home visit"),
        Line(2, "by Dami Okafor-Lynn - Monday, 25 January 2016, 8:20 PM"),
        Line(4, "I had something similar on my second visit.", blanks_before=1),
    ]
    header = comments.comment_header(lines, 0)
    assert header is not None and header.author == "Dami Okafor-Lynn"


def test_a_threads_reply_toggles_are_furniture():
    from importer import comments

    assert comments._furniture("View replies (2)") is not None
    assert comments._furniture("— Hide replies") is not None
    assert comments._furniture("4 years ago (edited)").reason.startswith("comment's age")
