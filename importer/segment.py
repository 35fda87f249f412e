"""Step 3: find where each post on a page begins and ends.

A page says where its posts start in one of a few ways, tried strongest first:

* a "Posted on …" or date line right under a line makes that line a title;
* a footer ("Leave a comment", "Filed under …") ends a post, so the next line
  is a title;
* a short line followed by two blank lines is a title (reposts pages);
* on a page with none of those signals, every short stand-alone line without a
  closing full stop is a title (a bare monthly archive).

Only on a page with a strong signal can a short stand-alone line inside a post
be a subheading; on a bare archive the same line has to be a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import comments, metadata
from .post import Heading, Line, PageKind

BULLETS = "•◦▪‣●·"
_SENTENCE_END = tuple(".,;:…")
_OPENING_PUNCTUATION = tuple("‘“'\"([–—-")
# "Photo: …", "CC: …": a label, not a title or subheading.
_LABEL = re.compile(r"^[A-Z][\w&’' ]{0,24}:\s")


def is_bullet(line: Line) -> bool:
    return line.text[0] in BULLETS


def title_like(line: Line, *, max_chars: int = 160, max_words: int = 25) -> bool:
    text = line.text
    return (
        len(text) <= max_chars
        and len(text.split()) <= max_words
        and not text.endswith(_SENTENCE_END)
        and (not text.endswith(_OPENING_PUNCTUATION) or (text.endswith('"') and text.count('"') % 2 == 0))
        and not is_bullet(line)
        and _starts_like_a_heading(text)
    )


def _starts_like_a_heading(text: str) -> bool:
    first = text.lstrip("‘“'\"(")
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def short_standalone(line: Line) -> bool:
    """A short line on its own, as a title or subheading is printed."""
    return (
        line.blanks_before >= 1
        and line.blanks_after >= 1
        and title_like(line, max_chars=90, max_words=14)
        and not _LABEL.match(line.text)
    )


def is_footer(line: Line) -> bool:
    return metadata.footer_line(line.text) is not None


def _is_post_header(line: Line) -> bool:
    from .single import header_fact  # the reading single pages use, for one post header everywhere

    fact = header_fact(line)
    return fact is not None and fact.date is not None


def _button(text: str) -> bool:
    """A comment's "Reply" button, which the blank lines after it do not make a title."""
    return comments.is_button(text) or text.lower() in ("reply", "reply ↓", "report")


def _under_comment_heading(lines: list[Line], i: int) -> bool:
    """A commenter's name over the date, under "Comments (1)": a comment, not a post."""
    return (
        i > 0
        and i + 1 < len(lines)
        and comments.section_heading(lines[i - 1].text) not in (None, False)
        # "Posted on 1/03/2014" under the line is a post's header: "1 Comment" ended the post above.
        and not re.match(r"(?i)(?:posted|published|written|by|on)\b", lines[i + 1].text)
        and not titled_post(lines, i)
    )


def titled_post(lines: list[Line], i: int) -> bool:
    """A headline over a post's date line and a paragraph: "Pool table diplomacy" /
    "Tuesday March 14, 2006 - 09:41 PM" / text. A commenter's name is printed over a date
    and text too, but a name is not a phrase of three words or more with a small word in it."""
    from .single import is_prose

    words = lines[i].text.split()
    named = lines[i].text.split(",")[0].split()
    return (
        i + 2 < len(lines)
        and len(words) >= 3
        # "Mark, foster carer in Kent": a name and what they are.
        and not ("," in lines[i].text and len(named) <= 3 and all(word[0].isupper() for word in named))
        and any(word[0].islower() for word in words[1:])
        and not lines[i].text.endswith(")")
        and title_like(lines[i])
        and len(lines[i + 1].text) <= 60
        and _is_post_header(lines[i + 1])
        and is_prose(lines[i + 2])
        and len(lines[i + 2].text) > 120
    )


def bare_date(line: Line) -> bool:
    """A date alone on its line ("August 3, 2022")."""
    from .single import header_fact

    fact = header_fact(line)
    return (
        len(line.text) <= 40
        and fact is not None
        and fact.date is not None
        and fact.author is None
        and fact.date.when.day is not None
        and fact.date.end - fact.date.start >= len(line.text) - 12
    )


def trailer_at(lines: list[Line], i: int) -> int | None:
    """Where a post's text ends and its date under it (and a line of its labels packed under
    that: "Supervision, Team life") ends the post, as block themes print a list of posts:
    the index of the last line of the trailer."""
    from .single import is_prose

    if not (0 < i < len(lines) and lines[i].blanks_before and bare_date(lines[i]) and is_prose(lines[i - 1])):
        return None
    after = i + 1
    if (
        after < len(lines)
        and not lines[after].blanks_before
        and title_like(lines[after], max_chars=80, max_words=10)
    ):
        return after
    return i


def after_trailers(lines: list[Line]) -> list[int]:
    """The titles that follow a trailer: a title-like line set apart, over a paragraph."""
    from .single import is_prose

    found = []
    for i in range(1, len(lines) - 2):
        end = trailer_at(lines, i)
        title = None if end is None else end + 1
        if (
            title is not None
            and title + 1 < len(lines)
            and lines[title].blanks_before >= 1
            and title_like(lines[title])
            and is_prose(lines[title + 1])
        ):
            found.append(title)
    return found


