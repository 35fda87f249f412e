"""The check of the importer's hints file (raw/hints.yaml) beside the content."""

from __future__ import annotations

from pathlib import Path

from importer.hints import HINTS_NAME, load_hints

from .problems import Problem, Severity


def check_hints(content: Path) -> list[Problem]:
    """Problems in ``raw/hints.yaml`` next to ``content``, said as the importer says them."""
    return [
        Problem(found.path, found.line, Severity.ERROR, found.message, found.fix)
        for found in load_hints(content.parent / "raw" / HINTS_NAME).problems
    ]
