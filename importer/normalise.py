"""Step 1: bytes to clean lines.

Saved web pages arrive as UTF-8 (with or without a byte-order mark) or as
Windows-1252, with LF or CRLF line ends, and sometimes with UTF-8 that was
once misread as Windows-1252 ("â€™" for "’"). Everything after this step sees
Unicode text with typographic characters restored and whitespace tidied.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .post import Line


class UnreadableError(Exception):
    """The file is not text the importer can read at all."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no Windows-1252 character.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def cp1252_char(byte: int) -> str:
    """A byte as Windows-1252, with its five holes kept as C1 controls (as browsers do)."""
    return chr(byte) if byte in _CP1252_HOLES else bytes([byte]).decode("cp1252")


_CP1252_BYTES = {cp1252_char(b): b for b in range(256)}

# A UTF-8 sequence read as Windows-1252: a lead byte character followed by one
# to three continuation-byte characters.
_CP1252_CONTINUATION = "".join(cp1252_char(b) for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(
    "[\u00c2-\u00df][" + re.escape(_CP1252_CONTINUATION) + "]"
    "|[\u00e0-\u00ef][" + re.escape(_CP1252_CONTINUATION) + "]{2}"
    "|[\u00f0-\u00f4][" + re.escape(_CP1252_CONTINUATION) + "]{3}"
)

# Spaces that render as a space; the archive is full of non-breaking ones
# left by the WordPress editor after full stops.
_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t"
_SPACE_LIKE = re.compile(f"[{re.escape(_SPACE_CHARS)}]")
_INDENT_CHARS = " " + _SPACE_CHARS
# Invisible characters and control characters: both simply go.
_INVISIBLE_OR_CONTROL = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]"
)


# The first two characters of any mojibake sequence: a quick test for none.
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4][" + re.escape(_CP1252_CONTINUATION) + "]")


