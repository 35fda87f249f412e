"""The page families the importer understands, each on a small raw page."""

from __future__ import annotations

import yaml


def front(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def body(text: str) -> str:
    return text.split("---\n", 2)[2].strip()


def by_title(imported) -> dict[str, tuple[dict, str]]:
    return {front(t)["title"]: (front(t), body(t)) for t in imported.posts().values()}


ARCHIVE = """Monthly Archives: March 2012

First post of the page

Newest words here.

Second post

Older words here.

Third post

Oldest words here.
"""


def test_month_heading_dates_every_post_and_keeps_newest_first_order(import_text):
    posts = by_title(import_text(ARCHIVE))
    dates = [posts[t][0]["date"] for t in ("First post of the page", "Second post", "Third post")]
    assert all(d.year == 2012 and d.month == 3 and d.day == 1 for d in dates)
    assert dates[0] > dates[1] > dates[2]
    assert {posts[t][0]["date_source"] for t in posts} == {"archive"}
    assert {posts[t][0]["date_precision"] for t in posts} == {"month"}


def test_comma_month_heading_and_london_summer_time(import_text):
    posts = by_title(import_text(ARCHIVE.replace("March 2012", "July, 2011")))
    when = posts["Third post"][0]["date"]
    assert when.isoformat() == "2011-07-01T12:00:00+01:00"


def test_yearly_and_daily_headings(import_text, make_raw, run_import):
    make_raw("y.txt", "Yearly Archives: 2010\n\nA title\n\nText.\n")
    make_raw("d.txt", "Daily Archives: March 28, 2012\n\nAnother title\n\nText.\n")
    posts = by_title(run_import())
    assert posts["A title"][0]["date_precision"] == "year"
    assert posts["A title"][0]["date"].isoformat() == "2010-01-01T12:00:00+00:00"
    meta = posts["Another title"][0]
    assert meta["date"].isoformat() == "2012-03-28T12:00:00+01:00"
    assert meta["date_source"] == "archive" and "date_precision" not in meta


def test_category_and_author_headings_apply_to_every_post(make_raw, run_import):
    make_raw("c.txt", "Category Archives: Fostering\n\nOne\n\nText.\n\nTwo\n\nText.\n")
    make_raw("a.txt", "Author Archives: Sam Jones\n\nThree\n\nText.\n")
    posts = by_title(run_import())
    assert posts["One"][0]["category"] == posts["Two"][0]["category"] == "Fostering"
    assert posts["Three"][0]["author"] == "Sam Jones"


TAG_PAGE = """Tag Archives: children’s social work

Newer post

Some text.

2 Comments

Filed under children's social work, Social care funding

Older post

More text.

Leave a comment

Filed under Children's Social Work
"""


def test_tag_heading_footers_and_one_spelling_per_tag(import_text):
    posts = by_title(import_text(TAG_PAGE))
    newer, older = posts["Newer post"][0], posts["Older post"][0]
    assert newer["tags"] == ["children's social work", "Social care funding"]
    assert older["tags"] == ["children's social work"]
    assert (newer["comments"], older["comments"]) == (2, 0)
    assert posts["Newer post"][1] == "Some text."


def test_posted_in_tagged_footer_with_responses(import_text):
    page = (
        "A post\n\nPosted on March 28, 2012 by Jane Smith\n\nWords.\n\n"
        "Posted in Practice | Tagged courts, family law | 12 Responses\n"
    )
    meta, text = by_title(import_text(page))["A post"]
    assert meta["category"] == "Practice"
    assert meta["tags"] == ["courts", "family law"]
    assert meta["comments"] == 12
    assert meta["author"] == "Jane Smith"
    assert meta["date"].isoformat() == "2012-03-28T12:00:00+01:00"
    assert meta["date_source"] == "explicit"
    assert text == "Words."


def test_this_entry_was_posted_in_footer_and_comments_off(import_text):
    page = (
        "A post\n\nPosted on 14 February 2013\n\nWords.\n\nComments Off\n\n"
        "This entry was posted in Policy and tagged budgets, Ofsted. Bookmark the permalink.\n"
    )
    meta, text = by_title(import_text(page))["A post"]
    assert meta["category"] == "Policy"
    assert meta["tags"] == ["budgets", "Ofsted"]
    assert meta["comments"] == 0 and meta["comments_closed"] is True
    assert meta["date"].date().isoformat() == "2013-02-14"
    assert text == "Words."


def test_one_comment_and_leave_a_reply(import_text):
    page = (
        "First\n\nPosted on 2/03/2014\n\nA.\n\n1 Comment\n\n"
        "Second\n\nPosted on 1/03/2014\n\nB.\n\nLeave a reply\n"
    )
    posts = by_title(import_text(page))
    assert posts["First"][0]["comments"] == 1
    assert posts["Second"][0]["comments"] == 0
    assert "comments_closed" not in posts["Second"][0]
    # Day first: 2/03/2014 is 2 March.
    assert posts["First"][0]["date"].date().isoformat() == "2014-03-02"


def test_day_first_numeric_dates(import_text):
    meta, _ = by_title(import_text("T\n\nPosted on 6/06/2016 by\n\nText.\n"))["T"]
    assert meta["date"].isoformat() == "2016-06-06T12:00:00+01:00"
    assert "author" not in meta


def test_bylines(import_text):
    page = (
        "Repost one\n\n\nOriginal post from Community Care\n\n‘……By Matt Bee\n\nText one.\n\n"
        "Repost two\n\n\nOriginal post from Community Care\n\nOpening words.\n\n"
        "By Ray Jones, professor of social work\n\nText two.\n"
    )
    posts = by_title(import_text(page))
    one, two = posts["Repost one"], posts["Repost two"]
    assert one[0]["author"] == "Matt Bee" and one[0]["source"] == "Community Care"
    assert one[1] == "Text one."
    assert two[0]["author"] == "Ray Jones"
    # The byline says more than the name, so it stays in the text.
    assert "By Ray Jones, professor of social work" in two[1]


def test_source_lines_and_site_suffix_in_title(import_text):
    page = (
        "Title one | Community Care\n\n\nA comment.\n\nSource: Title one | Community Care\n\n"
        "Title two\n\n\nWords.\n\nSource: Community Care\n"
    )
    posts = by_title(import_text(page))
    one, two = posts["Title one"][0], posts["Title two"][0]
    assert one["source"] == "Community Care" and one["source_title"] == "Title one"
    assert two["source"] == "Community Care" and "source_title" not in two
    assert posts["Title two"][1] == "Words."


CUTTING = """Client: TACT

Source: Children & Young People Now

Date: 01/09/2019

 Page:
 10

Standfirst of the piece

Headline here

SOCIAL CARE

By Derren Hayes

The first sentence ends mid



Pull quote text set large

way through.

EXPERT VIEW SOMETHING

Body under the heading.
"""


def test_press_cutting(import_text):
    imported = import_text(CUTTING)
    meta, text = by_title(imported)["Headline here"]
    assert meta["date"].isoformat() == "2019-09-01T12:00:00+01:00"
    assert meta["source"] == "Children & Young People Now"
    assert meta["author"] == "Derren Hayes"
    assert meta["summary"] == "Standfirst of the piece"
    assert meta["category"] == "Social care"
    assert meta["provenance"]["cutting_client"] == "TACT"
    assert meta["provenance"]["cutting_page"] == "10"
    assert "The first sentence ends mid way through.\n\n> Pull quote text set large" in text
    assert "## EXPERT VIEW SOMETHING" in text


def test_chrome_is_dropped_and_reported(import_text):
    page = (
        "Cookie Consent by Popupsmart Website\n\nConnecting to LinkedIn...\n\n"
        "Real title\n\nPosted on 1/02/2015 by Ann\n\n"
        "Image Update 9427e17bf66e4f1a 1368763505 9j 4aaqsk\n\n"
        "We use cookies in our work with families, said nobody.\n\nShare this:\n"
    )
    imported = import_text(page)
    _meta, text = by_title(imported)["Real title"]
    assert text == "We use cookies in our work with families, said nobody."
    dropped = imported.report["files"][0]["dropped"]
    assert [(d["line"], d["reason"]) for d in dropped] == [
        (1, "cookie banner"),
        (3, "share widget"),
        (9, "image placeholder"),
        (13, "share widget"),
    ]


def test_subheadings_lists_and_paragraphs(import_text):
    page = (
        "A long enough title for a post\n\n\nOpening paragraph.\n\n"
        "A subheading\n\nUnder it.\n  • first point\n  • second point\nAfter the list.\n\n"
        "Next post title\n\n\nText.\n"
    )
    posts = by_title(import_text(page))
    text = posts["A long enough title for a post"][1]
    assert text == (
        "Opening paragraph.\n\n## A subheading\n\nUnder it.\n\n"
        "- first point\n- second point\n\nAfter the list."
    )
    assert "Next post title" in posts


def test_bare_archive_short_lines_are_titles(import_text):
    posts = by_title(import_text("Monthly Archives: May 2010\n\nOne\n\nText.\nMore.\n\nTwo\n\nText.\n"))
    assert sorted(posts) == ["One", "Two"]
    assert posts["One"][1] == "Text.\n\nMore."


def test_inferred_dates_from_mentions_and_neighbours(import_text):
    page = (
        "Tag Archives: courts\n\nNewest\n\nNo dates here.\n\nLeave a comment\n\n"
        "Middle\n\nFigures for November 2009 and December 2009 are out; cuts come in 2011.\n\n"
        "Leave a comment\n\nOldest\n\nNothing.\n\nLeave a comment\n"
    )
    imported = import_text(page)
    posts = by_title(imported)
    middle, newest, oldest = posts["Middle"][0], posts["Newest"][0], posts["Oldest"][0]
    assert middle["date"].date().isoformat() == "2009-12-01"
    assert middle["date_source"] == "inferred" and middle["date_precision"] == "month"
    assert "December 2009" in middle["date_evidence"]
    assert newest["date"] > middle["date"] > oldest["date"]
    assert "newer than" in newest["date_evidence"] and "older than" in oldest["date_evidence"]
    reported = {d["title"]: d for d in imported.report["dates"]}
    assert set(reported) == {"Newest", "Middle", "Oldest"}
    assert "December 2009" in reported["Middle"]["evidence"]


def test_post_with_no_evidence_is_a_draft_and_reported(import_text):
    imported = import_text("Lonely post\n\nNo date anywhere.\n")
    text = imported.only()
    assert "date" not in front(text) and front(text)["status"] == "draft"
    assert any("no date" in w for w in imported.report["files"][0]["warnings"])


def test_duplicate_titles_get_two_files(import_text):
    page = "Monthly Archives: May 2010\n\nSame title\n\nFirst text.\n\nSame title\n\nSecond text.\n"
    posts = import_text(page).posts()
    assert sorted(posts) == ["2010/same-title-2.md", "2010/same-title.md"]
    assert body(posts["2010/same-title.md"]) == "Second text."  # the older keeps the plain slug
    assert body(posts["2010/same-title-2.md"]) == "First text."


def test_header_only_and_empty_files_warn_and_the_rest_goes_on(make_raw, run_import):
    make_raw("empty.txt", "")
    make_raw("heading.txt", "Monthly Archives: May 2010\n")
    make_raw("good.txt", "Monthly Archives: May 2010\n\nA post\n\nText.\n")
    imported = run_import()
    files = {f["path"]: f for f in imported.report["files"]}
    assert files["raw/empty.txt"]["warnings"] == ["the file is empty: no posts found"]
    assert "no posts found" in files["raw/heading.txt"]["warnings"][0]
    assert list(imported.posts()) == ["2010/a-post.md"]


def test_single_post_archive_page_ending_in_a_footer(import_text):
    page = (
        "Monthly Archives: August, 2010\n\nthe only post this month\n\nShort line\n\n"
        "A longer paragraph of text.\n\n2 Comments\n\nFiled under courts\n"
    )
    posts = by_title(import_text(page))
    assert list(posts) == ["the only post this month"]
    meta, text = posts["the only post this month"]
    assert meta["comments"] == 2 and meta["tags"] == ["courts"]
    assert text == "## Short line\n\nA longer paragraph of text."


def test_quoted_passages_are_quotes_and_a_lone_quote_mark_on_a_link_is_not(import_text):
    page = (
        "What the new rota taught us\nPosted on 4 June 2012 by Jo Bell\n\n"
        "Opening paragraph about the rota and what it asked of the team.\n\n"
        "> Quoted from a colleague's email about the new rota, which still makes me smile.\n\n"
        "    Set in from the margin, a manager's words that we kept on the office wall.\n\n"
        "> Next post\n\nThe end of the post, with a last thought about rotas.\n"
    )
    [(_, text)] = list(by_title(import_text(page)).values())
    lines = text.splitlines()
    assert "> Quoted from a colleague's email about the new rota, which still makes me smile." in lines
    assert "> Set in from the margin, a manager's words that we kept on the office wall." in lines
    assert "> Next post" not in lines


def test_a_weekday_and_a_time_zone_beside_the_date_name_nobody(import_text):
    page = (
        "Opinion\n\nStop asking who to blame\n\nThu 6 Mar 2014 07.00 GMT\n\n"
        "Every serious case review finds the same thing, and the next inquiry will too.\n\n"
        "Caseloads are the story nobody wants to tell, so I will tell it here again today.\n"
    )
    meta, _ = by_title(import_text(page))["Stop asking who to blame"]
    assert "author" not in meta
    assert meta["date"].isoformat().startswith("2014-03-06T07:00")


def test_a_writers_name_over_posted_on_above_the_title_is_the_byline(import_text):
    page = (
        "Practice Commons\n\nSophie Marchetti-Ward\nPosted on 8 Feb 2022 • Updated on 10 Feb 2022\n\n"
        "Writing later life letters\n#adoption #writing\n\n"
        "Every adopted child in England is supposed to receive a later life letter from the council.\n\n"
        "The worst ones read like a court statement, and the young people reading them can tell.\n"
    )
    meta, text = by_title(import_text(page))["Writing later life letters"]
    assert meta["author"] == "Sophie Marchetti-Ward"
    assert meta["date"].date().isoformat() == "2022-02-08"
    assert meta["tags"] == ["adoption", "writing"]
    assert text.startswith("Every adopted child")


def test_xanga_day_headings_lower_case_titles_and_dashed_footers(import_text):
    entry = (
        "{day}\n\n{title}\n\n{text} It was a long night and the handover took an hour.\n\n"
        "Posted {when} - 2 eProps - {n} comments - add comment\n\n"
    )
    page = "dutydeskdiaries\n\n" + "".join(
        entry.format(day=day, title=title, text=text, when=when, n=n)
        for day, title, text, when, n in (
            (
                "Sunday, October 15, 2006",
                "the saturday that wouldn't end",
                "Started at nine.",
                "10/15/2006 at 11:47 PM",
                3,
            ),
            ("Friday, October 06, 2006", "new rota", "The rota came out.", "10/06/2006 at 06:58 PM", 0),
        )
    )
    posts = by_title(import_text(page))
    assert set(posts) == {"the saturday that wouldn't end", "new rota"}
    rota = posts["new rota"][0]
    assert rota["date"].isoformat().startswith("2006-10-06T18:58")
    assert rota["comments"] == 0
    assert posts["the saturday that wouldn't end"][0]["comments"] == 3


def test_a_comment_count_under_the_date_is_no_heading(import_text):
    page = (
        "Staying put at eighteen\n14/3/2017\n\n5 Comments\n\n"
        "When our foster son turned eighteen we agreed to a staying put arrangement.\n\n"
        "It was not the end of it, and the allowance dropped by a third overnight.\n"
    )
    meta, text = by_title(import_text(page))["Staying put at eighteen"]
    assert meta["comments"] == 5
    assert "Comments" not in text


def test_bylines_that_carry_categories_between_dashes_or_after_in(import_text):
    text = (
        "Leaving the court at six o'clock every night is not a life anyone should choose.\n\n"
        "The twenty-six week limit changed the work, and not only for the better, as we all know.\n"
    )
    dotclear = "Twenty-six weeks\n\nBy Hermione Bey on Sunday 20 April 2014, 18:25 - Courts - Permalink\n\n"
    b2evo = (
        "Appropriate adults\n\n"
        "03/10/12 11:40:18 pm, by Caspian Hale in Youth justice, Courts · 612 views · 3 comments\n\n"
    )
    meta, _ = by_title(import_text(dotclear + text))["Twenty-six weeks"]
    assert (meta["author"], meta["tags"]) == ("Hermione Bey", ["Courts"])
    meta, _ = by_title(import_text(b2evo + text, name="b2evo.txt"))["Appropriate adults"]
    assert (meta["author"], meta["tags"], meta["comments"]) == (
        "Caspian Hale",
        ["Youth justice", "Courts"],
        3,
    )


def test_tags_one_a_line_under_the_byline(import_text):
    page = (
        "Council tax exemption: where are we now?\n"
        "By Lucian Marsh / 22/01/2019 / 6 Comments\n\n"
        "Care leavers\nCorporate parenting\nLocal offer\n\n"
        "Two years ago, only a handful of English councils exempted their care leavers from council tax.\n\n"
        "That is a real achievement, and it came largely from care leavers, writing to councillors.\n"
    )
    meta, text = by_title(import_text(page))["Council tax exemption: where are we now?"]
    assert meta["tags"] == ["Care leavers", "Corporate parenting", "Local offer"]
    assert text.startswith("Two years ago")


def test_a_dotted_tag_row_under_the_title_and_a_sidebar_category_list(import_text):
    page = (
        "Practice Matters\nHome\nBlog\n\n"
        "Matching is not a spreadsheet\nFostering · Matching · Placement stability\n"
        "Written by Dorcas Mbatha on 12 May 2019\n\n"
        "Every matching meeting I have sat in starts with a spreadsheet: ages, needs and bedrooms.\n\n"
        "The best matches I have seen came from someone who knew the carer and the child well.\n\n"
        "Share this:\nFacebook\nTwitter\n\nCategories\nAdoption\nLeaving care\nYouth justice\n"
    )
    meta, text = by_title(import_text(page))["Matching is not a spreadsheet"]
    assert meta["tags"] == ["Fostering", "Matching", "Placement stability"]
    assert "category" not in meta
    assert text.startswith("Every matching meeting")


def test_topics_covered_is_a_tag_list(import_text):
    page = (
        "Sitting behind the parents\n7 March 2021\n\n"
        "I spend most of my court days sitting behind the parents, not beside them, as I should.\n\n"
        "I ask the usher before the hearing whether I can take the back row of the court.\n\n"
        "Topics covered: courts, care proceedings, parents\n"
    )
    meta, text = by_title(import_text(page))["Sitting behind the parents"]
    assert meta["tags"] == ["courts", "care proceedings", "parents"]
    assert "Topics" not in text
