"""Fingerprints: texts and digests that are equal exactly when what they describe is.

A page's fingerprint is made of the theme and plugin code, the package
versions, the settings, everything known about every post and page except
their bodies (summaries included), and, for a post's own page, its body.
``code_and_settings_digest`` is the part a post's reading and address may
depend on besides its own file.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import marshal
import os
import re
import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pelican.contents import Content, Static
from pelican.urlwrappers import URLWrapper

from plugins.pelican_private import CONTENT_INTERNALS, body_as_read, has_site_links

_CONTENT_USE = re.compile(r"\.content\b|\[\s*['\"]content['\"]\s*\]|get_content")
_VOLATILE_CONTEXT = {"localsiteurl"}
_PRIVATE_ATTRIBUTES = CONTENT_INTERNALS | {"settings", "url", "save_as"}
_ABSENT = object()
# Every package whose version can change a page's bytes.
_PACKAGES = (
    *("pelican", "markdown", "jinja2", "markupsafe", "pyyaml"),
    *("nh3", "pygments", "feedgenerator", "unidecode", "python-dateutil"),
)
SCALARS = {type(None), bool, int, float, str}
# Context entries Pelican derives from the posts, pages and settings, which
# the fingerprint already holds one by one.
_DERIVED_CONTEXT = {
    "articles",
    "dates",
    "drafts",
    "hidden_articles",
    "translations",
    "tags",
    "categories",
    "authors",
    "period_archives",
    "generated_content",
    "static_content",
    "static_links",
    "staticfiles",
    "pages",
    "hidden_pages",
    "draft_pages",
    "hidden_translations",
    "draft_translations",
}


def _code_digest(value) -> str:
    code = getattr(value, "__code__", None)
    body = hashlib.blake2b(marshal.dumps(code)).hexdigest() if code is not None else ""
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}#{body}"


@cache
def _kind(cls: type) -> str:
    """How ``stable`` writes values of this class; asked once per class, not per value."""
    for name, bases in (
        ("content", Content),
        ("wrapper", URLWrapper),
        ("plain", (str, int, float, bytes)),
        ("time", (datetime.date, datetime.time)),
        ("code", (types.FunctionType, types.MethodType, type, types.BuiltinFunctionType)),
        ("module", types.ModuleType),
        ("mapping", dict),
        ("sequence", (list, tuple)),
        ("set", (set, frozenset)),
    ):
        if issubclass(cls, bases):
            return name
    return "other"


def stable(value, _stack: tuple = ()) -> str:
    """A text that is the same in every run for equal values: no memory addresses."""
    cls = type(value)
    if cls in SCALARS:
        return repr(value)
    kind = _kind(cls)
    if kind == "plain":
        return repr(value)
    if kind == "content":
        return f"<{cls.__name__} {value.source_path}>"
    if kind == "wrapper":
        return f"<{cls.__name__} {value.name!r} {value.slug!r}>"
    if kind == "time":
        return f"{cls.__name__}({value.isoformat()}{getattr(value, 'tzinfo', None)})"
    if kind == "code":
        return _code_digest(value)
    if kind == "module":
        return f"<module {value.__name__}>"
    if id(value) in _stack:
        return "<cycle>"
    # The stack is a few containers deep, so a tuple is the cheapest to extend.
    inner = (*_stack, id(value))
    if kind == "mapping":
        try:
            # Keys are unique, so sorting the items compares keys only.
            pairs = sorted(value.items())
            items = [f"{k!r}: {repr(v) if type(v) in SCALARS else stable(v, inner)}" for k, v in pairs]
        except TypeError:  # keys of mixed types
            items = sorted(f"{stable(k, inner)}: {stable(v, inner)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if kind == "sequence":
        parts = [repr(v) if type(v) in SCALARS else stable(v, inner) for v in value]
        return f"{cls.__name__}[" + ", ".join(parts) + "]"
    if kind == "set":
        return "set[" + ", ".join(sorted(stable(v, inner) for v in value)) + "]"
    text = repr(value)
    if " at 0x" not in text:
        return text
    state = getattr(value, "__dict__", None)
    if state is None:
        return text  # unknown, and different every run: the page is rendered
    return f"<{cls.__qualname__} {stable(state, inner)}>"


def _files_digest(folders: Iterable[str]) -> str:
    digest = hashlib.blake2b()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")) if folder and os.path.isdir(folder) else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _versions() -> str:
    found = []
    for name in _PACKAGES:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return sys.version + " " + " ".join(found)


def content_digest(obj) -> str:
    return hashlib.blake2b(body_as_read(obj).encode()).hexdigest()


def _theme_templates(settings: dict) -> list[Path]:
    folders = [os.path.join(settings["THEME"], "templates"), *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    return [p for f in folders if os.path.isdir(f) for p in Path(f).rglob("*") if p.is_file()]


def _lists_show_bodies(settings: dict, contents: list) -> bool:
    own = {f"{getattr(obj, 'template', '')}.html" for obj in contents} | {"article.html", "page.html"}
    for path in _theme_templates(settings):
        if path.name not in own and _CONTENT_USE.search(path.read_text(encoding="utf-8", errors="replace")):
            return True
    return False


_digests: dict[int, str] = {}


def code_and_settings_digest(settings: dict) -> str:
    """What a post's reading and address may depend on besides its own file (once per build)."""
    digest = _digests.get(id(settings))
    if digest is None:
        parts = [_versions(), _files_digest(settings.get("PLUGIN_PATHS", [])), stable(dict(settings))]
        digest = _digests[id(settings)] = hashlib.blake2b("\0".join(parts).encode()).hexdigest()
    return digest


