"""Step 6: how well the evidence a post was read from supports the reading, 0 to 1.

Every post, from a single page or a listing, is scored by the same measure:
how sure the page's kind is, how its title was found, how directly its date is
stated, whether an author was found, whether it has a paragraph of text, and
the doubts met while reading it. A post below the bar is written as a draft.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .post import DateSource, Post

# A post below this confidence is written as a draft, with the reason.
CONFIDENCE_BAR = 0.6


class TitleEvidence(enum.StrEnum):
    HEADER = "header"  # a date line or byline under it, or the page's own title line
    LAYOUT = "layout"  # where the page's layout puts a title (set apart, after a footer)
    GUESS = "guess"  # the nearest short line, for want of better


class DateEvidence(enum.StrEnum):
    HEADER = "header"  # the post's header states it
    STATED = "stated"  # stated elsewhere on the page: a footer, an address, an e-mail header
    ARCHIVE = "archive"  # the archive heading over the page dates it
    INFERRED = "inferred"  # worked out from its neighbours or mentions
    NONE = "none"


_KIND = {True: 0.25, False: 0.15}
_TITLE = {TitleEvidence.HEADER: 0.4, TitleEvidence.LAYOUT: 0.3, TitleEvidence.GUESS: 0.15}
_DATE = {
    DateEvidence.HEADER: 0.35,
    DateEvidence.STATED: 0.25,
    DateEvidence.ARCHIVE: 0.25,
    DateEvidence.INFERRED: 0.15,
    DateEvidence.NONE: 0.0,
}
_NO_AUTHOR = 0.05
_PER_DOUBT = 0.1


@dataclass
class Evidence:
    """What a post's reading rests on."""

    kind_sure: bool
    title: TitleEvidence
    date: DateEvidence
    author: bool
    has_text: bool  # a paragraph of text in its body
    doubts: list[str] = field(default_factory=list)


def date_evidence(post: Post, in_header: bool) -> DateEvidence:
    """How directly the post's date is given: ``in_header`` when its header line states it."""
    if post.date is None:
        return DateEvidence.NONE
    if post.date.source is DateSource.EXPLICIT:
        return DateEvidence.HEADER if in_header else DateEvidence.STATED
    if post.date.source is DateSource.ARCHIVE:
        return DateEvidence.ARCHIVE
    return DateEvidence.INFERRED


_NO_TEXT = "no paragraph of text was found in the post"


def doubts(evidence: Evidence) -> list[str]:
    """Why the reading may be wrong, a body without a paragraph first."""
    return ([] if evidence.has_text else [_NO_TEXT]) + evidence.doubts


def score(evidence: Evidence) -> float:
    value = (
        _KIND[evidence.kind_sure]
        + _TITLE[evidence.title]
        + _DATE[evidence.date]
        - (0 if evidence.author else _NO_AUTHOR)
        # One doubt is what a reading from a plain page costs; each more lowers it.
        - _PER_DOUBT * max(0, len(doubts(evidence)) - 1)
    )
    return round(max(0.0, min(1.0, value)), 2)


def assess(post: Post, evidence: Evidence) -> None:
    """Set the post's confidence; below the bar it becomes a draft, with its reasons."""
    post.confidence = score(evidence)
    reasons = doubts(evidence)
    if post.confidence < CONFIDENCE_BAR:
        post.draft_reason = "; ".join(reasons or [_weakest(evidence)])
    elif reasons:
        post.notes += [f"unsure: {doubt}" for doubt in reasons]


def _weakest(evidence: Evidence) -> str:
    if evidence.date is DateEvidence.NONE:
        return "no date was found for the post"
    if evidence.title is TitleEvidence.GUESS:
        return "little evidence for the title"
    return "little evidence for the title and date"
