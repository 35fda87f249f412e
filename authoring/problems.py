"""A problem found in the content, said the way an author can act on it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


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

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}\n    what to do: {self.fix}"
