"""Dates as blog pages print them: every common English form, numeric dates day first."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importer.dates import find_date

MONTHS = [datetime.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# Each form as a page might print it, from a date; the time, where there is one, is 14:05.
FORMS = {
    "day month year": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "weekday, day month year": lambda d: f"{d:%A}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    "short weekday day short month": lambda d: f"{d:%a} {d.day} {d:%b} {d.year}",
    "month ordinal, year": lambda d: f"{MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}",
    "ordinal of month year": lambda d: f"the {_ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
    "short month day, year": lambda d: f"{d:%b} {d.day}, {d.year}",
    "dotted short month": lambda d: f"{d:%b}. {d.day}, {d.year}",
    "iso": lambda d: f"{d:%Y-%m-%d}",
    "year first with dots": lambda d: f"{d:%Y.%m.%d}",
    "day first with slashes": lambda d: f"{d:%d/%m/%Y}",
    "day first, short year": lambda d: f"{d.day}/{d.month}/{d:%y}",
    "day-month-year with a month name": lambda d: f"{d.day:02d}-{d:%b}-{d.year}",
    "apostrophe year": lambda d: f"{d:%a} {_ordinal(d.day)} {d:%b} '{d:%y}",
}
TIMED = {
    "time after, with at": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year} at 2:05 pm",
    "time after a dash": lambda d: f"{d:%a}, {d:%d/%m/%Y} - 14:05",
    "time before": lambda d: f"14:05, {d.day} {d:%b} {d.year}",
    "time before, with on": lambda d: f"Posted at 14:05 on {d.day} {d:%b} {d.year}",
    "time and zone before": lambda d: f"Published: 14:05 BST, {d.day} {MONTHS[d.month - 1]} {d.year}",
    "at-sign time": lambda d: f"{MONTHS[d.month - 1]} {_ordinal(d.day)} {d.year} @ 2:05 pm",
}
dates = st.dates(min_value=datetime.date(1995, 1, 1), max_value=datetime.date(2030, 12, 31))


@pytest.mark.parametrize("form", sorted(FORMS))
@settings(max_examples=60, deadline=None)
@given(day=dates, before=st.sampled_from(["", "Posted on ", "by Jo Bell · ", "Published "]))
def test_every_form_gives_the_date_it_prints(form, day, before):
    found = find_date(before + FORMS[form](day) + " | 4 comments")
    assert found is not None
    assert found.when.start() == day


@pytest.mark.parametrize("form", sorted(TIMED))
@settings(max_examples=40, deadline=None)
@given(day=dates)
def test_a_time_next_to_the_date_is_read_with_it(form, day):
    found = find_date(TIMED[form](day))
    assert found is not None
    assert (found.when.start(), found.hour, found.minute) == (day, 14, 5)


@pytest.mark.parametrize(
    "text", ["section 47 enquiries", "caseload of 24/7", "Version 2.0.1", "12 Angry Men"]
)
def test_numbers_that_are_not_dates_are_not_read_as_dates(text):
    assert find_date(text) is None


def test_a_month_first_page_leaves_the_next_reading_day_first():
    from importer.pipeline import read_page

    read_page(b"A post\n\nPosted 12/25/2014\n\nWords that make a paragraph of text for the post.\n", "us.txt")
    assert find_date("2/1/2000").when.month == 1
