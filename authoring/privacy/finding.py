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
    # Empty for the first copy of a finding in a post; for a later copy of the
    # same text, where it stands (see ``review.number_copies``), so that each
    # copy has a fingerprint of its own.
    copy: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.kind, self.text, self.copy)


def normal(text: str) -> str:
    # Case, spacing and line breaks do not change what was found, so they do
    # not change the fingerprint; any other edit to the text does.
    return " ".join(re.sub(r"[^\w@+]+", " ", text.lower()).split())


def fingerprint(kind: str, text: str, copy: str = "") -> str:
    key = f"{kind}\x00{normal(text)}"
    if copy:
        key += f"\x00{copy}"
    return hashlib.sha256(key.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Hit:
    """A match at a character offset in the scanned text."""

    start: int
    end: int
    kind: str
    why: str
