"""What a template reads from its context: the names it uses, through every template
it extends, includes or imports.

A page's fingerprint holds the values of those names only, so that a post's
new tag changes the pages that show that post, and not every page. Jinja's
own analysis finds each template's names (``jinja2.meta``); it compiles the
template, so its answer is kept, by the template's text, from one build to
the next, in a file of its own (``cache/template-names``) that even a build
ignoring the content cache reads: the answer follows from the text alone.
A template whose names cannot be known (one that uses another chosen at
render time, one that calls a filter, test or function given the whole
context, or one that cannot be read) reads everything.
"""

from __future__ import annotations

import hashlib
import os

import jinja2
from jinja2 import meta, nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.filters import FILTERS
from jinja2.tests import TESTS

from .records import load, write_atomically

EVERYTHING = None
RECORD = "template-names"
FORMAT = 2


class TemplateNames:
    """Names read, by template; ``known`` is kept between builds (template text digest,
    its own names, the templates it uses, the filters, tests and functions it calls)."""

    def __init__(self, known: dict | None = None):
        self.known: dict[str, list] = dict(known or {})
        self._found: dict[tuple[int, str], tuple | None] = {}
        self._answers: dict[tuple, frozenset[str] | None] = {}
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

    def read(self, template, context: dict | None = None) -> frozenset[str] | None:
        """The context names ``template`` and the templates it uses read; None for all of them."""
        environment = getattr(template, "environment", None)
        name = getattr(template, "name", None)
        if environment is None or name is None:
            return EVERYTHING
        # Asked for each page: the answer for one template and one context is kept.
        key = (id(environment), name, id(context))
        if key in self._answers:
            return self._answers[key]
        found = self._names(environment, name, ())
        if found is not EVERYTHING:
            names, calls = found
            found = EVERYTHING if any(_given_context(environment, context or {}, c) for c in calls) else names
        self._answers[key] = found
        return found

    def _names(self, environment: jinja2.Environment, name: str, seen: tuple[str, ...]):
        """The names a template and those it uses read, and the filters, tests and functions
        they call; None when it cannot be known."""
        key = (id(environment), name)
        if key in self._found:
            return self._found[key]
        if name in seen:
            return frozenset(), frozenset()
        found: tuple[frozenset[str], frozenset[tuple]] | None
        try:
            own, others, calls = self._own(environment, name)
            found = frozenset(own), frozenset(tuple(call) for call in calls)
            for other in others:
                more = self._names(environment, other, (*seen, name)) if other is not None else EVERYTHING
                if more is EVERYTHING:
                    found = EVERYTHING
                    break
                found = found[0] | more[0], found[1] | more[1]
        except (jinja2.TemplateError, OSError, AttributeError, TypeError):
            found = EVERYTHING
        self._found[key] = found
        return found

    def _own(self, environment: jinja2.Environment, name: str) -> tuple[list[str], list[str | None], list]:
        source, _, _ = environment.loader.get_source(environment, name)
        digest = hashlib.blake2b(source.encode(), digest_size=16).hexdigest()
        kept = self.known.get(name)
        if kept and kept[0] == digest:
            return kept[1], kept[2], kept[3]
        tree = environment.parse(source)
        own = sorted(meta.find_undeclared_variables(tree))
        others = list(meta.find_referenced_templates(tree))
        calls = sorted(
            {("filter", node.name) for node in tree.find_all(nodes.Filter)}
            | {("test", node.name) for node in tree.find_all(nodes.Test)}
            | {
                ("global", node.node.name)
                for node in tree.find_all(nodes.Call)
                if isinstance(node.node, nodes.Name)
            }
        )
        self.known[name] = [digest, own, others, [list(call) for call in calls]]
        return own, others, calls


def _given_context(environment: jinja2.Environment, context: dict, call) -> bool:
    """Whether a filter, test or function a template calls is handed the whole context
    (``@jinja2.pass_context``), and so may read any name in it."""
    kind, name = call
    if kind == "filter":
        function = environment.filters.get(name)
        builtin = FILTERS.get(name)
    elif kind == "test":
        function = environment.tests.get(name)
        builtin = TESTS.get(name)
    else:
        function = context.get(name, environment.globals.get(name))
        builtin = DEFAULT_NAMESPACE.get(name)
    if function is not None and function is builtin:
        return False  # Jinja's own (map, select…) take the context only to find filters by name
    return getattr(getattr(function, "jinja_pass_arg", None), "name", None) == "context"
