"""Reader comments: where a page's comment section is, and each comment in it.

Every way a blog prints its comments is recognised here, in one place:

* the section's heading: WordPress "4 thoughts on “Title”", "12 Responses to
  …", "2 Comments"; Blogger "5 comments:"; a bare "Comments" or "Comments (3)";
* each comment's header: "Name says:" / "Name said..." (WordPress, Blogger,
  Kubrick, with or without "on DATE"), "Submitted by Name on DATE" (Drupal), or
  a short name line with a date line under it (Twenty Twelve and its kin);
* what surrounds them: "Reply ↓" and "Like" buttons, and the comment form
  ("Leave a Reply", "Your email address will not be published", …);
* threads, where each comment ends in a row of buttons rather than starting with
  a header: forums (phpBB's "Post by NAME » DATE", vBulletin's "#2" over
  "Old DATE" over the name, Mumsnet's "NAME · DATE"), Reddit ("level 2", a
  user name over "· 3 yr. ago", votes, "Reply Share Report Save"), LiveJournal
  ("(Reply) (Thread)"), Facebook ("Like · Reply · 3y"), LinkedIn ("Like",
  "Reply", "2 Reactions", "Report this comment") and Disqus ("NAME • 8 years
  ago", "• Reply •", "Share ›"). Their buttons, votes, ages and profile lines
  are dropped with a reason; a comment is what lies between them.

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
    # "Top comments (4)" (Forem), "View comments" (Blogger's dynamic views), "All comments".
    r"|^(?:(?:top|all|latest|newest|oldest|view)\s+)?"
    r"(?:comments?|responses?|discussion|reader comments|join the discussion)\s*(?:\((?P<n2>\d+)\))?:?$"
    # "Comments: 3" (Jimdo).
    r"|^comments?:\s*(?P<n3>\d+)$",
    re.I,
)
_SAYS = re.compile(
    r"^(?:\d+\.\s+)?(?P<author>[^\s.,!?].{0,60}?)(?:\s+on\s+(?P<date>.{6,60}?))?\s+"
    r"(?:says|said|wrote|writes|responded|replied|commented)\s*(?::|\.\.\.|…)?$",
    re.I,
)
# "Nadia Firth wrote on 12/06/2008 09:20:"
_WROTE_ON = re.compile(
    r"^(?P<author>[^\s].{0,40}?)\s+(?:wrote|said|says|commented)\s+on\s+(?P<date>.{6,60}?):?$", re.I
)
_SUBMITTED = re.compile(r"^(?:submitted|posted) by\s+(?P<author>.{1,60}?)\s+on\s+(?P<date>.+)$", re.I)
_FORM = re.compile(
    r"^(?:leave a (?:reply|comment|response)(?: to .{1,60}?)?(?:\s+cancel reply)?|post a comment"
    r"|add (?:new |a )?comment|add to the (?:discussion|conversation)|join the conversation"
    r"|write a comment\.*|start the (?:discussion|conversation)"
    r"|cancel reply|your email address will not be published\.?.*|required fields are marked.*"
    r"|(?:comment|name|email|e-mail|website|url)\s*\*?|post comment|submit comment|submit"
    r"|notify me of .{1,80}|save my name, email.{0,120}|you must be logged in to (?:post a )?comment.*"
    r"|logged in as .{1,60}|comments are closed\.?|comments (?:are )?off|enter your comment here\.*"
    r"|fill in your details below.*|rss feed for comments.*|trackback uri.*|comments rss.*"
    r"|subscribe to:? post comments.*|comment as:?.*|sign in to comment.*)$",
    re.I,
)
_BUTTON = re.compile(
    r"^(?:reply(?:\s*[↓→])?|reply(?:\s+(?:parent|thread|link))+|reply to .{1,40}"
    r"|report(?: comment)?|like|unlike|loading\.*…?|like loading\.*…?"
    r"|permalink|edit|delete|log in to reply|↓|flag|\d+ likes?|liked by \d+ (?:person|people)"
    r"|in reply to .{1,60}|(?:by )?post author|author|recommend(?:ed)?\s*(?:\d+|\(\d+\))?"
    r"|share|top|quote|report abuse"
    r"|view all comments\s*>?|sort by:?.{0,20}|\d+ repl(?:y|ies)|load more(?: comments)?(?:\.{3}|…)?"
    r"|(?:log ?in|sign in|register)(?: or (?:log ?in|sign in|register))? to (?:post|add) comments)$",
    re.I,
)
# Blogger's "Replies" opens a thread under a comment; the thread's own "Reply" button closes it.
_THREAD = re.compile(r"^replies:?$", re.I)
_POST_WORDS = re.compile(r"^(?:posted|published|written|updated)\b", re.I)
# How far below its heading a section's first comment may be (notices and sort menus between).
_FIRST_WITHIN = 8
# A hyphen divides only with spaces round it: "by Dami Okafor-Lynn - Monday, 25 January 2016".
_FORUM_BY = re.compile(r"^(?:post\s?)?by\s+(?P<author>\S.{0,40}?)(?:\s*[»|–]\s*|\s+-\s+)(?P<date>.+)$", re.I)
_NAME_DATE = re.compile(
    r"^(?:comment|reply|response) by\s+(?P<author>.{1,40}?)\s*(?:[—–|-]|\bon\b)\s*(?P<date>.{6,60})$"
    r"|^(?P<author2>[\w@][\w .'’-]{0,40}?)\s+[—–|·•]\s+(?P<date2>.{6,60})$",
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
# SharePoint's blogs sign a comment with its date first: "Posted at 07/02/2013 15:22 by NAME".
_SIGNED_AFTER = re.compile(
    r"^posted\s+(?:at|on)\s+(?P<date>[^|]*\d[^|]*?)\s+by\s+(?P<author>[^|,:\d]{1,60}?)(?P<place>)\.?$", re.I
)


def _signed(text: str) -> re.Match[str] | None:
    """A comment's signature under its text, in either order: name then date, or date then name."""
    return _SIGNATURE.match(text) or _SIGNED_AFTER.match(text)


# Not a count of views ("8.2K views", a recommended video's), which no one is called.
_NAME_LIKE = re.compile(
    r"^(?!\d[\d.,]*[km]?\s+views$)(?:[\w@][\w ,.'’&@()-]{0,40}|\(anonymous\)|\[deleted\])$", re.I
)

