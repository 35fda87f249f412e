"""Reader comments: where a page's comment section is, and each comment in it.

Every way a blog prints its comments is recognised here, in one place:

* the section's heading: WordPress "4 thoughts on “Title”", "12 Responses to
  …", "2 Comments"; Blogger "5 comments:"; a bare "Comments" or "Comments (3)";
* each comment's header: "Name says:" / "Name said..." (WordPress, Blogger,
  Kubrick, with or without "on DATE"), "Submitted by Name on DATE" (Drupal), or
  a short name line with a date line under it (Twenty Twelve and its kin);
* what surrounds them: "Reply ↓" and "Like" buttons, and the comment form
  ("Leave a Reply", "Your email address will not be published", …).

A comment keeps its author, date and text; the page's stated count is kept
beside the number found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import FoundDate, find_date
from .post import Dropped, Line

_NUMBER_WORDS = {
    "no": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNT = r"(?P<n>\d+|" + "|".join(_NUMBER_WORDS) + ")"
_SECTION = re.compile(
    rf"^{_COUNT}\s+(?:comments?|responses?|thoughts?|replies|reply)(?:\s+so far)?"
    r"(?:\s+(?:on|to|for)\s+.{1,200}?)?\s*[:»]?$"
    r"|^(?:comments?|responses?|discussion|reader comments|join the discussion)\s*(?:\((?P<n2>\d+)\))?:?$",
    re.I,
)
_SAYS = re.compile(
    r"^(?:\d+\.\s+)?(?P<author>[^\s.,!?].{0,60}?)(?:\s+on\s+(?P<date>.{6,60}?))?\s+"
    r"(?:says|said|wrote|writes)\s*(?::|\.\.\.|…)?$",
    re.I,
)
# "Nadia Firth wrote on 12/06/2008 09:20:"
_WROTE_ON = re.compile(
    r"^(?P<author>[^\s].{0,40}?)\s+(?:wrote|said|says|commented)\s+on\s+(?P<date>.{6,60}?):?$", re.I
)
_SUBMITTED = re.compile(r"^(?:submitted|posted) by\s+(?P<author>.{1,60}?)\s+on\s+(?P<date>.+)$", re.I)
_FORM = re.compile(
    r"^(?:leave a (?:reply|comment|response)(?: to .{1,60}?)?(?:\s+cancel reply)?|post a comment"
    r"|add (?:new |a )?comment"
    r"|cancel reply|your email address will not be published\.?.*|required fields are marked.*"
    r"|(?:comment|name|email|e-mail|website|url)\s*\*?|post comment|submit comment|submit"
    r"|notify me of .{1,80}|save my name, email.{0,120}|you must be logged in to post a comment.*"
    r"|logged in as .{1,60}|comments are closed\.?|comments (?:are )?off|enter your comment here\.*"
    r"|fill in your details below.*|rss feed for comments.*|trackback uri.*|comments rss.*"
    r"|subscribe to:? post comments.*|comment as:?.*|sign in to comment.*)$",
    re.I,
)
_BUTTON = re.compile(
    r"^(?:reply(?:\s*[↓→])?|reply(?:\s+(?:parent|thread|link))+|reply to .{1,40}"
    r"|report(?: comment)?|like|unlike|loading\.*…?|like loading\.*…?"
    r"|permalink|edit|delete|log in to reply|↓|flag|\d+ likes?|liked by \d+ (?:person|people)"
    r"|in reply to .{1,60}|post author|author|recommend(?:ed)?\s*\d*|share|top|quote|report abuse"
    r"|view all comments\s*>?|sort by:?.{0,20}|\d+ repl(?:y|ies)|load more(?: comments)?(?:\.{3}|…)?"
    r"|(?:log ?in|sign in|register)(?: or (?:log ?in|sign in|register))? to (?:post|add) comments)$",
    re.I,
)
# Blogger's "Replies" opens a thread under a comment; the thread's own "Reply" button closes it.
_THREAD = re.compile(r"^replies:?$", re.I)
_POST_WORDS = re.compile(r"^(?:posted|published|written|updated)\b", re.I)
# How far below its heading a section's first comment may be (notices and sort menus between).
_FIRST_WITHIN = 8
_FORUM_BY = re.compile(r"^(?:post)?by\s+(?P<author>\S.{0,40}?)\s*[»|–-]\s*(?P<date>.+)$", re.I)
_NAME_DATE = re.compile(
    r"^(?:comment|reply|response) by\s+(?P<author>.{1,40}?)\s*(?:[—–|-]|\bon\b)\s*(?P<date>.{6,60})$"
    r"|^(?P<author2>[\w@][\w .'’-]{0,40}?)\s+[—–|]\s+(?P<date2>.{6,60})$",
    re.I,
)
# Typepad and others sign a comment under its text: "Posted by: NAME | DATE", and
# newspapers and community sites "Posted by NAME, TOWN at 19:03 on DATE": the author is
# the name alone, never the town or the time after it.
_SIGNATURE = re.compile(
    r"^posted by(?::\s*|\s+)(?P<author>[^|,:]{1,60}?)(?:,\s*(?P<place>[^|,:\d]{1,40}?))?"
    r"(?:\s*\|\s*|\s+at\s+|\s+on\s+)(?P<date>.*\d.*)$",
    re.I,
)
_NAME_LIKE = re.compile(r"^[\w@][\w .'’&@()-]{0,40}$")


@dataclass
class Comment:
    author: str
    line: int
    date: FoundDate | None = None
    paragraphs: list[str] = field(default_factory=list)
    reply_to: int | None = None  # 1-based index of the comment it answers
    place: str | None = None  # the town a signature gives beside the name ("Posted by NAME, TOWN at …")
    indent: int = 0  # of its header line, as saved


@dataclass
class CommentSection:
    start: int  # index of its first line (the heading, or the first comment)
    end: int  # index after its last line (before the page footer)
    stated: int | None = None  # the count the page prints
    comments: list[Comment] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # line numbers read into comments or headers

    @property
    def count(self) -> int:
        return self.stated if self.stated is not None else len(self.comments)


def section_heading(text: str) -> int | bool | None:
    """The count a comment-section heading states, True for a heading without one, else None."""
    match = _SECTION.match(text)
    if not match:
        return None
    number = match["n"] or match["n2"]
    if number is None:
        return True
    return int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]


def is_form_line(text: str) -> bool:
    return bool(_FORM.match(text))


def _pure_date(line: Line) -> FoundDate | None:
    if len(line.text) > 60:
        return None
    found = find_date(line.text)
    if found is None:
        return None
    rest = re.sub(
        r"\b(?:at|on|posted|edit|reply|permalink|said|says|utc|gmt|bst)\b|[|·,:@-]",
        " ",
        found.rest,
        flags=re.I,
    )
    return found if not rest.strip() else None


def _header(lines: list[Line], i: int, pairs: bool) -> tuple[str, FoundDate | None, int] | None:
    """A comment header at ``i``: its author, date, and how many lines it takes."""
    text = lines[i].text
    match = _SAYS.match(text)
    if match and len(match["author"].split()) <= 6:
        when = find_date(match["date"]) if match["date"] else None
        following = lines[i + 1] if i + 1 < len(lines) else None
        if when is None and following is not None and _pure_date(following):
            return match["author"].strip(), _pure_date(following), 2
        return match["author"].strip(), when, 1
    match = _SUBMITTED.match(text) or _WROTE_ON.match(text)
    if match and find_date(match["date"]) is not None:
        return match["author"].strip(), find_date(match["date"]), 1
    # "Comment by NAME — DATE", "NAME | DATE", "NAME on DATE said:".
    match = _NAME_DATE.match(text)
    if match and len((match["author"] or match["author2"]).split()) <= 5:
        when = find_date(match["date"] or match["date2"])
        author = match["author"] or match["author2"]
        if when is not None and not _POST_WORDS.match(text):
            return author.strip(), when, 1
    # A forum reply: "Re: the thread's title" over "Postby NAME » DATE".
    if text.lower().startswith("re:") and i + 1 < len(lines):
        # "Postby NAME » DATE" (phpBB) or "Submitted by NAME on DATE" (Drupal) under it.
        match = _FORUM_BY.match(lines[i + 1].text) or _SUBMITTED.match(lines[i + 1].text)
        if match:
            return match["author"].strip(), find_date(match["date"]), 2
    if pairs and i + 1 < len(lines) and _NAME_LIKE.match(text) and len(text.split()) <= 5:
        when = _pure_date(lines[i + 1])
        # "Posted on …" under a short line is a post's header, never a comment's.
        if when is not None and not _pure_date(lines[i]) and not _POST_WORDS.match(lines[i + 1].text):
            return text, when, 2
    return None


def comment_header(lines: list[Line], i: int) -> tuple[str, FoundDate | None, int] | None:
    """A comment's header at ``i``, in any of the layouts above."""
    return _header(lines, i, True) or (
        (m["author"], find_date(m["date"]), 1) if (m := _SIGNATURE.match(lines[i].text)) else None
    )


