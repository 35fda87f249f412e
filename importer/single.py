"""Steps 4 and 5 for a single post page: its regions, then its fields.

Regions, top to bottom: the page header (site name, menus, banners), the
post's header (title, date, byline), its body, its footer (tags, "Posted by"),
what follows the article (share rows, related posts), the comment section and
the page footer (sidebars, archive widgets). Fields are read from the post's
own header and footer only, never from the regions around it.

The title is found from the post's header: the title-like line next to the
first date or byline line, or the heading that repeats the browser's
"Title | Site" line; failing both, the last title-like line above the first
paragraph (and the post is marked unsure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import comments, metadata
from .dates import FoundDate, find_date, stated_at
from .post import DateSource, Dropped, Line, Post
from .segment import title_like

_WORDY = re.compile(r"\w+")
_READING = re.compile(r"^(?:\d+\s+min(?:ute)?s?\s+read|\d+\s+claps?|👏\s*\d*|listen|follow|share)$", re.I)
_AUTHOR_BY = re.compile(
    r"(?:^|\b)(?:posted |written |published |submitted )?by:?\s+(?P<name>\w[\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})",
)
_HEADER_WORDS = re.compile(
    r"\b(?:posted|published|written|submitted|updated|last|on|at|by|in|·|\|)\b|[·|,:–—-]|\d+\s+min(?:ute)?s?\s+read"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bbst\b|\bgmt\b|\butc\b",
    re.I,
)
_BLOGGER_FOOTER = re.compile(
    r"^posted by\s+(?P<author>.{1,60}?)\s+at\s+(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)\s*$", re.I
)
_LABELS = re.compile(r"^(?:labels|topics|tags|filed under|posted in)\s*:\s*(?P<list>.+)$", re.I)
_HASHTAGS = re.compile(r"^(?:#[\w’'-]+(?:\s+[\w’'-]+)*\s*)+$")
_END = re.compile(
    r"^(?:related(?: posts| articles| stories| content| reading)?|you (?:may|might) also like|more from .{1,60}"
    r"|read next|recommended(?: for you)?|more stories|most read|trending|popular posts|recent posts"
    r"|share this(?: post| article| story)?|like this|also on .{1,40}|more (?:on|in) this .{1,20}"
    r"|(?:«|‹)?\s*(?:newer|older|previous|next)\s+(?:post|entry|entries|article)s?\s*(?:»|›)?.{0,80}"
    r"|(?:newer post\s+)?older post\s+home|about the (?:blog|site))\s*:?$",
    re.I,
)
_SENTENCE = tuple(".!?…:;’”\"')")


@dataclass
class Fact:
    """What one header or footer line says about its post."""

    date: FoundDate | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    label: str = ""


def header_fact(line: Line) -> Fact | None:
    """A line of a post's header: a date line, a byline, or both."""
    text = line.text
    if len(text) > 120:
        return None
    found = find_date(text)
    if found is not None:
        rest = found.rest
        author = None
        match = _AUTHOR_BY.search(rest)
        if match:
            author = match["name"].strip().rstrip(".")
            rest = rest[: match.start()] + rest[match.end() :]
        left = _WORDY.findall(_HEADER_WORDS.sub(" ", rest))
        if len(left) <= 2:
            return Fact(date=found, author=author, label="date line")
        return None
    posted = metadata.posted_line(text)
    if posted is not None:
        return Fact(author=posted[1], label="date line")
    found_byline = metadata.byline(text)
    if found_byline is not None:
        return Fact(author=found_byline.name, label="byline")
    return None


def footer_fact(line: Line) -> Fact | None:
    text = line.text
    fact = header_fact(line)
    if fact is not None and fact.date is not None:
        return Fact(date=fact.date, author=fact.author, label="date line")
    match = _BLOGGER_FOOTER.match(text)
    if match:
        when = find_date("1 January 2000 " + match["time"])
        return Fact(date=when, author=match["author"].strip(), label="time line")
    match = _LABELS.match(text)
    if match:
        return Fact(tags=metadata.split_list(match["list"]), label="tags")
    if _HASHTAGS.match(text) and text.startswith("#"):
        return Fact(tags=[tag.strip() for tag in text.split("#") if tag.strip()], label="tags")
    return None


_NAME_LINE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,2}$")


def _name_line(line: Line) -> bool:
    return bool(_NAME_LINE.match(line.text))


def _text_line(line: Line) -> bool:
    """A line that is neither a date line nor a footer: text of some post."""
    return header_fact(line) is None and footer_fact(line) is None and metadata.footer_line(line.text) is None


