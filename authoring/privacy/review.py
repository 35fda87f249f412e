"""A whole post scanned, every field of it, and each finding judged against the
fingerprints its author has acknowledged under ``privacy_reviewed``.

Front matter is scanned too (title, summary, tags, slug, author, category and
the old blog's comments the importer kept); a finding there is reported on the
line of its key. Results are cached by content hash, so a check or a preview
rescans only what changed since the last scan.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import people, scan
from .finding import Finding
from .public import PUBLIC_FILE


def _rules_version() -> str:
    """The scan's own code and the public list: a change to either drops the old results."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), PUBLIC_FILE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


_FIELDS = ("title", "summary", "author", "category")


def _words(value: str) -> str:
    # "jamie-thompson-aged-7" reads as "Jamie Thompson Aged 7": capitals are
    # what a slug or tag lost, and names are looked for by them.
    return " ".join(w[:1].upper() + w[1:] for w in value.replace("-", " ").replace("_", " ").split())


def texts_of(meta: dict) -> list[tuple[str, str]]:
    """(key, text) for every front-matter field a reader sees."""
    out: list[tuple[str, str]] = []
    for key in _FIELDS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            out.append((key, value))
        elif isinstance(value, list):
            out += [(key, str(v)) for v in value if isinstance(v, str)]
    tags = meta.get("tags")
    if isinstance(tags, list):
        out += [("tags", _words(t)) for t in tags if isinstance(t, str)]
    elif isinstance(tags, str):
        out += [("tags", _words(t)) for t in tags.split(",")]
    slug = meta.get("slug")
    if isinstance(slug, str):
        out.append(("slug", _words(slug)))
    comments = meta.get("legacy_comments")
    if isinstance(comments, list):
        for comment in comments:
            if isinstance(comment, dict):
                for part in ("author", "text"):
                    if isinstance(comment.get(part), str):
                        out.append(("legacy_comments", comment[part]))
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
    """Every finding in a post: ``line_of(key)`` gives a front-matter key's line."""
    found = [Finding(body_line + f.line - 1, f.kind, f.text, f.why, "body") for f in cache.findings(body)]
    for key, text in texts_of(meta):
        found += [Finding(line_of(key), f.kind, f.text, f.why, key) for f in cache.findings(text)]
    return found


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
