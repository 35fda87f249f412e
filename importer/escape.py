"""Writing plain text as Markdown that shows exactly that text.

Archive text must never turn into markup: ``* not a list``, ``# 1 priority``,
``1986. A great year``, ``file_name_v2``, ``[draft]``, ``<script>`` and ``&copy;``
all have to reach the page as the characters they are. Escaping is kept to the
characters that can start markup, so a post stays pleasant to edit by hand.
"""

from __future__ import annotations

import re

# Characters that can open inline markup anywhere in a line. "<" becomes an
# entity because Python-Markdown has no backslash escape for raw HTML.
_INLINE = re.compile(r"[\\`*_\[\]{}]")
# "&" only where it would otherwise start an entity such as "&copy;".
_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# What a line may not start with: headings, quotes, list markers, rules, fences.
_BLOCK_START = re.compile(r"^(?P<mark>#|>|[-+](?=\s|$)|-[-\s]*$|~|\d+(?=[.)](?:\s|$))|:(?=\s))")


def escape_inline(text: str) -> str:
    if "&" in text:
        text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    return _INLINE.sub(r"\\\g<0>", text)


def escape_line(text: str) -> str:
    """Escape one paragraph, list item or heading text written on one line."""
    text = escape_inline(text)
    match = _BLOCK_START.match(text)
    if not match:
        return text
    mark = match["mark"]
    if mark[0].isdigit():
        # "1986. A great year": escape the full stop, not the number.
        return mark + "\\" + text[len(mark) :]
    if mark.startswith("~"):
        return "&#126;" + text[1:]
    if mark.startswith(":"):
        return "&#58;" + text[1:]
    return "\\" + text


def escape_heading(text: str) -> str:
    # A trailing "#" closes an ATX heading, so every "#" in a heading is escaped.
    return escape_inline(text).replace("#", "\\#")