# How long ago a comment was written, as social sites print it: "3 yr. ago", "8 years ago", "5y".
_AGE = (
    r"(?:\d+|an?)\s+(?:sec|second|min|minute|hr|hour|day|wk|week|mo|month|yr|year)s?\.?\s+ago"
    r"|\d{1,2}(?:s|m|h|d|w|mo|y|yr)(?:\s+ago)?"
)
# The line it stands on, with the badges and edits printed beside it ("Op · 3 yr. ago").
_AGE_LINE = re.compile(
    rf"^(?:(?:op|mod|author|admin)\s*)?(?:[·•]\s*)?(?:edited\s+|updated\s+|answered\s+|written\s+)?(?:{_AGE})"
    rf"(?:\s*[·•]\s*(?:edited(?:\s+{_AGE})?|\d+\s+likes?))*(?:\s*\(edited\))?\*?$",
    re.I,
)
# "Felix Arkwright • 8 years ago" (Disqus), "Sanjay Rao 5 years ago · 0 Likes" (Squarespace).
_NAME_AGE = re.compile(
    rf"^(?P<who>[\w@(][\w .'’()→-]{{0,80}}?)\s+(?:[·•]\s*)?(?P<age>{_AGE})(?:\s*[·•]\s*\d+\s+likes?)?\*?$",
    re.I,
)
# Disqus prints the name a reply answers after the replier's, a badge between them or not.
_BADGE = re.compile(r"\s+(?:mod|op|author|admin|moderator|→|replied to)\s+", re.I)
# Old Reddit: "[–]NAME 15 points 4 years ago", "[S]" marking the thread's starter.
_OLD_REDDIT = re.compile(
    rf"^\[[–-]\]\s*(?P<author>\S+?)(?:\s*\[S\])?\s+(?:-?\d+\s+points?|\[score hidden\])"
    rf"\s+(?P<age>{_AGE})\*?$",
    re.I,
)
# New Reddit: "level 2" over each comment says how deep in the thread it is.
_LEVEL = re.compile(r"^level\s+(?P<n>\d{1,2})$", re.I)
# vBulletin numbers a thread's posts ("#2") over their date ("Old 13-03-2010, 11:02 PM").
_POST_NUMBER = re.compile(r"^#(?P<n>\d{1,4})$")
# A count that is not a name: "2 comments • 8 years ago" is a related post's, not a comment.
_COUNTED = re.compile(r"^\d+\s+(?:comments?|replies|repl(?:y|ies)|posts?|points?|likes?|votes?)\b", re.I)


# A phpBB quote box's attribution inside a post ("NAME wrote: ↑DATE"): the post's text, not a header.
_QUOTED = re.compile(r"\bwrote:\s*↑")
_EXPAND = re.compile(r"^click to expand\.*…?$", re.I)


def _quoting(lines: list[Line], i: int) -> bool:
    """A quote of an earlier post inside a forum post: phpBB's "NAME wrote: ↑DATE", or
    XenForo's "NAME said:" over the quoted words and "Click to expand..."."""
    if _QUOTED.search(lines[i].text):
        return True
    says = _SAYS.match(lines[i].text)
    if not says:
        return False
    if any(_EXPAND.match(line.text) for line in lines[i + 1 : i + 8]):
        return True
    # "bramble_sw wrote:" with no date, naming someone who posted above: their words, quoted.
    name = says["author"].strip()
    return (
        lines[i].text.rstrip(": ").lower().endswith("wrote")
        and not says["date"]
        and not (i + 1 < len(lines) and _pure_date(lines[i + 1]))
        and len(name) >= 3
        and any(name in line.text for line in lines[max(0, i - 60) : i])
    )


# What ends a thread: the page's own furniture under the last comment.
_THREAD_END = re.compile(
    r"^(?:also on .{1,80}|powered by (?:disqus|squarespace|livejournal|phpbb|vbulletin)\b.{0,80}"
    r"|made with squarespace|more posts from .{1,80}|continue browsing in .{1,80}|more articles by .{1,80}"
    r"|explore topics|return to .{1,120}|who is online|«?\s*previous thread\b.{0,40}|newer post|older post"
    r"|previous|next|recent posts|post reply|add a reply to this thread|display posts from previous.{0,80}"
    # A video page's list of other videos under the comments.
    r"|up next|autoplay|recommended videos?)$",
    re.I,
)


@dataclass(frozen=True)
class _Furniture:
    """Lines of one kind a thread prints around its comments, and whether they end a comment."""

    reason: str
    pattern: re.Pattern[str]
    closes: bool = False  # a row of buttons under a comment's text: what follows is another comment
    strong: bool = True  # seen near a heading, it shows the comments are a thread


