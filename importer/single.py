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

import dataclasses
import re
from dataclasses import dataclass, field

from . import comments, metadata
from .dates import FoundDate, find_date, stated_at
from .post import DateSource, Dropped, Line, Post
from .segment import title_like

_WORDY = re.compile(r"\w+")
_READING = re.compile(r"^(?:\d+\s+min(?:ute)?s?\s+read|\d+\s+claps?|👏\s*\d*|listen|follow|share)$", re.I)
_AUTHOR_BY = re.compile(
    r"(?:^|\b)(?i:posted |written |published |submitted |post)?(?i:by):?\s+"
    r"(?P<name>\w[\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})",
)
_HEADER_WORDS = re.compile(
    r"\b(?:posted|published|written|submitted|updated|last|on|at|by|in|·|\|)\b|[·|,:–—-]|\d+\s+min(?:ute)?s?\s+read"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bbst\b|\bgmt\b|\butc\b",
    re.I,
)
_FILED_IN = re.compile(
    r"(?:[-|·–—]\s*)?\b(?:filed (?:in|under)|posted(?:\s+on)?\s+in|categor(?:y|ies)|tags?|tagged)"
    r"\s*:?\s+(?P<list>.+)$",
    re.I,
)
_POSTED_BY_AT = re.compile(r"^posted by:?\s+\S", re.I)
_STATS = re.compile(r"[·|•,]?\s*\b\d[\d,.]*k?\s+(?:views?|reads?|likes?|hits|shares?)\b", re.I)
_BY_IN = re.compile(
    r"\bby\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+in\s+(?P<list>[A-Z][^|·•]{1,80}?)\s*(?=[|·•]|$)"
)
_COUNT_IN_HEADER = re.compile(
    r"(?:^|\s)(?:\d+|no|one)\s+(?:comments?|responses?|replies)\b|(?:^|\s)leave a (?:comment|reply)\b", re.I
)
_NAME_AFTER_DATE = re.compile(r"^(?!By\s)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}$")
_BLOGGER_FOOTER = re.compile(
    r"^posted by\s+(?P<author>.{1,60}?)\s+(?:at|@)\s+(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)\s*$", re.I
)
# "Forums: Youth justice" is a Drupal forum post's container, printed as its tags are.
_LABELS = re.compile(
    r"^(?:labels|topics(?: covered)?|themes|subjects|tags|filed under|posted in|forums?)\s*:\s*(?P<list>.+)$",
    re.I,
)
# Tags set out with dots between, under a title: "Fostering · Matching · Placement stability".
_DOT_LIST = re.compile(r"^[\w'’&-]+(?:\s+[\w'’&-]+){0,2}(?:\s+[·•]\s+[\w'’&-]+(?:\s+[\w'’&-]+){0,2}){2,8}$")
_HASHTAGS = re.compile(r"^(?:#[^\W\d_][\w’'-]*(?:\s+[\w’'-]+)*\s*)+$")
_END = re.compile(
    r"^(?:related(?: posts| articles| stories| content| reading| news| links| topics| blogs)?"
    r"|you (?:may|might) also like"
    r"|more from .{1,60}"
    r"|read next|recommended(?: for you)?|more stories|most read|trending|popular posts|recent posts"
    r"|share this(?: post| article| story| page)?|like this|also on .{1,40}|more (?:on|in) this .{1,20}"
    r"|(?:«|‹)?\s*(?:newer|older|previous|next)\s+(?:post|entry|entries|article)s?\s*(?:»|›)?.{0,80}"
    r"|(?:«|‹)\s*(?:prev|previous|newer|older)|(?:next|older|newer)\s*(?:»|›)"
    r"|(?:newer post\s+)?older post\s+home|about the (?:blog|site)"
    r"|(?:post|posts|article|entry|entries|blog) navigation"
    # A call for support under the text (Hashnode, Ko-fi, Patreon): the platform's, not the post.
    r"|did you (?:find|enjoy|like) this (?:article|post|piece|story)(?: valuable| useful| helpful)?\??"
    r"|(?:enjoyed|liked) this (?:article|post|piece)\??|buy me a coffee"
    r"|support (?:my|this|the|our) (?:work|blog|writing|show|podcast|channel)"
    r"|more (?:episodes|posts|articles)|support (?:local|independent|quality|our) journalism|conversations"
    r"|notes to editors?|notes for editors|editors['’]? notes"
    # A press release's text ends at "ENDS"; its notes to editors follow.
    r"|-*\s*ends\s*-*)\s*:?$"
    # An author box's or a newsletter box's heading: what follows is the page's, not the text.
    r"|^(?:about (?:the )?(?:author|writer|me)|sign up for .{1,60}|subscribe to .{1,60}"
    r"|get .{1,60} (?:in|to) your inbox|(?:our |the )?newsletter|since you(?:'|’)re here\W{0,3})\s*:?$",
    re.I,
)
# A call to sign up, in a newsletter's words.
_SIGN_UP_CALL = re.compile(r"^(?=.{0,120}$).*\b(?:subscribe|sign up|newsletter|in your inbox)\b", re.I)
# A button under the text, a link with no full stop: "Find out more about becoming a hub carer".
_CALL_TO_ACTION = re.compile(
    r"^(?:find out more|learn more|discover more|read more|click here|get in touch|contact us|apply now"
    r"|register (?:now|here)|book (?:now|your place|a place)|donate(?: now| today)?|download (?:the|our)|"
    r"enquire now|request (?:a|an|your) (?:call|information pack|info pack))\b[^.!?]{0,80}$"
    # "Thinking about fostering? Call us free on 0800 …": the organisation's number, not the text.
    r"|^(?:[^.!?]{3,60}\?\s+)?(?:call|phone|ring|text|email) us\b[^.!?]{0,40}\b(?:on|at)\b[^!?]{4,100}$",
    re.I,
)
# A rule drawn between the text and what follows it ("———", "* * *", "___").
_RULE = re.compile(r"^[-–—_*=~•·\s]{3,}$")
# A third-person sentence about a writer: "Priya Ashdown is a social worker in …", "Orla is …".
_BIO = re.compile(
    r"^(?:[•·*]\s*)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+"
    r"(?:is|was|has been|has worked|works|writes|lives|qualified|trained|leads|manages)\b"
)
_SENTENCE = tuple(".!?…:;’”\"')")
# "4 min read", "7–9 minutes" (Firefox's reader view), "Reading time: 5 minutes".
_READING_TIME = re.compile(
    r"^[—–•·-]?\s*(?:(?:estimated\s+)?reading time:?\s+)?(?:about\s+|~\s*|≈\s*|approx\.?\s+)?"
    r"\d+(?:\s*[-–]\s*\d+)?\s*min(?:ute)?s?\.?(?:\s+read(?:ing)?)?$",
    re.I,
)
# A forum's short date, a month and a year: "Nov '19" (Discourse).
_SHORT_MONTH_YEAR = re.compile(r"^[A-Z][a-z]{2,3}\.? ['’]\d\d$")
# Medium's "Published in" over the publication's name: neither is the title nor the author.
_PUBLISHED_IN = re.compile(r"^(?:published|posted) in:?$", re.I)


@dataclass
class Fact:
    """What one header or footer line says about its post."""

    date: FoundDate | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    label: str = ""
    comments: int | None = None


def _name_beside(text: str) -> bool:
    """A name beside a date; a header's own words in capitals ("POSTED ON") are none."""
    return bool(_NAME_AFTER_DATE.match(text)) and bool(_WORDY.findall(_HEADER_WORDS.sub(" ", text)))


