"""A post's fields and the end of its text, on the patterns page families share.

Tags printed after the text (labels, hashtags, one a line, joined to a byline),
a primary tag beside the title, the page's furniture after the text (author
boxes, sign-ups, reactions, sidebars) and a confidence from the evidence used,
for single pages and listings alike.
"""

from __future__ import annotations

import pytest

from importer import metadata
from importer.confidence import CONFIDENCE_BAR, DateEvidence, Evidence, TitleEvidence, score
from importer.pipeline import read_page
from importer.post import Page, PageKind, Post


def _page(text: str) -> Page:
    return read_page(text.encode("utf-8"), "raw/page.txt")


def _one(text: str) -> tuple[Page, Post]:
    page = _page(text)
    assert len(page.posts) == 1, [post.title for post in page.posts]
    return page, page.posts[0]


def _only(text: str) -> Post:
    return _one(text)[1]


def _body(post) -> str:
    return "\n".join(line.text for line in post.body_lines)


_TEXT = (
    "Our fostering panel met twice this month, and both times the discussion turned to how we "
    "support carers through the first six weeks of a placement.\n\n"
    "The carers who did best had a named supporting social worker who rang them every week, "
    "not only when something had gone wrong.\n\n"
    "We are writing that into our support offer from April, and we will report back next year.\n"
)


def _single(after: str, *, header: str = "Posted on 4 March 2019 by Wren Okafor") -> str:
    title = "What carers need in the first six weeks"
    return f"Hillside Fostering\nHome\nAbout\n\n{title}\n{header}\n\n{_TEXT}\n{after}"


@pytest.mark.parametrize(
    ("line", "tags", "author"),
    [
        ("Posted in Fostering by Jo Bell", ["Fostering"], "Jo Bell"),
        ("Tags: adoption, courts by Admin", ["adoption", "courts"], "Admin"),
        (
            "Filed under: Leaving care, Staying Put by Sam de Vries",
            ["Leaving care", "Staying Put"],
            "Sam de Vries",
        ),
        ("Tagged: respite, foster carers", ["respite", "foster carers"], None),
    ],
)
def test_a_tag_line_that_runs_into_a_byline_gives_its_tags_and_the_author(line, tags, author):
    footer = metadata.footer_line(line)
    assert footer is not None
    assert footer.tags + footer.categories == tags
    assert footer.author == author
    post = _only(_single(f"{line}\nBack to top\n", header="4 March 2019"))
    assert ([post.category] if post.category else []) + post.tags == tags
    assert post.author == author
    assert line not in _body(post)


@pytest.mark.parametrize(
    "line",
    [
        "Topics: Workforce · Caseloads · Pay",
        "Topics: Workforce | Caseloads | Pay",
        "Tags: Workforce, Caseloads; Pay",
    ],
)
def test_a_labelled_list_is_split_on_the_separators_themes_print(line):
    post = _only(_single(f"{line}\nBack to top\n", header="4 March 2019"))
    assert sorted([*([post.category] if post.category else []), *post.tags]) == [
        "Caseloads",
        "Pay",
        "Workforce",
    ]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Guest post by Dele Okonjo, independent reviewing officer", "Dele Okonjo"),
        ("A guest blog by Mary Ann Kerr", "Mary Ann Kerr"),
        ("Posted by Helen Marsh and Tom Asante", "Helen Marsh and Tom Asante"),
    ],
)
def test_a_guest_or_shared_byline_names_its_authors(line, name):
    assert metadata.byline(line).name == name


def test_a_hashtag_row_after_the_text_is_its_tags():
    post = _only(_single("#fostering #placement support #first weeks\n"))
    assert post.tags == ["fostering", "placement support", "first weeks"]
    assert "#" not in _body(post)


def test_hashtag_rows_end_each_post_of_a_listing():
    page = _page(
        "quietcaseload\n\nNew team, new lanyard\nPosted 3 April 2015\n"
        "Seventh authority in four years, and the first child I met asked if I would be there at Christmas.\n"
        "#agency work #locum\n\nHandover notes\nPosted 20 March 2015\n"
        "Who the child trusts, which teacher rings back, what they call the dog: none of it is in the file.\n"
        "#handovers\n\nOlder posts\n"
    )
    assert page.kind is not PageKind.SINGLE
    assert [post.tags for post in page.posts] == [["agency work", "locum"], ["handovers"]]
    assert all("#" not in _body(post) and "Older posts" not in _body(post) for post in page.posts)