# The buttons under a comment, in any order and joined any way: "Reply Share Report Save" (Reddit),
# "(Reply) (Parent) (Thread)" (LiveJournal), "Like · Reply · 5y · Edited" (Facebook), "Like Reply
# 2 Reactions" (LinkedIn), "3 • Reply • Share ›" (Disqus), "Add message | Report" (Mumsnet).
_BUTTON_WORDS = (
    r"reply|share|report|recommend(?:ed)?|save|hide|give award|award|permalink|embed|parent|quote"
    r"|multi-?quote|thread|link"
    r"|like|unlike|likes|comment|edited|edit|delete|flag|freeze|unfreeze|track|expand|collapse|thanks"
    r"|see translation|add message|message poster|back to top|top|reply with quote"
    r"|report this (?:comment|post)|send private message|view (?:user's )?profile|pm|www|email|translate"
    r"|upvote|downvote|vote"
)
_VOTES = r"-?\d[\d,.]*k?(?:\s+(?:reactions?|likes?|points?|votes?|upvotes?))?"
_HEARTS = re.compile(r"^[❤♥♡]\ufe0f?\s*\d[\d,.]*k?$")
_COUNT_ONLY = re.compile(rf"^(?:{_VOTES}|\d[\d,.]*k?\s+claps?|{_HEARTS.pattern[1:-1]})$", re.I)
_ONE_BUTTON = rf"\(?(?:{_BUTTON_WORDS}|{_VOTES}|{_AGE})\)?"
_BUTTON_ROW = re.compile(
    rf"^(?:[·•|]\s*)?{_ONE_BUTTON}(?:(?:\s*[·•|]\s*|\s+|(?<=\))){_ONE_BUTTON})+(?:\s*[·•|›])?$"
    r"|^[·•]\s*(?:reply|share)\s*[·•›]?$|^(?:reply|share)\s*[·•›]$"
    r"|^\((?:reply|thread|parent|link|delete|expand|collapse|freeze|unfreeze|track)\)$"
    r"|^(?:\d+\s+reactions?|report this (?:comment|post|article)|reply with quote|add message|back to top|⚑"
    r"|message withdrawn at poster's request\.?)$",
    re.I,
)
# A forum poster's name, rank and counts, printed beside each post.
_PROFILE = _Furniture(
    "comment author's forum profile",
    re.compile(
        r"^(?:(?:(?:junior|senior|new|full|regular|super|registered|elite|veteran|active|well-known)\s+)?"
        r"member"
        r"|moderator|administrator|guest|newbie|.{1,40} is (?:offline|online)|#\d{1,5}"
        r"|(?:posts|joined|join date|location|reputation|thanks|likes received|messages|rep power"
        r"|reaction score|points|gender|occupation|contact|op posts|has thanked|been thanked)"
        r":\s*.{0,60})$",
        re.I,
    ),
)
_FURNITURE = (
    _Furniture("comment buttons", _BUTTON_ROW, closes=True),
    # One button a line, or a vote count: only where a thread's stronger signs are.
    _Furniture(
        "comment buttons",
        re.compile(rf"^(?:{_BUTTON_WORDS}|[−–-]|{_VOTES})$", re.I),
        closes=True,
        strong=False,
    ),
    # Separators between them, alone on their lines.
    _Furniture("comment buttons", re.compile(r"^[•·|]$"), strong=False),
    _Furniture("comment thread depth", _LEVEL, closes=True),
    # "❤ 9" under a forum post (Discourse): its likes, which close it.
    _Furniture("comment's likes or claps", _HEARTS, closes=True),
    _Furniture("comment's age (relative to when the page was saved: no date)", _AGE_LINE),
    _Furniture(
        "comment section furniture",
        re.compile(
            r"^(?:most relevant|newest first|oldest first|top comments|all comments|newest|oldest|best"
            r"|sort(?:ed)? by:?\s*.{0,20}|sort:\s*.{0,50}|all \d+ comments|\d+% upvoted"
            r"|log in or sign up to leave a comment"
            r"|join the discussion\s*(?:…|\.{3})?|log in with|or sign up with disqus\s*\??|login|recommend"
            r"|\d+ shares?|view (?:\d+ )?(?:more |previous )?(?:comments|replies|repl(?:y|ies))(?: \(\d+\))?"
            r"|[—–-]*\s*hide replies"
            r"|show (?:\d+ )?(?:more )?repl(?:y|ies)|see more"
            r"|see (?:more|previous) comments|load more comments.{0,30}|continue this thread|→"
            r"|write a (?:public )?comment\s*(?:\.{3}|…)?|preview post comment\s*…?|avatar"
            r"|to view or add a comment,? sign in|\d+\s+(?:likes?|reactions?)"
            r"|(?:you, )?.{1,80} and \d+ others(?: like this\.?)?|edited|author|admin|mod|op|top fan|follow"
            r"|celebrate|support|love|insightful|curious|funny|[·•]?\s*(?:1st|2nd|3rd\+?)"
            r"|click to expand\.*…?"
            r"|search comments|expand comment search|comments section|(?:u/)?\S{1,40} avatar"
            r"|(?:\d+ )?more repl(?:y|ies)|watch thread|want to stay updated\?.{0,40}"
            r"|profile (?:picture|photo)(?: of .{1,60})?|.{1,60}['’]s (?:photo|picture|avatar))$",
            re.I,
        ),
        strong=False,
    ),
    _PROFILE,
    # "Re: the thread's title" over a forum reply: the thread's title again.
    _Furniture("forum reply's subject", re.compile(r"^re:\s.{1,200}$", re.I), strong=False),
)


def _furniture(text: str) -> _Furniture | None:
    if _EDITED_AGE.match(text):
        # "4 years ago (edited)" (YouTube) is an age, not a row of buttons.
        return _AGE_FURNITURE
    return next((kind for kind in _FURNITURE if kind.pattern.match(text)), None)


_EDITED_AGE = re.compile(rf"^(?:{_AGE})\s*\(edited\)$", re.I)
_AGE_FURNITURE = next(kind for kind in _FURNITURE if kind.pattern is _AGE_LINE)


# The opening post's own header on Reddit: "Posted by u/NAME", "submitted 4 years ago by NAME".
_OPENED_BY = re.compile(
    rf"^(?:posted by\s+u/(?P<user>[\w-]{{2,30}})(?:\s+(?:{_AGE}))?"
    rf"|submitted\s+(?:{_AGE})\s+by\s+(?P<submitter>[\w-]{{2,30}}))$",
    re.I,
)


def opened_by(text: str) -> str | None:
    """The user Reddit names over or under a thread's title ("Posted by u/NAME")."""
    match = _OPENED_BY.match(text)
    return (match["user"] or match["submitter"]) if match else None


def submitted_by(text: str) -> str | None:
    """The user old Reddit names under a thread's title ("submitted 4 years ago by NAME")."""
    match = _OPENED_BY.match(text)
    return match["submitter"] if match else None


def opening_author(lines: list[Line]) -> str | None:
    """Who opened a thread, from the opening post's header: headed as its replies are
    ("NAME · DATE", "Post by NAME » DATE", vBulletin's "#1"), or Reddit's "Posted by u/NAME"."""
    for i, line in enumerate(lines):
        if match := _OPENED_BY.match(line.text):
            return match["user"] or match["submitter"]
        header = (
            _name_and_date(lines, i)
            or _forum_by(lines, i)
            or _numbered(lines, i)
            or _name_over_short_when(lines, i)
        )
        if header is not None and header.number in (None, 1):
            return header.author
    return None


def is_age(text: str) -> bool:
    """How long ago, not when ("Updated 6y", "3 yr. ago"): no date, and never a title."""
    return bool(_AGE_LINE.match(text))


def is_button(text: str) -> bool:
    """A comment's button or row of buttons ("Quote", "Reply · Share"), however weak a sign."""
    kind = _furniture(text)
    return kind is not None and kind.reason == "comment buttons"


def is_furniture(text: str) -> bool:
    """A line only a thread prints around its posts: a row of buttons, an age, a profile line."""
    kind = _furniture(text)
    return kind is not None and kind.strong


def _thread_sign(lines: list[Line], i: int) -> bool:
    """A line only threads print: a row of comment buttons, an age, a depth, a forum profile."""
    kind = _furniture(lines[i].text)
    # A name over how long ago (Disqus, LinkedIn), which the thread reader takes apart.
    aged = i + 1 < len(lines) and bool(_NAME_LIKE.match(lines[i].text) and _AGE_LINE.match(lines[i + 1].text))
    return (kind is not None and kind.strong) or aged or _thread_header(lines, i) is not None


@dataclass
class Header:
    """A comment's header: who wrote it, when, and how many lines it takes."""

    author: str
    date: FoundDate | None
    size: int = 1
    depth: int | None = None  # how deep in its thread the page says it is (Reddit's "level 2")
    answers: str | None = None  # the commenter it replies to, by name (Disqus)
    number: int | None = None  # its number in a forum thread (vBulletin's "#2"); 1 is the opening post
    described: bool = False  # its second line says who the commenter is ("Social worker")


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


_REPLY_LINK_AFTER = re.compile(
    r"\s+[|·•]\s+(?:reply to (?:this )?(?:thread|topic|post)|post a reply|add (?:a )?reply|reply)$", re.I
)


