"""Step 2: drop the page chrome a scraper saved along with the post.

Only whole lines that are clearly furniture of the web page (cookie banners,
share widgets, image placeholders, related-links headings) are dropped, and
each one is returned so the report can list it. Anything doubtful stays.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace

from .post import Dropped, Line

_SHARE_TARGETS = "facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|pocket|email|tumblr|telegram|print"
# The entries of a share menu that name no service: Blogger's "Get link … Other Apps"
# under every title since 2017, and their kin. The one list of such platform words.
_SHARE_MENU = "get link|copy link|other apps|more options|share this|share|like|like comment share"

_CMS_LINK = (
    r"(hits|views|reads|likes|kudos):?\s*(\d[\d,]*|\(\d[\d,]*\))|\d[\d,]*\s+(hits|views|reads)"
    r"|email (a|this) link|email to a friend"
)
# Drupal's link under a post; alone under a reply it closes the reply, so comments.py reads it there.
_LOGIN_LINK = r"(log ?in|sign in|register)( or (log ?in|sign in|register))? to (post|add) comments"


@dataclass(frozen=True)
class Rule:
    """Lines of one kind of chrome: those ``pattern`` matches whole, up to ``longest`` characters."""

    reason: str
    pattern: re.Pattern[str]
    longest: int | None = None  # part of the rule: a longer line is never this chrome
    # Lower-case characters every line the pattern matches contains (after
    # str.lower), so a page without them skips the rule. Never i, s or µ:
    # case-blind matching also takes ı, ſ and μ for them, which lower() keeps.
    needs: str = ""


_RULES: list[Rule] = [
    Rule(
        "cookie banner",
        re.compile(r"^cookie (consent|notice|settings|policy)\b.{0,80}$", re.I),
        needs="cook",
    ),
    Rule(
        "cookie banner",
        re.compile(
            r"^(?=.*\b(website|site|browsing|experience|consent)\b).*\bcookies\b.*$"
            r"|^(accept|reject|allow) (all )?cookies$",
            re.I,
        ),
        longest=200,
        needs="cook",
    ),
    Rule("share widget", re.compile(rf"^connecting to ({_SHARE_TARGETS})(\.{{3}}|…)?$", re.I)),
    Rule(
        "share widget",
        re.compile(
            rf"^(share|share this( post| article)?|share on ({_SHARE_TARGETS})"
            rf"|click to (share|email|print)( this)?( on ({_SHARE_TARGETS}))?.{{0,30}}"
            rf"|share (via|on|to) \w+|reuse this content|email this\s*blogthis!?\s*(share to \w+\s*)*"
            rf"|(like|follow|find|join) us on ({_SHARE_TARGETS}|instagram|youtube|threads|bluesky)"
            rf"|tweet|like this|like loading(\.{{3}}|…)|({_SHARE_TARGETS})|({_SHARE_MENU})"
            # A row of them joined by dots or bars: "Like · Comment · Share". A row with "Reply"
            # in it is a comment's, which comments.py reads as the end of that comment.
            rf"|(like|comment|share)(\s*[·|]\s*(like|comment|share))+"
            # "Share this: Twitter | Facebook | LinkedIn | Email": the services in a row.
            rf"|(share( this( post| article| page)?)?:?\s*)?({_SHARE_TARGETS})"
            rf"(\s*[|·,/]\s*({_SHARE_TARGETS}))+)[:.]?$",
            re.I,
        ),
    ),
    # Base64 image data and upload ids left where an <img> was: "Image Update
    # 9427e17bf66e4f1a 1368763505 9j 4aaqsk" ("/9j/4AAQSk" starts every JPEG).
    Rule("image placeholder", re.compile(r"^(image|img|photo)\b.{0,60}\b[0-9a-f]{12,}\b.*$", re.I)),
    Rule("image placeholder", re.compile(r"^.{0,80}\b9j 4aaqsk\b.*$", re.I), needs="4aaq"),
    # A text browser's note of a picture or a player where the page had one.
    Rule(
        "image placeholder",
        re.compile(
            r"^\[(image|img|photo|picture|video|audio|(episode )?artwork|illustration|graphic|chart|map|logo)"
            r"\b[^\]]{0,120}\]$",
            re.I,
        ),
    ),
    Rule("media player", re.compile(r"^(play|pause)\s+\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}\b.{0,40}$", re.I)),
    # An image's alt text with its srcset width ("Shutterstock Yellow Paper 1620w").
    Rule("image placeholder", re.compile(r"^[\w .,&'’-]+ \d{3,4}w$"), longest=80),
    Rule(
        "related-links widget",
        re.compile(
            # Not "Related topics" over the post's own labels (a newspaper's tags).
            r"^(more from|related(?! (topics?|documents|downloads):?$)( posts| articles)?|you may also like"
            r"|read more)"
            r"( .{1,40})?:?$",
            re.I,
        ),
    ),
    # A link to another story set between a news story's paragraphs: "READ MORE: Foster carers quit".
    # A headline, not a sentence: no full stop at its end.
    Rule(
        "related-links widget",
        re.compile(
            r"^((read more|also read|read also|related|recommended|most read|trending|watch|listen)"
            r"\s*:\s+(?!.*\.$).{3,110}"
            r"|(the )?(story|article) continues (below|after)( (the )?(advert(isement)?|ad))?)$",
            re.I,
        ),
        longest=130,
    ),
    Rule(
        "navigation",
        re.compile(
            r"^(skip to (main )?content|loading(\.{3}|…)"
            # Blogger's "skip to main | skip to sidebar".
            r"|skip to (main|content|sidebar|navigation|footer|search)( content)?"
            r"(\s*\|\s*skip to (main|content|sidebar|navigation|footer|search)( content)?)*)$",
            re.I,
        ),
    ),
    # A news site's links under a story: "Suggest a correction", "Print this page".
    Rule(
        "article tools",
        re.compile(
            r"^((suggest|submit|report) (a|an) (correction|error|typo|inaccuracy)"
            r"|spotted (a|an) (error|mistake)\??|(print|email|save) this (page|article|story|post)"
            r"|print (article|page|story)|printer[- ]friendly version)$",
            re.I,
        ),
    ),
    # A charity's or company's legal lines in a footer.
    Rule(
        "legal notice",
        re.compile(
            r"^(.{1,80}\bis a registered charity\b[^.]{0,120}\b(sc)?\d{6,8}\b.{0,100}"
            r"|registered (charity|company)( (no\.?|number))?:?\s*[\w ]{4,20}|registered office:?\s.{5,120}"
            r"|(a )?company limited by guarantee\b.{0,160})$",
            re.I,
        ),
        longest=260,
    ),
    # The site's word under every guest post: "Views expressed in … are those of the author and
    # do not necessarily reflect …". An author's own "my views, not my employer's" is kept.
    Rule(
        "disclaimer",
        re.compile(
            r"^(the )?(views|opinions) expressed (in|on|here|by)\b.{0,80}\bare (those )?of the "
            r"(author|writer|contributor)s?\b.{0,40}\b(do|does) not (necessarily )?"
            r"(reflect|represent)\b.{0,100}$",
            re.I,
        ),
        longest=260,
        needs="expre",
    ),
    # A link to a file, with its type and size: "Practice guidance (PDF, 212KB)".
    Rule(
        "document link",
        # Under "Related documents" or "Downloads", which end no article: it may go on below.
        re.compile(
            r"^(.{3,120}\((pdf|word|excel|docx?|xlsx?|pptx?|odt|rtf|csv)[,\s]+\d+(\.\d+)?\s?[kmg]b\)"
            r"|(related )?(documents|downloads|attachments)( and links)?:?)$",
            re.I,
        ),
    ),
    # The ad slot WordPress.com and news sites print between paragraphs.
    Rule("advertisement", re.compile(r"^(advertisements?|report this ad|sponsored content)$", re.I)),
    Rule(
        "image credit or notice",
        re.compile(
            r"^((photo(graph)?|image|picture|illustration|header image) by\s.{1,80}"
            # "Photo: Frontline Practice Weekly / posed by models".
            r"|(photo(graph)?|image|picture|pic|illustration)( credit)?:\s[^.]{0,80}?posed by models?"
            r"[^.]{0,40}"
            r"|this article is more than \d+ (years?|months?) old"
            r"|.{1,200}\. (photograph|photo|image|picture): [^.]{1,60})$",
            re.I,
        ),
        longest=270,
    ),
    Rule(
        "sign-up box",
        re.compile(
            r"^(subscribe|sign up|join \d[\d,]* other (followers|subscribers)"
            r"|(enter|type) your email( address)?|get (the latest|new) posts"
            r"|follow (this )?blog via email)\b.{0,120}$",
            re.I,
        ),
        longest=160,
    ),
    # A news site's newsletter box between the standfirst and the story: "Get the biggest
    # daily stories by email", "We will use your email address only for …".
    Rule(
        "sign-up box",
        re.compile(
            r"^(get (the |our |all the )?[\w' ]{0,40}\b(stories|news|headlines|updates|newsletters?)\b.{0,40}"
            r"\b(by|via|to|in|into) (your )?(e-?mail|inbox)\b.{0,80}"
            r"|we (will )?use your (e-?mail( address)?|sign-?up)\b.{0,220}"
            r"|.{0,100}\bsign up (to|for) our (free )?([\w ]{0,20} )?newsletters?( here)?[.!]?"
            r"|thank you for subscribing\b.{0,60}|we have more newsletters( show me)?|invalid e-?mail)$",
            re.I,
        ),
        longest=300,
    ),
    # Counters and the links a CMS prints under a post, alone or joined by bars:
    # "Hits: 1322", "» Login or register to post comments | 1243 reads".
    Rule(
        "post counters and links",
        re.compile(
            rf"^(»\s*)?({_CMS_LINK})(\s*\|\s*({_CMS_LINK}))*$"
            rf"|^(»\s*)?({_LOGIN_LINK})(\s*\|\s*({_CMS_LINK}))+$|^»\s*({_LOGIN_LINK})$",
            re.I,
        ),
        longest=120,
    ),
    # A forum thread's summary under its opening post (Discourse): "created Nov 12, 2019",
    # "last reply …", "5 replies", "1.4k views", "5 users", "23 likes", "3 links".
    Rule(
        "thread statistics",
        re.compile(
            r"^(?:last (?:reply|post|visit)\s.{2,30}"
            r"|\d[\d,.]*k?\s+(?:replies|views|users|likes|links|posters|participants))$",
            re.I,
        ),
        longest=45,
    ),
    Rule("copyright notice", re.compile(r"^(©|\(c\)|copyright\b).{0,150}$", re.I), longest=160),
    # The previous and next posts' titles: "← Older title", "Newer title →".
    Rule("post navigation", re.compile(r"^(←\s*.{1,120}|.{1,120}\s*→)$"), longest=124),
    # "< Ep. 22: Contact centres | Ep. 24: Supervising social workers >": the posts either side.
    Rule("post navigation", re.compile(r"^[<‹«]\s*.{3,100}\s\|\s.{3,100}\s*[>›»]$"), longest=210),
    # Counts of readers' reactions under a post (Tumblr's notes, Medium's claps): the list of
    # them, not the post, follows.
    # Facebook's "👍❤️ 23": the reactions' emoji and their count.
    Rule(
        "reactions",
        re.compile(
            r"^(\d[\d,.]*k? notes?|\d[\d,.]*k? claps?|👏\s*[\d,.]*k?"
            r"|(?:[^\x00-\x7f\w\s]\ufe0f?){2,6}\s*\d[\d,.]*k?)$",
            re.I,
        ),
    ),
    # Buttons and links every blog platform prints around a post.
    Rule(
        "page buttons",
        re.compile(
            r"^(sign in|sign up|join now|log ?in|log out|get started|open in app|follow|following|subscribe"
            r"|menu|top highlight"
            # Google Sites' footer and listing counter.
            r"|([\w .]+\|)+\s*powered by google sites|showing posts \d+ ?- ?\d+ of \d+\.?( view more »?)?"
            r"|reply by email"
            # Quora's buttons and labels around an answer.
            r"|view (\d[\d,.]*k? )?upvotes|view shares|answer requested by|related (questions|spaces)"
            r"|search( for:?)?|close and accept|accept and close|got it|reblog"
            r"|\d+\s+min(ute)?s?\s+read|listen|continue reading( →| »|…)?.{0,80}"
            r"|read more( →| »|…)?|(«|‹)\s*(older|newer|previous|prev|next) (entries|posts|articles|page)"
            r"|(older|newer|previous|prev|next) (entries|posts|page)\s*(»|›)|proudly powered by wordpress\.?"
            r"|back to (blog|all posts)|.{1,80} and \d+ others? like this\.?"
            r"|powered by (blogger|wordpress|drupal|tumblr|joomla!?®?)\.?|blog at wordpress\.com\.?"
            r"|[\w!.]{1,20} is free software released under the gnu general public license\.?"
            r"|(simple|awesome|ethereal|picture window|watermark) (theme|template)\. powered by blogger\.?"
            r"|theme:? .{1,40} by .{1,40}\.?|create blog\s+sign in|next blog\s*»?|back to top"
            r"|print|email this|showing \d+ results?|\d+ results?|report this (post|story|page)"
            # A video page's furniture: the channel's count, its buttons, the description's toggle.
            r"|\d[\d.,]*[km]? subscribers|clip|save|download|show (less|more)|show transcript"
            r"|follow along using the transcript\.?"
            # A feedback widget under an intranet or council page.
            r"|(was|is) this (article|page|post|information|story) (useful|helpful)\??(\s+yes\s+no)?"
            # The platform's line under an anonymous post: "Published anonymously on Write.as".
            r"|published (anonymously )?(on|with|via) (write\.as|medium|substack|telegra\.ph|tumblr|ghost))$",
            re.I,
        ),
        longest=120,
    ),
]

_LENGTHS = sorted({rule.longest for rule in _RULES if rule.longest is not None})
_NEEDS = sorted({rule.needs for rule in _RULES if rule.needs})


@functools.cache
def _matcher(length_class: int, present: frozenset[str]) -> re.Pattern[str] | None:
    """The rules a line can match, as one pattern tried in order: one regex call per line.

    ``length_class`` is how many of ``_LENGTHS`` the line is longer than;
    ``present`` is which of ``_NEEDS`` its page contains.
    """
    fits = _LENGTHS[length_class] if length_class < len(_LENGTHS) else None
    chosen = [
        f"(?P<r{i}>(?{'i' if rule.pattern.flags & re.I else ''}:{rule.pattern.pattern}))"
        for i, rule in enumerate(_RULES)
        if (rule.longest is None or (fits is not None and rule.longest >= fits))
        and (not rule.needs or rule.needs in present)
    ]
    return re.compile("|".join(chosen)) if chosen else None


def _needs_present(text: str) -> frozenset[str]:
    lower = text.lower()
    return frozenset(needs for needs in _NEEDS if needs in lower)


def _reason(text: str, present: frozenset[str]) -> str | None:
    matcher = _matcher(bisect_left(_LENGTHS, len(text)), present)
    match = matcher.match(text) if matcher else None
    return _RULES[int(match.lastgroup[1:])].reason if match else None


def chrome_reason(text: str) -> str | None:
    """Why this whole line is page chrome, or None when it is content."""
    return _reason(text, _needs_present(text))


# Chrome that comes in rows of buttons: a short label packed between two of them is one more.
_BUTTON_ROWS = {"page buttons", "share widget", "sign-up box"}


def _in_a_row_of_buttons(lines: list[Line], reasons: list[str | None], i: int) -> bool:
    """A short label saved packed between two buttons of a share row ("BlogThis!"); ``i`` is
    neither the first line nor the last."""
    text = lines[i].text
    return (
        reasons[i - 1] in _BUTTON_ROWS
        and reasons[i + 1] in _BUTTON_ROWS
        and lines[i].blanks_before == 0
        and lines[i + 1].blanks_before == 0
        and len(text) <= 25
        and len(text.split()) <= 3
        and not text.endswith((".", ",", ";", ":"))
    )


# An excerpt's link to the rest of its post, saved on the line of its last sentence:
# "The bad ones are quick. Continue reading →".
_MORE_LINK = re.compile(
    r"\s(?P<more>(?:continue reading|read more|keep reading|read the rest of this (?:entry|post))\b"
    r"[^.!?]{0,60}?(?:→|»|›|…|\.\.\.)?)$",
    re.I,
)
_MORE_WORDS = ("continue reading", "read more", "keep reading", "read the rest")


def _split_more_links(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """The text of a line that ends with a "Continue reading" link, and the link, dropped."""
    kept, dropped = [], []
    for line in lines:
        lowered = line.text[-90:].lower()
        match = _MORE_LINK.search(line.text) if any(w in lowered for w in _MORE_WORDS) else None
        text = line.text[: match.start()].rstrip() if match else ""
        if match and text.endswith((".", "!", "?", "…", '"', "”", "’", ")")) and len(text.split()) >= 3:
            dropped.append(Dropped(line.number, match["more"], "page buttons (after the excerpt's text)"))
            line = replace(line, text=text)
        kept.append(line)
    return kept, dropped


def drop_chrome(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    lines, dropped = _split_more_links(lines)
    kept: list[Line] = []
    gap_dropped = False
    # Most pages lack what the costliest rules need, so it is looked for once per page.
    present = _needs_present("\n".join(line.text for line in lines))
    reasons = [_reason(line.text, present) for line in lines]
    for i in range(1, len(lines) - 1):
        if reasons[i] is None and _in_a_row_of_buttons(lines, reasons, i):
            reasons[i] = "share widget"
    for line, reason in zip(lines, reasons, strict=True):
        if reason:
            dropped.append(Dropped(line.number, line.text, reason))
            gap_dropped = True
            continue
        if kept and gap_dropped:
            # A dropped line counts as no line at all: its neighbours stay as far
            # apart as the wider of the blank runs around it.
            gap = max(kept[-1].blanks_after, line.blanks_before)
            kept[-1] = replace(kept[-1], blanks_after=gap)
            line = replace(line, blanks_before=gap)
        elif not kept:
            line = replace(line, blanks_before=0)
        kept.append(line)
        gap_dropped = False
    if kept and gap_dropped:
        kept[-1] = replace(kept[-1], blanks_after=0)
    return kept, dropped


# The Wayback Machine's toolbar, saved above every captured page.
_TOOLBAR = re.compile(
    r"wayback machine|web\.archive\.org|\bcaptures?\b|about this capture|collected by|timestamps"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)){1,2}$"
    r"|^\d{1,2}(?:\s+\d{1,2}){0,2}$|^\d{4}(?:\s+\d{4}){1,2}$|^(?:go|close|help|success|fail)$",
    re.I,
)


def drop_toolbar(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Lines of a web archive's toolbar at the top of the page, up to its last one."""
    head = lines[:40]
    if not any(
        "wayback machine" in line.text.lower() or "web.archive.org" in line.text.lower() for line in head[:5]
    ):
        return lines, []
    last = max(i for i, line in enumerate(head) if _TOOLBAR.search(line.text))
    return lines[last + 1 :], [
        Dropped(line.number, line.text, "web archive toolbar") for line in lines[: last + 1]
    ]