def header_fact(line: Line) -> Fact | None:
    """A line of a post's header: a date line, a byline, or both."""
    text = line.text
    # Every header names a date (in digits) or an author ("by"): most lines have neither.
    if len(text) > 120 or not _MAY_BE_HEADER.search(text):
        return None
    found = find_date(text)
    if found is not None:
        # A weekday or a time zone left beside the date ("Thu 6 Mar 2014 07.00 GMT") names nobody.
        rest = _DAY_OR_ZONE.sub(" ", found.rest)
        # "Posted on 8 Feb 2022 • Updated on 10 Feb 2022": the second date is the edit's.
        edited = _EDITED.search(rest)
        if edited and find_date(edited["when"]) is not None:
            rest = rest[: edited.start()] + rest[edited.end() :]
        # A page's counts of views, reads or likes in the header ("· 612 views ·") are no facts.
        rest = _STATS.sub(" ", rest)
        # "Last updated:" beside the date: its label, whose capital is no part of a name.
        rest = _LAST_FIRST.sub(" ", rest)
        tags: list[str] = []
        filed = _FILED_IN.search(rest)
        author = None
        by_in = _BY_IN.search(rest) if filed is None else None
        if by_in:
            # "by Caspian Hale in Youth justice, Courts" (b2evolution): the author, then the categories.
            author, tags = by_in["name"].strip(), metadata.split_list(by_in["list"])
            rest = rest[: by_in.start()] + rest[by_in.end() :]
        if filed:
            tags, author = metadata.list_and_author(filed["list"])
            rest = rest[: filed.start()]
        match = _AUTHOR_BY.search(rest) if author is None else None
        if match:
            author = match["name"].strip().rstrip(".")
            rest = rest[: match.start()] + rest[match.end() :]
        count = None
        counted = _COUNT_IN_HEADER.search(rest)
        if counted:
            count = comments.section_heading(counted[0].strip())
            count = 0 if count is None or count is True else count
            rest = rest[: counted.start()] + rest[counted.end() :]
        # "By NAME | DATE | Category, Category | 5 Comments": a list between bars is its categories.
        # " - Courts - Permalink" (Dotclear) divides as bars do; a link's name is no category.
        parts = [
            part.strip()
            for part in re.split(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s|\s[-–]\s", rest)
            if part.strip(" |·•-–")
            and not _READING_TIME.match(part.strip())
            and not metadata.is_link_part(part.strip(" |·•-–,"))
        ]
        if author is None and "|" not in text and parts and _name_beside(parts[-1]):
            # "March 3, 2017 · 4 min · Nadia Ferreira" (Hugo, Jekyll): the name after the dots.
            author = parts.pop()
            rest = " ".join(parts)
        if len(parts) > 1 or "|" in text:
            for part in list(parts):
                after_date = parts.index(part) > 0 or text.find(part) >= found.end
                if "," in part or (after_date and len(part.split()) <= 3):
                    tags += metadata.split_list(part)
                    parts.remove(part)
            rest = " ".join(parts)
        left = _WORDY.findall(_HEADER_WORDS.sub(" ", rest))
        if left and author is None and _name_beside(rest.strip(" ,|·•-–—")):
            # "October 4, 2011 Ruth Okafor-Lyle 4 Comments", "Mar 3, 2017 • Name": a name beside the date.
            author, left = rest.strip(" ,|·•-–—"), []
        if len(left) <= 2:
            return Fact(date=found, author=author, tags=tags, label="date line", comments=count)
        return None
    posted = metadata.posted_line(text)
    if posted is not None:
        return Fact(author=posted[1], label="date line")
    found_byline = metadata.byline(text)
    if found_byline is not None:
        return Fact(author=found_byline.name, label="byline")
    if (user := comments.submitted_by(text)) is not None:
        # "submitted 4 years ago by NAME" under the title (old Reddit): the byline, dated only by an age.
        return Fact(author=user, label="byline with an age")
    return None


_DAY_OR_ZONE = re.compile(
    r"^\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?,?|\b(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT)\b"
    r"(?:[+-]\d{1,2}(?::?\d\d)?)?",
    re.I,
)
_LAST_FIRST = re.compile(r"\b(?:last|first)\s+(?=(?:updated|published|posted|edited|modified)\b)", re.I)
_EDITED = re.compile(
    r"[|·•,(]?\s*\b(?:last\s+)?(?:updated|edited|modified)(?:\s+on)?:?\s+"
    r"(?P<when>[^|·•()]{6,40}?)(?=\s+by\b|\s*[|·•()]|\s*$)\)?",
    re.I,
)
_POSTED_KEY = re.compile(r"^(?:written|posted|published|submitted|created|(?:last )?updated)\b", re.I)


def date_heading(lines: list[Line], i: int) -> bool:
    """A date alone on its line, set apart above a title and its text: Blogger's day heading."""
    text = i + 2
    if text + 1 < len(lines) and _label_line(lines[text]):
        text += 1  # "Category: Life" between the title and the text (MySpace)
    return (
        text < len(lines)
        and lines[i].blanks_before >= 1
        and (fact := header_fact(lines[i])) is not None
        and fact.date is not None
        and fact.author is None
        and not _POSTED_KEY.match(lines[i].text)
        and _set_apart_title(lines[i + 1])
        and header_fact(lines[i + 1]) is None
        and is_prose(lines[text])
    )


def _label_line(line: Line) -> bool:
    """ "Category: Life", "Tags: a, b": a post's labels on a line of their own."""
    found = metadata.footer_line(line.text)
    return found is not None and bool(found.tags or found.categories) and found.comments is None


def _set_apart_title(line: Line) -> bool:
    """A title, or under a day's date and set apart from the text a short line in lower case
    (Xanga's and LiveJournal's writers often give their titles none)."""
    if title_like(line):
        return True
    text = line.text
    return (
        text[:1].islower()
        and line.blanks_before >= 1
        and line.blanks_after >= 1
        and len(text) <= 80
        and len(text.split()) <= 12
        and not text.endswith((".", "!", "?", ":", ";", ","))
    )


def footer_fact(line: Line) -> Fact | None:
    text = line.text
    if " | " in text and _POSTED_BY_AT.match(text):
        return _joined_footer(text)
    fact = header_fact(line)
    if fact is not None and fact.date is not None:
        return Fact(date=fact.date, author=fact.author, label="date line")
    match = _BLOGGER_FOOTER.match(text)
    if match:
        when = find_date("1 January 2000 " + match["time"])
        return Fact(date=when, author=match["author"].strip(), label="time line")
    match = _LABELS.match(text)
    if match:
        tags, author = metadata.list_and_author(match["list"])
        return Fact(tags=tags, author=author, label="tags")
    if _HASHTAGS.match(text) and text.startswith("#"):
        return Fact(tags=metadata.hashtags(text), label="tags")
    return None


# "Jane Doe", and "Jane Doe, social affairs correspondent" as newspapers print it.
# Medium joins its "Follow" button to the name: "Jane Doe · Follow".
_NAME_LINE = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,2}(?:,\s+[a-z][a-z ]{2,40})?(?:\s+·\s+Follow)?$"
)


# Where old Reddit says a thread was posted, after its title: "(self.socialwork)", "(bbc.co.uk)".
_SUBREDDIT_MARK = re.compile(r"\s+\((?P<where>self\.\w+|[\w-]+(?:\.[\w-]+)+)\)$")

# The label a page's text keeps of an author's photo: "Writer's picture" (Wix), "Author avatar".
# The links a news site prints under its byline, to the comments and the share menu.
_HEADER_LINK = re.compile(r"^(?:comments?|share|save|print|listen|(?:view|jump to|read) comments)$", re.I)
# A picture's caption with its credit: "County Hall in Kingsbridge (Image: Echo archive)".
_CREDITED_CAPTION = re.compile(
    r"^.{3,}\((?:image|photo|photograph|picture|pic|credit)s?:\s*[^)]{1,60}\)$"
    r"|^.{3,}\s(?:image|photo|picture|credit)s?:\s*[^.!?]{1,60}$",
    re.I,
)
_PICTURE = re.compile(
    r"^(?:(?:writer|author|blogger)['’]?s?\s+(?:picture|photo|avatar|image)|(?:author\s+)?avatar|profile\s+(?:picture|photo)"
    # "Priya Raghunathan's photo" (Hashnode): the picture over the writer's name.
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}['’]s\s+(?:photo|picture|avatar|profile (?:photo|picture)))$",
    re.I,
)


def _name_of(line: Line) -> str:
    return re.sub(r"\s+·\s+Follow$", "", line.text).split(",")[0]


# "Social Affairs Reporter" under a writer's name has a name's capitals but is their job.
_JOB_TITLE = re.compile(
    r"\b(?:reporter|correspondent|editor|journalist|columnist|contributor|writer|producer|presenter"
    r"|officer|manager|director|adviser|advisor|consultant|lecturer|professor|coordinator|co-ordinator)$",
    re.I,
)
# A site's badge over a headline, which is neither a name nor the post's category.
_SITE_BADGE = re.compile(
    r"^(?:editor['’]?s['’]? (?:pick|choice)s?|staff (?:pick|choice)s?|featured(?: post| story)?"
    r"|sponsored(?: content| post)?|exclusive|premium|trending|popular|most (?:read|viewed|rated))$",
    re.I,
)


def _name_line(line: Line) -> bool:
    return (
        bool(_NAME_LINE.match(line.text))
        and not _JOB_TITLE.search(line.text.split(",")[0])
        and not _SITE_BADGE.match(line.text)
    )


def _text_line(line: Line) -> bool:
    """A line that is neither a date line nor a footer: text of some post."""
    return header_fact(line) is None and footer_fact(line) is None and metadata.footer_line(line.text) is None


def _joined_footer(text: str) -> Fact | None:
    """Footer parts joined by bars, as Blogger and Typepad print them.

    'posted by Sue W at 10:42 AM | 0 comments',
    'Posted by X at 09:15 PM in A, B | Permalink | Comments (2)',
    'Posted by X in A at 21:14 | Comments (3) | Trackbacks (0)'.
    """
    fact = Fact(label="time line")
    for part in (part.strip() for part in text.split(" | ")):
        byline = metadata.footer_line(part) if _POSTED_BY_AT.match(part) else None
        if byline is not None and byline.author and byline.time:
            # "Posted by X at 09:15 PM in A, B", "Posted by X in A at 21:14" (Serendipity).
            fact.author = byline.author
            fact.date = find_date("1 January 2000 {:02d}:{:02d}".format(*byline.time))
            fact.tags += byline.categories
            continue
        count = comments.section_heading(part)
        if count is not None and count is not True:
            fact.comments = count
            continue
        footer = metadata.footer_line(part)
        if footer is not None:
            fact.tags += footer.tags + footer.categories
            if footer.comments is not None:
                fact.comments = footer.comments
            continue
        if metadata.is_link_part(part):
            continue
        return None
    return fact if fact.author else None


_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b", re.I)
_CLOSING = tuple("’”\"')")


# The post navigation: "« Older post title | Newer post title »".
_PREV_NEXT = re.compile(r"^[«‹←]\s.*\s\|\s.*[»›→]$")


def is_prose(line: Line) -> bool:
    words = len(line.text.split())
    text = line.text
    # A question is as often a headline as a sentence, so it needs the length of one.
    if words >= 12:
        return not _PREV_NEXT.match(text)
    if words < 6 or not text.endswith(_SENTENCE) or text.endswith("?"):
        return False
    # A closing quote ends a sentence only after its full stop: 'Why we stopped saying "NFA"' is a headline.
    return not text.endswith(_CLOSING) or text.rstrip("’”\"')").endswith(tuple(".!?…,;:"))


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
    date_in_header: bool = False  # the post's header states its date
    doubts: list[str] = field(default_factory=list)  # why it may be wrong
    section: comments.CommentSection | None = None
    footer_time: FoundDate | None = None  # "Posted by NAME at 9:14 PM" under the post
    footer_date: FoundDate | None = None  # a date line under the post (Tumblr)
    # "Originally published at SITE on DATE." under a repost: the post's own date.
    original_date: FoundDate | None = None
    comment_lines: list[int] = field(default_factory=list)


_BOUND_HEADER = re.compile(r"(?i)(?:posted|published|written|submitted|by|post)\b")
_MAY_BE_HEADER = re.compile(r"\d|by\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]{2}")
_NAV_CHARS = re.compile(r"[|›‹»«>]|\s/\s")
_NAV_WORDS = {
    "home",
    "menu",
    "search",
    "previous",
    "next",
    "share",
    "main",
    "news",
    "about",
    "contact",
    "blog",
    "subscribe",
    "login",
    "log",
    "in",
    "sign",
    "up",
    "more",
    "archive",
    "archives",
    "latest",
    "top",
    "back",
    "to",
    "comments",
    "comment",
    "reply",
    "post",
    "a",
    "the",
    "older",
    "newer",
    "posts",
    "navigation",
    # A group's tabs (Facebook): "Discussion", "Featured", "Topics", "Members".
    "discussion",
    "featured",
    "topics",
    "members",
    "events",
    "media",
    "files",
    "photos",
    "videos",
}


_DISCLOSURE = re.compile(
    r"^(?:disclosure statement|disclosures?|partners|conflicts? of interest|declarations? of interests?"
    r"|competing interests)\s*:?$",
    re.I,
)
# A byline's label on a line of its own, the name on the next ("Written by" /
# "Daniela Moorcroft"): never the title.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|published|words|story|text|reported|edited|photos?|interview)\s+)?by\s*:?$"
    r"|^(?:author|authors|writer|posted|published|from)\s*:?$",
    re.I,
)


def _byline_over_text(lines: list[Line], title_at: int, body_start: int) -> bool:
    """The line taken as the title is the writer's name, with only a badge and the post's
    date between it and the text."""
    if not _name_line(lines[title_at]) or body_start >= len(lines) or body_start - title_at > 3:
        return False
    between = lines[title_at + 1 : body_start]
    if len(between) == 1 and _FEDIVERSE_HANDLE.match(between[0].text):
        return True  # "Helen Varga" over "@hvarga@social.coop", then the post (Mastodon)
    return (
        bool(between)
        and all(_BADGE.match(line.text) or header_fact(line) is not None for line in between)
        and any((fact := header_fact(line)) is not None and fact.date is not None for line in between)
    )