def section_heading(text: str) -> int | bool | None:
    """The count a comment-section heading states, True for a heading without one, else None."""
    # "5 replies | Reply to this thread": the heading, with the thread's reply link beside it.
    text = _REPLY_LINK_AFTER.sub("", text)
    match = _SECTION.match(text)
    if not match:
        return None
    number = match["n"] or match["n2"] or match["n3"]
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
        r"\b(?:at|on|old|posted|edit|reply|permalink|said|says|utc|gmt|bst|am|pm"
        r"|mon|tue|wed|thu|fri|sat|sun)\b|[|·,:@()-]",
        " ",
        found.rest,
        flags=re.I,
    )
    return found if not rest.strip() else None


def _says(lines: list[Line], i: int) -> Header | None:
    """ "Name says:" / "Name said..." / "Name wrote:", its date on the line or under it."""
    match = _SAYS.match(lines[i].text)
    if not match or len(match["author"].split()) > 6:
        return None
    when = find_date(match["date"]) if match["date"] else None
    following = lines[i + 1] if i + 1 < len(lines) else None
    if when is None and following is not None and _pure_date(following):
        return Header(match["author"].strip(), _pure_date(following), 2)
    return Header(match["author"].strip(), when)


def _submitted(lines: list[Line], i: int) -> Header | None:
    """ "Submitted by Name on DATE" (Drupal), "Name wrote on DATE:"."""
    match = _SUBMITTED.match(lines[i].text) or _WROTE_ON.match(lines[i].text)
    if match and find_date(match["date"]) is not None:
        return Header(match["author"].strip(), find_date(match["date"]))
    return None


def _name_and_date(lines: list[Line], i: int) -> Header | None:
    """ "Comment by NAME — DATE", "NAME | DATE", "NAME · DATE" (Mumsnet)."""
    text = lines[i].text
    match = _NAME_DATE.match(text)
    if not match or len((match["author"] or match["author2"]).split()) > 5:
        return None
    when = find_date(match["date"] or match["date2"])
    author = match["author"] or match["author2"]
    if when is None or _POST_WORDS.match(text) or _COUNTED.match(author):
        return None
    return Header(author.strip(), when)


def _forum_reply(lines: list[Line], i: int) -> Header | None:
    """A forum reply: "Re: the thread's title" over "Postby NAME » DATE" (phpBB) or
    "Submitted by NAME on DATE" (Drupal)."""
    if not lines[i].text.lower().startswith("re:") or i + 1 >= len(lines):
        return None
    match = _FORUM_BY.match(lines[i + 1].text) or _SUBMITTED.match(lines[i + 1].text)
    if match:
        return Header(match["author"].strip(), find_date(match["date"]), 2)
    return None


def _forum_by(lines: list[Line], i: int) -> Header | None:
    """ "Post by NAME » DATE" on its own, under the buttons phpBB prints above it."""
    match = _FORUM_BY.match(lines[i].text)
    if match and "»" in lines[i].text and (when := find_date(match["date"])) is not None:
        return Header(match["author"].strip(), when)
    return None


def _numbered(lines: list[Line], i: int) -> Header | None:
    """vBulletin: "#2" over "Old 13-03-2010, 11:02 PM" over the poster's name."""
    match = _POST_NUMBER.match(lines[i].text)
    if not match or i + 2 >= len(lines):
        return None
    when = _pure_date(lines[i + 1])
    name = lines[i + 2].text
    if when is None or not _NAME_LIKE.match(name):
        return None
    return Header(name, when, 3, number=int(match["n"]))


def _name_rank_date_number(lines: list[Line], i: int) -> Header | None:
    """XenForo: the poster's name, their rank, the date, then the post's number ("#2")."""
    if not _NAME_LIKE.match(lines[i].text) or _is_profile(lines, i):
        return None
    j = i + 1
    while j < len(lines) and j - i <= 2 and _is_profile(lines, j) and not _POST_NUMBER.match(lines[j].text):
        j += 1
    if j + 1 >= len(lines) or (when := _pure_date(lines[j])) is None:
        return None
    number = _POST_NUMBER.match(lines[j + 1].text)
    return Header(lines[i].text, when, j + 2 - i, number=int(number["n"])) if number else None


def _level(lines: list[Line], i: int) -> Header | None:
    """New Reddit: "level 2" over the user name over "· 3 yr. ago" (and "· edited …")."""
    match = _LEVEL.match(lines[i].text)
    if not match or i + 1 >= len(lines) or not _NAME_LIKE.match(lines[i + 1].text):
        return None
    if i + 2 < len(lines) and not _AGE_LINE.match(lines[i + 2].text):
        return None
    size = 2
    while i + size < len(lines) and _AGE_LINE.match(lines[i + size].text):
        size += 1
    author = re.sub(r"^u/", "", lines[i + 1].text)
    return Header(author, None, size, depth=int(match["n"]) - 1)


def _old_reddit(lines: list[Line], i: int) -> Header | None:
    match = _OLD_REDDIT.match(lines[i].text)
    return Header(match["author"], None) if match else None


def _name_age(lines: list[Line], i: int) -> Header | None:
    """A name and how long ago, on one line (Disqus, Squarespace)."""
    text = lines[i].text
    match = _NAME_AGE.match(text)
    if match and not _COUNTED.match(match["who"]) and not _AGE_LINE.match(text):
        who = match["who"].strip(" ·•")
        author, *answers = (part.strip() for part in _BADGE.split(who, maxsplit=1))
        if len(author.split()) <= 5:
            return Header(author, None, answers=answers[0] if answers else None)
    return None


# Two to four capitalised words, none of them a day's or a month's name.
_CAPITALISED_NAME = re.compile(
    r"^(?!.*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)(?!.*\b(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){1,3}$",
    re.I,
)


_EMPTY_BRACKETS = re.compile(
    r"\s*\(\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)?\.?,?\s*\)\s*$", re.I
)
_ANONYMOUS = re.compile(r"^(?:anonymous|anon|guest|unknown)$", re.I)
_COMMENT_NUMBER = re.compile(r"^#\d{1,3}(?:\.\d{1,3})*\s+")
_NAME_LINK_WORD = re.compile(r"\s+(?:on|at|wrote|said|says|commented)\s*:?$", re.I)


def _name_then_date(lines: list[Line], i: int) -> Header | None:
    """ "Greta Halvorsen April 11, 2016" (Squarespace): a name and a date on one line, nothing else."""
    text = lines[i].text
    # "#2.1 Ruairi Castellane on 2011-02-04 18:30" (Serendipity numbers its comments).
    number = _COMMENT_NUMBER.match(text)
    if number:
        text = text[number.end() :]
    found = find_date(text)
    name = found.rest.strip(" ·•|,-–—") if found is not None else ""
    # "Tamsin Oduya on 12 March 2015 at 9:14 pm" (Textpattern): the word before the date is not the name's;
    # "Sinead Ross (Thursday, 28 September 2017 08:41)" (Jimdo): nor the brackets round it.
    name = _NAME_LINK_WORD.sub("", _EMPTY_BRACKETS.sub("", name)).strip()
    if not name or not text.startswith(name) or not (_CAPITALISED_NAME.match(name) or _ANONYMOUS.match(name)):
        return None
    return Header(name, found) if not _POST_WORDS.match(name) else None