def is_prose(line: Line) -> bool:
    words = len(line.text.split())
    return words >= 12 or (words >= 6 and line.text.endswith(_SENTENCE))


def link_like(line: Line) -> bool:
    """A short line that reads as a link or label, not as a sentence."""
    text = line.text
    return len(text) <= 60 and len(text.split()) <= 8 and not text.endswith(tuple(".!?…"))


@dataclass
class SingleRead:
    post: Post
    dropped: list[Dropped] = field(default_factory=list)
    sure: list[str] = field(default_factory=list)  # evidence behind the reading
    title_evidence: bool = False
    date_evidence: float = 0.0  # how directly the page dates the post
    doubts: list[str] = field(default_factory=list)  # why it may be wrong
    section: comments.CommentSection | None = None
    footer_time: FoundDate | None = None  # "Posted by NAME at 9:14 PM" under the post
    footer_date: FoundDate | None = None  # a date line under the post (Tumblr)


def _find_title(lines: list[Line], limit: int) -> tuple[int, list[str], list[str]]:
    """Index of the title line, the evidence for it, and doubts about it."""
    site_title = None
    first = lines[0].text if lines else ""
    title_part, site = metadata.split_site_suffix(first)
    if site:
        site_title = title_part
    # 1. A heading repeating the browser's "Title | Site" line.
    if site_title:
        for i in range(1, limit):
            if lines[i].text == site_title:
                return i, [f"the heading repeats the page title '{first}'"], []
    # 2. The title-like line next to the first post header line (date or byline).
    for i in range(limit):
        fact = header_fact(lines[i])
        if fact is None or (fact.date is None and fact.author is None):
            continue
        # A post's header is followed by its text; a date under the text is a footer.
        if not any(_text_line(line) for line in lines[i + 1 : i + 4]):
            continue
        above = i - 1
        while above >= 0 and header_fact(lines[above]) is not None:
            above -= 1
        # "Title", "Jane Doe", "Feb 9, 2015": the author's name sits between.
        if (
            above >= 1
            and _name_line(lines[above])
            and title_like(lines[above - 1])
            and not _name_line(lines[above - 1])
        ):
            above -= 1
        if above >= 0 and title_like(lines[above]) and not comments.is_form_line(lines[above].text):
            return above, [f"a {fact.label} under it (line {lines[i].number})"], []
        below = i + 1
        if below < len(lines) and title_like(lines[below]) and not is_prose(lines[below]):
            return below, [f"a {fact.label} above it (line {lines[i].number})"], []
    if site_title:
        return 0, [f"the page title line '{first}'"], []
    # 3. The last title-like line above the first paragraph.
    first_prose = next((i for i in range(limit) if is_prose(lines[i])), limit)
    for i in range(first_prose - 1, -1, -1):
        if title_like(lines[i]):
            return i, [], ["the title was taken as the short line above the first paragraph"]
    return 0, [], ["no title found: the first line was taken as the title"]


_STOPPING_CHROME = {"share widget", "related-links widget"}