def header_over_title(lines: list[Line], i: int) -> bool:
    """A post's date line over its title, the title over its text."""
    from .single import is_prose

    return (
        len(lines[i].text) <= 120
        and (i == 0 or lines[i].blanks_before >= 1)
        and _is_post_header(lines[i])
        and title_like(lines[i + 1])
        and not _is_post_header(lines[i + 1])
        and is_prose(lines[i + 2])
    )


@dataclass
class Segments:
    kind: PageKind
    heading: Heading | None = None
    cutting_header: dict[str, str] = field(default_factory=dict)
    cutting_lines: list[Line] = field(default_factory=list)
    preamble: list[Line] = field(default_factory=list)
    posts: list[list[Line]] = field(default_factory=list)  # each starts with its title
    strong: bool = False  # the page marks its titles, so short lines may be subheadings


def segment(lines: list[Line]) -> Segments:
    if not lines:
        return Segments(PageKind.SINGLE)
    heading = metadata.archive_heading(lines[0])
    if heading:
        lines = lines[1:]
    header, rest = _cutting_header(lines)
    if header is not None:
        return Segments(
            PageKind.CUTTING, heading, header[0], header[1], posts=[rest] if rest else [], strong=True
        )
    if not lines:
        return Segments(PageKind.ARCHIVE if heading else PageKind.SINGLE, heading)

    # Each line is parsed as a footer once; several rules below ask.
    footer = [is_footer(line) for line in lines]
    # A comment count straight under a post's date line is its header's (Weebly), ending nothing.
    for i in range(1, len(lines)):
        if footer[i] and _is_post_header(lines[i - 1]) and (found := metadata.footer_line(lines[i].text)):
            footer[i] = not (found.comments is not None and not found.tags and not found.categories)
    # "Category: Life" packed under a title (MySpace) labels the post below it; it ends none.
    was_footer = list(footer)
    for i in range(1, len(lines)):
        if footer[i] and not lines[i].blanks_before and title_like(lines[i - 1]) and not was_footer[i - 1]:
            found = metadata.footer_line(lines[i].text)
            footer[i] = not (found and (found.tags or found.categories) and found.comments is None)
    anchored = {
        i
        for i in range(len(lines) - 1)
        # A post header line is short: most lines are ruled out by their length alone.
        if len(lines[i + 1].text) <= 120
        and not footer[i]
        and title_like(lines[i])
        and _is_post_header(lines[i + 1])
        and not _under_comment_heading(lines, i)
    }
    # "POSTED ON MARCH 3, 2017" over each title and its text (Twenty Seventeen): where
    # most posts are headed so, each starts at its date line.
    headed = {i for i in range(len(lines) - 2) if header_over_title(lines, i)}
    if len(headed) >= 2 and len(headed) > len(anchored - {i - 1 for i in headed}):
        anchored = headed
    after_footer = {
        i
        for i in range(1, len(lines))
        if footer[i - 1]
        and not footer[i]
        and not (_under_comment_heading(lines, i) and i + 1 < len(lines) and _is_post_header(lines[i + 1]))
    }
    double_blank = {
        i
        for i in range(len(lines) - 1)
        if lines[i].blanks_after >= 2
        and title_like(lines[i])
        and not _button(lines[i].text)
        and not footer[i + 1]
        and not metadata.source_line(lines[i + 1].text)
    }
    trailed = set(after_trailers(lines))
    titles = anchored | after_footer | double_blank | (trailed if len(trailed) >= 2 else set())
    # A footer marks the end of a post even when it ends the page.
    strong = bool(titles) or any(footer)
    preamble: list[Line] = []
    if not strong:
        titles = {i for i, line in enumerate(lines) if short_standalone(line)}
    first_anchor = min(anchored) if anchored else None
    if first_anchor is not None and first_anchor <= 4 and first_anchor == min(titles):
        # Lines above the first "Posted on" title: a theme's labels, kept aside.
        preamble = lines[:first_anchor]
    else:
        titles.add(0)

    starts = sorted(titles)
    posts = [lines[start:end] for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)]
    kind = PageKind.ARCHIVE if heading else PageKind.LISTING if len(posts) > 1 else PageKind.SINGLE
    return Segments(kind, heading, preamble=preamble, posts=posts, strong=strong)


def _cutting_header(lines: list[Line]) -> tuple[tuple[dict[str, str], list[Line]] | None, list[Line]]:
    """A press-cuttings record starts with "Client:", "Source:", "Date:" … lines.

    A key's value may sit on the next line (" Page:" then " 10").
    """
    fields: dict[str, str] = {}
    consumed: list[Line] = []
    i = 0
    while i < len(lines):
        found = metadata.cutting_key(lines[i])
        if not found:
            break
        key, value = found
        consumed.append(lines[i])
        i += 1
        if not value and i < len(lines) and not metadata.cutting_key(lines[i]) and len(lines[i].text) <= 40:
            value = lines[i].text
            consumed.append(lines[i])
            i += 1
        fields[key] = value
    if len(fields) >= 3 and "date" in fields:
        return (fields, consumed), lines[i:]
    return None, lines