def _opening_words(text: str, most: int = 12) -> str:
    """A stand-in title: the text's first sentence, or its first words."""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    return " ".join(words[:most]) + ("…" if len(words) > most else "")


def _title_candidate(line: Line) -> bool:
    """A line that could be a post's title: short, unpunctuated at its end, not a label row."""
    text = line.text
    return (
        len(text) <= 160
        and not line.cells
        and not line.parts
        and bool(_LETTERS.search(text))
        and len(text.split()) <= 25
        and not text.endswith(tuple(".,;:…"))
        and not comments.is_form_line(text)
        and not comments.is_furniture(text)
        and not _READING_TIME.match(text)
        and not _BYLINE_LABEL.match(text)
        and not _BADGE.match(text)
        and not _FEDIVERSE_HANDLE.match(text)
        and not _PICTURE.match(text)
        and not _CREDITED_CAPTION.match(text)
        and not comments.is_age(text)
        and not comments.opened_by(text)
        and not _SHORT_MONTH_YEAR.match(text)
        and not _DOT_LIST.match(text)
        and header_fact(line) is None
        and footer_fact(line) is None
        and metadata.footer_line(text) is None
    )


def _nav_like(text: str) -> bool:
    words = re.findall(r"[\w']+", text.lower())
    return (
        bool(_NAV_CHARS.search(text))
        or not words
        or all(word in _NAV_WORDS for word in words)
        or (len(words) == 1 and text.isupper())
    )


def _body_start(lines: list[Line], limit: int) -> int | None:
    """The first line of the article's text: the first run of paragraphs, not a lone blurb."""
    clusters: list[tuple[int, int]] = []  # (first index, characters of prose)
    start, size, gap = None, 0, 0
    for i in range(limit):
        # A long byline ("By NAME on DATE, 18:25 - Courts - Permalink") starts no text.
        # A picture's caption with its credit is no paragraph of the text.
        if (
            is_prose(lines[i])
            and (start is not None or header_fact(lines[i]) is None)
            and not (start is None and _CREDITED_CAPTION.match(lines[i].text))
        ):
            if start is None:
                start, size = i, 0
            size += len(lines[i].text)
            gap = 0
        elif start is not None:
            gap += 1
            if i == start + 1 and _question_title(lines, start):
                start, size, gap = None, 0, 0  # the thread's title, asked under its header
                continue
            # A date line or byline starts a post's header: what follows is another block.
            if gap > 2 or header_fact(lines[i]) is not None:
                clusters.append((start, size))
                start, size, gap = None, 0, 0
    if start is not None:
        clusters.append((start, size))
    if not clusters:
        return None
    largest = max(size for _, size in clusters)
    # A blog description or a cookie notice is one paragraph; an article is several.
    for first, size in clusters:
        if size >= min(400, largest):
            return first
    return clusters[0][0]


def _question_title(lines: list[Line], i: int) -> bool:
    """A question on its own under "Posted by u/NAME" and "3 yr. ago", over its flair
    ("Discussion"): a forum thread's title, not its first paragraph."""
    return (
        0 < i < len(lines) - 1
        and lines[i].text.endswith("?")
        and len(lines[i].text.split()) <= 25
        and comments.is_age(lines[i - 1].text)
        and not is_prose(lines[i + 1])
    )


_ITEM = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")


def list_item(line: Line) -> bool:
    """A line with a list marker ("- ", "• ", "2. ")."""
    return bool(_ITEM.match(line.text)) or line.text[:1] in "•◦▪‣●·"


def _text_end(lines: list[Line], start: int, stop: int) -> int:
    """Index after the article's last paragraph: a packed run of short lines ends it.

    Author boxes, tag lists, sign-up forms and sidebars follow an article as
    runs of short lines saved one under the other; the article's own short
    lines (subheadings, list items) sit between paragraphs, carry a marker, or
    follow the line that introduces them ("Information evenings:").
    """
    end = start + 1
    run: list[Line] = []
    listed = False  # packed under a lead-in that ends with a colon
    footed = False  # a footer line since the last text line: the text is over
    lead_in = False  # the line before introduced a list
    for i in range(start, stop):
        line = lines[i]
        # A lead-in straight after the text, with lines packed under it, introduces a list.
        introduces = (
            not run
            and not footed
            and line.text.endswith(":")
            and i + 1 < stop
            and lines[i + 1].blanks_before == 0
            and not _TAG_HEADING.match(line.text)
            and not _END.match(line.text)
        )
        # Packed under a lead-in that was read as text, or under an item of its list.
        listed = line.blanks_before == 0 and (listed or lead_in)
        lead_in = introduces
        if (
            is_prose(line)
            or line.cells
            or _ITEM.match(line.text)
            or line.text.endswith(tuple(".!?…"))
            or introduces
            or listed
        ):
            end, run, footed = i + 1, [], False
            continue
        if footer_fact(line) is not None or metadata.footer_line(line.text) is not None:
            footed = True
            continue
        run.append(line)
        if len(run) >= 3 and sum(1 for item in run[1:] if item.blanks_before == 0) >= 2:
            return end
    return stop


def _author_box(lines: list[Line], start: int, stop: int) -> int:
    """Where an author box after the text begins (a rule, then a paragraph about a writer), or stop.

    The box is the last thing before the page's furniture: no paragraph of the
    text follows it. Without the rule, a note about the writer is the text's own.
    """
    for k in range(start + 1, stop):
        # "About Kemi Adeyemi" over a line about her (WordPress's author box): the same.
        # Or "About the author" over the name and the line about them (a newspaper's column).
        about_the = (
            _ABOUT_THE_AUTHOR.match(lines[k].text)
            and k + 1 < stop
            and (
                _name_line(lines[k + 1])
                or _BIO.match(re.sub(r"^(?:Dr|Prof(?:essor)?)\.?\s+", "", lines[k + 1].text))
            )
        )
        if (
            (_ABOUT_NAME.match(lines[k].text) or about_the)
            and k + 1 < stop
            and len(lines[k + 1].text.split()) <= 60
            and not any(is_prose(line) and not _BIO.match(line.text) for line in lines[k + 2 : stop])
        ):
            return k
        if not (_RULE.match(lines[k - 1].text) and _BIO.match(lines[k].text)):
            continue
        if any(is_prose(line) and not _BIO.match(line.text) for line in lines[k + 1 : stop]):
            continue
        return k - 1
    return stop


_PROFILE_LINE = re.compile(r"^(?:posts|joined|location|member since|messages|reputation):\s*\S", re.I)


def _signature(lines: list[Line], start: int, end: int) -> int:
    """Where a forum post's signature begins (a rule, then a line or two the poster signs
    every post with, then their profile: "Posts: 212"), or ``end``."""
    for k in range(max(start + 1, end - 4), end):
        if not _RULE.match(lines[k].text) or len(lines[k].text.strip()) < 5:
            continue
        signed = lines[k + 1 : end]
        after = lines[end : end + 6]
        if (
            signed
            and all(len(line.text.split()) < 25 for line in signed)
            and any(_PROFILE_LINE.match(line.text) for line in after)
        ):
            return k
    # With no rule: the line the poster ends every post with, printed again under their
    # next post, over their profile.
    k = end - 1
    if (
        k > start
        and len(lines[k].text.split()) < 25
        and any(line.text == lines[k].text for line in lines[end:])
        and any(_PROFILE_LINE.match(line.text) for line in lines[end : end + 6])
    ):
        return k
    return end


