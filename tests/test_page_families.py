"""One small invented page per family the archive may hold, read field by field.

Each page in tests/pages/ shows one pattern (a platform's comment layout, a
date form, a kind of page furniture); the expectations are what a careful
person reads from it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from importer.pipeline import read_page
from importer.render import render

PAGES = Path(__file__).parent / "pages"

EXPECTED = {
    "blogger_comments": {
        "kind": "single",
        "title": "Home visits in the rain",
        "date": "2010-09-14T20:41:00+01:00",
        "author": "Wendy Marsh",
        "tags": ["home visits", "weather"],
        "comments": 3,
        "comment_authors": ["Kofi B", "Anonymous", "Wendy Marsh"],
        "reply_to": [None, None, 1],
        "first": "Three visits today",
        "last": "Not a bad day really.",
        "chrome": ["Tales from the Team Room", "Blog Archive", "View my complete profile"],
    },
    "twentytwelve_comments": {
        "kind": "single",
        "title": "Supervision is not a checklist",
        "date": "2012-06-03T12:00:00+01:00",
        "author": "Helen Oduya",
        "tags": ["supervision", "management"],
        "comments": 4,
        "comment_authors": ["Rory Penhale", "Helen Oduya", "Samira Q", "Dev Lakhani"],
        "first": "Supervision in our team",
        "last": "feel listened to.",
        "chrome": ["Reply ↓", "Leave a Reply", "Proudly powered by WordPress", "Menu"],
    },
    "tumblr": {
        "kind": "single",
        "title": "The day the letter came",
        "date": "2014-03-11T12:00:00+00:00",
        "tags": ["fostering", "panel", "good news"],
        "first": "We got the letter",
        "last": "allowed to be happy.",
        "chrome": ["12 notes", "Reblog", "Ask me anything"],
    },
    "medium": {
        "kind": "single",
        "title": "What three years on a duty team taught me",
        "date": "2015-02-09T12:00:00+00:00",
        "author": "Lena Farrow",
        "tags": ["Duty Work", "Social Work", "Teams"],
        "first": "The phone rings",
        "last": "Lean on the people next to you.",
        "chrome": ["Follow", "120 claps", "Why I left the duty team", "Open in app"],
    },
    "wayback": {
        "kind": "single",
        "title": "New family hub opens in Westbrook",
        "date": "2016-03-01T12:00:00+00:00",
        "first": "A new family hub",
        "last": "9am to 5pm.",
        "chrome": ["11 captures", "About this capture", "Home › News › Family hubs"],
    },
    "drupal": {
        "kind": "single",
        "title": "Direct payments for disabled children",
        "date": "2014-11-05T14:20:00+00:00",
        "author": "Ama Boateng",
        "tags": ["disabled children", "direct payments"],
        "comments": 2,
        "comment_authors": ["Leon Ward", "Ama Boateng"],
        "first": "Direct payments give",
        "last": "sessions at the library.",
        "chrome": ["Home » Blogs » Ama's blog", "Add new comment"],
    },
    "news": {
        "kind": "single",
        "title": "Council to recruit 40 more social workers",
        "date": "2016-03-02T07:30:00+00:00",
        "author": "Tomasz Kowal",
        "first": "Westbury council will recruit",
        "last": "the cabinet member for children.",
        "chrome": ["Most Read", "Bus route cut", "News | Sport | Business | Opinion"],
    },
    "wpcom": {
        "kind": "single",
        "title": "Leaving care at eighteen",
        "date": "2013-10-02T12:00:00+01:00",
        "author": "jaydenwrites",
        "comments": 2,
        "comment_authors": ["Kim R", "Jayden"],
        "first": "I left care",
        "last": "thirty other young people.",
        "chrome": ["Staying put", "Close and accept", "Like Loading...", "Blog at WordPress.com."],
    },
    "blogger_share_menu": {
        "kind": "single",
        "title": "Pathway plans that young people write themselves",
        "date": "2016-04-04T20:15:00+01:00",
        "author": "Owain Pryce",
        "tags": ["leaving care", "pathway plans"],
        "comments": 3,
        "comment_authors": ["Beatrix Lowe", "Owain Pryce", "Cal Henshaw"],
        "reply_to": [None, 1, None],
        "first": "This spring three of the young people",
        "last": "sounded like a person.",
        "chrome": ["Get link", "Other Apps", "Share", "Twitter", "Replies", "Add comment", "Load more..."],
    },
    "signed_town_comments": {
        "kind": "single",
        "title": "Short breaks for disabled children: what changed this year",
        "date": "2012-05-03T12:00:00+01:00",
        "author": "Esme Calloway",
        "comments": 2,
        "comment_authors": ["Harriet Quayle", "Naveed Sethi"],
        "first": "The council has moved short breaks",
        "last": "first review in June.",
    },
    "joomla_article": {
        "kind": "single",
        "title": "Advocacy visits now offered at weekends",
        "date": "2014-09-08T12:00:00+01:00",
        "author": "Fenella Duarte",
        "first": "From October our independent advocates",
        "last": "for a referral form.",
        "chrome": ["Hits: 877", "Powered by Joomla!®"],
    },
    "drupal_forum": {
        "kind": "single",
        "title": "Life story books after the court order",
        "date": "2008-05-12T10:05:00+01:00",
        "author": "Thea Magnusson",
        "tags": ["Adoption support", "life story work", "adoption"],
        "comments": 1,
        "comment_authors": ["Ruari Beckett"],
        "first": "Our team has a backlog",
        "last": "how did you supervise them?",
        "chrome": ["» Login or register to post comments | 512 reads", "Log in or register to post comments"],
    },
    "wpcom_entry_below": {
        "kind": "single",
        "title": "Restorative conferences in the school holidays",
        "date": "2015-09-03T19:40:00+01:00",
        "tags": ["conferences", "schools", "victims"],
        "first": "During the summer we ran",
        "last": "hold his next conference there too.",
        "chrome": ["Why we meet victims first", "June 11, 2015", "Like Loading..."],
    },
    "outlook_newsletter": {
        "kind": "single",
        "title": "Carers' update, spring",
        "date": "2021-03-02T09:15:00+00:00",
        "author": "Gideon Farrant",
        "first": "Hello all,",
        "last": "anyone who prefers them.",
        "chrome": ["Warm wishes,", "Gideon Farrant", "Fostering Team Manager"],
    },
    "jekyll_byline": {
        "kind": "single",
        "title": "Genograms in the first visit",
        "date": "2018-06-21T12:00:00+01:00",
        "author": "Rosalind Halden",
        "first": "I now draw a genogram",
        "last": "with the family's permission.",
        "chrome": ["Notes from a children's social worker."],
    },
    "tumblr_name_top": {
        "kind": "single",
        "title": "The 3am phone call",
        "date": "2017-02-02T12:00:00+00:00",
        "author": "nightshiftsw",
        "tags": ["emergency duty", "night shifts"],
        "first": "At three in the morning",
        "last": "I thought I would.",
        "chrome": ["21 notes", "Ask me anything"],
    },
    "ghost_primary_tag": {
        "kind": "single",
        "title": "What grandparents told us about special guardianship",
        "date": "2021-02-04T12:00:00+00:00",
        "author": "Maeve Dunleavy",
        "category": "Practice",
        "first": "We interviewed twenty special guardians",
        "last": "the council's kinship team.",
        "chrome": ["Researcher in kinship care.", "Sign in"],
    },
    "medium_publication": {
        "kind": "single",
        "title": "Why we moved team meetings to Thursday",
        "date": "2018-11-05T12:00:00+00:00",
        "author": "Idris Achterberg",
        "tags": ["Team Meetings", "Management"],
        "first": "Our team meeting used to be",
        "last": "the case discussions.",
        "chrome": ["Published in", "Carefully Put", "Follow", "4 min read"],
    },
    "structure": {
        "kind": "single",
        "title": "How we plan a core group",
        "date": "2013-02-12T12:00:00+00:00",
        "author": "Nia Ellis",
        "first": "A core group meeting",
        "last": "for the template.",
        "markdown": [
            "1. Read the last minutes.\n2. Phone the parents",
            "- the plan\n- the chronology\n- a pen that works",
            "| Month | Meetings | Parents attended |\n| --- | --- | --- |\n| January | 12 | 10 |",
            "> Being phoned two days before meant I could get the time off work and bring my sister",
            "Questions to nia.ellis@example.org or see https://example.org/core-groups for the template.",
        ],
    },
}


def _read(name: str) -> tuple[object, list[tuple[dict, str]]]:
    page = read_page((PAGES / f"{name}.txt").read_bytes(), f"raw/{name}.txt")
    posts = []
    for post in page.posts:
        post.slug = "s"
        _, head, body = render(post).split("---\n", 2)
        posts.append((yaml.safe_load(head), body.strip()))
    return page, posts


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_single_post_page_gives_one_post_with_its_own_fields(name):
    want = EXPECTED[name]
    page, posts = _read(name)
    assert page.kind.value == want["kind"]
    assert len(posts) == 1
    meta, body = posts[0]
    assert meta["title"] == want["title"]
    assert meta["date"].isoformat() == want["date"]
    assert meta.get("author") == want.get("author")
    assert meta.get("category") == want.get("category", meta.get("category"))
    assert meta.get("tags", []) == want.get("tags", [])
    assert meta.get("comments") == want.get("comments")
    comments = meta.get("legacy_comments", [])
    assert [c["author"] for c in comments] == want.get("comment_authors", [])
    if "reply_to" in want:
        assert [c.get("reply_to") for c in comments] == want["reply_to"]
    assert body.startswith(want["first"])
    assert body.endswith(want["last"])
    for chrome in want.get("chrome", []):
        assert chrome not in body.replace("\\", "")
        assert chrome in [d.text for d in page.dropped]
    for markdown in want.get("markdown", []):
        assert markdown in body
    assert "status" not in meta


def test_a_related_posts_date_never_dates_the_post():
    text = (PAGES / "wpcom_entry_below.txt").read_text(encoding="utf-8")
    without_footer = "\n".join(line for line in text.splitlines() if not line.startswith("This entry"))
    [post] = read_page(without_footer.encode(), "raw/wpcom_entry_below.txt").posts
    assert post.title == "Restorative conferences in the school holidays"
    assert post.date is None


def test_share_menu_words_are_never_title_author_or_tag():
    _page, [(meta, _body)] = _read("blogger_share_menu")
    menu = {"Get link", "Facebook", "Twitter", "Email", "Other Apps", "Share"}
    assert meta["title"] not in menu and meta.get("author") not in menu
    assert not menu & set(meta.get("tags", []))


def test_comment_text_is_kept_whole_and_out_of_the_body():
    _page, [(meta, body)] = _read("twentytwelve_comments")
    assert meta["legacy_comments"][0] == {
        "author": "Rory Penhale",
        "date": "2012-06-04T09:12:00+01:00",
        "text": "We did the same last year. The hardest part was getting managers to stop talking.",
    }
    assert "managers to stop talking" not in body


def test_kubrick_monthly_archive_gives_its_posts_and_drops_its_sidebar():
    page, posts = _read("kubrick_archive")
    assert page.kind.value == "archive"
    assert [(m["title"], m["date"].date().isoformat(), m["category"], m["comments"]) for m, _ in posts] == [
        ("Team away day", "2008-05-28", "Team", 2),
        ("New duty rota", "2008-05-14", "Admin", 0),
    ]
    assert posts[1][1].endswith("rather than emailing me.")
    assert {"« Older Entries", "Pages", "April 2008"} <= {d.text for d in page.dropped}


def test_page_without_evidence_is_a_draft_with_a_reason():
    page = read_page(
        b"Home\n\nAbout\n\nSome words here that run on for a while without a date.\n", "raw/x.txt"
    )
    [post] = page.posts
    assert post.draft_reason
    text = render(post)
    assert "status: draft" in text and "draft_reason:" in text
    assert any("draft" in warning for warning in page.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, 7 May 2010", "2010-05-07"),
        ("June 3rd, 2012", "2012-06-03"),
        ("Feb 9, 2015 · 4 min read", "2015-02-09"),
        ("Wed, 05/11/2014 - 14:20", "2014-11-05 14:20"),
        ("07:30, 2 MAR 2016", "2016-03-02 07:30"),
        ("June 4, 2012 at 9:12 pm", "2012-06-04 21:12"),
        ("2014-05-11", "2014-05-11"),
        ("Posted on 6/06/2016 by", "2016-06-06"),
    ],
)
def test_date_forms(text, expected):
    from importer.dates import find_date

    found = find_date(text)
    got = found.when.start().isoformat()
    if found.hour is not None:
        got += f" {found.hour:02d}:{found.minute:02d}"
    assert got == expected


def test_numeric_dates_are_month_first_only_when_the_page_proves_it():
    from importer.dates import numeric_order

    assert numeric_order(["05/11/2014"]) is True
    assert numeric_order(["05/11/2014", "12/25/2014"]) is False
    assert numeric_order(["25/12/2014"]) is True


def test_a_page_with_a_month_first_date_reads_all_its_numeric_dates_month_first():
    page = read_page(
        b"A US-style post\n\nPosted on 05/11/2014 by Kim Lee\n\n"
        b"The text of the post runs on long enough here.\n\n"
        b"Updated 12/25/2014\n",
        "raw/us.txt",
    )
    assert page.posts[0].date.value.date().isoformat() == "2014-05-11"
    uk = read_page(
        b"A UK post\n\nPosted on 05/11/2014 by Kim Lee\n\nThe text of the post runs on.\n", "raw/uk.txt"
    )
    assert uk.posts[0].date.value.date().isoformat() == "2014-11-05"


def test_blogger_label_page_posts_share_the_day_heading_and_keep_their_footers():
    page, posts = _read("blogger_label")
    assert page.kind.value == "archive"
    got = [
        (m["title"], m["date"].isoformat(), m["author"], m["tags"], m["comments"], m["date_source"])
        for m, _ in posts
    ]
    assert got == [
        (
            "Two hearings in one day",
            "2011-04-04T20:05:00+01:00",
            "Owen Pryce",
            ["Hearings", "Courts"],
            1,
            "explicit",
        ),
        ("A quick one about bundles", "2011-04-04T07:40:00+01:00", "Owen Pryce", ["Hearings"], 0, "archive"),
    ]
    assert posts[1][1] == "Please, paginate the bundle before the hearing and not during it. That is all."


def test_a_bare_list_of_tags_ends_a_listing_post_but_a_sentence_does_not():
    page = read_page(
        "Tag: adoption\n\nFirst post\n\nOctober 4, 2011 Ruth Lyle 4 Comments\n\n"
        "The text of the first post.\n\n"
        "adoption, scorecards, timescales\n\nSecond post\n\nAugust 22, 2011 Ruth Lyle Leave a comment\n\n"
        "We bought apples, pears, plums\n\n© Permanence Matters 2011. All rights reserved.\n".encode(),
        "raw/tags.txt",
    )
    first, second = page.posts
    assert first.tags == ["adoption", "scorecards", "timescales"]
    assert (first.author, first.comments, second.comments) == ("Ruth Lyle", 4, 0)
    assert second.tags == [] and "© Permanence Matters 2011. All rights reserved." in [
        d.text for d in page.dropped
    ]
