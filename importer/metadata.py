"""Step 4: read the metadata lines around each post.

WordPress themes print the same facts in many wordings; each family of
wordings is one pattern here. A line is taken as metadata only when the whole
line matches, and the facts it holds go to the front matter, so nothing is lost
by taking it out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .dates import PartialDate, find_date, parse_date, stated
from .post import DateSource, Heading, Line, Post, PostDate

# --- Page headings -----------------------------------------------------------

_QUOTED = r"[‘'\"“]?(?P<value>.+?)[’'\"”]?"
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.I))
    for kind, pattern in [
        ("month", r"^(?:monthly archives?|archives? for|month):?\s+(?P<value>.+)$"),
        ("year", r"^(?:yearly archives?|year):?\s+(?P<value>\d{4})$"),
        ("day", r"^(?:daily archives?|day):?\s+(?P<value>.+)$"),
        ("tag", rf"^(?:tag archives?|posts tagged|tag|tagged):?\s+{_QUOTED}$"),
        ("category", rf"^(?:category archives?|category|browsing category):?\s+{_QUOTED}$"),
        ("category", rf"^archive for the {_QUOTED} category$"),
        ("author", rf"^(?:author archives?|author|posts by):?\s+{_QUOTED}$"),
        ("tag", rf"^showing posts with label\s+{_QUOTED}\.?(?:\s+show all posts)?$"),
        ("search", rf"^(?:search results for|you searched for|results for):?\s+{_QUOTED}$"),
    ]
]
_DATE_KINDS = {"month", "year", "day"}


def archive_heading(line: Line) -> Heading | None:
    """An archive page's heading, such as "Monthly Archives: July, 2011"."""
    for kind, pattern in _HEADINGS:
        match = pattern.match(line.text)
        if not match:
            continue
        value = match["value"].strip()
        if kind in _DATE_KINDS:
            when = parse_date(value)
            if when is None:
                continue
            evidence = f"archive heading '{line.text}' (line {line.number})"
            return Heading(line.text, line.number, kind, value, stated(when, DateSource.ARCHIVE, evidence))
        # Short line only: a sentence that starts "Tag:" is not a heading.
        if len(value) <= 80:
            return Heading(line.text, line.number, kind, value)
    return None


# --- Press-cutting headers ---------------------------------------------------

CUTTING_KEYS = (
    "client",
    "source",
    "date",
    "page",
    "size",
    "value",
    "publication",
    "circulation",
    "edition",
    "section",
)
_CUTTING_LINE = re.compile(r"^(?P<key>" + "|".join(CUTTING_KEYS) + r"):\s*(?P<value>.*)$", re.I)


def cutting_key(line: Line) -> tuple[str, str] | None:
    match = _CUTTING_LINE.match(line.text)
    if not match:
        return None
    return match["key"].lower(), match["value"].strip()


# --- Lines under a title -----------------------------------------------------

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|der|la|le|du|da|di|al|bin|O’[A-Z]\w*)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
# Case matters for the name, not for "By": "By the way, …" is no byline.
_BYLINE = re.compile(
    rf"^(?P<debris>[^\w]*)(?i:by|written by|words by|hosted by|presented by|posted by|started by"
    rf"|(?:a )?guest (?:post|blog|blog post|column|piece) by):?\s+"
    rf"(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
    r"(?P<rest>\s*[,|–—-].*)?$"
)
_POSTED = re.compile(
    r"^(?:posted|published|written)(?:\s+on)?\s+(?P<date>.+?)(?:\s+by(?:\s+(?P<author>.+?))?)?\.?$"
    r"|^(?:posted|published|written)\s+by\s+(?P<author2>.+?)\s+on\s+(?P<date2>.+?)\.?$",
    re.I,
)
_ORIGINAL = re.compile(
    r"^(?:original(?:ly)?\s+post(?:ed)?\s+(?:from|in|on|at|by)|first published\s+(?:in|on|by)"
    r"|originally published\s+(?:in|on|by)|reposted from|republished from)\s+(?P<pub>.+?)\.?$",
    re.I,
)
_SOURCE = re.compile(r"^source:\s*(?P<value>.+)$", re.I)
# "Page title | Community Care": a publication's name after the last bar.
_TITLE_SITE = re.compile(r"^(?P<title>.+?)\s+[|]\s+(?P<site>[^|]{2,40})$")