_ABOUT_THE_AUTHOR = re.compile(r"^about the (?:author|writer|columnist|contributor|blogger)s?:?$", re.I)
_ABOUT_NAME = re.compile(r"^About\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


def _header_or_count(line: Line) -> Fact | None:
    """A header line, or a comment count printed under a title ("4 Replies")."""
    fact = header_fact(line)
    if fact is None:
        footer = metadata.footer_line(line.text)
        if footer is not None and footer.comments is not None and not (footer.tags or footer.categories):
            return Fact(label="comment count", comments=footer.comments)
    return fact


def _names_author(line: Line, author: str) -> bool:
    """The author's name alone, or "Written by" it with no date: an author card, not the text."""
    if line.text == author:
        return True
    if author not in line.text or len(line.text) > len(author) + 20:
        return False
    fact = header_fact(line)
    return fact is not None and fact.author == author and fact.date is None


def _publication(lines: list[Line], i: int) -> bool:
    """Medium's "Published in" label, or the publication's name under it."""
    return bool(_PUBLISHED_IN.match(lines[i].text) or (i > 0 and _PUBLISHED_IN.match(lines[i - 1].text)))


def _tag_under_title(lines: list[Line], j: int) -> bool:
    """A short label packed under a longer title, over the byline or date: Ghost's primary tag."""
    if not 0 < j < len(lines) - 1:
        return False
    line, title = lines[j], lines[j - 1]
    return (
        len(line.text.split()) <= 3
        and len(line.text) <= 30
        and line.blanks_before == 0
        and _title_candidate(line)
        and not _nav_like(line.text)
        and not _name_line(line)
        # A forum's "Quote" under a post's repeated title is a button, not a tag.
        and not comments.is_button(line.text)
        and _title_candidate(title)
        and len(title.text.split()) >= 4
        and any(
            _header_or_count(lines[k]) is not None or _name_line(lines[k])
            for k in (j + 1, j + 2)
            if k < len(lines)
        )
    )


def _find_title(lines: list[Line], limit: int) -> tuple[int, int, list[str], list[str]]:
    """Index of the title line, of the body's first line, the evidence for the title, and doubts."""
    found_body = _body_start(lines, limit)
    body = limit if found_body is None else found_body
    first = lines[0].text if lines else ""
    browser_title, site = metadata.split_site_suffix(first)
    best: tuple[float, int, list[str]] | None = None
    facts = [_header_or_count(lines[j]) if j < body else None for j in range(min(body + 1, len(lines)))]
    for j in range(len(facts)):
        # A forum's opening post headed as its replies are ("jess_whitlow" over "Nov '19").
        if facts[j] is None and j < body and (opener := comments.thread_post_header(lines, j)) is not None:
            facts[j] = Fact(author=opener, label="thread post header")
        elif facts[j] is None and j < body and comments.is_age(lines[j].text):
            facts[j] = Fact(label="line of how long ago")  # "Updated 6y" (Quora): the header's, no date

    def role(j: int) -> bool:
        """A writer's job under their name, over the date (LinkedIn): part of the byline."""
        return (
            1 < j < len(facts) - 1
            and _name_line(lines[j - 1])
            and facts[j + 1] is not None
            # Saved packed, as one block: (title,) name, job, date.
            and lines[j].blanks_before == lines[j + 1].blanks_before == 0
        ) or (
            # Or under the date: date, name, job or affiliation (The Conversation).
            j > 1
            and _name_line(lines[j - 1])
            and facts[j - 2] is not None
            and lines[j].blanks_before == lines[j - 1].blanks_before == 0
        )

    def pill(j: int) -> bool:
        """One of two or more labels packed under the byline or date (Squarespace's categories).
        One short line under a date is a title (Blogger, Typepad), not a label."""

        def packed(k: int) -> bool:
            return 0 < k < len(lines) and lines[k].blanks_before == 0 and _pill(lines[k])

        first = j
        while packed(first) and j - first < 6 and facts[first - 1] is None:
            first -= 1
        last = j
        while last + 1 < len(facts) and packed(last + 1) and facts[last + 1] is None:
            last += 1
        return packed(first) and facts[first - 1] is not None and last > first

    def significant(j: int) -> bool:
        """A line that could only be a title, not a name, a menu or a header line."""
        line = lines[j]
        return (
            facts[j] is None
            and not role(j)
            and not pill(j)
            and not (j > 0 and _BYLINE_LABEL.match(lines[j - 1].text))
            and not _publication(lines, j)
            and _title_candidate(line)
            and not _nav_like(line.text)
            and not _name_line(line)
            and len(line.text.split()) >= 2
            and not _tag_under_title(lines, j)
        )

    repeated: dict[str, int] = {}
    # Only after the article: a line of the text said twice is no headline.
    header_names = {line.text for line in lines[:body] if _name_line(line)}
    for j in range(len(lines) - 1, max(body, limit - 1), -1):
        # Not under the writer's name again: the writer's affiliation, as a reply by them shows it.
        if lines[j - 1].text not in header_names:
            repeated[lines[j].text] = j

    def masthead_again(i: int) -> bool:
        """The site's name and its menu under it, printed again at the foot of the page."""
        j = repeated[lines[i].text]
        return i + 1 < len(lines) and j + 1 < len(lines) and lines[i + 1].text == lines[j + 1].text

    for i in range(min(body, limit)):
        line = lines[i]
        if (
            not _title_candidate(line)
            # The name under a byline's label ("From:" over "Department for Education").
            or (i > 0 and _BYLINE_LABEL.match(lines[i - 1].text))
            or (i == 0 and site and body > 1)
            or _publication(lines, i)
            or role(i)
            or _tag_under_title(lines, i)
        ):
            continue
        score, evidence = 0.0, []
        if site and line.text == browser_title:
            score += 3
            evidence.append(f"the heading repeats the page title '{first}'")
        # Lines between the title and the text: one standfirst under it, then its header.
        # Dots between header items and Medium's publication lines stand between nothing.
        rest = [
            j for j in range(i + 1, body) if _LETTERS.search(lines[j].text) and not _publication(lines, j)
        ]
        standfirst = rest and lines[rest[0]]
        if (
            standfirst
            and facts[rest[0]] is None
            and (
                len(standfirst.text.split()) >= 13
                # A subtitle under the title, longer than it (Medium): the title's, not a rival.
                # A headline straight over a post's byline is that post's title, never a subtitle.
                or (
                    len(standfirst.text.split()) >= 6
                    and len(standfirst.text) > len(line.text)
                    and len(rest) > 1
                    and facts[rest[1]] is None
                )
            )
        ):
            rest = rest[1:]  # a standfirst
        header = next((j for j in rest[:5] if facts[j] is not None), None)
        # With no paragraph found, only the lines above the header can speak against it.
        # "Posted on … by …" belongs to the line above it; a bare date may be a title's below it.
        bound = header is not None and _BOUND_HEADER.match(lines[header].text)
        checked = (
            rest
            if found_body is not None and not bound and not (header is not None and facts[header].author)
            else [j for j in rest if header is not None and j < header]
        )
        if header is not None and not any(significant(j) for j in checked if j != header):
            score += 3
            if header == i + 1 and bound:
                score += 2  # "Posted on … by …" straight under it
            evidence.append(f"a {facts[header].label} under it (line {lines[header].number})")
        # A bare date above the title (Blogger, Typepad, LiveJournal), menus aside.
        above = i - 1
        while above >= 0 and _nav_like(lines[above].text) and facts[above] is None:
            above -= 1
        if (
            above >= 0
            and facts[above] is not None
            and facts[above].date is not None
            # "Posted on …" belongs to the line above it, unless that is the writer's name (Forem).
            and (
                not re.match(r"(?i)(?:posted|published|by)\b", lines[above].text)
                or (above > 0 and _name_line(lines[above - 1]))
            )
            and not any(significant(j) for j in range(i + 1, body))
        ):
            score += 3
            evidence.append(f"a date line above it (line {lines[above].number})")
        if (
            i > 1
            and facts[i - 1] is not None
            and facts[i - 1].label == "line of how long ago"
            and (comments.opened_by(lines[i - 2].text) or _name_line(lines[i - 2]))
        ):
            # "Posted by u/NAME" over "3 yr. ago" over the title (Reddit): its header, above it.
            score += 3
            evidence.append(f"its poster and age above it (line {lines[i - 2].number})")
        if found_body is not None and not any(significant(j) for j in rest):
            score += 2
        if _nav_like(line.text):
            score -= 4
        if _name_line(line):
            # A name straight over a date line is the byline, not the title.
            score -= 4 if (i + 1 < len(facts) and facts[i + 1] is not None) or "," in line.text else 2
        if site and line.text == site:
            score -= 5  # the site's own name, as the browser's title line gives it
        if i + 1 < body and lines[i + 1].number - lines[i].number - lines[i + 1].blanks_before - 1 >= 2:
            score -= 3  # over menus or buttons taken out as chrome ("Sign Up", "Log In"): the masthead
        if (
            i > 0
            and significant(i - 1)
            and len(lines[i - 1].text.split()) >= 3
            and len(lines[i - 1].text) < len(line.text)
        ):
            score -= 2  # a subtitle under its title
        if (
            i > 0
            and len(line.text.split()) == 1
            and significant(i - 1)
            and len(lines[i - 1].text.split()) >= 3
        ):
            score -= 3  # a one-word label under its title (Joomla's "Details")
        if len(line.text.split()) >= 4 and line.text in repeated and not masthead_again(i):
            # The headline again in the page's "Most read" or "Recent posts" list: a standfirst
            # or a subheading never is.
            score += 3
            evidence.append(
                f"the same line again further down the page (line {lines[repeated[line.text]].number})"
            )
        if len(line.text.split()) >= 3:
            score += 0.5
        score -= (body - i) / 12
        if best is None or score > best[0]:
            best = (score, i, evidence)
    if site and (best is None or best[0] < 3):
        # Nothing under the browser's "Title | Site" line reads as well as it does.
        return 0, max(body, 1), [f"the page title line '{first}'"], []
    if best is None:
        return 0, max(body, 1), [], ["no title found: the first line was taken as the title"]
    score, index, evidence = best
    if found_body is None:
        # No paragraph long enough to tell: the text starts after the title's header lines.
        body = index + 1
        while body < limit and header_fact(lines[body]) is not None:
            body += 1
    if not evidence and index > 0 and significant(index - 1) and _has_subheadings(lines, body, limit):
        # A newsletter's first section heading ("Where we are") under the title: the
        # text's own headings show what it is, and the title is the line above it.
        return index - 1, body, [], ["the title was taken as the line above the text's first section heading"]
    if not evidence:
        return index, body, [], ["the title was taken as the short line above the first paragraph"]
    return index, body, evidence, []


def _has_subheadings(lines: list[Line], start: int, stop: int) -> bool:
    """Short headings between the text's paragraphs."""
    return any(
        is_prose(lines[j - 1])
        and is_prose(lines[j + 1])
        and _title_candidate(lines[j])
        and not is_prose(lines[j])
        and len(lines[j].text.split()) <= 6
        for j in range(start + 1, min(stop, len(lines)) - 1)
    )


_STOPPING_CHROME = {"share widget", "related-links widget", "reactions", "post navigation"}
# A newsletter's own box after the text ("Subscribe to The Reflective Practitioner"); a
# "Subscribe now" button between paragraphs (Substack) ends nothing.
_SIGN_UP_BOX = re.compile(r"^(?:subscribe|sign up) (?:to|for) \S", re.I)


def _inline_boxes(lines: list[Line], start: int, end: int, markers: list[int]) -> tuple[list[Line], set[int]]:
    """Lines of "Related" boxes set between an article's paragraphs, with the text resuming under them.

    A heading of the page's furniture (on a line here, or among the ``markers``,
    the numbers of chrome lines already dropped), at most a few short lines
    under it, then at least two paragraphs of text again: the box interrupts
    the article rather than ending it. Returns the box lines and the markers it used.
    """
    boxed: list[Line] = []
    used: set[int] = set()
    i = start + 1
    while i < end:
        marker = next((m for m in markers if lines[i - 1].number < m < lines[i].number), None)
        if marker is None and not _END.match(lines[i].text):
            i += 1
            continue
        j = i if marker is not None else i + 1
        while j < end and j - i <= _BOX_LINES and not _paragraph(lines[j]):
            j += 1
        k = j
        while k < end and _paragraph(lines[k]):
            k += 1
        if j - i > _BOX_LINES or k - j < 2 or sum(len(line.text) for line in lines[j:k]) < _RESUMED_TEXT:
            break
        boxed += lines[i:j]
        used |= {m for m in markers if lines[i - 1].number < m < lines[j].number}
        i = k
    return boxed, used


def _paragraph(line: Line) -> bool:
    """A paragraph that ends as a sentence does, unlike a long headline."""
    return is_prose(line) and line.text.rstrip("’”\"')").endswith(tuple(".!?…:"))


# A box holds a heading and a few links; the text under it is two paragraphs at least.
_BOX_LINES = 6
_RESUMED_TEXT = 300


def read_single(
    lines: list[Line],
    path: str,
    section: comments.CommentSection | None,
    chrome: list[Dropped] = (),
    title_line: int | None = None,
) -> SingleRead:
    dropped: list[Dropped] = []
    end = section.start if section else len(lines)
    text_from = _body_start(lines, end) or 0
    stoppers = sorted(d.line for d in chrome if d.reason in _STOPPING_CHROME)
    boxed, used = _inline_boxes(lines, text_from, end, stoppers)
    chrome = [d for d in chrome if d.line not in used]
    if boxed:
        # A news site's "Related articles" box between paragraphs: the article goes on under it.
        dropped += [Dropped(line.number, line.text, "related-links box inside the article") for line in boxed]
        lines = [line for line in lines if line not in boxed]
        end -= len(boxed)
        if section is not None:
            section = dataclasses.replace(section, start=end, end=section.end - len(boxed))
    # Where the article stops: the first "Related", share row, post navigation or form line
    # after its text begins (a menu's "Submit" above the title stops nothing).
    stop = next(
        (
            i
            for i in range(text_from, end)
            if _END.match(lines[i].text) or comments.is_form_line(lines[i].text)
        ),
        end,
    )
    title_at, body_start, sure, doubts = _find_title(lines, stop)
    pinned = next((i for i, line in enumerate(lines) if line.number == title_line), None)
    if pinned is not None:
        title_at, sure, doubts = pinned, ["title line pinned in hints.yaml"], []
        body_start = max(body_start, pinned + 1)
    # A share row or related list dropped earlier also ends the article, once its text has begun.
    if body_start < stop:
        markers = sorted(
            (d.line, d.reason)
            for d in chrome
            if (d.reason in _STOPPING_CHROME or _SIGN_UP_BOX.match(d.text))
            and d.line > lines[body_start].number
        )
        if markers:
            end_at = stop
            stop = next((i for i in range(body_start + 1, stop) if lines[i].number > markers[0][0]), stop)
            # Tumblr dates a post under its count of notes: the post's footer goes on past the count.
            while markers[0][1] == "reactions" and stop < end_at and footer_fact(lines[stop]) is not None:
                stop += 1
    subject_at = _email_subject_at(lines)
    if pinned is None and subject_at is not None:
        # A letter starts at its greeting ("Dear colleagues,"); a heading under it is the letter's.
        greeting = next((k for k in range(subject_at + 1, body_start) if _greeting(lines[k])), None)
        if greeting is not None:
            title_at = min(title_at, subject_at) if title_at > greeting else title_at
            body_start = greeting
    if (
        pinned is None
        and body_start >= 2
        and _FEDIVERSE_HANDLE.match(lines[body_start - 1].text)
        and _name_line(lines[body_start - 2])
    ):
        title_at = body_start - 2  # a toot's writer and account over it: the post has no title
    title_line = lines[title_at]
    title, site = metadata.split_site_suffix(title_line.text)
    untitled = pinned is None and _byline_over_text(lines, title_at, body_start)
    if untitled:
        # A post with no title of its own (a Facebook post): the writer's name over the date,
        # then the text. The text's first words stand in for a title, and say so.
        title = _opening_words(lines[body_start].text)
        doubts.append("the post has no title of its own: its first words were taken as one")
    # Old Reddit follows a thread's title with where it was posted: "(self.socialwork)".
    marked = _SUBREDDIT_MARK.search(title)
    if not (marked and title_at + 1 < len(lines) and comments.submitted_by(lines[title_at + 1].text)):
        marked = None
    if marked:
        title = title[: marked.start()]
    post = Post(title=title, source_path=path, position=1, line=title_line.number)
    if untitled:
        post.author = _name_of(title_line)
    if marked:
        post.provenance["posted_in"] = marked["where"]
    read = SingleRead(post, dropped, sure=sure, doubts=doubts, section=section, title_evidence=bool(sure))
    if site:
        post.source = site

    # The browser's "Title | Site" line at the top is metadata, and so is the site in it.
    above = lines[:title_at]
    _, first_site = metadata.split_site_suffix(lines[0].text) if title_at else ("", None)
    date_found: FoundDate | None = None
    date_line = 0
    if first_site and title_at:
        post.provenance["page_title"] = lines[0].text
        post.source = post.source or first_site
        above = above[1:]
    # A date line right above the title (Blogger prints the day first), menus aside.
    up = len(above) - 1
    while up >= 0 and _nav_like(above[up].text) and header_fact(above[up]) is None:
        up -= 1
    if up >= 0:
        fact = header_fact(above[up])
        # A forum poster's "Joined: …" over the thread's title is their profile, not the post's date.
        # The writer's name over "Posted on …", both above the title (Forem): the post's byline.
        named = up > 0 and _name_line(above[up - 1]) and not _nav_like(above[up - 1].text)
        if (
            fact is not None
            and fact.date is not None
            and (named or not _BOUND_HEADER.match(above[up].text))
            and not comments.is_furniture(above[up].text)
        ):
            date_found, date_line = fact.date, above[up].number
            post.author = post.author or fact.author
            if named and _BOUND_HEADER.match(above[up].text) and not post.author:
                post.author = _name_of(above[up - 1])
                dropped.append(Dropped(above[up - 1].number, above[up - 1].text, "post header (its author)"))
                above = above[: up - 1] + above[up:]
                up -= 1
            dropped += [Dropped(line.number, line.text, "post navigation") for line in above[up + 1 :]]
            above = above[:up]
            if (
                not post.author
                and len(above) >= 2
                and _name_line(above[-1])
                and _PICTURE.match(above[-2].text)
            ):
                # "Writer's picture" over a name over the date, above the title (Wix): the author's.
                post.author = _name_of(above[-1])
                dropped.append(
                    Dropped(above[-2].number, above[-2].text, "post header (the author's picture)")
                )
                above = above[:-2]
            elif (
                not post.author and len(above) >= 2 and _BADGE.match(above[-1].text) and _name_line(above[-2])
            ):
                # The poster's name over their badge over the date (a Facebook group's "Admin").
                post.author = _name_of(above[-2])
                dropped += [
                    Dropped(line.number, line.text, "post header (its author)") for line in above[-2:]
                ]
                above = above[:-2]
    masthead = bool(above) and not any(d.line < above[0].number for d in chrome)
    # The blog's user name heads the page, or is repeated in its header ("locum_lass (locum_lass) wrote,").
    under_title = {line.text for line in lines[title_at + 1 : body_start]}
    follow = {d.line - 1 for d in chrome if d.text.strip("+ ").lower() in _FOLLOW}
    handle = next(
        (
            line.text
            for n, line in enumerate(above)
            if _HANDLE.match(line.text)
            and (
                (n == 0 and masthead)
                or any(line.text in other.text for other in above if other is not line)
                # Again under the title (LiveJournal's poster), or over a "Follow" button (Tumblr).
                or line.text in under_title
                or line.number in follow
            )
        ),
        None,
    )
    if handle is None:
        # The user name may have gone with the buttons round it ("Log in", "Follow").
        handle = next((d.text for d in chrome if _HANDLE.match(d.text) and d.line in follow), None)
    if handle and not post.author:
        # A Tumblr or LiveJournal page opens with the blog's user name: its author.
        post.author = handle
        post.notes.append(f"the user name '{handle}' heading the page is the author")
    over_title = _labels_over_title(above, title_line)
    if above and above[-1].text.startswith("#") and _HASHTAGS.match(above[-1].text):
        # "#careleavers #leavingcare" over a video's title (YouTube): its tags.
        post.tags += [tag for tag in metadata.hashtags(above[-1].text) if tag not in post.tags]
        post.notes.append(f"the hashtags above the title (line {above[-1].number}) are its tags")
        dropped.append(Dropped(above[-1].number, above[-1].text, "hashtags above the title (its tags)"))
        above = above[:-1]
        over_title = []
    if over_title:
        # "Categories" over "Practice, Supervision" above the title (Twenty Twenty).
        post.category = post.category or over_title[0]
        post.tags += [tag for tag in over_title[1:] if tag not in post.tags]
        post.notes.append(
            f"the labels '{above[-1].text}' above the title (line {above[-1].number}) are its categories"
        )
        dropped += [Dropped(line.number, line.text, "page header (site name, menus)") for line in above[:-2]]
    elif (
        len(above) == 1
        and title_like(above[0], max_chars=40, max_words=5)
        and not masthead
        and not _SITE_BADGE.match(above[0].text)
    ):
        post.category = above[0].text
        post.notes.append(
            f"the label '{above[0].text}' above the title (line {above[0].number}) is its category"
        )
    elif above and (labels := metadata.footer_line(above[-1].text)) is not None and labels.categories:
        # "Posted in Practice" over the title: the post's category, printed as a header.
        metadata.apply_footer(post, labels)
        dropped += [Dropped(line.number, line.text, "page header (site name, menus)") for line in above[:-1]]
    elif (
        len(above) > 1
        and title_line.number - above[-1].number == 1
        and above[-1].blanks_before >= 1
        and title_like(above[-1], max_chars=30, max_words=3)
        # In capitals ("PRACTICE") it is still a label, packed against the title as it is.
        and not _nav_like(above[-1].text.capitalize())
        and not _name_line(above[-1])
        and not _SITE_BADGE.match(above[-1].text)
    ):
        # Ghost's primary tag: a label set off from the menus and packed against the title;
        # "Forums: Residential care" (Drupal) gives its value.
        labels = footer_fact(above[-1])
        post.category = labels.tags[0] if labels is not None and labels.tags else above[-1].text
        post.notes.append(
            f"the label '{above[-1].text}' just above the title (line {above[-1].number}) is its category"
        )
        dropped += [Dropped(line.number, line.text, "page header (site name, menus)") for line in above[:-1]]
    else:
        dropped += [Dropped(line.number, line.text, "page header (site name, menus)") for line in above]

    # The post's header, between the title and the text: date lines, bylines, a standfirst.
    # Other lines there are furniture when saved packed, as menus and buttons are; lines
    # set apart by blank lines are the post's own and start its body.
    # Only the lines under the header count: a standfirst and a byline above it are its own.
    last_header = max((i for i in range(title_at + 1, body_start) if header_fact(lines[i])), default=title_at)
    gap = [line for line in lines[last_header + 1 : body_start] if header_fact(line) is None]
    packed = sum(1 for line in gap if line.blanks_before == 0)
    keep_from = body_start
    if gap and packed * 2 < len(gap):
        # A comment count right under the date ("5 Comments", Weebly) belongs to the header too.
        while last_header + 1 < body_start and (
            _header_or_count(lines[last_header + 1]) is not None
            or _HEADER_LINK.match(lines[last_header + 1].text)
            # The caption of a picture the copy does not have, credit and all.
            or _CREDITED_CAPTION.match(lines[last_header + 1].text)
        ):
            last_header += 1
        keep_from = last_header + 1
    # "Disclosure statement" and "Partners" with a paragraph each over the text (The
    # Conversation): the publisher's notes on its authors, not the post.
    while keep_from < stop:
        if _DISCLOSURE.match(lines[keep_from].text) and keep_from + 1 < stop:
            heading = lines[keep_from]
            dropped.append(Dropped(heading.number, heading.text, "post header (disclosure)"))
            keep_from += 1
        elif keep_from == 0 or not _DISCLOSURE.match(lines[keep_from - 1].text):
            break
        end_of = keep_from + 1
        while end_of < stop and lines[end_of].blanks_before == 0:
            end_of += 1
        notes = lines[keep_from:end_of]
        dropped += [Dropped(line.number, line.text, "post header (disclosure)") for line in notes]
        keep_from = end_of
        body_start = max(body_start, keep_from)
    header_name: Line | None = None  # the first name among the header's lines
    label_under: Line | None = None  # a short label under the title
    pills = _header_pills(lines, title_at + 1, keep_from)
    if pills:
        post.tags += [lines[j].text for j in pills if lines[j].text not in post.tags]
        first, last = lines[pills[0]].number, lines[pills[-1]].number
        post.notes.append(f"the short lines {first}-{last} under the byline are its tags")
    for i in range(title_at + 1, keep_from):
        line = lines[i]
        if i in pills:
            continue
        fact = header_fact(line)
        if fact is not None:
            if fact.date is not None and _UPDATED.match(line.text):
                # "Last Updated: 02 April 2013" (Joomla) is kept, but never dates the post.
                post.provenance["updated"] = line.text
            elif fact.date is not None and date_found is None:
                date_found, date_line = fact.date, line.number
            if fact.author:
                post.author = post.author or fact.author
            if fact.label == "byline with an age":
                post.provenance.setdefault("byline", line.text)  # an age, not a date: kept as printed
            post.tags += [tag for tag in fact.tags if tag not in post.tags]
            if fact.comments is not None and post.comments is None:
                post.comments = fact.comments  # "· 3 comments" in the byline (b2evolution)
            if fact.date is None and fact.author is None:
                dropped.append(Dropped(line.number, line.text, "post header furniture"))
            continue
        if line.parts and i == title_at + 1:
            # "Practice & Supervision  asye  caseloads" under the title (Discourse): its
            # category and tags, pasted with wide gaps between them.
            post.tags += [part for part in line.parts if part not in post.tags]
            continue
        if (
            line.text.lower().rstrip(": ") == "from"
            and i + 1 < keep_from
            and not is_prose(lines[i + 1])
            and len(lines[i + 1].text.split()) <= 12
        ):
            # GOV.UK's "From:" over the department (and minister) that published it.
            post.author = post.author or lines[i + 1].text
            dropped.append(Dropped(line.number, line.text, "post header (its author)"))
            continue
        if _BYLINE_LABEL.match(line.text) and i + 1 < keep_from and _name_line(lines[i + 1]):
            # "Written by" over "Daniela Moorcroft" (Webflow): the name is the byline. Under
            # "Authors", each name over its affiliation (The Conversation): all of them.
            names = [_name_of(lines[i + 1])]
            if line.text.lower().startswith("authors"):
                j = i + 2
                while j < keep_from and lines[j].blanks_before == 0:
                    if _name_line(lines[j]) and not _name_line(lines[j - 1]):
                        names.append(_name_of(lines[j]))
                    j += 1
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            post.author = post.author or joined
            dropped.append(Dropped(line.number, line.text, "post header (its author)"))
            continue
        if i == title_at + 1 and _DOT_LIST.match(line.text):
            post.tags += [tag for tag in re.split(r"\s+[·•]\s+", line.text) if tag not in post.tags]
            continue
        if _READER_LABEL.match(line.text):
            dropped.append(Dropped(line.number, line.text, "post header furniture (a label read aloud)"))
            continue
        following = _header_or_count(lines[i + 1]) if i + 1 < len(lines) else None
        before = header_fact(lines[i - 1]) if i > title_at + 1 else None
        if _DOMAIN.match(line.text) and not post.source:
            # "communitycarenotes.co.uk" under the title (Pocket, reader views): where it came from.
            post.source = line.text
            continue
        if i == title_at + 1 and _tag_under_title(lines, i):
            label_under = line
            continue
        if _publication(lines, i):
            if not _PUBLISHED_IN.match(line.text):
                post.provenance["publication"] = line.text
            dropped.append(Dropped(line.number, line.text, "post header (the publication)"))
            continue
        if _name_line(line) and header_name is None:
            header_name = line
        if _name_line(line) and not post.author and before is not None and before.date and not before.author:
            # "Published on March 3, 2017" over "Jane Doe" (LinkedIn): the name under the date.
            post.author = _name_of(line)
            continue
        if (
            _name_line(line)
            and not post.author
            and i + 2 < len(lines)
            and not lines[i + 1].blanks_before
            and not is_prose(lines[i + 1])
            and comments.is_age(lines[i + 2].text)
        ):
            # "Deborah Ansell" over her job over "Updated 6y" (Quora): the writer.
            post.author = _name_of(line)
            continue
        reading_time = i + 1 < len(lines) and _READING_TIME.match(lines[i + 1].text)
        if _name_line(line) and not post.author and reading_time:
            # "Jane Doe" over "7–9 minutes" (Firefox's reader view): the byline.
            post.author = _name_of(line)
            continue
        if _name_line(line) and not post.author and following is not None and following.date is not None:
            # "Jane Doe" over "Feb 9, 2015 · 4 min read": an author's name on its own.
            post.author = _name_of(line)
            if "," in line.text:
                post.provenance["byline"] = line.text
            continue
        count = metadata.footer_line(line.text)
        if count is not None and count.comments is not None and not count.tags:
            post.comments = count.comments
            post.comments_closed = post.comments_closed or count.closed
            continue
        labels = footer_fact(line)
        if labels is not None and labels.tags and labels.date is None and labels.author is None:
            post.tags += [tag for tag in labels.tags if tag not in post.tags]
            continue
        if count is not None and (count.tags or count.categories) and count.comments is None:
            # "Category: News" between a byline and a date (Joomla): the post's own.
            metadata.apply_footer(post, count)
            continue
        if is_prose(line) and post.summary is None and i == title_at + 1:
            post.summary = line.text
            post.notes.append(f"the standfirst under the title (line {line.number}) is the summary")
            continue
        dropped.append(Dropped(line.number, line.text, "post header furniture (between title and text)"))

    if label_under is not None and post.category is None:
        # Ghost's primary tag under the title; where the header names the category itself
        # ("Category: News"), the label is the theme's ("Details" in Joomla).
        post.category = label_under.text
        post.notes.append(
            f"the label '{label_under.text}' under the title (line {label_under.number}) is a tag"
        )
    elif label_under is not None:
        dropped.append(Dropped(label_under.number, label_under.text, "post header furniture (a label)"))
    if post.category and post.category == post.provenance.get("publication"):
        # The label above the title was the publication's name (Medium), not a category.
        post.notes.append(f"'{post.category}' above the title is the publication, not a category")
        post.category = None
    if post.author is None and section is not None:
        # A thread's opening post is headed as its replies are.
        post.author = comments.opening_author(lines[:body_start])
    if header_name is not None and post.author is None and date_found is not None:
        # A name alone between the title and the text, with the post's date there too (Medium's
        # name over "Follow" and "Published in"): the author's.
        post.author = _name_of(header_name)
        dropped[:] = [d for d in dropped if d.line != header_name.number]

    # After the article: footers hold facts; the rest is page furniture.
    tag_lines = _tag_lists(lines, text_from, end, post)
    about = next((k for k in range(stop, end - 1) if _ABOUT_THE_AUTHOR.match(lines[k].text)), None)
    if post.author is None and about is not None and _name_line(lines[about + 1]):
        # "About the author" over her name and a line about her, after the text (a newspaper's column).
        post.author = _name_of(lines[about + 1])
        post.notes.append(f"the author box under the text (line {lines[about].number}) names the author")
    for line in lines[stop:end]:
        fact = footer_fact(line)
        if fact is not None and fact.date and not (fact.tags or fact.author or fact.comments is not None):
            # A related post's date, or a comment's: recorded, and never the post's.
            dropped.append(Dropped(line.number, line.text, "after the article (a date, not the post's)"))
            continue
        if line.number not in tag_lines and not _take_footer(post, line):
            dropped.append(
                Dropped(line.number, line.text, "after the article (share, related or navigation)")
            )

    # The body's own end: its last paragraph before a packed run of short lines.
    has_text = any(is_prose(line) for line in lines[keep_from:stop])
    text_end = _text_end(lines, max(body_start, keep_from), stop) if has_text and body_start < stop else stop
    if has_text and body_start < text_end:
        text_end = _author_box(lines, max(body_start, keep_from), text_end)
        text_end = _signature(lines, max(body_start, keep_from), text_end)
        if (
            post.author is None
            and text_end + 1 < stop
            and _ABOUT_THE_AUTHOR.match(lines[text_end].text)
            and _name_line(lines[text_end + 1])
        ):
            post.author = _name_of(lines[text_end + 1])
            post.notes.append(
                f"the author box under the text (line {lines[text_end].number}) names the author"
            )
        # The byline's affiliation printed again at the end with a line about it ("Local
        # Democracy Reporting Service" over how it is funded): the publisher's note.
        header_lines = {
            d.text for d in dropped if d.reason.startswith("post header") and len(d.text.split()) <= 8
        }
        from_line = max(body_start, keep_from) + 1
        again = next((k for k in range(from_line, text_end) if lines[k].text in header_lines), None)
        if again is not None and text_end - again <= 3:
            text_end = again
        # "Thanks for reading! Subscribe for free …" closing the text is the newsletter's box.
        while text_end - 1 > max(body_start, keep_from) and (
            _SIGN_UP_CALL.search(lines[text_end - 1].text) or _CALL_TO_ACTION.match(lines[text_end - 1].text)
        ):
            text_end -= 1
    # The site's name again (a footer's masthead), or the author's name alone (an author card),
    # after the text has begun: the page's furniture starts there.
    masts = {
        line.text for line in lines[:title_at] if not _nav_like(line.text) and len(line.text.split()) >= 2
    }
    text_from_here = max(body_start, keep_from) + 1
    card = next(
        (
            i
            for i in range(text_from_here, text_end)
            if lines[i].text in masts or (post.author and _names_author(lines[i], post.author))
        ),
        None,
    )
    if card is None and text_end == stop and stop < end and _END.match(lines[stop].text):
        card = stop  # the post navigation ("Newer Post", "Older Post") straight after the text
    if card is None and text_end == stop == len(lines):
        # Tags one a line, packed together, as the page's very last lines (Medium saved to its end).
        first = stop
        while first - 1 > text_from_here and stop - first < 5 and _pill(lines[first - 1]):
            first -= 1
        if stop - first >= 2 and all(line.blanks_before == 0 for line in lines[first + 1 : stop]):
            card = stop
    if card is not None:
        # Tags printed one a line just above an author card (Medium) or the post navigation
        # (Squarespace) are the post's, not its text.
        text_end = card
        while text_end - 1 > text_from_here and _pill(lines[text_end - 1]):
            text_end -= 1
        if not (card - text_end >= 2 or (card - text_end == 1 and _GLUED.search(lines[text_end].text))):
            text_end = card
    first_tag = next((k for k in range(text_from_here, text_end) if lines[k].number in tag_lines), None)
    if first_tag is not None and not any(
        is_prose(line) and line.number not in tag_lines for line in lines[first_tag:text_end]
    ):
        text_end = first_tag  # "Tags:" over their list at the text's end: not its last paragraph
    if not tag_lines:
        tag_lines = _tag_pills(lines, text_end, stop, post)
    for line in lines[text_end:stop]:
        if line.number not in tag_lines and not _take_footer(post, line, date_holder=read):
            dropped.append(
                Dropped(line.number, line.text, "after the article (author box, tags, sign-up, sidebar)")
            )
    if any(is_prose(line) for line in lines[text_end:stop]):
        doubts.append("paragraphs after the article's end were taken as page furniture")
    body = list(lines[keep_from:text_end])
    kept_tags, groups = len(post.tags), []
    while body and (
        _take_original(post, body[-1], read)
        or _take_footer(post, body[-1], date_holder=read)
        or _footer_link(body, read)
    ):
        body.pop()
        groups.append(post.tags[kept_tags:])
        kept_tags = len(post.tags)
    if len(groups) > 1:
        # Read from the last line up: the tags go back into the page's order.
        start = kept_tags - sum(len(group) for group in groups)
        post.tags[start:] = [tag for group in reversed(groups) for tag in group]
    tail: list[Line] = []
    while body and link_like(body[-1]) and not metadata.source_line(body[-1].text):
        tail.insert(0, body.pop())
    # Link lists are saved one per line with no blank lines between; paragraphs are not.
    packed = sum(1 for line in tail[1:] if line.blanks_before == 0)
    # A list under its lead-in ("Information evenings:") is the text's, short as its lines are.
    introduced = bool(tail) and tail[0].text.endswith(":") and not _TAG_HEADING.match(tail[0].text)
    if len(tail) >= 3 and packed * 2 >= len(tail) - 1 and not introduced:
        # A byline or a labels line packed among them is the post's footer (Blogger's dynamic
        # views: "Posted 3rd May 2014 by NAME", "Labels: …"); a date alone may be a related post's.
        for line in tail:
            fact = footer_fact(line)
            owned = fact is not None and bool(fact.author or fact.tags or fact.comments is not None)
            owned = owned or metadata.footer_line(line.text) is not None
            if not (owned and _take_footer(post, line, date_holder=read)):
                dropped.append(Dropped(line.number, line.text, "page footer (links after the article)"))
    else:
        body += tail
    while body and _take_footer(post, body[-1], date_holder=read):
        body.pop()
    if body and post.author and _author_bio(body[-1].text, post.author) and len(body) > 1:
        # "• Jo Bell is a former assistant director …" under a column (the Guardian): the
        # writer's note, kept as a fact of the post.
        post.provenance["author_bio"] = _BIO_MARKS.sub("", body[-1].text)
        read.dropped.append(Dropped(body[-1].number, body[-1].text, "the author's note (kept as author_bio)"))
        body = body[:-1]
    post.body_lines = body
    if not any(is_prose(line) for line in body):
        doubts.append("the page may not be a post at all")

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
        read.comment_lines = list(section.lines)
        if section.stated is not None and section.stated != len(section.comments):
            doubts.append(
                f"the page states {section.stated} comment(s) but {len(section.comments)} were found"
            )

    signed = _sign_off(lines, keep_from, end)
    if signed is not None:
        name, taken = signed
        post.author = post.author or name
        dropped_lines = {line.number for line in taken}
        dropped += [
            Dropped(line.number, line.text, "sign-off (the author's name is kept as the author)")
            for line in taken
            if line in post.body_lines
        ]
        post.body_lines = [line for line in post.body_lines if line.number not in dropped_lines]
    subject = _email_subject(lines)
    if subject:
        if subject.casefold() != post.title.casefold():
            # The line the title was taken from is kept beside it.
            post.provenance["subject" if title_at == subject_at else "heading"] = title_line.text
            post.title = subject
        sure.append(f"the e-mail's subject '{subject}'")
        read.title_evidence = True
        doubts[:] = [doubt for doubt in doubts if not doubt.startswith("the title was taken")]
    footer_date = read.footer_time
    if date_found is None:
        found = _email_date(lines) or _address_date(lines, post.title, chrome)
        if found is not None:
            read.footer_date, evidence = found
            sure.append(evidence)
    if date_found is None and read.footer_date is None and post.date is not None:
        # "This entry was posted on …" under the text, read with the post's footer.
        sure.append(f"the post's footer ({post.date.evidence})")
        read.date_in_header = False
    if date_found is None and read.footer_date is not None:
        date_found, date_line = read.footer_date, 0
        sure.append("a date line under the post")
        read.date_in_header = False
    if read.original_date is not None:
        if date_found is not None:
            post.provenance["reposted"] = date_found.text
        date_found, date_line = read.original_date, 0
        sure.append("the date it was first published, given under the text")
    if date_found is not None:
        if date_found.hour is None and footer_date is not None:
            date_found = FoundDate(
                date_found.when, footer_date.hour, footer_date.minute, 0, 0, date_found.text
            )
        post.date = stated_at(date_found, DateSource.EXPLICIT, f"'{date_found.text}'")
        if date_line:
            sure.append("a date in the post's header")
            read.date_in_header = True
    elif post.date is None:
        # "March 14" over the title (Windows Live Spaces): a day with no year. The year is
        # the one that puts the day just before the first comment under it, and says so.
        guessed = _yearless_date(lines[max(0, title_at - 3) : body_start], post.legacy_comments)
        if guessed is not None:
            found, evidence = guessed
            if found.hour is None and footer_date is not None:
                found = FoundDate(found.when, footer_date.hour, footer_date.minute, 0, 0, found.text)
            # Said in the front matter (date_source: inferred, date_evidence), not a doubt: the
            # comments' dates fix the year.
            post.date = stated_at(found, DateSource.INFERRED, evidence)
    _section_off_the_byline(post, lines[:title_at])
    return read


def _section_off_the_byline(post: Post, above: list[Line]) -> None:
    """ "By Imogen Treharne Society" where "Society" is one of the page's menus or its
    breadcrumb ("Blogs Home » Society » Imogen Treharne"): the section, not the name."""
    if not post.author:
        return
    words = post.author.split()
    menus = {part.strip() for line in above for part in re.split(r"\s+[»›>/|]\s+", line.text)}
    if len(words) >= 3 and words[-1] in menus:
        post.notes.append(f"'{words[-1]}' after the byline's name is the page's section, one of its menus")
        post.author = " ".join(words[:-1])


_MONTH_WORD = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december)"
)
_YEARLESS = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(?P<m1>{_MONTH_WORD})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_WORD})\.?)$",
    re.I,
)


