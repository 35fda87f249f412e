"""Layer 2: dates of birth, however they are written.

A date is a date of birth when a birth word stands close before it ("DOB",
"D.O.B.", "date of birth", "born", "b."), or when the sentence is about a
birthday. A day and month are needed: "born in 1975" says too little to find
anyone by.
"""

from __future__ import annotations

import re

from .finding import Hit

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_WORD_ORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|"
    r"thirty-first)"
)
DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"  # ISO
    r"|\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{2,4}"  # 03/04/2014, 14.02.21
    rf"|(?:the\s+)?(?:{_ORD}|{_WORD_ORD})(?:\s+of)?\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 9th of June 2016
    rf"|{_MONTH}\s+(?:the\s+)?{_ORD}(?:,?\s+\d{{4}})?)"  # June 9th, 2016
)
_DATE = re.compile(rf"(?<![\w/.-]){DATE}(?![\w/-])", re.I)
_BIRTH = re.compile(
    r"(?:\bDOB\b|\bD\.\s?O\.\s?B\b\.?|\bdate\s+of\s+birth\b|\bborn\b|(?<![\w.])b\.(?=\s*(?:\d|$))"
    r"|\bbirth\s+date\b|\bcame into the world\b|\bwas delivered\b|\barrived\b)",
    re.I,
)
_BIRTHDAY = re.compile(r"\bbirthdays?\b|\bturn(?:s|ed)?\s+(?:\d{1,2}|one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                       r"eighteen)\b", re.I)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})[.!?](?:\s|$)")


def scan(text: str) -> list[Hit]:
    hits = []
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        # Only the stretch of text since the last full stop counts as near.
        ends = list(_SENTENCE_END.finditer(before))
        near = before[ends[-1].end() :] if ends else before
        birth = list(_BIRTH.finditer(near))
        if birth:
            hits.append(
                Hit(match.start(), match.end(), "date of birth", f"a date after “{birth[-1].group(0)}”")
            )
            continue
        sentence = _sentence_around(text, match.start(), match.end())
        if _BIRTHDAY.search(sentence) and re.search(_MONTH, match.group(0), re.I):
            hits.append(
                Hit(
                    match.start(),
                    match.end(),
                    "date of birth",
                    "a day and month in a sentence about a birthday",
                )
            )
    return hits


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start), -1) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left:right]