@dataclass
class Byline:
    name: str
    pure: bool  # the line says nothing but the name (and stray punctuation)
    debris: str = ""


# A forum thread's opener by user name: "Started by sunflower_mum82".
_STARTED_BY = re.compile(r"^(?:started|posted|submitted) by:?\s+(?P<name>[A-Za-z][\w.-]{2,30})$", re.I)


def byline(text: str) -> Byline | None:
    match = _BYLINE.match(text)
    if not match:
        started = _STARTED_BY.match(text)
        # A user name is one token; one with a capital, a digit or a mark in it is no word.
        if started and re.search(r"[\d_.-]|[a-z][A-Z]", started["name"]):
            return Byline(started["name"], pure=True, debris="")
        return None
    name = match["name"].strip().rstrip(".")
    if len(name.split()) < 2 and not match["rest"]:
        # "By hand" or "By Friday" would otherwise pass as a byline.
        return None
    return Byline(name, pure=not match["rest"], debris=match["debris"])


def posted_line(text: str) -> tuple[PartialDate, str | None] | None:
    """'Posted on 6/06/2016 by Jane' and its variants: the date and author."""
    match = _POSTED.match(text)
    if not match:
        return None
    when_text = match["date"] or match["date2"]
    author = match["author"] or match["author2"]
    when = parse_date(re.sub(r"\s+at\s+\d{1,2}[:.]\d{2}\s*(?:am|pm)?$", "", when_text, flags=re.I))
    if when is None:
        return None
    return when, (author.strip() if author else None)


def original_publication(text: str) -> str | None:
    match = _ORIGINAL.match(text)
    return match["pub"].strip() if match else None


def split_site_suffix(title: str) -> tuple[str, str | None]:
    """'Title | Community Care' -> ('Title', 'Community Care')."""
    match = _TITLE_SITE.match(title)
    if not match:
        return title, None
    return match["title"].strip(), match["site"].strip()


# --- Footers -----------------------------------------------------------------