def _yearless_date(header: list[Line], comments_under: list) -> tuple[FoundDate, str] | None:
    """A day and month with no year in the post's header, dated by the first comment under it."""
    first = next((c.date for c in comments_under if getattr(c, "date", None) is not None), None)
    if first is None:
        return None
    for line in header:
        match = _YEARLESS.match(line.text)
        if match is None:
            continue
        found = find_date(f"{match['d1'] or match['d2']} {match['m1'] or match['m2']} {first.when.year}")
        if found is None:
            continue
        year = first.when.year
        if (found.when.month, found.when.day) > (first.when.month or 0, first.when.day or 0):
            year -= 1  # the comment came in the new year
            found = find_date(f"{match['d1'] or match['d2']} {match['m1'] or match['m2']} {year}")
        if found is None:
            continue
        evidence = f"'{line.text}' has no year; {year} is the year of the first comment under it"
        evidence += f" ('{first.text}')"
        return FoundDate(found.when, None, None, 0, 0, line.text), evidence
    return None


_EMAIL_HEADER = re.compile(r"^(?:from|sent|date|to|cc|subject|reply-to):\s", re.I)
_DATED_ADDRESS = re.compile(
    r"https?://\S+?/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<slug>[\w-]*)"
)


# A user name as Tumblr and LiveJournal print it: one lower-case token ("quietcaseloads", "locum_lass").
_FOLLOW = {"follow", "follow me", "follow blog"}
# A Mastodon account: "@hvarga@social.coop".
_FEDIVERSE_HANDLE = re.compile(r"^@[\w.]+@[\w-]+(?:\.[\w-]+)+$")
_FOLLOW_WRITER = re.compile(
    r"^[Ff]ollow\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+on\s+"
    r"(?i:twitter|x|facebook|instagram|linkedin|bluesky|mastodon|threads)\b.{0,80}$"
)
# A poster's badge under their name (Facebook groups, forums): never a title.
_BADGE = re.compile(
    r"^(?:admin|administrator|moderator|group expert|top fan|top contributor|rising contributor|new member"
    r"|verified|author|original poster|op)$",
    re.I,
)
_DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|co|gov|edu|info|blog|io|news)$", re.I
)
# A user name; a domain ("sendsidebyside.org.uk", as Firefox's reader view heads a page) is a site.
_HANDLE = re.compile(
    r"^(?![a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|co|gov|edu|info|blog|io)$)[a-z][a-z0-9_.-]{3,30}$"
)
# A letter's closing ("Best wishes,", "Kind regards,"): a few words and a comma, with a name under it.
_CLOSING_LINE = re.compile(r"^[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}(?P<comma>,)?$")