@pytest.mark.parametrize("below", ["By Kwame Ellery\n2 June 2020", "Kwame Ellery\n2 June 2020"])
def test_a_short_label_between_the_title_and_the_byline_is_a_tag_not_the_title(below):
    post = _only(
        "Practice Matters\nHome\nAbout\n\n"
        f"Sitting with silence in direct work\nDirect work\n{below}\n\n{_TEXT}"
    )
    assert post.title == "Sitting with silence in direct work"
    assert post.category == "Direct work"
    assert post.author == "Kwame Ellery"


def test_an_author_box_after_a_rule_and_a_sign_up_box_are_dropped_but_a_ps_stays():
    page, post = _one(
        _single(
            "P.S. Thank you to the carers who read a draft of this.\n\n———\n\n"
            "Wren Okafor is a supervising social worker in Kent and a foster carer herself.\n\n"
            "Get Hillside Fostering in your inbox\nJoin 900 carers who get our monthly round-up.\n"
            "Email address\nSign me up\n"
        )
    )
    assert _body(post).endswith("P.S. Thank you to the carers who read a draft of this.")
    dropped = {d.text for d in page.dropped}
    assert "Wren Okafor is a supervising social worker in Kent and a foster carer herself." in dropped
    assert "Join 900 carers who get our monthly round-up." in dropped


def test_a_furniture_heading_after_tags_printed_one_a_line_is_no_tag():
    post = _only(
        _single(
            "Kinship care\nSpecial guardianship\n\nAbout the author\nWren Okafor\n"
            "Wren is a kinship support worker in the East Midlands.\n"
        )
    )
    assert post.tags == ["Kinship care", "Special guardianship"]
    assert "About the author" not in _body(post)


def test_a_closing_call_to_subscribe_is_the_newsletter_box():
    post = _only(
        _single("Thanks for reading Hillside Notes! Subscribe for free to receive new posts.\n\nSubscribe\n")
    )
    assert _body(post).endswith("we will report back next year.")


def test_a_tagged_line_after_the_text_is_no_archive_heading():
    page, post = _one(_single("Tagged: respite, foster carers\n← Older\nContact at Christmas\nNewer →\n"))
    assert page.kind is PageKind.SINGLE
    assert post.title == "What carers need in the first six weeks"
    assert post.tags == ["respite", "foster carers"]


def test_tumblr_notes_end_the_text_but_the_date_under_them_is_the_posts():
    post = _only(
        "careleaverthoughts\n\nEighteen and a bin bag\n\n"
        + _TEXT
        + "#care leavers\n\n214 notes\nPosted 2 March 2018\nreblog\n\n"
        "kettleandcrumpets liked this\nsw-diaries reblogged this from careleaverthoughts and added:\n"
        "this. we did a suitcase drive at uni last year, sixty cases donated. do it.\n"
    )
    assert post.date is not None and post.date.value.date().isoformat() == "2018-03-02"
    assert post.tags == ["care leavers"]
    assert "liked this" not in _body(post) and "suitcase drive" not in _body(post)


def test_blogger_home_posts_under_date_headings_are_a_listing_despite_their_comment_links():
    post_text = "Before each conference I now ask parents what they want the meeting to talk about first."
    page = _page(
        "Notes from the Chair\nConference chairing in a county council\n\n"
        f"Tuesday, 16 October 2012\nThe family's own agenda\n\n{post_text}\n\n"
        "Posted by Delyth Morgan at 20:41\nLabels: conferences, parents\n2 comments:\n\n"
        f"Thursday, 4 October 2012\nReports that arrive late\n\n{post_text}\n\n"
        "Posted by Delyth Morgan at 07:55\nLabels: conferences\n0 comments:\n\nOlder Posts Home\n"
    )
    assert page.kind is PageKind.LISTING
    assert [post.title for post in page.posts] == ["The family's own agenda", "Reports that arrive late"]
    assert [post.comments for post in page.posts] == [2, 0]


def test_the_last_post_of_a_listing_ends_at_its_tags_not_the_sidebar():
    page = _page(
        "Tag: adoption\n\nLetterbox contact\nAugust 22, 2011 Ruth Okafor-Lyle Leave a comment\n\n"
        + _TEXT
        + "\nadoption, contact\n\n\n"
        "Why I still believe in adoption\nJuly 9, 2011 Ruth Okafor-Lyle 12 Comments\n\n"
        + _TEXT
        + "\nadoption, post-adoption support\n\nOlder posts\n\nSearch …\n\nFollow Permanence Notes\n\nTags\n"
        # A tag cloud as long as a sentence.
        "adoption contact fostering kinship care post-adoption support SGOs scorecards social media "
        "timescales\n"
    )
    last = page.posts[-1]
    assert last.tags == ["adoption", "post-adoption support"]
    assert _body(last).endswith("we will report back next year.")


# --- Confidence ----------------------------------------------------------------