def _name_over_date(lines: list[Line], i: int) -> Header | None:
    """A short name line with a date line under it (Twenty Twelve, Squarespace, LiveJournal)."""
    text = lines[i].text
    if i + 1 >= len(lines) or not _NAME_LIKE.match(text) or len(text.split()) > 7 or _REPLYING.match(text):
        return None
    # A badge between them ("Author", "Moderator"): the name, the badge, the date (Hashnode).
    badge = i + 2 < len(lines) and _NAME_BADGE.match(lines[i + 1].text)
    under = i + 2 if badge else i + 1
    answers, described = None, False
    if not badge and not lines[i + 1].blanks_before and (reply := _REPLYING.match(lines[i + 1].text)):
        # "Replying to Anne-Marie Doyle" between the name and the date: whom the comment answers.
        answers, under = reply["name"], i + 2
    elif not badge and _PERSON.match(text) and _described(lines, i + 1):
        described = True
        # The commenter's job or where they are from under the name, perhaps whom they
        # answer, then the date (The Conversation): "Social worker", "In reply to Jo Pryce".
        under = i + 2
        if under + 1 < len(lines) and (reply := _REPLYING.match(lines[under].text)):
            answers, under = reply["name"], under + 1
    if under >= len(lines):
        return None
    when = _pure_date(lines[under])
    # "Posted on …" under a short line is a post's header, never a comment's.
    if when is not None and not _pure_date(lines[i]) and not _POST_WORDS.match(lines[under].text):
        return Header(text, when, under - i + 1, answers=answers, described=described)
    return None


# A person's name: two to four words, each capitalised ("Mark Oyelaran", "Jo de Souza").
_PERSON = re.compile(r"^[A-Z][\w'’-]+(?:\s+(?:(?:de|van|von|da|di|le|la|al|bin|ap)\s+)?[A-Z][\w'’.-]*){1,3}$")
_REPLYING = re.compile(r"^(?:in reply to|replying to)\s+(?P<name>\S.{0,50}?)\.?$", re.I)


def _who(line: Line) -> Dropped:
    return Dropped(line.number, line.text, "comment header (who the commenter says they are)")


def _described(lines: list[Line], j: int) -> bool:
    """A short line under a commenter's name that says who they are ("Retired family
    support worker", "Care leaver, 24"), packed against it: not a name, not a date."""
    if j + 1 >= len(lines) or lines[j].blanks_before:
        return False
    text = lines[j].text
    return (
        len(text) <= 90
        and len(text.split()) <= 12
        and not text.endswith((".", "!", "?"))
        and (any(word[:1].islower() for word in text.split()) or "," in text)
        and _pure_date(lines[j]) is None
        and not _REPLYING.match(text)
    )


_NAME_BADGE = re.compile(
    r"^(?:post\s+)?(?:author|admin|administrator|moderator|mod|op|editor|staff|writer|owner|verified)$", re.I
)


_FROM = re.compile(r"^from:\s*(?P<author>\S.{0,40})$", re.I)
_DATE_KEY = re.compile(r"^date:\s*(?P<date>.{6,60})$", re.I)
_POSTED_SUBJECT = re.compile(r"^(?:post)?posted:\s*(?P<date>.+?)(?:\s+post subject:.*)?$", re.I)


def _from_and_date(lines: list[Line], i: int) -> Header | None:
    """LiveJournal's older comments: "From: NAME" over "Date: DATE"."""
    match = _FROM.match(lines[i].text)
    if not match or i + 1 >= len(lines) or not (dated := _DATE_KEY.match(lines[i + 1].text)):
        return None
    when = find_date(dated["date"])
    return Header(match["author"].strip(), when, 2) if when is not None else None


# Dotclear: "On Sunday 20 April 2014, 21:02 by Ambrose Tulliver".
_ON_DATE_BY = re.compile(r"^on\s+(?P<date>.{6,60}?),?\s+by\s+(?P<author>\S.{0,50})$", re.I)


def _on_date_by(lines: list[Line], i: int) -> Header | None:
    match = _ON_DATE_BY.match(lines[i].text)
    if not match or (when := find_date(match["date"])) is None:
        return None
    return Header(match["author"].strip(), when)


_COMMENT_FROM = re.compile(
    r"^comment from:\s*(?P<author>\S.{0,50}?)(?:\s+\[(?:visitor|member|guest|user)\])?$", re.I
)
_IN_REPLY_TO = re.compile(r"^in reply to\s+\S.{0,50}$", re.I)


def _comment_from(lines: list[Line], i: int) -> Header | None:
    """b2evolution: "Comment from: NAME [Visitor]", then "in reply to NAME" perhaps, then
    "10/04/12 @ 08:15"."""
    match = _COMMENT_FROM.match(lines[i].text)
    if not match:
        return None
    j = i + 1
    if j < len(lines) and _IN_REPLY_TO.match(lines[j].text):
        j += 1
    when = find_date(lines[j].text.replace("@", "at")) if j < len(lines) else None
    return Header(match["author"].strip(), when, j - i + 1) if when is not None else None


def _posted_under_profile(lines: list[Line], i: int) -> Header | None:
    """phpBB 2: the poster's name over their profile lines, then "Posted: DATE Post subject: …"."""
    match = _POSTED_SUBJECT.match(lines[i].text)
    if not match or (when := find_date(match["date"])) is None:
        return None
    j = i - 1
    while j >= 0 and i - j <= 6 and _is_profile(lines, j):
        j -= 1
    if j < 0 or j == i - 1 or not _NAME_LIKE.match(lines[j].text):
        return None
    return Header(lines[j].text, when)


# Discourse heads each post with the user's name over how long ago, or when, in short
# ("Nov '19", "Mar 3", "2d"), with "↩ NAME" between them when it answers someone.
_SHORT_WHEN = re.compile(
    r"^(?:[A-Z][a-z]{2,3}\.? ['’]\d\d|[A-Z][a-z]{2}\s\d{1,2}|\d{1,2}\s?[mhdw]"
    r"|\d{1,2}\s(?:mins?|hours?|days?)\sago)$"
)
_ANSWERING = re.compile(r"^↩\s*(?P<name>\S.{0,40})$")


def _name_over_short_when(lines: list[Line], i: int) -> Header | None:
    """A user name over "Nov '19", or over "↩ k_mensah_tm" and then the date (Discourse)."""
    text = lines[i].text
    if i + 1 >= len(lines) or not _NAME_LIKE.match(text) or len(text.split()) > 4:
        return None
    j, answers = i + 1, None
    if found := _ANSWERING.match(lines[j].text):
        answers, j = found["name"].strip(), j + 1
    if j < len(lines) and _SHORT_WHEN.match(lines[j].text) and not _SHORT_WHEN.match(text):
        return Header(text, None, j - i + 1, answers=answers)
    return None


