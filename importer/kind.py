"""Step 3: what kind of page this is, from the evidence it carries.

A page is a *listing* of several posts (an archive, tag, category, search or
home page) or a *single* post page (the blog's own, another blog's, a news
site's, a clipping). A single post page gives exactly one post unless the
evidence for more is strong, so the evidence for a listing is weighed first
and must be plain: an archive heading, or several posts each with its own
date line or its own footer.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from . import comments, metadata
from .post import Heading, Line, PageKind
from .segment import header_over_title, title_like, titled_post
from .single import _body_start as body_start
from .single import _name_line as name_line
from .single import date_heading, header_fact, is_prose

# An archive heading sits under the site's name and menus, near the top.
_HEADING_WITHIN = 15


@dataclass
class KindDecision:
    kind: PageKind
    evidence: list[str] = field(default_factory=list)
    heading: Heading | None = None
    heading_at: int = 0  # index of the heading line
    section: comments.CommentSection | None = None
    sure: bool = True


# A post's own header line: its byline, or its dates under a key (Joomla's "Published: …").
_POST_HEADER_KEY = re.compile(r"^(?:written|posted|published|submitted|created|(?:last )?updated)\b", re.I)


def _in_post_header(lines: list[Line], index: int) -> bool:
    """A "Category: News" line between a post's byline and its date belongs to the post, not the page."""
    for j in (index - 1, index + 1):
        if 0 <= j < len(lines):
            fact = header_fact(lines[j])
            if _POST_HEADER_KEY.match(lines[j].text) or (fact is not None and fact.author):
                return True
    return False


def find_heading(lines: list[Line]) -> tuple[Heading | None, int]:
    for index, line in enumerate(lines[:_HEADING_WITHIN]):
        if is_prose(line):
            # An archive heading is above the posts: "Tagged: a, b" after a paragraph is a post's footer.
            break
        if len(line.text) > 90:
            continue
        heading = metadata.archive_heading(line)
        if heading and not (heading.kind in ("category", "tag", "author") and _in_post_header(lines, index)):
            return heading, index
    return None, 0


def _dated_titles(lines: list[Line], counted_only: bool = False) -> int:
    """Title-like lines with a post's date line right under them; ``counted_only``: those
    with a comment count between the date and the text too, which no comment has."""

    count = 0
    for i in range(len(lines) - 2):
        if not title_like(lines[i]) or not lines[i].blanks_after <= 2:
            continue
        if comments.section_heading(lines[i].text) is not None:
            continue  # "Comments" over its first comment's date line
        fact = header_fact(lines[i + 1])
        text = i + 2
        # Weebly prints the post's comment count between its date and its text.
        counted = False
        if text + 1 < len(lines) and (count_line := metadata.footer_line(lines[text].text)) is not None:
            counted = count_line.comments is not None and not count_line.tags
            text += counted
        if fact is not None and fact.date is not None and len(lines[text].text) > 60:
            count += counted or not counted_only
    return count


def _before_related(lines: list[Line], related: list[int]) -> list[Line]:
    """The lines above the first box of other posts ("Related news", "Read next": each title
    over its date) under the page's first paragraph; ``related`` holds the line numbers of
    the boxes' headings, dropped before as page chrome."""
    first_text = next((line.number for line in lines if is_prose(line)), None)
    cut = min((n for n in related if first_text is not None and n > first_text), default=None)
    return lines if cut is None else [line for line in lines if line.number < cut]


def _date_headed_posts(lines: list[Line]) -> int:
    """Posts under their own date heading (Blogger's home page), each ended by its footer.

    A date alone on its line, a title under it and a paragraph under that; a
    footer between one such post and the next shows that both are posts, not
    a post and a reader's dated comment.
    """
    starts = [i for i in range(len(lines) - 2) if date_heading(lines, i)]
    ended = sum(
        1
        for first, second in itertools.pairwise(starts)
        if any(metadata.footer_line(line.text) is not None for line in lines[first + 2 : second])
    )
    return ended + 1 if ended else 0


def _headed_titles(lines: list[Line]) -> int:
    """Titles under their own "Posted on DATE" line, each over its text (Twenty Seventeen's
    home page, "POSTED ON MARCH 3, 2017"): three or more are posts, not one post's header."""
    return sum(
        1 for i in range(len(lines) - 2) if header_over_title(lines, i) and not name_line(lines[i + 1])
    )


