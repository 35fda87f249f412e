"""The theme's plugins on their own."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from plugins.comment_counts import comment_counts
from plugins.site_context import site_context

LONDON = ZoneInfo("Europe/London")


def _generator(*articles):
    return SimpleNamespace(articles=list(articles), drafts=[], translations=[], context={})


def test_legacy_counts_absent_means_zero_and_closed_is_kept():
    comment_counts.register_source(comment_counts.legacy_count)
    counted = SimpleNamespace(comments=2)
    silent = SimpleNamespace()
    closed = SimpleNamespace(comments=0, comments_closed=True)
    generator = _generator(counted, silent, closed)
    comment_counts.annotate(generator)
    assert (counted.comment_count, silent.comment_count, closed.comment_count) == (2, 0, 0)
    assert (counted.comments_closed, closed.comments_closed) == (False, True)
    assert generator.context["comment_total"]([counted, silent, closed]) == 2


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
    assert site_context.post_date(guess) == "c. December 2009"
    year = SimpleNamespace(date=datetime(2009, 1, 1, 12), date_source="inferred", date_precision="year")
    assert (site_context.post_date(year), site_context.machine_date(year)) == ("c. 2009", "2009")
    assert site_context.month_label([year]) == "2009, month not known"
    assert site_context.month_label([year, month]) == "January 2009"
