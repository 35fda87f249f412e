"""The front matter a post may have, read from ``authoring/frontmatter.yaml``.

The author check and the web editor's form both come from that one file, so
the keys one accepts are the keys the other writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

SCHEMA = Path(__file__).with_name("frontmatter.yaml")
WIDGETS = {"string", "text", "datetime", "select", "boolean", "number", "list", "tags", "hidden"}
TYPES = {
    "text",
    "list of text",
    "whole number",
    "number",
    "true/false",
    "date",
    "one of",
    "facts",
    "list of comments",
}


@dataclass(frozen=True)
class Key:
    key: str
    label: str
    widget: str
    required: bool
    help: str
    type: str = "text"
    options: tuple[str, ...] = ()
    default: str | None = None


@cache
def front_matter(path: Path = SCHEMA) -> tuple[Key, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = tuple(
        Key(**{**entry, "options": tuple(entry.get("options", ())), "required": bool(entry["required"])})
        for entry in entries
    )
    unknown = {k.widget for k in found} - WIDGETS
    if unknown:
        raise ValueError(f"{path}: unknown widget(s) {sorted(unknown)}; use one of {sorted(WIDGETS)}")
    unknown = {k.type for k in found} - TYPES
    if unknown:
        raise ValueError(f"{path}: unknown type(s) {sorted(unknown)}; use one of {sorted(TYPES)}")
    return found


def types() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each key's type, and its options when it is one of them."""
    return {k.key: (k.type, k.options) for k in front_matter()}


def known_keys() -> dict[str, str]:
    """Each key and what it means, as the check's messages say it."""
    return {k.key: k.help for k in front_matter()}
