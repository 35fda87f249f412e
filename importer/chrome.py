"""Step 2: drop the page chrome a scraper saved along with the post.

Only whole lines that are clearly furniture of the web page (cookie banners,
share widgets, image placeholders, related-links headings) are dropped, and
each one is returned so the report can list it. Anything doubtful stays.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .post import Dropped, Line

_SHARE_TARGETS = "facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|pocket|email|tumblr|telegram|print"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("cookie banner", re.compile(r"^cookie (consent|notice|settings|policy)\b.{0,80}$", re.I)),
    (
        "cookie banner",
        re.compile(
            r"^(?=.{0,200}$)(?=.*\b(website|site|browsing|experience|consent)\b).*\bcookies\b.*$"
            r"|^(accept|reject|allow) (all )?cookies$",
            re.I,
        ),
    ),
    ("share widget", re.compile(rf"^connecting to ({_SHARE_TARGETS})(\.{{3}}|…)?$", re.I)),
    (
        "share widget",
        re.compile(
            rf"^(share|share this( post| article)?|share on ({_SHARE_TARGETS})"
            rf"|click to (share|email|print)( this)?( on ({_SHARE_TARGETS}))?.{{0,30}}"
            rf"|tweet|like this|like loading(\.{{3}}|…)|({_SHARE_TARGETS}))[:.]?$",
            re.I,
        ),
    ),
    # Base64 image data and upload ids left where an <img> was: "Image Update
    # 9427e17bf66e4f1a 1368763505 9j 4aaqsk" ("/9j/4AAQSk" starts every JPEG).
    (
        "image placeholder",
        re.compile(r"^(image|img|photo)\b.{0,60}\b[0-9a-f]{12,}\b.*$", re.I),
    ),
    ("image placeholder", re.compile(r"^.{0,80}\b9j 4aaqsk\b.*$", re.I)),
    # An image's alt text with its srcset width ("Shutterstock Yellow Paper 1620w").
    ("image placeholder", re.compile(r"^(?=.{0,80}$)[\w .,&'’-]+ \d{3,4}w$")),
    (
        "related-links widget",
        re.compile(
            r"^(more from|related( posts| articles)?|you may also like|read more)( .{1,40})?:?$", re.I
        ),
    ),
    ("navigation", re.compile(r"^(skip to (main )?content|advertisement|loading(\.{3}|…))$", re.I)),
]


# All rules as one pattern, tried in order: one regex call per line, not one per rule.
_ANY_RULE = re.compile(
    "|".join(
        f"(?P<r{i}>(?{'i' if pattern.flags & re.I else ''}:{pattern.pattern}))"
        for i, (_, pattern) in enumerate(_RULES)
    )
)


def chrome_reason(text: str) -> str | None:
    """Why this whole line is page chrome, or None when it is content."""
    match = _ANY_RULE.match(text)
    return _RULES[int(match.lastgroup[1:])][0] if match else None


def drop_chrome(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    kept: list[Line] = []
    dropped: list[Dropped] = []
    gap_dropped = False
    for line in lines:
        reason = chrome_reason(line.text)
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