# A table of contents over the text: its heading, then the text's own headings one a
# line, each printed again further down (Hashnode, Ghost, many news sites).
_CONTENTS = re.compile(
    r"^(?:table of contents|contents|in this (?:article|post|guide|piece|issue|edition)|on this page"
    r"|jump to(?: section)?|skip to section|quick links)\s*:?$",
    re.I,
)
_ENTRY_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-•·*])\s+")
# A printed contents page's leader and page number: "Dates for your diary ........ 2".
_LEADER = re.compile(r"\s*(?:\.\s?){3,}\s*\d{1,3}$|\s*…+\s*\d{1,3}$")


def _entry(text: str) -> str:
    return _LEADER.sub("", _ENTRY_NUMBER.sub("", text)).casefold()


def _short(line: Line) -> bool:
    return len(line.text.split()) < 15


def drop_contents(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """The lines of a table of contents, found by its heading and its entries' repeats."""
    for i, line in enumerate(lines):
        if not _CONTENTS.match(line.text):
            continue
        j = i + 1
        while j < len(lines) and (j == i + 1 or not lines[j].blanks_before) and _short(lines[j]):
            j += 1
        entries = lines[i + 1 : j]
        later = {_entry(other.text) for other in lines[j:]}
        if len(entries) >= 2 and all(_entry(e.text) in later for e in entries):
            dropped = [Dropped(other.number, other.text, "table of contents") for other in lines[i:j]]
            gap = max(line.blanks_before, lines[j].blanks_before)
            return [*lines[:i], replace(lines[j], blanks_before=gap), *lines[j + 1 :]], dropped
    return lines, []


# A browser's print of a page: every printed page ends with the page's address and
# "Page 1 of 2", and starts with the date and the page's title; copied whole, they
# break the text wherever a printed page ended.
_PAGE_NUMBER = re.compile(
    # The page's address may share the line: "https://…/allocation-changes    Page 2 of 3".
    r"^(?:(?:https?://|www\.)\S+\s+)?"
    r"(?:page\s+(?P<n>\d{1,3})\s*(?:of|/)\s*(?P<m>\d{1,3})|(?P<n2>\d{1,3})\s+of\s+(?P<m2>\d{1,3}))$",
    re.I,
)
_BARE_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")


def _furniture_near(lines: list[Line], at: int, repeated: set[str]) -> list[int]:
    """The running header and footer round the page number at ``at``: its indices."""
    found = [at]
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and abs(i - at) <= 3:
            text = lines[i].text
            if not (_BARE_ADDRESS.match(text) or text in repeated or _PAGE_NUMBER.match(text)):
                break
            found.append(i)
            i += step
    return found


def drop_page_breaks(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """The running headers, footers and page numbers of a printed page, wherever they
    fall; a paragraph they cut in two is joined again."""
    numbers = [i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.text)]
    if not numbers:
        return lines, []
    counts = Counter(line.text for line in lines)
    repeated = {text for text, n in counts.items() if n >= 2 and len(text) >= 8}
    furniture: set[int] = set()
    for at in numbers:
        match = _PAGE_NUMBER.match(lines[at].text)
        n, m = int(match["n"] or match["n2"]), int(match["m"] or match["m2"])
        if not 1 <= n <= m or m > 200:
            continue
        near = _furniture_near(lines, at, repeated)
        if len(near) < 2 and n != m:
            continue  # a page number alone mid-page, with nothing printed round it: not sure
        furniture.update(near)
    if not furniture:
        return lines, []
    # The running header printed over the first page too.
    running = {lines[i].text for i in furniture} & repeated
    furniture |= {i for i, line in enumerate(lines) if line.text in running}
    kept: list[Line] = []
    dropped: list[Dropped] = []
    cut = False
    for i, line in enumerate(lines):
        if i in furniture:
            dropped.append(Dropped(line.number, line.text, "printed page header or footer"))
            cut = cut or bool(kept)
            continue
        if cut and kept and line.text[:1].islower() and not _SENTENCE_END.search(kept[-1].text):
            # The page ended mid-sentence: the sentence goes on here.
            kept[-1] = replace(kept[-1], text=f"{kept[-1].text} {line.text}", blanks_after=line.blanks_after)
        elif cut and kept:
            gap = max(kept[-1].blanks_after, line.blanks_before, 1)
            kept[-1] = replace(kept[-1], blanks_after=gap)
            kept.append(replace(line, blanks_before=gap))
        else:
            kept.append(replace(line, blanks_before=0) if not kept else line)
        cut = False
    return kept, dropped


# A text browser's dump (lynx -dump) numbers every link in the text ("[12]Read the full
# transcript") and lists the addresses under "References" at the end.
_LINK_NUMBER = re.compile(r"\[\d{1,4}\]")
_REFERENCE = re.compile(r"^\d{1,4}\.\s+(?:https?|ftp|mailto|file):\S*$", re.I)


def drop_link_references(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """A text browser's link numbers taken out of the text, and its list of the links'
    addresses dropped; a page with only a few bracketed numbers (footnotes) keeps them."""
    numbered = sum(1 for line in lines if _LINK_NUMBER.search(line.text))
    if numbered < 5:
        return lines, []
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.text.lower() == "references"
            and i + 1 < len(lines)
            and all(_REFERENCE.match(other.text) for other in lines[i + 1 : i + 4])
        ),
        len(lines),
    )
    dropped = [
        Dropped(line.number, line.text, "a text browser's list of link addresses") for line in lines[start:]
    ]
    kept = []
    for line in lines[:start]:
        text = _LINK_NUMBER.sub("", line.text).strip()
        if text:
            kept.append(replace(line, text=text, parts=(), cells=()))
        else:
            dropped.append(Dropped(line.number, line.text, "a text browser's link number"))
    return kept, dropped