def forget_digests() -> None:
    """A new build: settings and plugin code may have changed since the last."""
    _digests.clear()


def _state(obj) -> dict:
    # Pelican copies each metadata entry to an attribute of the same name;
    # the metadata already holds those.
    metadata = getattr(obj, "metadata", None) or {}
    private = _PRIVATE_ATTRIBUTES
    return {k: v for k, v in vars(obj).items() if k not in private and metadata.get(k, _ABSENT) is not v}


@dataclass
class SiteDigest:
    """What every page depends on, and what the next build may reuse."""

    base: str
    site: str
    summaries: dict[str, str]
    bodies: dict[int, str]
    # Posts and pages whose summary is the same on every page, with it.
    same_everywhere: list[tuple[Content, str]]


def site_digest(context: dict, settings: dict, previous: dict) -> SiteDigest:
    """What every page depends on: code and settings (the base), and all content.

    Also returns the summaries used, by body digest: the next build reuses
    them for unchanged bodies when the base is the same.
    """
    contents = sorted(
        (c for c in context.get("generated_content", {}).values() if c is not None),
        key=lambda c: c.source_path,
    )
    statics = sorted(
        (c for c in context.get("static_content", {}).values() if c is not None), key=lambda c: c.source_path
    )
    with_bodies = _lists_show_bodies(settings, contents)
    theme = _files_digest([settings["THEME"], *settings.get("THEME_TEMPLATES_OVERRIDES", [])])
    base = hashlib.blake2b(f"{code_and_settings_digest(settings)}\0{theme}".encode()).hexdigest()
    summaries = previous.get("summaries", {}) if previous.get("base") == base else {}
    extra = {k: v for k, v in context.items() if k not in settings and k not in _DERIVED_CONTEXT}
    parts = [base, stable({k: v for k, v in extra.items() if k not in _VOLATILE_CONTEXT})]
    used, bodies, same_everywhere = {}, {}, []
    for obj in [*contents, *statics]:
        parts.append(stable([obj.source_path, obj.url, obj.save_as, _state(obj)]))
        if isinstance(obj, Static) or not isinstance(obj, Content):
            continue
        body = bodies[id(obj)] = content_digest(obj)
        # A summary is kept for the next build only when it follows from the
        # body and the settings alone: no summary of its own in the metadata,
        # no links to other content (whose addresses may change).
        summary = None if "summary" in obj.metadata else summaries.get(body)
        if summary is None:
            summary = obj.get_summary(settings["SITEURL"])
            if "summary" not in obj.metadata and not has_site_links(obj):
                used[body] = summary
                same_everywhere.append((obj, summary))
        else:
            used[body] = summary
            same_everywhere.append((obj, summary))
        parts.append(summary)
        if with_bodies:
            parts.append(body)
    site = hashlib.blake2b("\0".join(parts).encode()).hexdigest()
    return SiteDigest(base, site, used, bodies, same_everywhere)
