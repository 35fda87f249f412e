"""A whole post scanned, every field of it, and each finding judged against the
fingerprints its author has acknowledged under ``privacy_reviewed``.

Front matter is scanned too: every key the site may publish (see
``unpublished_keys`` for the few left out), a finding there reported on the line
of its key. Each copy of a finding has its own fingerprint (``number_copies``).
Results are cached by content hash, so a check or a preview rescans only what
changed since the last scan.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import yaml

from . import people, scan
from .finding import Finding, normal
from .public import PUBLIC_FILE


def _rules_version() -> str:
    """The scan's own code and the public list: a change to either drops the old results."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), PUBLIC_FILE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "authoring" / "frontmatter.yaml"

# Values that are never prose: dates, switches, numbers, a choice from a list.
_NOT_TEXT_WIDGETS = {"datetime", "boolean", "number", "select"}
# Written as slugs: "jamie-thompson-aged-7".
_SLUG_LIKE = {"tags", "suggested_tags", "slug"}


def _shown_words() -> set[str]:
    """Every word the theme's templates and the plugins use: a key among them may be shown."""
    words: set[str] = set()
    for path in [*sorted((ROOT / "theme").rglob("*.html")), *sorted((ROOT / "plugins").rglob("*.py"))]:
        words |= set(re.findall(r"\w+", path.read_text(encoding="utf-8", errors="replace")))
    return words


@functools.cache
def unpublished_keys() -> frozenset[str]:
    """Front-matter keys the site never shows as text; every other key is scanned.

    Read from the front-matter description: a key whose value is a date, a
    switch, a number or a choice is not prose, and a key kept only for the
    record (``widget: hidden``) is left out unless the theme or a plugin reads
    it. A key the description does not know is scanned: Pelican hands every
    key to the templates.
    """
    schema = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8")) or []
    shown = _shown_words()
    out = {"privacy_reviewed"}  # the fingerprints themselves
    for item in schema:
        key, widget = str(item.get("key")), item.get("widget")
        if widget in _NOT_TEXT_WIDGETS or (widget == "hidden" and key not in shown):
            out.add(key)
    return frozenset(out)


def _words(value: str) -> str:
    # "jamie-thompson-aged-7" reads as "Jamie Thompson Aged 7": capitals are
    # what a slug or tag lost, and names are looked for by them.
    return " ".join(w[:1].upper() + w[1:] for w in value.replace("-", " ").replace("_", " ").split())


def _strings(value) -> list[str]:
    """Every piece of text inside a value: a string, or the strings of a list or a mapping."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [text for part in value.values() for text in _strings(part)]
    if isinstance(value, list):
        return [text for part in value for text in _strings(part)]
    return []


def texts_of(meta: dict) -> list[tuple[str, str]]:
    """(key, text) for every front-matter text the site may publish."""
    skip = unpublished_keys()
    out: list[tuple[str, str]] = []
    for key, value in meta.items():
        if key in skip:
            continue
        if key in _SLUG_LIKE and isinstance(value, str) and key != "slug":
            value = value.split(",")
        texts = _strings(value)
        if key in _SLUG_LIKE:
            texts = [_words(t) for t in texts]
        out += [(key, text) for text in texts]
    return out


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _rows(text: str) -> list:
    return [[f.line, f.kind, f.text, f.why] for f in scan(text)]


class ScanCache:
    """Findings by the hash of the text they were found in, kept in a JSON file."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, list] = {}
        self.changed = False
        self.salt = _rules_version()
        if path and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("salt") == self.salt:
                    self.entries = data.get("entries", {})
            except (OSError, ValueError):
                self.entries = {}

    def prefetch(self, texts: list[str]) -> None:
        """Scan every text not yet cached, on all cores when there are many (a cold check)."""
        todo = list(dict.fromkeys(t for t in texts if _key(t) not in self.entries))
        workers = min(os.cpu_count() or 1, 8)
        if len(todo) < 40 or workers < 2:
            return  # scanned one by one, as they are asked for
        # The model is loaded before the fork, so the workers share it.
        people.nlp()
        people.is_first_name("Sam")
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for text, rows in zip(todo, pool.map(_rows, todo, chunksize=16), strict=True):
                self.entries[_key(text)] = rows
        self.changed = True

    def findings(self, text: str) -> list[Finding]:
        """Findings with line numbers counted from 1 within ``text``."""
        key = _key(text)
        if key not in self.entries:
            self.entries[key] = _rows(text)
            self.changed = True
        return [Finding(line, kind, found, why) for line, kind, found, why in self.entries[key]]

    def save(self) -> None:
        if not self.path or not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside then renamed: a stopped run never leaves half a cache.
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".privacy-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"salt": self.salt, "entries": self.entries}, out)
        Path(tmp).replace(self.path)
        self.changed = False


