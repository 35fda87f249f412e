"""One finding of the scan, and the short fingerprint an author acknowledges it by."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    line: int
    kind: str
    text: str
    why: str = ""
    where: str = "body"  # body, or the front-matter key it was found in

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.kind, self.text)


def fingerprint(kind: str, text: str) -> str:
    # Case, spacing and line breaks do not change what was found, so they do
    # not change the fingerprint; any other edit to the text does.
    normal = " ".join(re.sub(r"[^\w@+]+", " ", text.lower()).split())
    return hashlib.sha256(f"{kind}\x00{normal}".encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Hit:
    """A match at a character offset in the scanned text."""

    start: int
    end: int
    kind: str
    why: str
