"""The check of the importer's hints file (raw/hints.yaml) beside the content."""

from __future__ import annotations

import re
from pathlib import Path

from importer.hints import HINTS_NAME, load_hints

from .problems import Problem, Severity

_MESSAGE = re.compile(r"^(?P<path>.+?):(?:(?P<line>\d+):)? error: (?P<message>.+)$")


def check_hints(content: Path) -> list[Problem]:
    """Problems in ``raw/hints.yaml`` next to ``content``, said as the author check says them."""
    found = []
    for text in load_hints(content.parent / "raw" / HINTS_NAME).problems:
        match = _MESSAGE.match(text)
        path, line, message = (match["path"], match["line"], match["message"]) if match else ("", None, text)
        found.append(
            Problem(
                path,
                int(line) if line else None,
                Severity.ERROR,
                message,
                "see the top of importer/hints.py for the keys a hint may have",
            )
        )
    return found
