"""Step 6: give every post on a page a date, and keep the page's order.

Posts that state a date keep it (explicit). Posts on an archive page for a
month, year or day take the heading's date (archive). For the rest the date is
inferred, always marked so, from evidence in this order:

1. the latest month-and-year the post itself mentions ("December 2009"), or
   failing that the latest year it mentions;
2. its neighbours: pages list posts newest first, so a post is no older than
   the posts below it, and no newer than the posts above it.

A post with no evidence at all gets no date; it is written as a draft and the
report asks for a date by hand. Posts sharing one date are spaced a minute
apart from noon so the page's order survives.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from .dates import Mention, PartialDate, mentions, stated
from .post import DateSource, Post, PostDate, Precision


def own_evidence(post: Post) -> PostDate | None:
    months: list[Mention] = []
    years: list[Mention] = []
    for line in post.body_lines:
        found_months, found_years = mentions(line.text, line.number)
        months += found_months
        years += found_years
    pool, kind = (months, "month") if months else (years, "year")
    if not pool:
        return None
    latest = max(pool, key=lambda m: m.when.start())
    return stated(
        latest.when,
        DateSource.INFERRED,
        f"the post mentions '{latest.text}' (line {latest.line}), the latest {kind} it names",
    )


def _later(a: PostDate | None, b: PostDate | None) -> PostDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if b.value > a.value else a


def assign_dates(posts: list[Post]) -> None:
    """Fill in every post's date from the page's evidence (newest first)."""
    own = {id(post): own_evidence(post) for post in posts if post.date is None}

    # Walk up from the oldest post: each post is no older than those below it.
    floor: tuple[PostDate, Post] | None = None
    for post in reversed(posts):
        if post.date is None:
            candidate = own[id(post)]
            if floor and (candidate is None or floor[0].value > candidate.value):
                below = floor[1]
                candidate = replace(
                    floor[0],
                    source=DateSource.INFERRED,
                    evidence=f"it is listed above (so is newer than) '{below.title}', "
                    f"dated {_describe(floor[0])}",
                )
            post.date = candidate
        if post.date is not None and (floor is None or post.date.value >= floor[0].value):
            floor = (post.date, post)

    # Posts below all the evidence: no newer than the post listed above them.
    above: Post | None = None
    for post in posts:
        if post.date is None and above is not None:
            post.date = replace(
                above.date,
                source=DateSource.INFERRED,
                evidence=f"it is listed below (so is older than) '{above.title}', "
                f"dated {_describe(above.date)}",
            )
        if post.date is not None:
            above = post

    _space_ties(posts)


def _describe(when: PostDate) -> str:
    day = when.value.date()
    partial = PartialDate(
        day.year,
        day.month if when.precision is not Precision.YEAR else None,
        day.day if when.precision is Precision.DAY else None,
    )
    prefix = "c. " if when.source is DateSource.INFERRED else ""
    return prefix + partial.label()


def _space_ties(posts: list[Post]) -> None:
    """Posts that share a date get times a minute apart, newest first."""
    groups: dict[object, list[Post]] = {}
    for post in posts:
        if post.date is not None and post.date.source is not DateSource.EXPLICIT:
            groups.setdefault(post.date.value, []).append(post)
    for group in groups.values():
        for offset, post in enumerate(reversed(group)):
            post.date = replace(post.date, value=post.date.value + timedelta(minutes=offset))
