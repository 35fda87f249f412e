"""The safeguarding and privacy scan.

A children's social work blog must never let a child, a family or a colleague
be identified. The scan looks for what usually does that: email addresses,
phone numbers, UK postcodes, dates of birth, case or reference numbers, and a
first name next to an age ("Jamie, aged 7"). Each finding is a warning until
an author has looked at the post and written ``privacy_reviewed: true`` in its
front matter; after that the findings are still listed, as notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Capitalised words that stand before an age without being anyone's name.
_NOT_NAMES = {
    "adults", "aged", "age", "all", "babies", "boys", "children", "daughter", "families",
    "girls", "infants", "kids", "men", "mothers", "fathers", "only", "parents", "people",
    "pupils", "son", "students", "teenagers", "those", "toddlers", "women", "workers", "young",
    "youngsters", "under", "over", "some", "many", "most", "few",
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}})"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        "phone number",
        re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"),
    ),
    ("UK postcode", re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b")),
    (
        "date of birth",
        re.compile(rf"\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\b[:\s]*{_DATE}", re.I),
    ),
    (
        "case or reference number",
        re.compile(
            r"\b(?:case|ref(?:erence)?|file|client|NHS|NI)\s*(?:no\.?|number|num|#)?\s*[:#]?\s*"
            r"(?=[A-Z/-]*\d)[A-Z]{0,4}[/-]?\d[\d/-]{3,}\b",
            re.I,
        ),
    ),
    ("NHS number", re.compile(r"\b\d{3}\s\d{3}\s\d{4}\b")),
    (
        "first name next to an age",
        re.compile(
            r"\b(?P<name>[A-Z][a-z]{1,20}),?\s+(?:who is\s+|is\s+)?(?:aged|age)\s+\d{1,2}\b"
            r"|\b(?P<name2>[A-Z][a-z]{1,20})\s+\((?:aged\s+|age\s+)?\d{1,2}\)"
            r"|\b(?P<name3>[A-Z][a-z]{1,20}),\s+\d{1,2},\s"
        ),
    ),
]


@dataclass(frozen=True)
class Finding:
    line: int
    kind: str
    text: str


def scan(text: str, first_line: int = 1) -> list[Finding]:
    findings: list[Finding] = []
    for offset, line in enumerate(text.split("\n")):
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(line):
                name = next((g for g in ("name", "name2", "name3") if match.groupdict().get(g)), None)
                if name and match.group(name).lower() in _NOT_NAMES:
                    continue
                findings.append(Finding(first_line + offset, kind, match.group(0).strip()))
    return findings
