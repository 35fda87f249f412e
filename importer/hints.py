"""Decisions a person pins for one raw file, kept in ``raw/hints.yaml``.

When the importer reads a page wrongly, a migrator writes what is right, and
every later import follows it::

    raw/012_example.txt:
      kind: single          # or listing
      title_line: 14        # the line number of the post's title
      date: 2010-05-07      # or 2010-05-07T21:14
      drop_lines: [3, 5, 6] # lines that are page furniture
      reason: the page's own date line is a sidebar

Keys are the raw files' paths as the report prints them. ``load_hints``
checks the file and returns each problem as ``file:line: error: …`` with what
to do; a broken hint is skipped, never half applied, and the others still apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

HINTS_NAME = "hints.yaml"
KINDS = ("single", "listing")
KEYS = {"kind", "title_line", "date", "drop_lines", "reason"}


@dataclass(frozen=True)
class Hint:
    kind: str | None = None
    title_line: int | None = None
    date: datetime | None = None
    drop_lines: tuple[int, ...] = ()
    reason: str = ""


HINT_FIX = "correct it as the top of importer/hints.py shows, or remove it"


@dataclass(frozen=True)
class HintProblem:
    """A mistake in the hints file, said as the author check says it."""

    path: str
    line: int | None
    message: str
    fix: str = HINT_FIX

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: error: {self.message}\n    what to do: {self.fix}"


@dataclass
class Hints:
    pages: dict[str, Hint] = field(default_factory=dict)
    problems: list[HintProblem] = field(default_factory=list)


def _key_lines(text: str) -> dict[str, int]:
    """The line each top-level key starts on, for messages."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if line and not line[0].isspace() and not line.startswith("#") and ":" in line:
            lines[line.split(":", 1)[0].strip().strip("'\"")] = number
    return lines


def _loader():
    import yaml

    class Loader(yaml.SafeLoader):
        """A date that does not exist (2010-02-31) stays text, for the date rule to report."""

    def timestamp_or_text(loader, node):
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
    return Loader


def _parse_date(value: object) -> datetime | str:
    """The date, or why it is not one."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 12)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            if re.match(r"^\d{4}-\d{2}-\d{2}", value):
                return f"date {value} is not a real date ({error})"
    return "date must be written year first, e.g. 2010-05-07 or 2010-05-07T21:14"


def load_hints(path: Path) -> Hints:
    hints = Hints()
    if not path.is_file():
        return hints
    import yaml  # only when there is a hints file to read

    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_loader()) or {}
    except UnicodeDecodeError as error:
        line = path.read_bytes().count(b"\n", 0, error.start) + 1
        hints.problems.append(
            HintProblem(
                shown, line, "the hints file is not UTF-8 text", "save it as UTF-8, or retype that line"
            )
        )
        return hints
    except OSError as error:
        hints.problems.append(HintProblem(shown, None, f"the hints file cannot be read ({error.strerror})"))
        return hints
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        hints.problems.append(
            HintProblem(
                shown,
                mark.line + 1 if mark else None,
                f"the hints file is not valid YAML ({problem}); no hint is applied",
                "each raw file's path ends with a colon and its hints are indented under it, "
                "as at the top of importer/hints.py",
            )
        )
        return hints
    if not isinstance(data, dict):
        hints.problems.append(HintProblem(shown, 1, "the hints file must map raw file paths to their hints"))
        return hints
    lines = _key_lines(text)
    for page, values in data.items():
        line = lines.get(str(page), 1)
        if not isinstance(values, dict):
            hints.problems.append(
                HintProblem(shown, line, f"the hints for '{page}' must be 'key: value' lines")
            )
            continue
        problems = []
        unknown = sorted(set(values) - KEYS)
        if unknown:
            problems.append(
                f"unknown hint(s) {', '.join(map(str, unknown))}; known: {', '.join(sorted(KEYS))}"
            )
        kind = values.get("kind")
        if kind is not None and kind not in KINDS:
            problems.append(f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
        title_line = values.get("title_line")
        if title_line is not None and (not isinstance(title_line, int) or title_line < 1):
            problems.append("title_line must be a line number (1 or more)")
        when = _parse_date(values["date"]) if "date" in values else None
        if isinstance(when, str):
            problems.append(when)
        drop = values.get("drop_lines", [])
        if not isinstance(drop, list) or not all(isinstance(n, int) and n >= 1 for n in drop):
            problems.append("drop_lines must be a list of line numbers, e.g. [3, 5]")
            drop = []
        if problems:
            hints.problems += [
                HintProblem(shown, line, f"{page}: {problem}; this page's hints are skipped")
                for problem in problems
            ]
            continue
        hints.pages[str(page)] = Hint(
            kind=kind,
            title_line=title_line,
            date=when,
            drop_lines=tuple(drop),
            reason=str(values.get("reason", "")),
        )
    return hints