def thread_post_header(lines: list[Line], i: int) -> str | None:
    """The poster's name, where a forum post's header starts at ``i`` (Discourse's layout)."""
    header = _name_over_short_when(lines, i)
    return header.author if header is not None else None


_SIGNED_IN = re.compile(r"^(?:logged|signed)\s+in\s+(?:via|with|through)\s+\w[\w+ ]{1,20}$", re.I)


def _name_over_sign_in(lines: list[Line], i: int) -> Header | None:
    """A name over "logged in via Facebook" (The Conversation, Livefyre): a comment with no date."""
    text = lines[i].text
    if i + 1 < len(lines) and _SIGNED_IN.match(lines[i + 1].text) and _NAME_LIKE.match(text):
        return Header(text, None, 2)
    return None


# Where a thread's headers are, this one is read too; alone it could be a related post's line.
_IN_THREAD_LAYOUTS = (_name_then_date,)
# Every comment-header layout, tried in order; the pairs layout only where no "says" header is.
_LAYOUTS = (_says, _submitted, _name_and_date, _forum_reply, _on_date_by)
_THREAD_LAYOUTS = (
    _forum_by,
    _numbered,
    _name_rank_date_number,
    _level,
    _old_reddit,
    _name_age,
    _from_and_date,
    _comment_from,
    _posted_under_profile,
    _name_over_sign_in,
    _name_over_short_when,
)


def _header(lines: list[Line], i: int, pairs: bool) -> Header | None:
    """A comment header at ``i``: its author, date, and how many lines it takes."""
    for layout in _LAYOUTS:
        header = layout(lines, i)
        if header is not None:
            return header
    return _name_over_date(lines, i) if pairs else None


def _thread_header(lines: list[Line], i: int) -> Header | None:
    """A header only threads print: forum posts, Reddit's and Disqus's."""
    if _QUOTED.search(lines[i].text):
        return None
    for layout in _THREAD_LAYOUTS:
        header = layout(lines, i)
        if header is not None:
            return header
    return None


def comment_header(lines: list[Line], i: int) -> Header | None:
    """A comment's header at ``i``, in any of the layouts above."""
    if header := _header(lines, i, True) or _thread_header(lines, i):
        return header
    if m := _signed(lines[i].text):
        return Header(m["author"], find_date(m["date"]))
    return None


def find_section(lines: list[Line], start: int = 0) -> CommentSection | None:
    """The comment section at or after ``start``: a heading with comment headers under it,
    a comment form with them under it, or a thread's replies."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if text.lower().startswith("re:") and _header(lines, i, False):
            return _read_from(lines, _back_over_furniture(lines, i, start))
        if _thread_opens(lines, i):
            return _read_from(lines, _back_over_furniture(lines, i, start))
        stated = section_heading(text)
        if stated is None and _SORT_MENU.match(text) and _thread_follows(lines, i, counted=False):
            section = _read(lines, i, None, _back_over_furniture(lines, i, start))
            section.dropped.append(Dropped(lines[i].number, text, "comment section heading (a sort menu)"))
            return section
        if stated is None and not is_form_line(text):
            continue
        window = range(i + 1, min(len(lines), i + 1 + _FIRST_WITHIN))
        has_comments = any(
            _header(lines, j, True)
            or _signed(lines[j].text)
            or any(layout(lines, j) for layout in _IN_THREAD_LAYOUTS)
            for j in window
        )
        form_follows = stated is True and _form_follows(lines, i)
        # Social sites print sort menus and log-in rows first: their signs may come further down.
        threaded = stated is not None and _thread_follows(lines, i, counted=stated is not True)
        if stated is not None and (has_comments or stated == 0 or form_follows):
            return _read(lines, i, None if stated is True else stated)
        if threaded:
            return _read(lines, i, None if stated is True else stated, _back_over_furniture(lines, i, start))
        if stated is not None and isinstance(stated, int) and stated > 0 and _form_follows(lines, i):
            return _read(lines, i, stated)
        if stated is None and _comments_after_form(lines, i):
            return _read(lines, i, None)
    return None


# How far below its heading a thread's first sign may be (Disqus prints ten lines of menus first).
_THREAD_WITHIN = 14


def _thread_follows(lines: list[Line], i: int, counted: bool) -> bool:
    """A thread's signs under a heading. Under a bare "Comments" or "Discussion" the article
    may follow (a forum's flair, a share row's "Comment"): its paragraphs rule the heading out."""
    for j in range(i + 1, min(len(lines), i + 1 + _THREAD_WITHIN)):
        if _thread_sign(lines, j):
            return True
        if not counted and len(lines[j].text.split()) >= 12:
            return False
    return False


def _thread_opens(lines: list[Line], i: int) -> bool:
    """A reply in a thread without a heading: a forum reply's header ("Re:" over "Post by",
    vBulletin's "#2"), or a header whose comment ends in a row of buttons."""
    text = lines[i].text
    if text.lower().startswith("re:") and any(
        _forum_by(lines, j) for j in range(i + 1, min(len(lines), i + 4))
    ):
        return True
    header = _thread_header(lines, i) or _name_and_date(lines, i)
    if header is not None and header.number is not None:
        return header.number != 1
    if header is not None:
        return _closed_by_buttons(lines, i + header.size, strong=False)
    # Any other header, or a name over its text (Facebook), needs a thread's own row of buttons.
    header = _header(lines, i, True)
    if header is not None:
        return _closed_by_buttons(lines, i + header.size, strong=True)
    named = _NAME_LIKE.match(text) and len(text.split()) <= 5 and not _furniture(text)
    return (
        bool(named)
        and i + 1 < len(lines)
        and _reads_as_text(lines[i + 1])
        and _closed_by_buttons(lines, i + 1, strong=True, reply=True)
    )


def _closed_by_buttons(lines: list[Line], first: int, strong: bool, reply: bool = False) -> bool:
    """Text from ``first``, then the buttons that end a comment (with a "Reply" among them)."""
    for j in range(first, min(len(lines), first + 12)):
        kind = _furniture(lines[j].text)
        if kind is not None and kind.closes:
            if (strong and not kind.strong) or (reply and not _REPLY_OR_AGE.search(lines[j].text)):
                return False
            return j > first  # text between the header and its buttons
        if comment_header(lines, j) is not None:
            return False
    return False


_REPLY_OR_AGE = re.compile(rf"\breply\b|(?:^|[\s·•])(?:{_AGE})\b", re.I)
# Sort menus head a thread's comments where no count does (Facebook, LinkedIn, Disqus).
_SORT_MENU = re.compile(
    r"^(?:most relevant|newest first|oldest first|top comments|all comments|sort(?:ed)? by:?\s*.{0,20})$",
    re.I,
)


