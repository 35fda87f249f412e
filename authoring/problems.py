"""A problem found in the content, said the way an author can act on it."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass


def visible(text: str) -> str:
    """Text from a post as one line of plain characters: control characters shown as escapes.

    A problem's words often quote the post; a line break or a terminal escape
    there would let a post forge lines of the check's output (GitHub runs any
    line starting with "::" as a workflow command) or drive the terminal.
    """
    return "".join(
        ch
        if ch == " " or unicodedata.category(ch)[0] not in "CZ" or unicodedata.category(ch) == "Zs"
        else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


class Note(enum.StrEnum):
    """Notes about the repository as a whole rather than about what an author just wrote."""

    MOVED = "moved post"  # a published post's old address redirects to its new one
    SUGGESTED = "suggested topics"  # topics the importer suggested, not yet accepted


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # acknowledged, shown so nothing passes silently


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    severity: Severity
    message: str
    fix: str
    note: Note | None = None  # what kind of repository note, for counting and for GitHub
    # A repository note about something that happened in this run (a post that
    # moved just now) is always listed; the others only when asked for.
    new: bool = False

    def format(self) -> str:
        path = visible(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity.value}: {visible(self.message)}\n    what to do: {visible(self.fix)}"
