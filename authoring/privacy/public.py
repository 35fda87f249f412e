"""What is public: the editors' list in ``public.yaml``, read once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PUBLIC_FILE = Path(__file__).with_name("public.yaml")
_SECTIONS = ("public_figures", "public_cases", "organisations", "fictional")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass(frozen=True)
class PublicList:
    names: frozenset[str]  # lower-cased whole names
    ends: frozenset[str]  # the last word or words of a listed name of two or more
    helplines: frozenset[str]  # digits only
    emails: tuple[str, ...]  # lower-cased; '@domain' for a whole domain
    handles: frozenset[str]
    markers: re.Pattern[str]

    def is_public_name(self, text: str) -> bool:
        name = _clean(text)
        if name in self.names:
            return True
        # "Munro's review", "Laming": a listed person's surname alone counts,
        # their first name alone does not ("Jamie" is not "Jamie Bulger").
        return name in self.ends

    def is_helpline(self, number: str) -> bool:
        digits = _digits(number)
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        return digits in self.helplines

    def is_public_email(self, address: str) -> bool:
        address = address.lower()
        return any(address == e or (e.startswith("@") and address.endswith(e)) for e in self.emails)

    def is_public_handle(self, handle: str) -> bool:
        return handle.lower() in self.handles


def _clean(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.strip())
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    return " ".join(text.lower().split())


@functools.cache
def public_list(path: Path = PUBLIC_FILE) -> PublicList:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = {_clean(str(n)) for section in _SECTIONS for n in data.get(section) or []}
    markers = [str(m) for m in data.get("composite_markers") or []]
    return PublicList(
        names=frozenset(names),
        ends=frozenset(" ".join(n.split()[i:]) for n in names for i in range(1, len(n.split()))),
        helplines=frozenset(_digits(str(n)) for n in data.get("helplines") or []),
        emails=tuple(str(e).lower() for e in data.get("emails") or []),
        handles=frozenset(str(h).lower() for h in data.get("handles") or []),
        markers=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
            + r")(?!\w)",
            re.I,
        ),
    )
