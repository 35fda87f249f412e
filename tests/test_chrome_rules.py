"""The chrome rules' shortcuts (length classes, per-page needs) never change a verdict."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from importer.chrome import (
    _RULES,
    _split_more_links,
    chrome_reason,
    drop_chrome,
    drop_contents,
    drop_page_breaks,
)
from importer.post import Line


def reference_reason(text: str) -> str | None:
    """Each rule tried on its own, in order, with its length limit."""
    for rule in _RULES:
        if (rule.longest is None or len(text) <= rule.longest) and rule.pattern.match(text):
            return rule.reason
    return None


# Words the rules look for, in odd cases and with the letters case-blind matching
# folds together (K for k, ı for i, ſ for s), mixed with ordinary words.
FRAGMENTS = [
    "cookies",
    "COOKIES",
    "Cookie",
    "cooKies",
    "cookıes",
    "cookieſ",
    "cookie consent",
    "Cookie Notice",
    "website",
    "site",
    "browsing",
    "consent",
    "accept",
    "all",
    "share",
    "Share this",
    "share on",
    "facebook",
    "connecting to",
    "click to",
    "print",
    "tweet",
    "like loading…",
    "image",
    "Img",
    "ımage",
    "9427e17bf66e4f1a",
    "9j 4aaqsk",
    "9J 4AAQSK",
    "9j 4aaqſk",
    "1620w",
    "Shutterstock",
    "related posts",
    "more from",
    "read more:",
    "skip to content",
    "advertisement",
    "the",
    "child",
    "social",
    "worker",
    ".",
    ":",
    "x" * 70,
]
line = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(line)
def test_a_line_gets_the_verdict_of_the_rules_tried_one_by_one(text):
    assert chrome_reason(text) == reference_reason(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(line, min_size=1, max_size=8))
def test_a_page_drops_exactly_the_lines_judged_alone(texts):
    lines = [Line(number, text, 1, 1) for number, text in enumerate(texts, start=1)]
    _, dropped = drop_chrome(lines)
    # First an excerpt's "read more" link comes off the end of its line, then each line is judged.
    split, links = _split_more_links(lines)
    expected = [(d.line, d.reason) for d in links]
    expected += [(line.number, reference_reason(line.text)) for line in split if reference_reason(line.text)]
    assert sorted((d.line, d.reason) for d in dropped) == sorted(expected)


def test_every_character_a_rule_needs_is_found_by_lower_case_alone():
    # A page is searched for a rule's needs in lower case. That is only sound if
    # every character that case-blind matching takes for a needed one lowers to it.
    needed = {c for rule in _RULES for c in rule.needs}
    assert needed
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for wanted in needed:
        takers = re.findall(re.escape(wanted), every, re.I)
        assert takers and all(ch.lower() == wanted for ch in takers), (wanted, takers)


def test_known_chrome_and_content():
    assert chrome_reason("We use cookies to improve your experience on our website") == "cookie banner"
    assert chrome_reason("Image Update 9427e17bf66e4f1a 1368763505 9j 4aaqsk") == "image placeholder"
    assert chrome_reason("Shutterstock Yellow Paper 1620w") == "image placeholder"
    # Past the rules' length limits the same words are content.
    long_banner = "We use cookies on this website " + "and so on " * 20
    assert chrome_reason(long_banner) is None
    assert chrome_reason("A " * 40 + "paper 1620w") is None

    assert chrome_reason("READ MORE: Foster carers quit over pay") == "related-links widget"
    assert chrome_reason("Related: I wrote about this in 2009 when the review came out.") is None
    assert chrome_reason("Suggest a correction") == "article tools"
    assert (
        chrome_reason("Hearth Fostering is a registered charity in England and Wales (1139482).")
        == "legal notice"
    )
    assert chrome_reason("Suggest a correction to the care plan before the review, she said.") is None
    assert chrome_reason("Our charity is a registered charity, but the children are not numbers.") is None
    assert chrome_reason("Share this: Twitter | Facebook | LinkedIn | Email") == "share widget"
    assert chrome_reason("Twitter, Facebook and my sister's email are how I heard.") is None
    disclaimer = (
        "Views expressed in guest posts are those of the author and do not necessarily reflect our policy."
    )
    assert chrome_reason(disclaimer) == "disclaimer"
    assert chrome_reason("Views my own, not my employer's.") is None
    assert chrome_reason("Get the biggest daily stories by email") == "sign-up box"
    assert (
        chrome_reason("We will use your email address only for the purpose of sending you news.")
        == "sign-up box"
    )
    assert chrome_reason("I get the news by email from the council every week.") is None
    assert chrome_reason("Photo: posed by models / stock image") == "image credit or notice"
    assert chrome_reason("Report this post") == "page buttons"
    assert chrome_reason("Published anonymously on Write.as") == "page buttons"
    assert chrome_reason("Published on 3 March 2019 by Jo") is None
    assert chrome_reason("Caseload weighting tool - practice guidance (PDF, 212KB)") == "document link"
    assert chrome_reason("Related documents") == "document link"
    assert (
        chrome_reason("< Ep. 22: Contact centres | Ep. 24: Supervising social workers >") == "post navigation"
    )
    assert chrome_reason("3.2K subscribers") == "page buttons"
    assert chrome_reason("Was this article useful?  Yes  No") == "page buttons"


def _lines(texts: list[str]) -> list[Line]:
    return [Line(number=i + 1, text=t) for i, t in enumerate(texts) if t]


def test_a_printed_page_s_running_header_footer_and_number_go_and_a_cut_sentence_is_joined():
    header = "22/04/2013 What I wish I'd known | Hearth Fostering"
    footer = "https://www.hearth.org.uk/blog/what-i-wish?print=1"
    kept, dropped = drop_page_breaks(
        _lines(
            [
                header,
                "What I wish I'd known",
                "The first week is about learning that you will not get",
                footer,
                "Page 1 of 2",
                header,
                "everything right. The boys settled.",
                "Page 2 of 2",
            ]
        )
    )
    assert [line.text for line in kept] == [
        "What I wish I'd known",
        "The first week is about learning that you will not get everything right. The boys settled.",
    ]
    assert sorted(d.line for d in dropped) == [1, 4, 5, 6, 8]


def test_a_printed_pages_address_and_number_on_one_line_go_too():
    header = "19/11/2019, 14:22 Why we changed allocation | The Loop"
    kept, dropped = drop_page_breaks(
        _lines(
            [
                header,
                "Why we changed allocation",
                "From Monday the service will move away from",
                "https://theloop.example.gov.uk/news/allocation    Page 1 of 2",
                header,
                "allocating new cases by rota.",
                "https://theloop.example.gov.uk/news/allocation    Page 2 of 2",
            ]
        )
    )
    assert [line.text for line in kept] == [
        "Why we changed allocation",
        "From Monday the service will move away from allocating new cases by rota.",
    ]
    assert len(dropped) == 4


def test_a_page_number_alone_in_the_text_is_kept():
    texts = ["Chapter notes", "Page 3 of 7", "is where the review's timeline starts.", "More text here."]
    kept, dropped = drop_page_breaks(_lines(texts))
    assert [line.text for line in kept] == texts and dropped == []


def test_a_newsletters_contents_with_leaders_and_page_numbers_goes():
    texts = [
        "In this issue",
        "What the inspectors asked us ........................ 1",
        "Dates for your diary ................................ 2",
        "What the inspectors asked us",
        "Ofsted arrived on a Monday morning with twenty minutes' notice for the director.",
        "Dates for your diary",
        "Team day on 3 April.",
    ]
    lines = [Line(number=i + 1, text=t, blanks_before=int(i >= 3)) for i, t in enumerate(texts)]
    kept, dropped = drop_contents(lines)
    assert [d.text for d in dropped] == [line.text for line in lines[:3]]
    assert kept[0].text == "What the inspectors asked us"