def decode(data: bytes) -> Decoded:
    """Decode a raw page, trying UTF-8 first and Windows-1252 second."""
    if b"\x00" in data:
        raise UnreadableError("it contains NUL bytes, so it is binary, not a text dump")
    if data.startswith(b"\xef\xbb\xbf"):
        return _repair(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", suspect=b"\xc3" in data)
    try:
        # Every mojibake sequence starts with a character from U+00C2 to U+00F4,
        # all of them C3 82 to C3 B4 in UTF-8: without a C3 byte there is none.
        return _repair(data.decode("utf-8"), "utf-8", suspect=b"\xc3" in data)
    except UnicodeDecodeError:
        pass
    text = "".join(chr(b) if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in data)
    return _repair(text, "windows-1252")


def _repair(text: str, encoding: str, suspect: bool = True) -> Decoded:
    decoded = Decoded(text=text, encoding=encoding)
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        try:
            fixed = bytes(_CP1252_BYTES[c] for c in match.group(0)).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return match.group(0)
        repaired += 1
        return fixed

    decoded.text = _MOJIBAKE.sub(fix, text) if suspect and _MOJIBAKE_LEAD.search(text) else text
    if repaired:
        decoded.warnings.append(
            f"repaired {repaired} character(s) of UTF-8 that had been read as "
            "Windows-1252 (such as 'â€™' for '’')"
        )
    return decoded


def clean_line(text: str) -> str:
    """Tidy one line's whitespace and invisible characters, keeping its words."""
    return _clean(text).strip()


def _clean(text: str) -> str:
    # None of these steps reaches across a line end, so a whole page can be
    # cleaned at once: one regex pass per page instead of one per line.
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_OR_CONTROL.sub("", text)
    # A pattern matching every gap between words costs a call per word; these
    # plain string scans cost one pass each.
    text = _SPACE_LIKE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _cells(raw: str) -> tuple[str, ...]:
    cells = tuple(clean_line(cell) for cell in raw.strip().split("\t"))
    return cells if len(cells) >= 2 and all(cells) else ()


def _spaced(raw: str) -> tuple[str, ...]:
    """A row of labels pasted with wide gaps between them ("Practice & Supervision  asye
    caseloads"): three or more short parts, none ending a sentence. Two spaces after a
    full stop, as typists once put them, make no row."""
    parts = tuple(clean_line(part) for part in re.split(r"\s{2,}", raw.strip()))
    if len(parts) < 3 or not all(parts):
        return ()
    if any(len(part.split()) > 4 or part.endswith(tuple(".!?:;,")) for part in parts):
        return ()
    return parts


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their line numbers and the blank lines around them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    tidy = _clean(text).split("\n")
    found = [(index, line.strip()) for index, line in enumerate(tidy)]
    found = [(index, cleaned) for index, cleaned in found if cleaned]
    if not found:
        return []
    # Every line between two kept ones is blank, so the gaps follow from their indexes.
    before = [-1, *(index for index, _ in found[:-1])]
    after = [*(index for index, _ in found[1:]), len(tidy)]
    return [
        Line(
            number=index + 1,
            text=cleaned,
            blanks_before=index - previous - 1 if previous >= 0 else 0,
            blanks_after=following - index - 1,
            indent=len(raw[index]) - len(raw[index].lstrip(_INDENT_CHARS)),
            cells=_cells(raw[index]) if "\t" in raw[index] else (),
            parts=_spaced(raw[index]) if "  " in raw[index].strip() else (),
        )
        for (index, cleaned), previous, following in zip(found, before, after, strict=True)
    ]


# The words a theme sets between the parts of its byline when each part is a link of its own.
_CONNECTORS = frozenset(
    [
        "posted",
        "published",
        "written",
        "updated",
        "on",
        "in",
        "by",
        "and",
        "under",
        "filed",
        "tagged",
        "|",
        "·",
        "•",
        "—",
        "–",
        "-",
        "/",
    ]
)


def join_split_bylines(lines: list[Line]) -> list[Line]:
    """One line again for a byline saved a word or link a line: "Posted" / "March 14, 2013" /
    "in" / "Supervision" / "by" / "Harriet Vale" (block themes print each part as its own block).

    Only a packed run that opens with such a word and has two of them alone is joined.
    """
    joined: list[Line] = []
    i = 0
    while i < len(lines):
        end = i + 1
        while end < len(lines) and lines[end].blanks_before == 0 and end - i < 9:
            end += 1
        run = lines[i:end]
        alone = sum(1 for line in run if line.text.lower() in _CONNECTORS)
        text = " ".join(line.text for line in run)
        opens = run[0].text.lower() in _CONNECTORS and run[0].text.isalpha()
        if (
            len(run) >= 4
            and opens
            and alone >= 2
            and (any(c.isdigit() for c in text) or " by " in text.lower())
        ):
            joined.append(
                Line(run[0].number, text, run[0].blanks_before, run[-1].blanks_after, run[0].indent)
            )
            i = end
            continue
        joined.append(lines[i])
        i += 1
    return joined


_DATED = re.compile(r"\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})\b")
_LIST_MARK = re.compile(r"^(?:[-*•·–]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")


def join_wrapped_lines(lines: list[Line]) -> list[Line]:
    """Paragraphs that a printed page, an e-mail or a text browser broke at a fixed width,
    joined again: one line of a page becomes one line of text only where most long lines
    end near the same width (a page pasted from a browser has lines as long as paragraphs).
    """
    lengths = sorted(len(line.text) for line in lines if len(line.text) >= 40)
    if len(lengths) < 8:
        return lines
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= 0.8 * width)
    beyond = sum(1 for n in lengths if n > 1.15 * width)
    if not 55 <= width <= 110 or near < 8 or beyond > len(lengths) * 0.1:
        return lines
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and line.blanks_before == 0
            # Wrapping leaves a line short of the width by less than a long word.
            and len(last.text) >= 0.8 * width
            and not last.text.endswith(":")
            and not _LIST_MARK.match(line.text)
            # A short date line under a long one is a header's, not the rest of a sentence.
            and not (len(line.text) < 0.5 * width and _DATED.search(line.text))
        ):
            # A word broken at the margin ("rec-" / "ords") keeps its hyphen: "long-term" needs it.
            glue = "" if last.text.endswith("-") and line.text[:1].islower() else " "
            joined[-1] = Line(
                last.number, last.text + glue + line.text, last.blanks_before, line.blanks_after, last.indent
            )
            continue
        joined.append(line)
    return joined