def texts_to_scan(post) -> list[str]:
    """Every text of a post the scan reads, for ``ScanCache.prefetch``."""
    if post.error:
        return []
    return [post.body, *(text for _, text in texts_of(post.meta))]


def scan_post(meta: dict, body: str, body_line: int, line_of, cache: ScanCache) -> list[Finding]:
    """Every finding in a post, in file order: ``line_of(key)`` gives a front-matter key's line."""
    found: list[tuple[Finding, str]] = []
    for key, text in texts_of(meta):
        found += [
            (Finding(line_of(key), f.kind, f.text, f.why, key), f"{key}\x00{normal(text)}")
            for f in cache.findings(text)
        ]
    lines = body.split("\n")
    for f in cache.findings(body):
        where = normal(lines[f.line - 1]) if 0 < f.line <= len(lines) else ""
        found.append((Finding(body_line + f.line - 1, f.kind, f.text, f.why, "body"), where))
    return number_copies(found)


def number_copies(found: list[tuple[Finding, str]]) -> list[Finding]:
    """Give every later copy of the same finding a fingerprint of its own.

    The first copy in the file keeps the plain fingerprint, so acknowledgements
    made before copies were told apart stay valid. A later copy's fingerprint
    also hashes where it stands (its line, or its key and value) and its count
    among copies on that same line: a new copy is a warning, and adding or
    removing a copy elsewhere does not pass one copy's acknowledgement to another.
    """
    firsts: set[str] = set()
    at_place: Counter[tuple[str, str]] = Counter()
    out = []
    for finding, where in sorted(found, key=lambda pair: pair[0].line):
        plain = finding.fingerprint
        at_place[plain, where] += 1
        if plain in firsts:
            finding = replace(finding, copy=f"{where}\x00{at_place[plain, where]}")
        firsts.add(plain)
        out.append(finding)
    return out


def acknowledged(meta: dict) -> tuple[set[str], bool]:
    """The fingerprints listed under privacy_reviewed, and whether the old ``true`` is there."""
    value = meta.get("privacy_reviewed")
    if value is True:
        return set(), True
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if isinstance(value, list):
        return {str(v).strip().lower() for v in value}, False
    return set(), False


def problems(post, cache: ScanCache) -> list:
    """The findings of one post (a ``frontmatter.Post``) as the check reports them."""
    from ..problems import Problem, Severity

    if post.error:
        return []
    findings = scan_post(post.meta, post.body, post.body_line, post.line_of, cache)
    prints, old_true = acknowledged(post.meta)
    out = []
    for f in findings:
        where = "" if f.where == "body" else f" in the {f.where.replace('_', ' ')}"
        message = f"possible {f.kind}{where}: “{f.text}” ({f.why}) [{f.fingerprint}]"
        if f.fingerprint in prints:
            again = f"acknowledged as {f.fingerprint} under privacy_reviewed; look again if it changed"
            out.append(Problem(str(post.path), f.line, Severity.NOTE, message, again))
            continue
        fix = (
            "make sure it cannot identify a child, a family, a carer or a colleague: remove or change it; "
            f'when it is safe, acknowledge this finding alone: privacy_reviewed: ["{f.fingerprint}"]'
        )
        if old_true:
            fix = (
                "privacy_reviewed: true no longer covers every finding; check this one, then list its "
                f'fingerprint instead: privacy_reviewed: ["{f.fingerprint}"]'
            )
        out.append(Problem(str(post.path), f.line, Severity.WARNING, message, fix))
    return out