def _evidence(**changes) -> Evidence:
    base = {
        "kind_sure": True,
        "title": TitleEvidence.HEADER,
        "date": DateEvidence.HEADER,
        "author": True,
        "has_text": True,
    }
    return Evidence(**(base | changes))


@pytest.mark.parametrize(
    "weaker",
    [
        {"kind_sure": False},
        {"title": TitleEvidence.LAYOUT},
        {"title": TitleEvidence.GUESS},
        {"date": DateEvidence.STATED},
        {"date": DateEvidence.ARCHIVE},
        {"date": DateEvidence.INFERRED},
        {"date": DateEvidence.NONE},
        {"author": False},
        {"has_text": False, "doubts": ["the page may not be a post at all"]},
    ],
)
def test_each_piece_of_missing_evidence_lowers_the_confidence(weaker):
    assert score(_evidence(**weaker)) < score(_evidence())


def test_listing_posts_get_the_confidence_their_evidence_gives_not_a_fixed_one():
    page = _page(
        "Category: Fostering\n\nThe sibling group\nFebruary 2, 2013\n"
        + _TEXT
        + "\nPosted in Fostering by Jo Bell | 2 Comments\n\nSupervising social workers who listen\n"
        "Our new supervising social worker asked what we needed before she told us what the agency did.\n\n"
        "Posted in Fostering | Leave a comment\n"
    )
    first, second = page.posts
    assert first.author == "Jo Bell" and second.author is None
    assert first.confidence == score(_evidence())
    assert second.confidence < first.confidence
    assert not first.draft_reason


def test_a_listing_post_below_the_bar_is_a_draft_with_its_reason_and_a_warning():
    page = _page(
        "Category: Fostering\n\nThe sibling group\n\n" + _TEXT + "\nPosted in Fostering | 2 Comments\n\n"
        "Carers who listen\n\nShort.\n\nPosted in Fostering | Leave a comment\n"
    )
    weak = [post for post in page.posts if post.confidence < CONFIDENCE_BAR]
    assert weak, [(post.title, post.confidence) for post in page.posts]
    for post in weak:
        assert post.draft_reason
        assert any(post.title in warning and "draft" in warning for warning in page.warnings)


def test_an_ad_slot_between_paragraphs_is_dropped_and_the_text_goes_on():
    ad = "\n\nAdvertisements\nReport this ad\n\nThe carers"
    page, post = _one(_single("").replace("\n\nThe carers", ad))
    assert "Advertisements" not in _body(post) and "Report this ad" not in _body(post)
    assert _body(post).endswith("we will report back next year.")
    assert {"Advertisements", "Report this ad"} <= {d.text for d in page.dropped}


def test_a_list_under_its_lead_in_stays_and_a_press_release_ends_at_ends():
    page, post = _one(
        _single(
            "Information evenings:\nWestmarsh – Tuesday 29 January, 7pm\n"
            "Harnley – Wednesday 6 February, 7pm\n"
            "Coldbrook – Thursday 14 February, 7pm\n\nENDS\n\nNotes to editors\n"
            "1. The council approved 27 adoptive families in 2011/12.\n\nMedia enquiries\nPress office\n"
        )
    )
    assert _body(post).endswith("Coldbrook – Thursday 14 February, 7pm")
    assert "Information evenings:" in _body(post)
    assert "Notes to editors" not in _body(post)
    assert {"ENDS", "Notes to editors"} <= {d.text for d in page.dropped}


def test_a_related_box_between_paragraphs_is_dropped_and_the_article_goes_on():
    more = (
        "A spokesperson for the council said every application to the court was made because a child was "
        "believed to be at risk of significant harm, and that the council was working with Cafcass.\n\n"
        "Local family solicitor Aled Kessel said the shortage of judges and expert witnesses was a major "
        "factor, and that hearings were being listed months apart.\n"
    )
    page, post = _one(
        _single(
            f"Related Articles\nFoster carers needed as number of children in care hits ten-year high\n"
            f"Council admits missed visits\n\n{more}\nLike us on Facebook\nFollow us on Twitter\nShare\n"
        )
    )
    assert _body(post).endswith("hearings were being listed months apart.")
    assert "Council admits missed visits" not in _body(post)
    assert "Related Articles" in {d.text for d in page.dropped}


@pytest.mark.parametrize("badge", ["Editor's Pick", "Staff Choice", "Featured"])
def test_a_sites_badge_over_the_title_is_neither_title_category_nor_byline(badge):
    post = _only(
        "The Open Notebook\nSign In | Sign Up\n\nThe Letterbox Years\nJo Mercer's Blog\n\n"
        f"{badge}\nWhat carers need in the first six weeks\nMARCH 14, 2009 9:41PM\nJo Mercer\n\n" + _TEXT
    )
    assert post.title == "What carers need in the first six weeks"
    assert post.category is None and badge not in post.tags
    assert post.author == "Jo Mercer"