def _comments_after_form(lines: list[Line], i: int) -> bool:
    """A comment form with the comments under it ("Leave a Reply" … "Post Comment", then "Name says:")."""
    j = i
    while j < len(lines) and j - i < 12 and (is_form_line(lines[j].text) or _furniture(lines[j].text)):
        j += 1
    return j < len(lines) and j > i and comment_header(lines, j) is not None


def _back_over_furniture(lines: list[Line], i: int, floor: int) -> int:
    """A thread's first reply, with the buttons under the opening post and the reply's
    profile lines above it (phpBB prints the name, "Posts:" and "Joined:" first)."""
    while i - 1 >= floor:
        above = lines[i - 1]
        kind = _furniture(above.text)
        profile_name = bool(_NAME_LIKE.match(above.text)) and _is_profile(lines, i)
        if kind is None and not is_form_line(above.text) and not profile_name:
            break
        i -= 1
    return i


def _is_profile(lines: list[Line], i: int) -> bool:
    return i < len(lines) and _furniture(lines[i].text) is _PROFILE


def _read_from(lines: list[Line], start: int) -> CommentSection:
    """A section without a heading: it starts at its first comment."""
    section = CommentSection(start=start, end=len(lines))
    _scan(lines, section, first=start)
    _link_replies(section.comments)
    return section


def _form_follows(lines: list[Line], i: int) -> bool:
    return any(is_form_line(line.text) for line in lines[i + 1 : i + 4])


def _read(lines: list[Line], start: int, stated: int | None, above: int | None = None) -> CommentSection:
    """The section under its heading at ``start``; ``above`` takes in the buttons over the heading."""
    section = CommentSection(start=start if above is None else above, end=len(lines), stated=stated)
    section.lines.append(lines[start].number)
    section.dropped += [
        Dropped(line.number, line.text, "comment buttons") for line in lines[section.start : start]
    ]
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
        match = _signed(line.text)
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
        elif not pending and re.match(r"^re:\s", line.text, re.I):
            # "Re: TITLE" over each comment (SharePoint): its subject, the post's title again.
            section.dropped.append(Dropped(line.number, line.text, "comment subject"))
        else:
            pending.append(line)
        i += 1
    # Lines after the last signature belong to the page, not to a comment.
    section.end = i - len(pending) if i >= len(lines) else i
    if i < len(lines):
        section.dropped += [Dropped(p.number, p.text, "comment section furniture") for p in pending]


def _scan(lines: list[Line], section: CommentSection, first: int) -> None:
    start = section.start
    if any(_signed(line.text) for line in lines[first : first + 40]):
        _scan_signed(lines, section, first)
        return
    if any(_thread_sign(lines, j) for j in range(first, min(len(lines), first + 40))):
        _ThreadReader(lines, section).read(first)
        return
    says_at = next(
        (
            j
            for j in range(start, len(lines))
            if _SAYS.match(lines[j].text) or _SUBMITTED.match(lines[j].text) or _WROTE_ON.match(lines[j].text)
        ),
        None,
    )
    # A thread of "NAME says:" headers reads no name over a date as a header; a pingback's
    # "… says:" under comments headed by a name over a date changes nothing above it.
    paired_at = (
        next((j for j in range(first, min(len(lines), says_at)) if _header(lines, j, pairs=True)), None)
        if says_at is not None
        else None
    )
    says = says_at is not None and paired_at is None
    current: Comment | None = None
    thread: int | None = None  # the comment a Blogger "Replies" thread answers
    i = first

    def header_at(i: int) -> Header | None:
        return _header(lines, i, pairs=not says) or next(
            (found for layout in _IN_THREAD_LAYOUTS if (found := layout(lines, i))), None
        )

    while i < len(lines):
        line = lines[i]
        header = header_at(i)
        if header:
            current = Comment(
                author=header.author, line=line.number, date=header.date, indent=line.indent, reply_to=thread
            )
            section.comments.append(current)
            section.lines += [lines[j].number for j in range(i, i + header.size)]
            for badge in lines[i + 1 : i + header.size]:
                if _UNKEPT.search(badge.text):
                    section.dropped.append(Dropped(badge.number, badge.text, "comment header (a badge)"))
            if header.described:
                section.dropped.append(_who(lines[i + 1]))
            i += header.size
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
        if _THREAD_END.match(line.text):
            break
        if (
            current is not None
            and current.paragraphs
            and _COUNT_ONLY.match(line.text)
            # A heart and a number is a count of likes wherever it stands (Discourse).
            and (_HEARTS.match(line.text) or (i + 1 < len(lines) and _BUTTON.match(lines[i + 1].text)))
        ):
            # A bare count over the comment's "Reply" (Medium's claps): the comment's likes.
            section.dropped.append(Dropped(line.number, line.text, "comment's likes or claps"))
            i += 1
            continue
        if _BUTTON.match(line.text):
            section.dropped.append(Dropped(line.number, line.text, "comment button"))
            if current is not None:
                _answer(section.comments, current, line.text)
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
                    header_at(i)
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
                unread = "comment text whose author was not found" if _reads_as_text(line) else ""
                section.dropped.append(Dropped(line.number, line.text, unread or "comment section furniture"))
                i += 1
                continue
            break
        if current.paragraphs and _buttons_between(lines[i - 1], line):
            # A row of buttons ("Like", "Reply", "Share") dropped as chrome closed the comment;
            # text after it is the page's.
            break
        current.paragraphs.append(line.text)
        section.lines.append(line.number)
        i += 1
    section.end = i


def _buttons_between(before: Line, line: Line) -> bool:
    """Two lines or more taken out between these two: a button row, dropped as the page's chrome."""
    return line.number - before.number - line.blanks_before - 1 >= 2


# What a thread's comment header says besides its author and date.
_UNKEPT = re.compile(
    rf"(?:^|\s)(?:{_AGE})\b|\bpoints?\b|\blikes?\b|^level\s+\d|^#\d|\bmember\b|→|\bmod\b"
    r"|^(?:logged|signed)\s+in\s+(?:via|with|through)\b|^↩|"
    + _SHORT_WHEN.pattern[1:-1]
    + "|"
    + _NAME_BADGE.pattern,
    re.I,
)
_IN_REPLY_TO = re.compile(r"^in reply to\s+(?P<name>.{1,60}?)\.?$", re.I)


def _answer(comments: list[Comment], comment: Comment, text: str) -> None:
    """ "In reply to NAME." under a header: the reply answers NAME's latest comment before it."""
    match = _IN_REPLY_TO.match(text)
    if match:
        comment.reply_to = _by_name(comments, comment, match["name"]) or comment.reply_to


def _by_name(comments: list[Comment], comment: Comment, name: str) -> int | None:
    """1-based index of ``name``'s latest comment before ``comment``."""
    before = comments[: comments.index(comment)] if comment in comments else comments
    wanted = name.strip().casefold()
    return next(
        (n + 1 for n in range(len(before) - 1, -1, -1) if before[n].author.casefold() == wanted), None
    )