_COUNT_WORDS = {"no": 0, "one": 1, "two": 2, "three": 3}
_COMMENTS = re.compile(
    r"^(?:(?P<leave>leave a (?:comment|reply)|no comments?(?: yet)?|be the first to comment)"
    r"|(?P<n>\d+|one|two|three|no)\s+(?:comments?|responses?|replies|reply|thoughts?)(?:\s+(?:on|to)\s+.+)?"
    # "Comments (3)" (Serendipity, ExpressionEngine).
    r"|comments?\s*\((?P<n3>\d+)\)"
    r"|(?P<off>comments?\s+(?:off|closed|are closed)))[.:]?$",
    re.I,
)
_FILED = re.compile(r"^(?:filed|posted)\s+under:?\s+(?P<list>.+?)\.?$", re.I)
_TAGGED = re.compile(
    r"^(?:tagged(?:\s+with)?|tags?|labels?|topics?(?:\s+covered)?|themes|subjects|keywords"
    # HuffPost's "MORE: Foster Care, Children In Care" under the text.
    r"|defined tags for this entry|more(?=:\s*[^,]+,))(?::|(?<!more))"
    r"\s+(?P<list>.+?)\.?$",
    re.I,
)
# Blogger: "Posted by Mair Llewelyn at 21:34 2 comments", "posted by Sue W at 10:42 AM".
_POSTED_BY_AT = re.compile(
    r"^posted by:?\s+(?P<author>.{1,60}?)(?:\s+in\s+(?P<cats_first>[^|]+?))?"
    r"\s+(?:at|@)\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s+in\s+(?P<cats>.+?))?(?:\s+(?P<n>\d+|no|one)\s+comments?:?)?(?:\s+links to this post)?$",
    re.I,
)
# Typepad without a byline: "Posted at 09:41 PM in Assessment, Fostering panels".
_POSTED_AT_IN = re.compile(
    r"^posted\s+at\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s+(?:in|under)\s+(?P<cats>.+?))?$",
    re.I,
)
# A tag list runs into the byline on some themes: "Posted in Fostering by Jo Bell".
_LIST_BY = re.compile(rf"^(?P<list>.+?)\s+by\s+(?P<author>{_NAME})$")
# "#fostering #adoption": a row of hashtags, each tag one or more words (Tumblr's "#agency work").
_HASHTAG_ROW = re.compile(r"^(?:#[^\W\d_][\w’'-]*(?:[ \t]+[^#\s][\w’'-]*)*\s*)+$")
_LINK_WORDS = re.compile(
    r"^(?:permalink|permanent link|trackbacks?|pingbacks?|share|email (?:this|it)|print|links to this post"
    r"|add (?:a )?comment|reply by email"
    # MySpace's "3 Kudos - Add Comment - Edit - Remove".
    r"|\d+ eprops?|\d+ kudos|edit|remove|delete|blog it)"
    r"(?:\s*\(\d+\))?$",
    re.I,
)
# "Posted 10/15/2006 at 11:47 PM", "Posted 3rd May 2014 by Tamsin Oduya": a date after "Posted".
_POSTED_DATE = re.compile(
    r"^posted:?\s+(?!on\b|in\b|by\b|under\b)(?P<date>[^|]+?)(?:,?\s+at\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    rf"(?:\s+by\s+(?P<author>{_NAME}))?$",
    re.I,
)
# Xanga joins a footer's parts with dashes: "Posted … - 4 eProps - 3 comments - add comment".
_DASH_SPLIT = re.compile(r"\s+-\s+")
_POSTED_IN = re.compile(
    r"^(?:posted\s+in|(?:parent\s+)?categor(?:y|ies)|filed\s+in|categori[sz]ed(?:\s+(?:as|in|under))?):?"
    r"\s+(?P<list>.+?)\.?$",
    re.I,
)
# "Categorized as Practice Tagged assessment, language" (Twenty Twenty-One): two parts
# with no bar between them, the second starting with a capital.
_TAGGED_AFTER = re.compile(r"(?<=\S)\s+(?=(?:Tagged|Tags:)\s)")
_ENTRY = re.compile(
    r"^this entry was posted in\s+(?P<cats>.+?)(?:\s+and tagged(?:\s+with)?\s+(?P<tags>.+?))?"
    r"(?:\s+on\s+(?P<date>.+?)(?:\s+by\s+(?P<author>.+?))?)?\.\s*(?:bookmark the permalink\.?)?$",
    re.I,
)
# Kubrick and the WordPress.com themes after it: "This entry was posted on Monday, June 22,
# 2015 at 9:14 am and is filed under X. Tagged: a, b. You can follow any responses …".
_ENTRY_ON = re.compile(
    r"^this entry was posted on\s+(?P<date>.+?)"
    r"(?:\s+at\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"(?:\s+and is filed under\s+(?P<cats>.+?))?(?:\s+by\s+(?P<author>[^.]+?))?\."
    r"(?:\s*tagged:?\s+(?P<tags>[^.]+)\.)?(?:\s+(?P<note>you can .*))?$",
    re.I,
)
_PERMALINK = re.compile(r"^bookmark the permalink\.?$", re.I)


@dataclass
class Footer:
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    comments: int | None = None
    closed: bool = False
    date: PartialDate | None = None
    author: str | None = None
    time: tuple[int, int] | None = None  # hour and minute, when the footer gives only a time
    note: str | None = None  # the theme's own sentences after the facts, kept as provenance