def _sign_off(lines: list[Line], start: int, stop: int) -> tuple[str, list[Line]] | None:
    """A newsletter's or letter's last closing with the name under it: the name, and the lines it takes."""
    for i in range(stop - 2, start, -1):
        closing = _CLOSING_LINE.match(lines[i].text)
        # Without its comma ("Kind regards"), only at the very end of the letter.
        if (
            closing
            and _name_line(lines[i + 1])
            and (closing["comma"] or (i + 4 >= stop and not _name_line(lines[i])))
        ):
            name_line = lines[i + 1]
            taken = [lines[i], name_line]
            # The writer's role under the name ("Principal Social Worker").
            if i + 2 < stop and link_like(lines[i + 2]) and lines[i + 2].blanks_before == 0:
                taken.append(lines[i + 2])
            return name_line.text.split(",")[0], taken
    return None


def _greeting(line: Line) -> bool:
    """'Dear colleagues,', 'Hello all,': a letter's opening line."""
    match = _CLOSING_LINE.match(line.text)
    return bool(match and match["comma"]) and not _name_line(line)


def _email_subject_at(lines: list[Line]) -> int | None:
    for i, line in enumerate(lines[:8]):
        if not _EMAIL_HEADER.match(line.text):
            return None
        if line.text.lower().startswith("subject:"):
            return i
    return None