def find_section(lines: list[Line], start: int = 0) -> CommentSection | None:
    """The comment section at or after ``start``: a heading with comment headers under it,
    or a run of comment headers ending in a comment form."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if text.lower().startswith("re:") and _header(lines, i, False):
            return _read_from(lines, i)
        stated = section_heading(text)
        if stated is None and not is_form_line(text):
            continue
        window = range(i + 1, min(len(lines), i + 1 + _FIRST_WITHIN))
        has_comments = any(_header(lines, j, True) or _SIGNATURE.match(lines[j].text) for j in window)
        form_follows = stated is True and _form_follows(lines, i)
        if stated is not None and (has_comments or stated == 0 or form_follows):
            return _read(lines, i, None if stated is True else stated)
        if stated is not None and isinstance(stated, int) and stated > 0 and _form_follows(lines, i):
            return _read(lines, i, stated)
    return None


def _read_from(lines: list[Line], start: int) -> CommentSection:
    """A section without a heading: it starts at its first comment."""
    section = CommentSection(start=start, end=len(lines))
    _scan(lines, section, first=start)
    _link_replies(section.comments)
    return section


def _form_follows(lines: list[Line], i: int) -> bool:
    return any(is_form_line(line.text) for line in lines[i + 1 : i + 4])


def _read(lines: list[Line], start: int, stated: int | None) -> CommentSection:
    section = CommentSection(start=start, end=len(lines), stated=stated)
    section.lines.append(lines[start].number)
    _scan(lines, section, first=start + 1)
    _link_replies(section.comments)
    return section


def _signed_date(text: str) -> FoundDate | None:
    """'19:03 on 10 February 2009' as well as '10 February 2009 at 19:03'."""
    match = re.match(r"^(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s+on\s+(.+)$", text.strip(), re.I)
    return find_date(f"{match[2]} {match[1]}" if match else text)


def _scan_signed(lines: list[Line], section: CommentSection, first: int) -> None:
    """Comments whose author and date come under their text."""
    pending: list[Line] = []
    i = first
    while i < len(lines):
        line = lines[i]
        match = _SIGNATURE.match(line.text)
        if match:
            comment = Comment(
                author=match["author"].strip(),
                line=line.number,
                date=_signed_date(match["date"]),
                place=(match["place"] or "").strip() or None,
            )
            comment.paragraphs = [p.text for p in pending]
            section.comments.append(comment)
            section.lines += [p.number for p in pending] + [line.number]
            pending = []
        elif is_form_line(line.text) or (pending and is_form_line(line.text)):
            break
        elif _BUTTON.match(line.text):
            section.dropped.append(Dropped(line.number, line.text, "comment button"))
        else:
            pending.append(line)
        i += 1
    # Lines after the last signature belong to the page, not to a comment.
    section.end = i - len(pending) if i >= len(lines) else i
    if i < len(lines):
        section.dropped += [Dropped(p.number, p.text, "comment section furniture") for p in pending]


def _scan(lines: list[Line], section: CommentSection, first: int) -> None:
    start = section.start
    if any(_SIGNATURE.match(line.text) for line in lines[first : first + 40]):
        _scan_signed(lines, section, first)
        return
    says = any(
        _SAYS.match(line.text) or _SUBMITTED.match(line.text) or _WROTE_ON.match(line.text)
        for line in lines[start:]
    )
    current: Comment | None = None
    thread: int | None = None  # the comment a Blogger "Replies" thread answers
    i = first
    while i < len(lines):
        line = lines[i]
        header = _header(lines, i, pairs=not says)
        if header:
            author, when, size = header
            current = Comment(author=author, line=line.number, date=when, indent=line.indent, reply_to=thread)
            section.comments.append(current)
            section.lines += [lines[j].number for j in range(i, i + size)]
            i += size
            continue
        if is_form_line(line.text) or (current is None and section_heading(line.text) is not None):
            section.dropped.append(Dropped(line.number, line.text, "comment form"))
            i += 1
            # The form's labels run on; the comments are over once one is found.
            while i < len(lines) and is_form_line(lines[i].text):
                section.dropped.append(Dropped(lines[i].number, lines[i].text, "comment form"))
                i += 1
            if section.comments or i >= len(lines) or not _header(lines, i, pairs=not says):
                section.end = i
                return
            continue
        if current is not None and _THREAD.match(line.text):
            section.dropped.append(Dropped(line.number, line.text, "comment thread heading"))
            thread = thread or len(section.comments)
            i += 1
            continue
        if _BUTTON.match(line.text):
            section.dropped.append(Dropped(line.number, line.text, "comment button"))
            if thread is not None and line.text.lower().startswith("reply"):
                thread = None
            i += 1
            following = lines[i] if i < len(lines) else None
            # "Post author" or "Like" under a name is a badge; after the text, a button closes it.
            if (
                following is not None
                and current is not None
                and current.paragraphs
                and not (
                    _header(lines, i, pairs=not says)
                    or _BUTTON.match(following.text)
                    or _THREAD.match(following.text)
                    or is_form_line(following.text)
                )
            ):
                # A button closes a comment; text after it is the page, not the comment.
                section.end = i
                return
            continue
        when = _pure_date(line) if current is not None else None
        if when is not None and current.date is None and current.paragraphs:
            current.date = when
            section.lines.append(line.number)
            i += 1
            if i < len(lines) and not _header(lines, i, pairs=not says):
                # A date under the text closes a comment (Blogger); what follows is the page.
                section.end = i
                return
            continue
        if current is None:
            # "Sort by: Oldest", "View all comments": the section's own furniture before the first comment.
            if i - section.start <= _FIRST_WITHIN:
                section.dropped.append(Dropped(line.number, line.text, "comment section furniture"))
                i += 1
                continue
            break
        current.paragraphs.append(line.text)
        section.lines.append(line.number)
        i += 1
    section.end = i


def _link_replies(comments: list[Comment]) -> None:
    for index, comment in enumerate(comments):
        # A reply is indented under the comment it answers (threaded themes).
        if comment.indent:
            parent = next((j for j in range(index - 1, -1, -1) if comments[j].indent < comment.indent), None)
            if parent is not None:
                comment.reply_to = parent + 1
                continue
        if not comment.paragraphs or not comment.paragraphs[0].startswith("@"):
            continue
        target = comment.paragraphs[0][1:].lower()
        for earlier in range(index - 1, -1, -1):
            if target.startswith(comments[earlier].author.lower()):
                comment.reply_to = earlier + 1
                break