def read_single(
    lines: list[Line], path: str, section: comments.CommentSection | None, chrome: list[Dropped] = ()
) -> SingleRead:
    dropped: list[Dropped] = []
    end = section.start if section else len(lines)
    # Where the article stops: the first "Related", share row or post navigation line.
    stop = next(
        (i for i in range(end) if _END.match(lines[i].text) or comments.is_form_line(lines[i].text)), end
    )
    title_at, sure, doubts = _find_title(lines, stop)
    # A share row or related list dropped earlier also ends the article, once its text has begun.
    markers = sorted(
        d.line for d in chrome if d.reason in _STOPPING_CHROME and d.line > lines[title_at].number
    )
    if markers:
        prose = next((i for i in range(title_at + 1, stop) if is_prose(lines[i])), None)
        if prose is not None:
            stop = next((i for i in range(prose + 1, stop) if lines[i].number > markers[0]), stop)
    title_line = lines[title_at]
    title, site = metadata.split_site_suffix(title_line.text)
    post = Post(title=title, source_path=path, position=1, line=title_line.number)
    read = SingleRead(post, dropped, sure=sure, doubts=doubts, section=section, title_evidence=bool(sure))
    if site:
        post.source = site

    # The browser's "Title | Site" line at the top is metadata, and so is the site in it.
    above = lines[:title_at]
    first_title, first_site = metadata.split_site_suffix(lines[0].text) if title_at else ("", None)
    date_found: FoundDate | None = None
    date_line = 0
    if first_site and title_at:
        post.provenance["page_title"] = lines[0].text
        post.source = post.source or first_site
        above = above[1:]
    # A date line right above the title (Blogger prints the day first).
    if above:
        fact = header_fact(above[-1])
        if fact is not None and fact.date is not None:
            date_found, date_line = fact.date, above[-1].number
            post.author = post.author or fact.author
            above = above[:-1]
    if len(above) == 1 and title_like(above[0], max_chars=40, max_words=5):
        post.category = above[0].text
        post.notes.append(
            f"the label '{above[0].text}' above the title (line {above[0].number}) is its category"
        )
    else:
        dropped += [Dropped(line.number, line.text, "page header (site name, menus)") for line in above]

    # The post's header: date lines and bylines right under the title.
    i = title_at + 1
    while i < stop:
        line = lines[i]
        fact = header_fact(line)
        if fact is None:
            if _READING.match(line.text):
                dropped.append(Dropped(line.number, line.text, "reading time or follow button"))
                i += 1
                continue
            # "Jane Doe" over "Feb 9, 2015 · 4 min read": an author's name on its own.
            following = header_fact(lines[i + 1]) if i + 1 < stop else None
            if (
                following is not None
                and following.date is not None
                and len(line.text.split()) <= 4
                and title_like(line)
            ):
                post.author = post.author or line.text
                i += 1
                continue
            break
        if fact.date is not None and date_found is None:
            date_found, date_line = fact.date, line.number
        if fact.author:
            post.author = post.author or fact.author
        if fact.date is None and fact.author is None:
            break
        i += 1
    body_start = i

    # After the article: footers hold facts; the rest is page furniture.
    for line in lines[stop:end]:
        if not _take_footer(post, line):
            dropped.append(
                Dropped(line.number, line.text, "after the article (share, related or navigation)")
            )

    # The body's own end: footer lines, then short link-like lines (a sidebar).
    body = list(lines[body_start:stop])
    while body and _take_footer(post, body[-1], date_holder=read):
        body.pop()
    tail: list[Line] = []
    while body and link_like(body[-1]) and not metadata.source_line(body[-1].text):
        tail.insert(0, body.pop())
    # Link lists are saved one per line with no blank lines between; paragraphs are not.
    packed = sum(1 for line in tail[1:] if line.blanks_before == 0)
    if len(tail) >= 3 and packed * 2 >= len(tail) - 1:
        dropped += [Dropped(line.number, line.text, "page footer (links after the article)") for line in tail]
    else:
        body += tail
    while body and _take_footer(post, body[-1], date_holder=read):
        body.pop()
    post.body_lines = body

    # The comment section and the page footer under it.
    if section is not None:
        dropped += section.dropped
        taken = set(section.lines) | {d.line for d in section.dropped}
        for line in lines[section.start : section.end]:
            if line.number not in taken:
                dropped.append(Dropped(line.number, line.text, "comment section furniture"))
        for line in lines[section.end :]:
            dropped.append(Dropped(line.number, line.text, "page footer (after the comments)"))
        post.comments = section.count
        post.legacy_comments = section.comments
        if section.stated is not None and section.stated != len(section.comments):
            doubts.append(
                f"the page states {section.stated} comment(s) but {len(section.comments)} were found"
            )

    footer_date = read.footer_time
    if date_found is None and read.footer_date is not None:
        date_found, date_line = read.footer_date, 0
        sure.append("a date line under the post")
        read.date_evidence = 0.25
    if date_found is not None:
        if date_found.hour is None and footer_date is not None:
            date_found = FoundDate(
                date_found.when, footer_date.hour, footer_date.minute, 0, 0, date_found.text
            )
        post.date = stated_at(date_found, DateSource.EXPLICIT, f"'{date_found.text}'")
        if date_line:
            sure.append("a date in the post's header")
            read.date_evidence = 0.35
    return read


def _take_footer(post: Post, line: Line, date_holder: SingleRead | None = None) -> bool:
    fact = footer_fact(line)
    if fact is not None:
        post.tags += [tag for tag in fact.tags if tag not in post.tags]
        if fact.author:
            post.author = post.author or fact.author
        if fact.date is not None and date_holder is not None:
            if fact.label == "time line":
                date_holder.footer_time = fact.date
            elif date_holder.footer_date is None:
                date_holder.footer_date = fact.date
        return True
    footer = metadata.footer_line(line.text)
    if footer is not None:
        comments_before = post.comments
        metadata.apply_footer(post, footer)
        if comments_before is not None:
            post.comments = comments_before
        return True
    source = metadata.source_line(line.text)
    if source is not None:
        title, site = metadata.split_site_suffix(source)
        if site:
            post.source_title, post.source = title, site
        else:
            post.source = source
        return True
    return False
