"""The safeguarding and privacy scan.

A children's social work blog must never let a child, a family, a carer or a
colleague be identified. The scan reads a post in three layers, in order:

1. ``identifiers``: phone, NHS and National Insurance numbers, postcodes,
   email addresses, number plates, handles, street addresses, case numbers;
2. ``dates``: dates of birth in every form;
3. ``people``: names found by a language model, judged with their context.

What is public (``public.yaml``: public figures and cases, organisations,
helplines, and the phrases that mark a composite case) stays quiet. Each
finding has a short fingerprint; an author who has checked it lists the
fingerprint under ``privacy_reviewed`` (see ``review``).
"""

from __future__ import annotations

import re

from . import dates, identifiers, people
from .finding import Finding, Hit, fingerprint
from .public import PublicList, public_list

__all__ = ["Finding", "fingerprint", "scan", "scan_hits"]

_LINK_TARGET = re.compile(r"\]\([^)\s]*\)|https?://[^\s)>\]]+|<[^>\n]*>")


def _masked(text: str) -> str:
    # Addresses and markup are not prose: blanked to spaces so offsets, and
    # so line numbers, stay where they are.
    text = _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), text)
    # A phrase wrapped onto the next line is still one phrase.
    return re.sub(r"(?<!\n)\n(?![ \t]*\n)", " ", text)


def scan_hits(text: str, public: PublicList | None = None) -> list[Hit]:
    public = public or public_list()
    flat = _masked(text)
    layers = [identifiers.scan(flat, public), dates.scan(flat), people.scan(flat, public)]
    kept: list[Hit] = []
    for hit in [h for layer in layers for h in layer]:
        # An earlier layer's finding wins where two overlap.
        if not any(hit.start < k.end and k.start < hit.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def scan(text: str, first_line: int = 1, where: str = "body") -> list[Finding]:
    """Findings in ``text``; ``first_line`` is the file line ``text`` starts on."""
    out = []
    for hit in scan_hits(text):
        line = first_line + text.count("\n", 0, hit.start) if where == "body" else first_line
        found = " ".join(text[hit.start : hit.end].split())
        out.append(Finding(line, hit.kind, found, hit.why, where))
    return out