def test_a_writers_job_under_their_name_is_not_the_author():
    post = _only(
        "Marsh Gazette\nNews\n\nWhat carers need in the first six weeks\n\n"
        "Daniel Okereke\nLocal Democracy Reporter\n08:15, 3 FEB 2020\n\n" + _TEXT
    )
    assert post.author == "Daniel Okereke"


def test_about_the_authors_with_a_line_on_each_ends_the_text():
    post = _only(
        _single(
            "About the authors\nDr Jo Bell is Senior Lecturer in Social Work.\n"
            "Sam Hart is a practice educator who spent ten years in child protection teams.\n\n"
            "Last updated: 2 April 2019\n\nShare this page\n"
        )
    )
    assert _body(post).endswith("we will report back next year.")
    assert "Senior Lecturer" not in _body(post)


def test_a_forum_threads_opener_by_user_name_is_its_author():
    assert metadata.byline("Started by sunflower_mum82").name == "sunflower_mum82"
    assert metadata.byline("Posted by admin") is None


def test_the_paragraphs_above_a_listings_first_recognised_post_are_a_post_not_its_header():
    page = _page(
        "Duty Desk Diaries\nNotes from a duty team.\n\nWhat the photocopier taught me\n"
        + _TEXT
        + "\nPosted by Sam at 21:03 2 comments\n\n"
        "What carers need in the first six weeks\n4 March 2019\n\n"
        + _TEXT
        + "\nPosted by Sam at 18:47 No comments\n"
    )
    titles = [post.title for post in page.posts]
    assert titles == ["What the photocopier taught me", "What carers need in the first six weeks"], titles
    assert not any("fostering panel met" in d.text for d in page.dropped)


def test_blogger_posts_saved_with_no_blank_lines_under_their_day_headings():
    page = _page(
        "Create Blog\nSign In\nDuty Desk Diaries\nNotes from a duty team.\n"
        "Tuesday, 28 June 2011\nWhat the photocopier taught me\n"
        + _TEXT
        + "Posted by Sam Whitlow at 21:03 2 comments\nLabels: duty, paperwork\n"
        "Tuesday, 14 June 2011\nWhat carers need in the first six weeks\n"
        + _TEXT
        + "Posted by Sam Whitlow at 18:47 No comments\nLabels: home visits\n"
    )
    assert [post.title for post in page.posts] == [
        "What the photocopier taught me",
        "What carers need in the first six weeks",
    ]
    assert [post.date.value.day for post in page.posts] == [28, 14]
    assert page.posts[0].tags == ["duty", "paperwork"]


def test_a_forum_posters_repeated_sign_off_over_their_profile_is_their_signature():
    sign_off = "Registered SW, North West. Views my own."
    post = _only(
        "Practice Forum\nBoard index\n\nCore groups and absent dads\n"
        "by oldfieldSW » Tue Mar 06, 2012 8:14 pm\n\n"
        + _TEXT
        + f"\n{sign_off}\n\noldfieldSW\nPosts: 214\nJoined: Sat Oct 17, 2009 7:52 pm\nTop\n\n"
        "Re: Core groups and absent dads\nby oldfieldSW » Wed Mar 07, 2012 9:05 pm\n\n"
        f"Thanks both, I will try the agenda idea next week.\n\n{sign_off}\n\n"
        "oldfieldSW\nPosts: 214\nJoined: Sat Oct 17, 2009 7:52 pm\nTop\n"
    )
    assert _body(post).endswith("we will report back next year.")


def test_a_forums_original_poster_label_on_a_reply_is_the_posts_author():
    post = _only(
        "Family Forum\nForums › Fostering\n\nThinking of fostering - how long does it take?\n\n"
        "Started by willow_mum82\nPosted 22/11/2012 at 21:14\n\n"
        + _TEXT
        + "\n5 replies | Reply to this thread\n\n"
        "fosterfamily_kent\n22/11/2012 at 21:40\n"
        "About eight months for us, start to finish.\nLike Quote Report\n\n"
        "Original poster\n23/11/2012 at 08:02\nThank you, that is really helpful.\nLike Quote Report\n"
    )
    assert post.author == "willow_mum82"
    assert [c.author for c in post.legacy_comments] == ["fosterfamily_kent", "willow_mum82"]


def test_a_section_run_into_the_byline_is_not_part_of_the_name():
    post = _only(
        "The Daily Courier\nNews\nSociety\nBlogs Home » Society » Imogen Treharne\n\n"
        "What carers need in the first six weeks\n\n"
        "By Imogen Treharne Society Last updated: November 5th, 2013\n\n" + _TEXT
    )
    assert post.author == "Imogen Treharne"
