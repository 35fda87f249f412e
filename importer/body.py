"""Step 5: turn a post's remaining lines into paragraphs, subheadings and lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .post import Block, BlockKind, Dropped, Line
from .segment import BULLETS, is_bullet, short_standalone

_SENTENCE_END = tuple(".!?…:;’”\"')]")


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pull_quotes: set[int] = field(default_factory=set)  # line numbers


_DASH_ITEM = re.compile(r"^[-*+–]\s+(?=\S)")
_NUMBERED_ITEM = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?=\S)")


def _runs(lines: list[Line]) -> dict[int, tuple[BlockKind, str]]:
    """Lines that belong to a list or table: two or more like lines in a row.

    One "- " line or one "1986. …" line alone is a paragraph that happens to
    start that way; a run of them is how a list or a table was saved as text.
    """
    found: dict[int, tuple[BlockKind, str]] = {}
    i = 0
    while i < len(lines):
        j = i
        if lines[i].cells:
            width = len(lines[i].cells)
            while j < len(lines) and len(lines[j].cells) == width and (j == i or lines[j].blanks_before == 0):
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    found[k] = (BlockKind.TABLE, "")
                i = j
                continue
        if _DASH_ITEM.match(lines[i].text):
            while (
                j < len(lines) and _DASH_ITEM.match(lines[j].text) and (j == i or lines[j].blanks_before == 0)
            ):
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    found[k] = (BlockKind.LIST, _DASH_ITEM.sub("", lines[k].text))
                i = j
                continue
        match = _NUMBERED_ITEM.match(lines[i].text)
        if match and match["n"] == "1":
            expected = 1
            while (
                j < len(lines)
                and (numbered := _NUMBERED_ITEM.match(lines[j].text))
                and int(numbered["n"]) == expected
            ):
                if j > i and lines[j].blanks_before > 0:
                    break
                expected += 1
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    found[k] = (BlockKind.ORDERED, _NUMBERED_ITEM.sub("", lines[k].text))
                i = j
                continue
        i += 1
    return found


def convert(lines: list[Line], *, strong: bool, cutting: bool) -> Body:
    body = Body()
    lines = _drop_repeats(lines, body)
    if cutting:
        lines = _join_column_breaks(lines, body)
    runs = _runs(lines) if any(line.cells or line.text[0] in "-*+–0123456789" for line in lines) else {}
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if index in runs:
            kind, item = runs[index]
            last = body.blocks[-1] if body.blocks else None
            if kind is BlockKind.TABLE:
                item = line.cells
            if last is not None and last.kind is kind and index - 1 in runs:
                last.items.append(item)
            else:
                body.blocks.append(Block(kind, [item], line.number))
        elif is_bullet(line):
            item = line.text.lstrip(BULLETS).strip()
            last = body.blocks[-1] if body.blocks else None
            if last and last.kind is BlockKind.LIST and line.blanks_before <= 1:
                last.items.append(item)
            else:
                body.blocks.append(Block(BlockKind.LIST, [item], line.number))
        elif not cutting and (
            _marked_quote(lines, index) or (line.indent >= 4 and not _indented_context(lines, index))
        ):
            # A passage set in from the margin, or two or more lines marked "> ", is quoted.
            text = line.text[2:] if _marked_quote(lines, index) else line.text
            last = body.blocks[-1] if body.blocks else None
            if last is not None and last.kind is BlockKind.QUOTE and line.blanks_before == 0:
                last.items[0] += " " + text
            else:
                body.blocks.append(Block(BlockKind.QUOTE, [text], line.number))
        elif line.number in body.pull_quotes:
            body.blocks.append(Block(BlockKind.QUOTE, [line.text], line.number))
        elif _is_subheading(line, following, body.blocks, strong=strong, cutting=cutting):
            body.blocks.append(Block(BlockKind.HEADING, [line.text], line.number))
        else:
            body.blocks.append(Block(BlockKind.PARAGRAPH, [line.text], line.number))
    return body


def _marked_quote(lines: list[Line], index: int) -> bool:
    """A line of an e-mail style quote: "> " on it and on a line touching it, or on a
    line of prose alone (a sentence, not a "> Next" link)."""
    if not lines[index].text.startswith("> "):
        return False
    words = lines[index].text[2:].split()
    if len(words) >= 8 and words[-1][-1] in '.!?"”’)':
        return True
    before = index > 0 and lines[index - 1].text.startswith("> ") and lines[index].blanks_before == 0
    after = (
        index + 1 < len(lines)
        and lines[index + 1].text.startswith("> ")
        and lines[index + 1].blanks_before == 0
    )
    return before or after


def _indented_context(lines: list[Line], index: int) -> bool:
    """Whether the whole page is indented (so an indent marks nothing)."""
    return sum(1 for line in lines if line.indent >= 4) * 2 > len(lines)


def _is_subheading(
    line: Line, following: Line | None, blocks: list[Block], *, strong: bool, cutting: bool
) -> bool:
    if following is None or is_bullet(following):
        return False
    if blocks and blocks[-1].kind is BlockKind.HEADING:
        return False
    if cutting:
        return is_capitals_label(line.text)
    return strong and short_standalone(line)


def is_capitals_label(text: str) -> bool:
    """A line set in capitals, as print layouts set headings and section labels."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and len(text) <= 90 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _drop_repeats(lines: list[Line], body: Body) -> list[Line]:
    """A line saved twice in a row with nothing between (an image caption) is kept once."""
    kept: list[Line] = []
    for line in lines:
        if kept and line.text == kept[-1].text and line.blanks_before == 0:
            body.dropped.append(Dropped(line.number, line.text, "repeated line"))
            continue
        kept.append(line)
    return kept


def _join_column_breaks(lines: list[Line], body: Body) -> list[Line]:
    """Mend sentences that a PDF's column break split in two.

    A paragraph that stops mid-sentence continues at the next line starting in
    lower case. Between the halves may sit one pull quote, set off by several
    blank lines; it moves after the mended paragraph as a quote.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = i + 1
        if line.number in body.pull_quotes or not _ends_mid_sentence(line):
            out.append(line)
            i += 1
            continue
        pull: Line | None = None
        if (
            line.blanks_after >= 2
            and nxt + 1 < len(lines)
            and _starts_lower(lines[nxt + 1])
            and not _starts_lower(lines[nxt])
        ):
            pull, nxt = lines[nxt], nxt + 1
        if nxt < len(lines) and _starts_lower(lines[nxt]):
            rest = lines[nxt]
            joined = replace(line, text=f"{line.text} {rest.text}", blanks_after=rest.blanks_after)
            body.notes.append(
                f"joined line {line.number} with line {rest.number} (a sentence split by a column break)"
            )
            lines = [*lines[:i], joined, *lines[nxt + 1 :]]
            if pull is not None:
                body.notes.append(f"line {pull.number} is a pull quote; it follows the mended paragraph")
                body.pull_quotes.add(pull.number)
                lines.insert(i + 1, pull)
            continue
        out.append(line)
        i += 1
    return out


def _ends_mid_sentence(line: Line) -> bool:
    return not line.text.endswith(_SENTENCE_END) and not is_capitals_label(line.text)


def _starts_lower(line: Line) -> bool:
    return line.text[0].islower()