@dataclass
class _ThreadReader:
    """Reads a thread's comments, each ended by its row of buttons.

    A comment starts at a header when the layout prints one; otherwise at the
    first line after the previous comment's buttons, its author's name, with
    a role or the name it answers under it down to its age ("3y", "8 years
    ago"). What is left after the last comment's buttons is the page's.
    """

    lines: list[Line]
    section: CommentSection
    current: Comment | None = None
    closed: bool = True  # the current comment's buttons have been seen
    pending: list[Line] = field(default_factory=list)  # lines after the buttons, the next comment's
    pairs: bool = True

    def read(self, first: int) -> None:
        lines = self.lines
        self.pairs = not any(_SAYS.match(line.text) for line in lines[first:])
        i = first
        while i < len(lines):
            line = lines[i]
            if _THREAD_END.match(line.text):
                break
            header = None if _quoting(lines, i) else self._header(i)
            if header is not None:
                self._start(header, i)
                i += header.size
                continue
            kind = _furniture(line.text)
            if self.current is None and (stated := section_heading(line.text)) is not None:
                self._heading(line, stated)
            elif kind is not None and kind.pattern is _AGE_LINE:
                self._aged(line, kind)
            elif kind is None and (when := self._dated(line)) is not None:
                self._aged(line, None, when)
            elif kind is not None or is_form_line(line.text):
                self._button(line, kind)
            elif _NAME_LIKE.match(line.text) and _is_profile(lines, i + 1):
                self._drop(line, "comment author's forum profile")
            elif self.current is not None and not self.closed:
                self._text(line)
            else:
                self.pending.append(line)
            i += 1
        # Lines after the last comment's buttons are the page's footer.
        self.section.end = self.lines.index(self.pending[0]) if self.pending else i

    def _header(self, i: int) -> Header | None:
        found = _header(self.lines, i, self.pairs) or _thread_header(self.lines, i)
        return found or next((h for layout in _IN_THREAD_LAYOUTS if (h := layout(self.lines, i))), None)

    def _drop(self, line: Line, reason: str) -> None:
        self.section.dropped.append(Dropped(line.number, line.text, reason))

    def _text(self, line: Line) -> None:
        self.current.paragraphs.append(line.text)
        self.section.lines.append(line.number)

    def _open(self, author: str, line: Line, when: FoundDate | None = None) -> Comment:
        comment = Comment(author=author, line=line.number, date=when)
        self.section.comments.append(comment)
        self.section.lines.append(line.number)
        self.current, self.closed = comment, False
        return comment

    def _start(self, header: Header, i: int) -> None:
        self._settle(closing=False)
        comment = self._open(header.author, self.lines[i], header.date)
        self.section.lines += [line.number for line in self.lines[i + 1 : i + header.size]]
        for line in self.lines[i : i + header.size]:
            if _UNKEPT.search(line.text):
                # The author is kept; how long ago, the votes and the depth are the page's furniture.
                self._drop(line, "comment header (its author is kept; its age, votes and depth are not)")
        if header.described:
            self.section.dropped.append(_who(self.lines[i + 1]))
        if header.depth is not None:
            comment.indent = header.depth  # replies are linked by depth, as indented ones are
        if header.answers:
            comment.reply_to = _by_name(self.section.comments, comment, header.answers)

    def _heading(self, line: Line, stated: int | bool) -> None:
        """ "8 Comments" under a share row's "Comment": the thread's own heading and count."""
        self._settle(closing=False)
        self._drop(line, "comment section heading")
        if stated is not True and self.section.stated is None:
            self.section.stated = stated

    def _aged(self, line: Line, kind: _Furniture | None, when: FoundDate | None = None) -> None:
        """An age or a date under a name: the lines above it since the last comment are its
        header (a role, the name it answers), or, where they read as text, the comment itself."""
        if kind is not None:
            self._drop(line, kind.reason)
        else:
            self.section.lines.append(line.number)
        named = next((k for k, other in enumerate(self.pending) if _is_name(other)), None)
        if named is None:
            return
        for other in self.pending[:named]:
            self._drop(other, "comment section furniture")
        name, *rest = self.pending[named:]
        self.pending = []
        comment = self._open(name.text, name, when)
        # An emoji marks a line as something said ("See you there 👍"), never a role.
        if any(_reads_as_text(other) or _EMOJI.search(other.text) for other in rest):
            # Facebook prints the age under the text: the comment is all there already.
            for other in rest:
                self._text(other)
            return
        for other in rest:
            if other.text == name.text:
                self._drop(other, "the comment author's name again")
            elif (answered := _by_name(self.section.comments, comment, other.text)) is not None:
                comment.reply_to = answered
                self.section.lines.append(other.number)
            else:
                self._drop(other, "the comment author's role or headline")

    def _dated(self, line: Line) -> FoundDate | None:
        """A date alone under a name and its rank (XenForo), closing the comment's header."""
        if not self.pending or not _NAME_LIKE.match(self.pending[0].text) or len(self.pending) > 3:
            return None
        when = _pure_date(line)
        if when is not None and not any(_reads_as_text(other) for other in self.pending):
            return when
        return None

    def _button(self, line: Line, kind: _Furniture | None) -> None:
        self._drop(line, kind.reason if kind is not None else "comment form")
        if self.current is not None:
            _answer(self.section.comments, self.current, line.text)
        if kind is None or not kind.closes:
            return
        if self.pending:
            self._settle(closing=True)
        elif self.current is not None and self.current.paragraphs:
            # A button under a name is a badge ("Quote" over a forum post); after the text it ends it.
            self.closed = True

    def _settle(self, closing: bool) -> None:
        """Lines read since the last comment's buttons, once it is clear what they are."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        named = next((k for k, line in enumerate(pending) if _is_name(line)), None)
        if closing and named is not None and named + 1 < len(pending):
            # Facebook, LinkedIn: the name, the text, then the buttons.
            for line in pending[:named]:
                self._drop(line, "comment section furniture")
            name, *text = pending[named:]
            self._open(name.text, name)
            for line in text:
                self._text(line)
            self.closed = True
        elif self.current is not None and len(pending) > 1:
            # More of the last comment, past a button in its middle.
            self.closed = False
            for line in pending:
                self._text(line)
        else:
            for line in pending:
                reason = "comment text whose author was not found" if _reads_as_text(line) else ""
                self._drop(line, reason or "comment section furniture")


_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def _is_name(line: Line) -> bool:
    return bool(_NAME_LIKE.match(line.text)) and len(line.text.split()) <= 5 and not _reads_as_text(line)


def _reads_as_text(line: Line) -> bool:
    """A sentence, not a name, a role or a badge."""
    return len(line.text.split()) > 10 or line.text.rstrip("\"'’”)").endswith((".", "!", "?", "…"))


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