def _email_subject(lines: list[Line]) -> str | None:
    """The 'Subject:' of an e-mail pasted with its headers: the post's title."""
    for line in lines[:8]:
        if not _EMAIL_HEADER.match(line.text):
            break
        if line.text.lower().startswith("subject:"):
            subject = re.sub(r"^(?:(?:re|fwd?|fw):\s*)+", "", line.text[8:].strip(), flags=re.I)
            return subject or None
    return None


def _email_date(lines: list[Line]) -> tuple[FoundDate, str] | None:
    """A saved e-mail's 'Sent:' or 'Date:' header at the top of the page."""
    for line in lines[:8]:
        if not _EMAIL_HEADER.match(line.text):
            break
        if line.text.lower().startswith(("sent:", "date:")):
            found = find_date(line.text)
            if found is not None:
                return found, f"the e-mail's header '{line.text}'"
    return None


def _address_date(lines: list[Line], title: str, chrome: list[Dropped]) -> tuple[FoundDate, str] | None:
    """A date only in the post's own address (WordPress's /2018/02/19/slug/)."""
    from .naming import base_slug

    slug = base_slug(title)
    texts = [line.text for line in lines] + [d.text for d in chrome]
    for text in texts:
        if "/" not in text:
            continue
        for match in _DATED_ADDRESS.finditer(text):
            if match["slug"] and (match["slug"] in slug or slug.startswith(match["slug"][:20])):
                found = find_date(f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}")
                if found is not None:
                    return found, f"the post's address '{match[0]}'"
    return None


