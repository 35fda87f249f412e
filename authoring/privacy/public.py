"""What is public: the editors' list in ``public.yaml``, read once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PUBLIC_FILE = Path(__file__).with_name("public.yaml")
_SECTIONS = ("public_figures", "public_cases", "public_case_aliases", "organisations", "fictional")
_PEOPLE_SECTIONS = ("public_figures", "public_cases", "public_case_aliases", "fictional")
# However a post words it, saying its people are changed, merged or invented
# marks the paragraph as composite; the editors' phrases in public.yaml add to
# this.
_CHANGE = r"(?:changed|altered|merged|mixed|blended|combined|disguised|anonymi[sz]ed|swapped|fictionalised)"
_COMPOSITE = (
    rf"\b(?:names?|details?|identities|circumstances|facts|places|ages|stories)\b[^.;:!?]{{0,40}}?"
    rf"\b(?:(?:have|has|had)\s+(?:all\s+|also\s+|both\s+)?been|were|was|are|is|been)\s+"
    rf"(?:all\s+|also\s+|both\s+|deliberately\s+|slightly\s+|heavily\s+)?{_CHANGE}\b",
    rf"\b(?:I|we)(?:\s+have|['’]ve)?\s+{_CHANGE}\s+(?:the|all|their|his|her|some|every|any)\s+(?:\w+\s+)?"
    r"(?:names?|details?|identit\w+)\b",
    rf"\b{_CHANGE}\s+(?:names|details|identities)\b",
    rf"\b{_CHANGE}\s+(?:and\s+\w+\s+)?to\s+protect\b",
    r"\b(?:composites?|amalgams?|amalgamation|fictional|fictionali[sz]ed|fictitious|invented|"
    r"made[- ]up|pseudonyms?)\b",
    r"\bnot\s+(?:his|her|their|my|our|the|its)\s+(?:real|actual|true)\s+names?\b",
    r"\bnot\s+(?:a\s+)?real\s+(?:names?|child(?:ren)?|people|person|famil(?:y|ies)|boys?|girls?)\b",
    rf"\b(?:I|we)(?:\s+have|['’]ve)?\s+{_CHANGE}\s+(?:every|each|all|the)\s+(?:\w+\s+)?"
    r"(?:child(?:ren)?|famil(?:y|ies)|person|people|case)\b",
    r"\b(?:blend|mix|mixture|patchwork|mash-up|combination)\s+of\s+(?:several|many|a\s+number\s+of|lots\s+of|"
    r"various|a\s+few|a\s+dozen|dozens\s+of|hundreds\s+of|two|three|four|five|different)\b",
    r"\bnot\s+(?:one|a\s+single|a\s+real|any\s+one)\s+(?:real\s+)?(?:child|family|person|boy|girl|young\s+person|"
    r"teenager|carer|parent|baby)\b",
    r"\b(?:stitched|pieced|woven|blended|cobbled|spliced)\s+together\b",
    r"\b(?:drawn|based|built|taken|made)\s+(?:up\s+)?(?:from|on|out\s+of)\s+(?:several|many|a\s+number\s+of|lots\s+of|"
    r"various|a\s+few|a\s+dozen|dozens\s+of|hundreds\s+of|two|three|four|five|different)\b",
)


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

    def is_public_name_in_full(self, text: str) -> bool:
        return _clean(text) in self.names

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


def _entries(section) -> list:
    if isinstance(section, dict):
        return [*section.keys(), *section.values()]
    return list(section or [])


@functools.cache
def public_list(path: Path = PUBLIC_FILE) -> PublicList:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    # A mapping ("alias: case") gives its aliases; the case is listed as well.
    names = {_clean(str(n)) for section in _SECTIONS for n in _entries(data.get(section)) if str(n).strip()}
    # A surname alone stands for a listed person; the last word of an organisation or a
    # place ("Street" of "Downing Street", "Office" of "Home Office") stands for nothing.
    people = {
        _clean(str(n)) for section in _PEOPLE_SECTIONS for n in _entries(data.get(section)) if str(n).strip()
    }
    markers = [str(m) for m in data.get("composite_markers") or []]
    return PublicList(
        names=frozenset(names),
        ends=frozenset(" ".join(n.split()[i:]) for n in people for i in range(1, len(n.split()))),
        helplines=frozenset(_digits(str(n)) for n in data.get("helplines") or []),
        emails=tuple(str(e).lower() for e in data.get("emails") or []),
        handles=frozenset(str(h).lower() for h in data.get("handles") or []),
        markers=re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
            + r")(?!\w)|"
            + "|".join(_COMPOSITE),
            re.I,
        ),
    )