# "a, b; c", and "a · b · c" or "a | b | c" as some themes print their labels.
_LIST_SPLIT = re.compile(r"\s*[,;]\s*|\s+[·•|]\s+")
_BAR_SPLIT = re.compile(r"\s+\|\s+")


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(text) if part.strip()]


_CLOCK = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?$", re.I)
_LABEL_PART = re.compile(r"^[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,3}$")


def _clock(match: re.Match) -> tuple[int, int]:
    """The hour and minute a match's ``h``, ``m`` and ``ampm`` groups give, on a 24-hour clock."""
    hour = int(match["h"]) % 12 if match["ampm"] else int(match["h"])
    if match["ampm"] and match["ampm"].lower().startswith("p"):
        hour += 12
    return hour, int(match["m"])


def _footer_part(text: str, footer: Footer) -> bool:
    text = text.strip("«»‹› ")
    match = _COMMENTS.match(text)
    if match:
        if match["off"]:
            footer.comments, footer.closed = 0, True
        elif match["leave"]:
            footer.comments = 0
        else:
            n = (match["n"] or match["n3"]).lower()
            footer.comments = int(n) if n.isdigit() else _COUNT_WORDS[n]
        return True
    match = _ENTRY.match(text)
    if match:
        footer.categories += split_list(match["cats"])
        if match["tags"]:
            tags, footer.author = list_and_author(match["tags"])
            footer.tags += tags
        if match["date"]:
            footer.date = parse_date(match["date"])
        if match["author"]:
            footer.author = match["author"].strip()
        return True
    match = _ENTRY_ON.match(text)
    if match and parse_date(match["date"]) is not None:
        footer.date = parse_date(match["date"])
        if match["h"]:
            footer.time = _clock(match)
        footer.categories += split_list(match["cats"] or "")
        footer.tags += split_list(match["tags"] or "")
        if match["author"]:
            footer.author = match["author"].strip()
        footer.note = match["note"]
        return True
    for pattern, target in ((_FILED, footer.tags), (_TAGGED, footer.tags), (_POSTED_IN, footer.categories)):
        match = pattern.match(text)
        if match:
            items, author = list_and_author(match["list"])
            target += items
            footer.author = footer.author or author
            return True
    if text.startswith("#") and _HASHTAG_ROW.match(text):
        footer.tags += hashtags(text)
        return True
    match = _POSTED_AT_IN.match(text)
    if match:
        footer.time = _clock(match)
        footer.categories += split_list(match["cats"] or "")
        return True
    match = _POSTED_BY_AT.match(text)
    if match:
        footer.author, footer.time = match["author"].strip(), _clock(match)
        if match["cats"] or match["cats_first"]:
            footer.categories += split_list(match["cats"] or match["cats_first"])
        if match["n"]:
            footer.comments = int(match["n"]) if match["n"].isdigit() else _COUNT_WORDS[match["n"].lower()]
        return True
    return bool(_PERMALINK.match(text) or _LINK_WORDS.match(text))


# Every footer part starts with one of these words, so most lines stop here.
_FOOTER_START = re.compile(
    r"(?:leave|no|be|\d|one|two|three|comment|this entry|filed|posted|perma|tag|categor|parent|bookmark"
    r"|label|topic|keywords|defined tags|themes|subjects|more:|#)",
    re.I,
)


_BARE_TAG = re.compile(r"^[\w][\w'’&-]*(?: [\w'’&-]+){0,2}$")


def bare_tag_list(text: str) -> list[str]:
    """'adoption, contact, social media': short items and commas only, ending no sentence."""
    if "," not in text or text.endswith(tuple(".!?…:;")) or len(text) > 120:
        return []
    items = split_list(text)
    if len(items) < 2 or not all(_BARE_TAG.match(item) for item in items):
        return []
    # Tags are lower case or each capitalised; a sentence mixes the two.
    return (
        items if all(item[0].islower() for item in items) or all(item[0].isupper() for item in items) else []
    )


