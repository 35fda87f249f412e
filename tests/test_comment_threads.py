"""Reader comments in threads: forums, Reddit, LiveJournal, Facebook, LinkedIn, Disqus, Squarespace.

Each page here is one layout of a family, written as a browser saves it; the
comments must come out with their authors and whole text, never in the body,
and the thread's buttons, votes and ages listed as dropped with a reason.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BODY_END = "which is where most of our calls sit."


def _in_body(thread, *texts):
    return [text for text in texts if text in thread.body]


def test_new_reddit_without_level_lines(read_thread):
    thread = read_thread(
        "14 comments\nSort by: Best\nSearch Comments\n\n"
        "owl_on_duty\n•\n3y ago\nWe screen by phone first and it halved our referrals to assessment.\n"
        "124\nReply\nAward\nShare\n\n"
        "ferncastle_sw\n•\n3y ago\nSame here, and the schools hated it for about a fortnight.\n"
        "31\nReply\nAward\nShare\n"
    )
    assert thread.authors == ["owl_on_duty", "ferncastle_sw"]
    assert thread.texts == [
        "We screen by phone first and it halved our referrals to assessment.",
        "Same here, and the schools hated it for about a fortnight.",
    ]
    assert thread.meta["comments"] == 14
    assert thread.body.endswith(BODY_END)
    assert thread.dropped["124"] == "comment buttons"
    assert thread.dropped["3y ago"].startswith("comment's age")


def test_old_reddit_points_and_deleted(read_thread):
    thread = read_thread(
        "all 3 comments\nsorted by: best\n"
        "[–]marsh_harrier_sw 7 points 6 years ago\nOur front door does this too.\n"
        "permalink\nembed\nsave\nreport\nreply\n"
        "[–][deleted] 1 point 6 years ago\n[deleted]\npermalink\nembed\nsave\nreport\nreply\n"
        "[–]owl_on_duty[S] 3 points 6 years ago\nThanks, good to know.\n"
        "permalink\nembed\nsave\nparent\nreport\nreply\n"
    )
    assert thread.authors == ["marsh_harrier_sw", "[deleted]", "owl_on_duty"]
    assert thread.texts[1] == "\\[deleted\\]"
    assert thread.dropped["[–]marsh_harrier_sw 7 points 6 years ago"].startswith("comment header")
    assert not _in_body(thread, "Our front door does this too.", "points")


def test_phpbb2_name_over_profile_then_posted(read_thread):
    thread = read_thread(
        "Back to top\n\n"
        "Wren_Okafor\nJoined: 15 Jan 2013\nPosts: 412\nLocation: Kent\n"
        "PostPosted: Mon Mar 07, 2016 9:20 pm    Post subject: Re: Thresholds and the duty desk\n"
        "We kept the old examples in an appendix, people still reach for them.\n"
        "Back to top\nView user's profile Send private message\n\n"
        "Dafydd_Rowe\nJoined: 02 Feb 2011\nPosts: 38\n"
        "PostPosted: Tue Mar 08, 2016 7:05 am    Post subject:\n"
        "Agree. The neglect page is the best bit.\n"
        "Back to top\nView user's profile Send private message\n\n"
        "Display posts from previous: All posts\n"
    )
    assert thread.authors == ["Wren_Okafor", "Dafydd_Rowe"]
    assert thread.meta["legacy_comments"][0]["date"] == "2016-03-07T21:20:00+00:00"
    assert thread.texts[1] == "Agree. The neglect page is the best bit."
    assert thread.dropped["Posts: 412"] == "comment author's forum profile"
    assert not _in_body(thread, "old examples", "Joined")


def test_xenforo_name_rank_date_number(read_thread):
    thread = read_thread(
        "Wren Okafor\nWell-known member\n7 Mar 2016\n#2\n"
        "We kept the old examples in an appendix, people still reach for them.\n"
        "Reply\n\n"
        "Dafydd Rowe\nNew member\n8 Mar 2016\n#3\n"
        "Agree. The neglect page is the best bit.\nReply\n\n"
        "You must log in or register to reply here.\n"
    )
    assert thread.authors == ["Wren Okafor", "Dafydd Rowe"]
    assert [c["date"][:10] for c in thread.meta["legacy_comments"]] == ["2016-03-07", "2016-03-08"]
    assert thread.texts[0] == "We kept the old examples in an appendix, people still reach for them."
    assert not _in_body(thread, "old examples", "Well-known member")


def test_mumsnet_name_dot_date_with_a_withdrawn_message(read_thread):
    thread = read_thread(
        "Report\nAdd message | Report | Message poster\n\n"
        "TeaAndTriage · 07/03/2016 20:14\n"
        "The early help line is where all the arguments are, every time.\n"
        "Add message | Report | Message poster\n\n"
        "Message withdrawn at poster's request.\n\n"
        "HollyhockLane · 08/03/2016 09:30\n"
        "Agree with Tea. Our threshold meeting is basically that argument, weekly.\n"
        "Add message | Report | Message poster\n"
    )
    assert thread.authors == ["TeaAndTriage", "HollyhockLane"]
    assert thread.meta["comments"] == 2
    assert thread.dropped["Message withdrawn at poster's request."] == "comment buttons"
    assert not _in_body(thread, "Add message", "early help line is where")


def test_livejournal_from_and_date(read_thread):
    thread = read_thread(
        "Comments\n"
        "From: pennyroyal_tea\nDate: March 4th, 2016 09:40 pm (UTC)\n"
        "The neglect page is so much better.\n(Link)\n\n"
        "From: (Anonymous)\nDate: March 5th, 2016 08:02 am (UTC)\nWhich authority is this?\n(Link)\n"
    )
    assert thread.authors == ["pennyroyal_tea", "(Anonymous)"]
    assert thread.meta["legacy_comments"][0]["date"] == "2016-03-04T21:40:00+00:00"
    assert thread.texts == ["The neglect page is so much better.", "Which authority is this?"]


def test_facebook_badges_and_age_under_the_text(read_thread):
    thread = read_thread(
        "Like\nComment\nShare\n31\n6 comments\nMost relevant\n\n"
        "Ines Calloway\nTop fan\nSo true, the early help line is where we all argue.\n3y\nLike\nReply\n\n"
        "Carys Penhallow\nAuthor\nThank you Ines.\n3y\nLike\nReply\n\n"
        "View 4 more comments\nWrite a comment…\n"
    )
    assert thread.authors == ["Ines Calloway", "Carys Penhallow"]
    assert thread.texts == ["So true, the early help line is where we all argue.", "Thank you Ines."]
    assert thread.meta["comments"] == 6
    assert thread.dropped["Top fan"] == "comment section furniture"
    assert not _in_body(thread, "So true", "Most relevant", "31")


def test_linkedin_degree_role_and_reactions(read_thread):
    thread = read_thread(
        "Report this article\n\n4 Comments\n"
        "Olu Fashanu\n• 2nd\nIndependent Reviewing Officer\n2y\n"
        "Clear thresholds make my reviews easier too.\nLike\nReply\n1 Reaction\n\n"
        "Carys Penhallow\nAuthor\nDuty Team Manager\n2y\nThanks Olu.\nLike\nReply\n\n"
        "See more comments\nTo view or add a comment, sign in\n"
    )
    assert thread.authors == ["Olu Fashanu", "Carys Penhallow"]
    assert thread.texts == ["Clear thresholds make my reviews easier too.", "Thanks Olu."]
    assert thread.dropped["Independent Reviewing Officer"] == "the comment author's role or headline"
    assert "Report this article" not in thread.body


def test_disqus_reply_arrow_names_the_comment_it_answers(read_thread):
    thread = read_thread(
        "2 Comments\nSort by Best\nJoin the discussion…\n"
        "Felix Arkwright • 8 years ago\nWe use the same threshold document.\n• Reply •\nShare ›\n"
        "Carys Penhallow → Felix Arkwright • 8 years ago\nGood to hear it travels.\n• Reply •\nShare ›\n"
        "ALSO ON THE DUTY DESK\nStrategy meetings by phone\nPowered by Disqus\n"
    )
    assert thread.authors == ["Felix Arkwright", "Carys Penhallow"]
    assert [c.get("reply_to") for c in thread.meta["legacy_comments"]] == [None, 1]
    assert thread.texts[1] == "Good to hear it travels."
    assert "Strategy meetings by phone" not in thread.texts[1]


def test_squarespace_comments_end_at_the_post_navigation(read_thread):
    thread = read_thread(
        "Comments (1)\nNewest First\nPreview POST COMMENT…\n"
        "Ash Mwangi\nMarch 6, 2016\nShared with my team.\n"
        "Newer Post\nOlder Post\nThe Duty Desk, 22 Quay Street\nPowered by Squarespace\n"
    )
    assert thread.authors == ["Ash Mwangi"]
    assert thread.texts == ["Shared with my team."]


@pytest.mark.parametrize(
    "form",
    [
        "Leave a Comment\nCancel reply\nYou must be logged in to post a comment.\n",
        "Leave a Reply\nYour email address will not be published. Required fields are marked *\n"
        "Comment *\nName *\nEmail *\nPost Comment\n",
    ],
)
def test_comments_under_the_reply_form_with_in_reply_to(read_thread, form):
    thread = read_thread(
        form + "\nRuth Ogden says:\nMarch 6, 2016 at 9:14 am\nUseful summary.\nReply\n"
        "Sam Keel says:\nMarch 6, 2016 at 6:40 pm\n"
        "In reply to Ruth Ogden.\nAgreed, the examples help.\nReply\n"
    )
    assert thread.authors == ["Ruth Ogden", "Sam Keel"]
    assert [c.get("reply_to") for c in thread.meta["legacy_comments"]] == [None, 1]
    assert thread.texts[1] == "Agreed, the examples help."
    assert "Useful summary." not in thread.body and thread.body.endswith(BODY_END)


def test_facebook_comments_with_neither_count_nor_menu(read_thread):
    thread = read_thread(
        "Ines Calloway\nThe early help line is where we all argue, every single week.\nLike · Reply · 4y\n"
        "Gary Pennock\nSame in our team.\nLike · Reply · 4y · Edited\n"
    )
    assert thread.authors == ["Ines Calloway", "Gary Pennock"]
    assert thread.texts[1] == "Same in our team."
    assert "every single week" not in thread.body


def test_livejournal_comments_with_no_heading(read_thread):
    thread = read_thread(
        "pennyroyal_tea\n2016-03-04 09:40 pm (UTC)\nThe neglect page is so much better.\n(Reply) (Thread)\n\n"
        "sw_diaries\n2016-03-04 10:02 pm (UTC)\nIt really is.\n(Reply) (Parent) (Thread)\n"
    )
    assert thread.authors == ["pennyroyal_tea", "sw_diaries"]
    assert thread.meta["legacy_comments"][1]["date"] == "2016-03-04T22:02:00+00:00"
    assert "so much better" not in thread.body


def test_a_sort_menu_heads_comments_where_no_count_does(read_thread):
    thread = read_thread(
        "Most relevant\n"
        "Olu Fashanu\nIndependent Reviewing Officer\n2y\nClear thresholds help reviews too.\nLike\nReply\n"
    )
    assert thread.authors == ["Olu Fashanu"]
    assert thread.dropped["Most relevant"] == "comment section heading (a sort menu)"


# Each layout prints one comment as a browser saves it: its name, its text, its buttons.
LAYOUTS = {
    "facebook": lambda name, text: f"{name}\n{text}\nLike · Reply · 2y\n",
    "linkedin": lambda name, text: f"{name}\nFoster carer\n2y\n{text}\nLike\nReply\n1 Reaction\n",
    "disqus": lambda name, text: f"{name} • 6 years ago\n{text}\n• Reply •\nShare ›\n",
    "reddit": lambda name, text: f"level 1\n{name}\n· 4 yr. ago\n{text}\n12\nReply\nShare\nReport\nSave\n",
    "livejournal": lambda name, text: f"{name}\n2016-03-04 09:40 pm (UTC)\n{text}\n(Reply) (Thread)\n",
    "mumsnet": lambda name, text: f"{name} · 07/03/2016 20:14\n{text}\nAdd message | Report\n",
}
HEADINGS = {"facebook": "Most relevant\n", "linkedin": "Most relevant\n", "disqus": "Sort by Best\n"}
_FIRST = st.sampled_from(["Ines", "Gary", "Wren", "Dafydd", "Priya", "Olu", "Mina", "Tomasz", "Ash"])
_LAST = st.sampled_from(["Calloway", "Pennock", "Okafor", "Rowe", "Lenthall", "Fashanu", "Mwangi"])
_WORD = st.sampled_from(
    ["the", "plan", "review", "carers", "our", "team", "court", "visit", "school", "family", "early", "help"]
)
_SENTENCE = st.lists(_WORD, min_size=4, max_size=14).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    comments=st.lists(st.tuples(st.tuples(_FIRST, _LAST).map(" ".join), _SENTENCE), min_size=1, max_size=5),
)
def test_each_comment_keeps_its_author_and_text_and_stays_out_of_the_body(read_thread, layout, comments):
    page = HEADINGS.get(layout, "") + "".join(LAYOUTS[layout](name, text) for name, text in comments)
    thread = read_thread(page)
    assert thread.authors == [name for name, _ in comments]
    assert thread.texts == [text for _, text in comments]
    assert thread.body.endswith(BODY_END)


def test_facebook_reply_rows_without_an_age_still_end_each_comment(read_thread):
    thread = read_thread(
        "12 comments\nMost relevant\n"
        "Ines Calloway\nThe early help line is where we all argue, every single week.\nLike · Reply\n"
        "Gary Pennock\nSame in our team.\nLike · Reply\nWrite a comment…\n"
    )
    assert thread.authors == ["Ines Calloway", "Gary Pennock"]
    assert thread.dropped["Like · Reply"] == "comment buttons"


def test_avatar_lines_over_a_reddit_name_are_not_its_author(read_thread):
    thread = read_thread(
        "Sort by:\nBest\n"
        "u/owl_on_duty avatar\nowl_on_duty\n•\n3y ago\nWe screen by phone first and it halved referrals.\n"
        "124\nReply\nShare\n"
        "u/fern_sw avatar\nfern_sw\n•\n3y ago\nSame here.\n31\nReply\nShare\n"
    )
    assert thread.authors == ["owl_on_duty", "fern_sw"]
    assert thread.texts == ["We screen by phone first and it halved referrals.", "Same here."]


def test_a_quote_inside_a_forum_post_is_that_posts_text(read_thread):
    thread = read_thread(
        "Wren Okafor\nWell-known member\n7 Mar 2016\n#2\nWe kept the old examples in an appendix.\nReply\n\n"
        "Dafydd Rowe\nNew member\n8 Mar 2016\n#3\n"
        "Wren Okafor said:\nWe kept the old examples in an appendix.\nClick to expand...\n"
        "Good idea, we might do the same.\nReply\n"
    )
    assert thread.authors == ["Wren Okafor", "Dafydd Rowe"]
    assert thread.texts[1].startswith("Wren Okafor said:")
    assert thread.texts[1].endswith("Good idea, we might do the same.")
    assert thread.dropped["Click to expand..."] == "comment section furniture"


def test_squarespace_name_and_date_on_one_line(read_thread):
    thread = read_thread(
        "Comments (2)\nNewest First\nPreview POST COMMENT…\n"
        "Greta Halvorsen April 11, 2016\nDo you give families anything written?\n"
        "Ash Mwangi April 10, 2016\nShared with my team.\nNewer Post\nOlder Post\n"
    )
    assert thread.authors == ["Greta Halvorsen", "Ash Mwangi"]
    assert [c["date"][:10] for c in thread.meta["legacy_comments"]] == ["2016-04-11", "2016-04-10"]
    assert thread.texts == ["Do you give families anything written?", "Shared with my team."]


def test_reddit_vote_buttons_and_counts_are_dropped(read_thread):
    thread = read_thread(
        "42 comments\nSort by: best\n"
        "level 1\nowl_on_duty\n· 2 yr. ago\nWe screen by phone first.\nUpvote\n37 points\nDownvote\nReply\n"
        "level 1\nfern_sw\n· 2 yr. ago\nSame here.\nUpvote\n12 upvotes\nDownvote\nReply\n"
    )
    assert thread.authors == ["owl_on_duty", "fern_sw"]
    assert thread.texts == ["We screen by phone first.", "Same here."]
    assert thread.dropped["37 points"] == thread.dropped["Upvote"] == "comment buttons"
