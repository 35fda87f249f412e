"""What a template reads from its context: the names it uses, through every template
it extends, includes or imports.

A page's fingerprint holds the values of those names only, so that a post's
new tag changes the pages that show that post, and not every page. Jinja's
own analysis finds each template's names (``jinja2.meta``); it compiles the
template, so its answer is kept, by the template's text, from one build to
the next, in a file of its own (``cache/template-names``) that even a build
ignoring the content cache reads: the answer follows from the text alone.
A template whose names cannot be known (one that uses another chosen at
render time, or one that cannot be read) reads everything.
"""

from __future__ import annotations

import hashlib
import os

import jinja2
from jinja2 import meta

from .records import load, write_atomically

EVERYTHING = None
RECORD = "template-names"
FORMAT = 1


class TemplateNames:
    """Names read, by template; ``known`` is kept between builds (template text digest,
    its own names, the templates it uses)."""

    def __init__(self, known: dict | None = None):
        self.known: dict[str, list] = dict(known or {})
        self._found: dict[tuple[int, str], frozenset[str] | None] = {}
        self._kept = dict(self.known)

    @classmethod
    def recalled(cls, settings: dict, base: str) -> TemplateNames:
        """The names the last build worked out, if it ran the same code and settings
        (Jinja's filters and tests are part of them)."""
        data = load(os.path.join(settings["CACHE_PATH"], RECORD), FORMAT)
        return cls(data["known"] if data is not None and data.get("base") == base else None)

    def remember(self, settings: dict, base: str) -> None:
        if settings.get("CACHE_CONTENT") and self.known != self._kept:
            path = os.path.join(settings["CACHE_PATH"], RECORD)
            write_atomically(path, {"format": FORMAT, "base": base, "known": self.known})
            self._kept = dict(self.known)

    def read(self, template) -> frozenset[str] | None:
        """The context names ``template`` and the templates it uses read; None for all of them."""
        environment = getattr(template, "environment", None)
        name = getattr(template, "name", None)
        if environment is None or name is None:
            return EVERYTHING
        return self._names(environment, name, ())

    def _names(self, environment: jinja2.Environment, name: str, seen: tuple[str, ...]):
        key = (id(environment), name)
        if key in self._found:
            return self._found[key]
        if name in seen:
            return frozenset()
        found: frozenset[str] | None
        try:
            own, others = self._own(environment, name)
            found = frozenset(own)
            for other in others:
                more = self._names(environment, other, (*seen, name)) if other is not None else EVERYTHING
                if more is None:
                    found = EVERYTHING
                    break
                found |= more
        except (jinja2.TemplateError, OSError, AttributeError, TypeError):
            found = EVERYTHING
        self._found[key] = found
        return found

    def _own(self, environment: jinja2.Environment, name: str) -> tuple[list[str], list[str | None]]:
        source, _, _ = environment.loader.get_source(environment, name)
        digest = hashlib.blake2b(source.encode(), digest_size=16).hexdigest()
        kept = self.known.get(name)
        if kept and kept[0] == digest:
            return kept[1], kept[2]
        tree = environment.parse(source)
        own = sorted(meta.find_undeclared_variables(tree))
        others = list(meta.find_referenced_templates(tree))
        self.known[name] = [digest, own, others]
        return own, others