def list_and_author(text: str) -> tuple[list[str], str | None]:
    """A footer's list, and the author when the byline runs on after it ("Fostering by Jo Bell")."""
    match = _LIST_BY.match(text)
    if match:
        return split_list(match["list"]), match["author"].strip().rstrip(".")
    return split_list(text), None


def hashtags(text: str) -> list[str]:
    """'#fostering #agency work' -> ['fostering', 'agency work']."""
    return [tag.strip() for tag in text.split("#") if tag.strip()]


def is_link_part(text: str) -> bool:
    """'Permalink', 'TrackBack (0)': links a footer prints between its facts."""
    return bool(_LINK_WORDS.match(text))


def footer_line(text: str) -> Footer | None:
    """Parse a footer line; themes join parts with bars ("Posted in A | Tagged b")."""
    if not _FOOTER_START.match(text):
        return None
    footer = Footer()
    parts = [part.strip() for part in _BAR_SPLIT.split(text)] if "|" in text else [text.strip()]
    parts = [piece for part in parts for piece in _TAGGED_AFTER.split(part)]
    if len(parts) > 2 and _CLOCK.match(parts[0]) and any(_LINK_WORDS.match(part) for part in parts):
        # "9:41 PM | Add a comment | Permalink | Blog it | Social work" (Windows Live Spaces):
        # the time, the links, and the post's category last.
        clock = _CLOCK.match(parts[0])
        footer.time = _clock(clock)
        if _LABEL_PART.match(parts[-1]) and not _footer_part(parts[-1], Footer()):
            footer.categories.append(parts[-1])
            parts = parts[:-1]
        parts = parts[1:]
    if all(_footer_part(part, footer) for part in parts):
        return footer
    return _dashed_footer(text)


def _dashed_footer(text: str) -> Footer | None:
    """Xanga's footer: "Posted 10/15/2006 at 11:47 PM - 4 eProps - 3 comments - add comment".
    A date after "Posted" alone may head a post as well; with a count after it, it ends one.
    MySpace's has no date: "3 Comments - 3 Kudos - Add Comment - Edit - Remove"."""
    first, *rest = (part.strip() for part in _DASH_SPLIT.split(text))
    if rest and _COMMENTS.match(first):
        footer = Footer()
        if all(_footer_part(part, footer) for part in [first, *rest]) and footer.comments is not None:
            return footer
    match = _POSTED_DATE.match(first)
    # Found as any date on the page is, so that the page's month-first order holds.
    found = find_date(first) if rest and match else None
    if found is None or found.start > len("posted "):
        return None
    footer = Footer(date=found.when, author=match["author"] and match["author"].strip())
    if found.hour is not None:
        footer.time = (found.hour, found.minute)
    if all(_footer_part(part, footer) for part in rest) and footer.comments is not None:
        return footer
    return None


def apply_footer(post: Post, footer: Footer) -> None:
    post.tags += footer.tags
    if footer.categories:
        if post.category is None:
            post.category = footer.categories[0]
        extra = footer.categories[1:] if post.category == footer.categories[0] else footer.categories
        if extra:
            post.tags += extra
            post.notes.append(f"extra categories kept as tags: {', '.join(extra)}")
    if footer.comments is not None:
        post.comments = footer.comments
        post.comments_closed = post.comments_closed or footer.closed
    if footer.author and not post.author:
        post.author = footer.author
    if footer.note:
        post.provenance["footer_note"] = footer.note
    if footer.date and post.date is None:
        post.date = stated(footer.date, DateSource.EXPLICIT, "post footer")
    if footer.time:
        post.footer_time = footer.time
    if footer.time and post.date is not None and post.date.source is DateSource.EXPLICIT:
        hour, minute = footer.time
        post.date = replace(post.date, value=post.date.value.replace(hour=hour, minute=minute))


def explicit_date(when: PartialDate, evidence: str) -> PostDate:
    """A date the post states; a partial one widens to its month or year."""
    return stated(when, DateSource.EXPLICIT, evidence)


def source_line(text: str) -> str | None:
    match = _SOURCE.match(text)
    return match["value"].strip() if match else None