def _count_under_title(lines: list[Line], i: int) -> bool:
    """ "Leave a reply" or "3 Comments" straight under a title: its header's link, ending nothing."""
    if i == 0 or lines[i].blanks_before or not title_like(lines[i - 1]) or is_prose(lines[i - 1]):
        return False
    found = metadata.footer_line(lines[i].text)
    return found is not None and found.comments is not None and not (found.tags or found.categories)


def _posts_ended(lines: list[Line]) -> int:
    """Footers ("Posted in …", "2 Comments") that end one post with another after them.

    A single post page may print a comment count under its title and a footer
    under its text; only a footer followed by a new title and its text shows
    that another post follows.
    """
    # A footer line above the first paragraph ("Posted in Practice" over a title) is a header.
    first_text = next((i for i, line in enumerate(lines) if is_prose(line)), -1)
    footer = [
        i > first_text and metadata.footer_line(line.text) is not None and not _count_under_title(lines, i)
        for i, line in enumerate(lines)
    ]
    groups = followed = 0
    i = 0
    while i < len(lines):
        if not footer[i]:
            i += 1
            continue
        groups += 1
        while i < len(lines) and footer[i]:
            i += 1
        if (
            i + 1 < len(lines)
            and title_like(lines[i])
            and not footer[i + 1]
            and comments.comment_header(lines, i) is None
        ):
            followed += 1
    return groups if followed else min(groups, 1)


def _titled_after_count(lines: list[Line]) -> int:
    return sum(
        1
        for i in range(1, len(lines) - 2)
        if (count := metadata.footer_line(lines[i - 1].text)) is not None
        and count.comments is not None
        and titled_post(lines, i)
    )


def classify(lines: list[Line], related: list[int] = ()) -> KindDecision:
    if not lines:
        return KindDecision(PageKind.SINGLE, ["the page is empty"], sure=False)
    heading, at = find_heading(lines)
    if heading:
        return KindDecision(PageKind.ARCHIVE, [f"archive heading '{heading.text}'"], heading, at)
    if metadata.cutting_key(lines[0]):
        return KindDecision(PageKind.CUTTING, ["press-cuttings header"])
    # Comments follow an article: a "Comments" link under a title is not their section.
    text_from = body_start(lines, len(lines))
    section = comments.find_section(lines, len(lines) if text_from is None else text_from + 1)
    region = lines[: section.start] if section else lines
    footers = _posts_ended(region)
    dated = _dated_titles(_before_related(region, list(related)))
    evidence: list[str] = []
    if section:
        evidence.append(f"a comment section at line {lines[section.start].number}")
    if footers >= 2:
        return KindDecision(PageKind.LISTING, [f"{footers} per-post footers"])
    # "Comments (3)" under one post's text and the next post's headline and date under it
    # (Yahoo! 360): a count, not the heading of a comment section.
    after_count = _titled_after_count(lines) if section else 0
    if after_count >= 2:
        return KindDecision(PageKind.LISTING, [f"{after_count + 1} posts, each after a comment count"])
    # A home page's "2 comments:" links read as a comment section: posts under date headings count past them.
    headed = _date_headed_posts(lines) if section else 0
    if headed >= 2:
        return KindDecision(PageKind.LISTING, [f"{headed} posts under their own date headings"])
    headed = _headed_titles(region) if not section else 0
    if headed >= 3:
        return KindDecision(PageKind.LISTING, [f"{headed} titles under their own date lines"])
    if dated >= 3 or (dated >= 2 and not section):
        return KindDecision(PageKind.LISTING, [f"{dated} titles with their own date lines"])
    # One post's comments shown under it, and more posts after them (Weebly's blog page).
    counted = _dated_titles(_before_related(lines, list(related)), counted_only=True) if section else 0
    if counted >= 2:
        return KindDecision(PageKind.LISTING, [f"{counted} titles over a date and a comment count"])
    if not section and footers == 0 and dated == 0:
        double = [i for i in range(len(region) - 1) if region[i].blanks_after >= 2 and title_like(region[i])]
        browser_title, site = metadata.split_site_suffix(region[0].text)
        repeated = site is not None and any(line.text == browser_title for line in region[1:20])
        if len(double) >= 2 and not repeated:
            return KindDecision(
                PageKind.LISTING, [f"{len(double)} titles set off by two blank lines"], sure=True
            )
    if dated == 1 or footers == 1:
        evidence.append("one post header or footer")
    return KindDecision(PageKind.SINGLE, evidence or ["no evidence of several posts"], section=section)