_TAG_HEADING = re.compile(
    r"^(?:tags|tagged|topics|related topics|labels|filed under|categories|category)\s*:?$", re.I
)


# The button under a list of tags one may add to (Pocket, Delicious): not a tag.
_TAG_BUTTON = re.compile(r"^(?:\+\s*)?(?:add|edit|manage)\s+(?:a\s+)?tags?$", re.I)


def _tag_lists(lines: list[Line], start: int, end: int, post: Post) -> set[int]:
    """'Tags:' on its own line with one tag a line under it: the post's tags (line numbers read)."""
    read: set[int] = set()
    # Only just after the article: a sidebar's "Categories" widget lists the blog's, not the post's.
    last_text = max((i for i in range(start, end) if is_prose(lines[i])), default=start)
    for i in range(start, min(end, last_text + 8)):
        if not _TAG_HEADING.match(lines[i].text):
            continue
        listed = _listed_under(lines, i, end)
        if listed:
            target = post.tags
            if lines[i].text.lower().startswith("categor") and post.category is None:
                post.category, listed = listed[0], listed[1:]
            target += [tag for tag in listed if tag not in target and tag != post.category]
            read |= {lines[i].number, lines[i + 1].number}
            continue
        if lines[i].text.lower().startswith("categor") and any(
            lines[k].number != lines[k - 1].number + lines[k].blanks_before + 1
            for k in range(last_text + 1, i + 1)
        ):
            continue  # page chrome (a share row) between the text and "Categories": the sidebar's widget
        j = i + 1
        while (
            j < end
            and len(lines[j].text.split()) <= 4
            and link_like(lines[j])
            and not _TAG_HEADING.match(lines[j].text)
            and not _TAG_BUTTON.match(lines[j].text)
            and not re.search(r"\(\d+\)$", lines[j].text)
            and lines[j].number - lines[j - 1].number <= 2
            # Tags saved one under the other end at a blank line (the author's blog link after them).
            and not (j > i + 2 and lines[j].blanks_before > lines[j - 1].blanks_before)
        ):
            j += 1
        if (
            j - i > 2
            and j < end
            and not lines[j].blanks_before
            and len(lines[j].text.split()) >= (8 if lines[j].text.endswith(".") else 10)
            and not _NAV_CHARS.search(lines[j].text)
        ):
            j -= 1  # the short line packed over a sentence heads it ("OGL" over the licence's terms)
        if j - i >= 2:
            target = post.tags
            if lines[i].text.lower().startswith("categor") and post.category is None:
                post.category, target = lines[i + 1].text, post.tags
                read.add(lines[i + 1].number)
            target += [
                line.text
                for line in lines[i + 1 : j]
                if line.text not in target and line.text != post.category
            ]
            read |= {line.number for line in lines[i:j]}
    return read


# The labels WordPress themes print for screen readers over a post's byline and date
# (Twenty Twenty: "Post author" over "By NAME", "Post date" over the date).
_READER_LABEL = re.compile(r"^post (?:author|date|categories|category|tags|comments)$", re.I)


def _labels_over_title(above: list[Line], title: Line) -> list[str]:
    """The labels under a "Categories" heading packed over the title: none if there is none."""
    if (
        len(above) < 2
        or not _TAG_HEADING.match(above[-2].text)
        or above[-1].blanks_before
        or title.number - above[-1].number != 1
    ):
        return []
    listed = _listed_under(above, len(above) - 2, len(above))
    if listed:
        return listed
    one = above[-2].text.lower().startswith("categor") and title_like(above[-1], max_chars=40, max_words=4)
    return [above[-1].text] if one else []


def _listed_under(lines: list[Line], i: int, end: int) -> list[str]:
    """ "Tags:" over "caseloads, newly qualified": the labels on the one line under it,
    packed against it (Twenty Twenty); none when that line is not a list of labels."""
    if i + 1 >= end or lines[i + 1].blanks_before:
        return []
    text = lines[i + 1].text
    items = [item.strip() for item in re.split(r"\s*[,;·|]\s*", text)]
    if (
        len(items) < 2
        or not all(items)
        or any(len(item.split()) > 4 or item.endswith((".", "!", "?")) for item in items)
        or _NAV_CHARS.search(text)
    ):
        return []
    return items


_REACTIONS = re.compile(r"^\d[\d,.k]*(?:\s+(?:likes?|claps?|responses?|comments?))?$", re.I)
_PILL = re.compile(r"^[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,2}$")
_LOWER_PILL = re.compile(r"^[A-Za-z][\w'’&-]*(?:\s+[\w'’&-]+){0,2}$")
_DASHES = re.compile(r"^[-–—]{1,3}$")


def _header_pills(lines: list[Line], start: int, stop: int) -> list[int]:
    """Tags one a line, packed together straight under the post's byline or date line and
    over its text (Astra, Divi): their indices, or none."""
    for i in range(start, stop):
        if header_fact(lines[i]) is None:
            continue
        if i + 1 < stop and header_fact(lines[i + 1]) is not None:
            continue  # the date over the byline: the labels are under the last of them
        j = i + 1
        while j < stop and j - i <= 8 and _pill(lines[j]) and (j == i + 1 or lines[j].blanks_before == 0):
            j += 1
        # Over the text, set apart from it (Astra, Divi) or packed against it (Squarespace).
        after_text = j < len(lines) and is_prose(lines[j])
        return list(range(i + 1, j)) if j - i - 1 >= 2 and after_text else []
    return []


def _pill(line: Line, lower: bool = False) -> bool:
    """A tag printed on a line of its own; a furniture heading ("About the author") is none.
    ``lower``: in lower case too, as Hugo's themes print tags after the text."""
    pattern = _LOWER_PILL if lower else _PILL
    return (
        bool(pattern.match(line.text))
        and not _END.match(line.text)
        and not _BYLINE_LABEL.match(line.text)
        and not _HEADER_LINK.match(line.text)
    )


# Where two links meet in a paste, a lower-case letter runs straight into a capital.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _tag_pills(lines: list[Line], start: int, stop: int, post: Post) -> set[int]:
    """Tags printed one a line straight after the article, then its likes or claps (Medium, Squarespace)."""
    j = start
    while j < stop and j - start < 8 and _pill(lines[j], lower=True) and lines[j].text != post.author:
        if j > start and lines[j].number - lines[j - 1].number > 2:
            break
        j += 1
    names = [tag for line in lines[start:j] for tag in _GLUED.split(line.text)]
    # One line of links pasted without their separators ("Care LeaversStaying PutFostering") counts too.
    if len(names) < 2:
        return set()
    # Reactions follow the pills: a count, or a like or share row already dropped as chrome.
    after = lines[j] if j < len(lines) else None
    byline = after is not None and (
        after.text == post.author or ((fact := header_fact(after)) is not None and fact.author is not None)
    )
    if (
        after is not None
        and not byline
        and not _END.match(after.text)
        and not (_REACTIONS.match(after.text) or after.number - lines[j - 1].number > 2)
        and not _DASHES.match(after.text)  # Medium's claps before any were given: "--"
    ):
        return set()
    pills = lines[start:j]
    post.tags += [name for name in names if name not in post.tags]
    post.notes.append(
        f"the short lines {pills[0].number}-{pills[-1].number} under the article are read as its tags"
    )
    return {line.number for line in pills}


# A repost's note of where and when it first appeared, under its text.
_ORIGINALLY = re.compile(
    r"^(?:this (?:post|article|piece|blog post) )?(?:was )?(?:originally|first) (?:published|posted|appeared)"
    r"\s+(?:at|on|in)\s+(?P<where>.{2,80}?),?\s+on\s+(?P<date>.{6,40}?)\.?$",
    re.I,
)


def _take_original(post: Post, line: Line, read: SingleRead) -> bool:
    """ "Originally published at SITE on DATE." closing a repost: the post's date and source."""
    match = None if read.original_date is not None else _ORIGINALLY.match(line.text)
    found = find_date(match["date"]) if match else None
    if found is None:
        return False
    read.original_date = found
    post.source = post.source or match["where"]
    post.provenance["first_published"] = line.text
    return True


# A trackback's own line ("Tracked on November 12, 2008 at 06:40 PM") dates another blog's post.
_TRACKED = re.compile(r"^tracked on\b", re.I)
# Parts of a footer no field keeps: Typepad's "Permalink" and "TrackBack (1)".
_FOOTER_LINKS = re.compile(r"\b(?:permalink|trackbacks?)\b", re.I)


_BIO_MARKS = re.compile(r"^[\s•·*_–—-]+|[\s*_]+$")


def _footer_link(body: list[Line], read: SingleRead) -> bool:
    """ "Email it", "Permalink" alone under a post's footer line (Vox): links, dropped."""
    if len(body) < 2 or not metadata.is_link_part(body[-1].text) or is_prose(body[-2]):
        return False
    read.dropped.append(Dropped(body[-1].number, body[-1].text, "post footer (a link)"))
    return True


def _author_bio(text: str, author: str) -> bool:
    """A short sentence about the post's own writer, and nothing else."""
    bio = _BIO.match(text)
    return bio is not None and bio["name"] == author and len(text.split()) <= 45


def _take_footer(post: Post, line: Line, date_holder: SingleRead | None = None) -> bool:
    fact = None if _TRACKED.match(line.text) else footer_fact(line)
    if fact is not None:
        post.tags += [tag for tag in fact.tags if tag not in post.tags]
        if fact.comments is not None and post.comments is None:
            post.comments = fact.comments
        if fact.author:
            post.author = post.author or fact.author
        if fact.date is not None and date_holder is not None:
            if fact.label == "time line":
                date_holder.footer_time = fact.date
            elif date_holder.footer_date is None:
                date_holder.footer_date = fact.date
        if date_holder is not None and _FOOTER_LINKS.search(line.text):
            reason = "post footer (its author, date, tags and counts are kept; its links are not)"
            date_holder.dropped.append(Dropped(line.number, line.text, reason))
        return True
    footer = metadata.footer_line(line.text)
    if footer is not None:
        comments_before = post.comments
        timed = footer.time and footer.date is None
        if timed and date_holder is not None and date_holder.footer_time is None:
            # "Posted at 09:41 PM in …" (Typepad): the time of the date in the post's header.
            hour, minute = footer.time
            date_holder.footer_time = FoundDate(None, hour, minute, 0, 0, line.text)
        metadata.apply_footer(post, footer)
        if comments_before is not None:
            post.comments = comments_before
        return True
    follow = _FOLLOW_WRITER.match(line.text)
    if follow is not None:
        # "Follow Sarah Okonjo on Twitter: …" under a column: its writer.
        post.author = post.author or follow["name"]
        if date_holder is not None:
            reason = "post footer (the writer's account; the name is kept as the author)"
            date_holder.dropped.append(Dropped(line.number, line.text, reason))
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
