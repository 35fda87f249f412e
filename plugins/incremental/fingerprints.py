"""Fingerprints: texts and digests that are equal exactly when what they describe is.

A page's fingerprint is made of the theme and plugin code, the package
versions, the settings, everything known about every post and page except
their bodies (summaries included), and, for a post's own page, its body.
``code_and_settings_digest`` is the part a post's reading and address may
depend on besides its own file.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import importlib.metadata
import marshal
import os
import re
import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pelican.contents import Content, Static
from pelican.urlwrappers import URLWrapper

from plugins.pelican_private import CONTENT_INTERNALS, body_as_read, has_site_links

# A body shown: ``x.content``, ``x["content"]``, ``x|attr("content")``, ``get_content``.
_CONTENT_USE = re.compile(
    r"(?P<whose>[\w.\]\[\"'()]*)\._?content\b|\[\s*['\"]_?content['\"]\s*\]"
    r"|attr\(\s*['\"]_?content['\"]|get_content"
)
# A loop over posts in a post's or page's own template: its ``article.content`` may be another's.
_LOOP_OVER_POSTS = re.compile(r"\bfor\s+(?:article|page)\b")
# What a filter, test or function reads of a post to show its body.
_BODY_NAMES = {"content", "_content", "get_content"}
# Set by the writer for each page it renders, from the depth of the page.
VOLATILE_CONTEXT = {"localsiteurl"}
_PRIVATE_ATTRIBUTES = CONTENT_INTERNALS | {"settings", "url", "save_as"}
_ABSENT = object()
# Every package whose version can change a page's bytes.
_PACKAGES = (
    *("pelican", "markdown", "jinja2", "markupsafe", "pyyaml"),
    *("nh3", "pygments", "feedgenerator", "unidecode", "python-dateutil"),
)
SCALARS = {type(None), bool, int, float, str}
# Settings that say how to build, not what: a build that ignored the cache
# (``--ignore-cache``) leaves one the next build can use.
_HOW_TO_BUILD = {
    "LOAD_CONTENT_CACHE",
    "AUTORELOAD_IGNORE_CACHE",
    "INCREMENTAL_WORKERS",
    "DELETE_OUTPUT_DIRECTORY",
}


def _code_digest(value) -> str:
    code = getattr(value, "__code__", None)
    body = hashlib.blake2b(marshal.dumps(code)).hexdigest() if code is not None else ""
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}#{body}"


@functools.cache
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


def stable(value, _stack: tuple = (), contents: dict[int, str] | None = None) -> str:
    """A text that is the same in every run for equal values: no memory addresses.

    A post or page is written as its path; given ``contents`` (digests by object
    id), as its digest, so that the text changes when what it shows does. Written
    this way, a function brings the values it closes over, so that its answers are
    followed too; and a function or object with a ``fingerprint`` text (which a
    plugin sets to what pages showing it depend on) is written as that text.
    """
    cls = type(value)
    if cls in SCALARS:
        return repr(value)
    kind = _kind(cls)
    if kind == "plain":
        return repr(value)
    if kind == "content":
        found = contents.get(id(value)) if contents is not None else None
        return found or f"<{cls.__name__} {value.source_path}>"
    if kind == "wrapper":
        return f"<{cls.__name__} {value.name!r} {value.slug!r}>"
    if kind == "time":
        return f"{cls.__name__}({value.isoformat()}{getattr(value, 'tzinfo', None)})"
    if kind == "code":
        if contents is None:
            return _code_digest(value)
        return _code_digest(value) + _closed_over(value, _stack, contents)
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
            items = [
                f"{k!r}: {repr(v) if type(v) in SCALARS else stable(v, inner, contents)}" for k, v in pairs
            ]
        except TypeError:  # keys of mixed types
            items = sorted(
                f"{stable(k, inner, contents)}: {stable(v, inner, contents)}" for k, v in value.items()
            )
        return "{" + ", ".join(items) + "}"
    if kind == "sequence":
        parts = [repr(v) if type(v) in SCALARS else stable(v, inner, contents) for v in value]
        return f"{cls.__name__}[" + ", ".join(parts) + "]"
    if kind == "set":
        return "set[" + ", ".join(sorted(stable(v, inner, contents) for v in value)) + "]"
    if isinstance(value, functools.partial):
        # A function with some arguments given: its code, and those arguments.
        return f"<partial {stable([value.func, value.args, value.keywords], inner, contents)}>"
    given = getattr(value, "fingerprint", None) if contents is not None else None
    if isinstance(given, str):
        return f"<{cls.__qualname__} {given}>"
    text = repr(value)
    if " at 0x" not in text:
        return text
    state = getattr(value, "__dict__", None)
    if state is None:
        return text  # unknown, and different every run: the page is rendered
    return f"<{cls.__qualname__} {stable(state, inner, contents)}>"


def _closed_over(function, stack: tuple, contents: dict[int, str]) -> str:
    given = getattr(function, "fingerprint", None)
    if isinstance(given, str):
        return f"[{given}]"
    cells = getattr(function, "__closure__", None) or ()
    values = []
    for cell in cells:
        try:
            values.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            values.append(None)
    if not values:
        return ""
    return stable(values, (*stack, id(function)), contents)


def _files_digest(folders: Iterable[str]) -> str:
    digest = hashlib.blake2b()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")) if folder and os.path.isdir(folder) else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
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
    """Whether a template shows a body other than its own post's or page's (a list of
    posts with their bodies, a neighbour's body): then every body is part of its post's
    digest, and a body edit renders every page that shows the post."""
    own = {f"{getattr(obj, 'template', '')}.html" for obj in contents} | {"article.html", "page.html"}
    for path in _theme_templates(settings):
        text = path.read_text(encoding="utf-8", errors="replace")
        for use in _CONTENT_USE.finditer(text):
            if path.name in own and use["whose"] in ("article", "page") and not _LOOP_OVER_POSTS.search(text):
                continue  # the post's or page's own body, on its own page
            return True
    return _template_code_reads_bodies(settings)


def _template_code_reads_bodies(settings: dict) -> bool:
    """Whether a filter, test or function the templates may call reads a post's body."""
    functions = [
        value
        for name in ("JINJA_FILTERS", "JINJA_GLOBALS", "JINJA_TESTS")
        for value in (settings.get(name) or {}).values()
    ]
    return any(_BODY_NAMES & _names_used(function) for function in functions)


def _names_used(function) -> set[str]:
    """The attribute and global names a function's code (and the code nested in it) uses."""
    function = getattr(function, "func", function)  # a functools.partial's function
    code = getattr(function, "__code__", None)
    names: set[str] = set()
    stack = [code] if code is not None else []
    while stack:
        code = stack.pop()
        names.update(code.co_names)
        stack += [const for const in code.co_consts if isinstance(const, types.CodeType)]
    return names


_digests: dict = {}


# Folders of the project digested apart, or holding no code a build runs.
_NOT_CODE = {"content", "output", "cache", "theme", "tests", "benchmarks", "raw", "node_modules"}


def _project_code(settings: dict) -> str:
    """The project's own code and the data files it reads (the settings file with its
    helper functions, the front matter's description, a Markdown extension of the
    project's), by content: what plugin code outside the plugins folder may use.

    The files at the top of the project and in its Python packages (folders with an
    ``__init__.py``), not in other folders, which may hold anything."""
    top = os.path.dirname(os.path.abspath(settings["PATH"]))
    skip = {os.path.abspath(settings.get(k) or "") for k in ("PATH", "OUTPUT_PATH", "CACHE_PATH", "THEME")}
    # The plugins are digested on their own (they may lie outside the project).
    skip |= {os.path.abspath(folder) for folder in settings.get("PLUGIN_PATHS", [])}
    digest = hashlib.blake2b()
    read = set()
    for folder, folders, files in os.walk(top):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith((".", "__"))
            and name not in _NOT_CODE
            and os.path.join(folder, name) not in skip
            and os.path.isfile(os.path.join(folder, name, "__init__.py"))
        )
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".yml")):
                path = os.path.join(folder, name)
                read.add(path)
                with contextlib.suppress(OSError), open(path, "rb") as handle:
                    digest.update(path.encode() + b"\0" + handle.read() + b"\0")
    # Modules the settings imported from folders that are no package (a "helpers"
    # folder on the path, a namespace package): code too, wherever it lies.
    for path in sorted(_imported_from(top, skip) - read):
        with contextlib.suppress(OSError), open(path, "rb") as handle:
            digest.update(path.encode() + b"\0" + handle.read() + b"\0")
    return digest.hexdigest()


def _imported_from(top: str, skip: set[str]) -> set[str]:
    """The files of the modules loaded now from the project's own folders (not hidden, not
    the content, output, tests and the like, not the plugins, which are digested apart)."""
    found = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            continue
        path = os.path.abspath(path)
        parts = os.path.relpath(path, top).split(os.sep)
        if parts[0] == ".." or any(part.startswith((".", "__")) for part in parts[:-1]):
            continue
        if parts[0] in _NOT_CODE or any(path.startswith(folder + os.sep) for folder in skip - {top}):
            continue
        found.add(path)
    return found


def code_and_settings_digest(settings: dict) -> str:
    """What a post's reading and address may depend on besides its own file (once per build)."""
    digest = _digests.get(id(settings))
    if digest is None:
        kept = {k: v for k, v in settings.items() if k not in _HOW_TO_BUILD}
        code = [_files_digest(settings.get("PLUGIN_PATHS", [])), _project_code(settings)]
        parts = [_versions(), *code, stable(kept)]
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
    """What pages depend on, and what the next build may reuse."""

    base: str
    summaries: dict[str, str]
    bodies: dict[int, str]
    # Posts and pages whose summary is the same on every page, with it.
    same_everywhere: list[tuple[Content, str]]
    # Each post's, page's and static file's digest, by object id: its own state
    # and summary, and those of the posts it refers to (its neighbours, say).
    objects: dict[int, str] = field(default_factory=dict)
    # Every address on the site: what a body that links to other content depends on.
    addresses: str = ""
    # Posts and pages whose bodies are known to link to no other content.
    linkless: set[int] = field(default_factory=set)
    # Each post's, page's and static file's own digest, by source path.
    owns: dict[str, str] = field(default_factory=dict)
    # Whether a template shows a body other than its own post's.
    with_bodies: bool = True
    _texts: dict[int, str] = field(default_factory=dict)

    def text(self, value) -> str:
        """``value`` as text for a page's fingerprint, each post in it by its digest."""
        if type(value) in SCALARS:
            return repr(value)
        key = id(value)
        found = self._texts.get(key)
        if found is None:
            found = stable(value, contents=self.objects)
            if len(found) > 64:
                # A long list goes into hundreds of pages' fingerprints: hashed once, not with each.
                found = "#" + _digest(found)
            found = self._texts[key] = found
        return found


def _referred(state: dict) -> list[Content]:
    """The posts and pages a post's own values point to (neighbours, related posts)."""
    found = []
    for value in state.values():
        if isinstance(value, Content):
            found.append(value)
        elif isinstance(value, list | tuple):
            found += [item for item in value if isinstance(item, Content)]
    return found


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def theme_digest(settings: dict) -> str:
    """The theme's files and the template overrides, by content (once per build)."""
    key = ("theme", id(settings))
    digest = _digests.get(key)
    if digest is None:
        folders = [settings["THEME"], *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
        digest = _digests[key] = _files_digest(folders)
    return digest


def site_base(settings: dict) -> str:
    """What every page depends on: code, settings and theme."""
    theme = theme_digest(settings)
    return hashlib.blake2b(f"{code_and_settings_digest(settings)}\0{theme}".encode()).hexdigest()


def _sorted_contents(context: dict) -> tuple[list, list]:
    contents = sorted(
        (c for c in context.get("generated_content", {}).values() if c is not None),
        key=lambda c: c.source_path,
    )
    statics = sorted(
        (c for c in context.get("static_content", {}).values() if c is not None), key=lambda c: c.source_path
    )
    return contents, statics


def _addresses(objects: list) -> str:
    return _digest(*(f"{obj.source_path}\0{obj.url}" for obj in objects))


class _Own:
    """Each post's own digest: its values (not its body) and its summary, with the
    summaries worked out on the way, for the next build to reuse."""

    def __init__(self, settings: dict, known_summaries: dict, with_bodies: bool):
        self.settings, self.known, self.with_bodies = settings, known_summaries, with_bodies
        self.used: dict[str, str] = {}
        self.bodies: dict[int, str] = {}
        self.same_everywhere: list[tuple[Content, str]] = []
        self.linkless: set[int] = set()

    def __call__(self, obj, state: dict) -> str:
        parts = [stable([obj.source_path, obj.url, obj.save_as, state])]
        if isinstance(obj, Static) or not isinstance(obj, Content):
            return _digest(*parts)
        body = self.bodies[id(obj)] = content_digest(obj)
        # A summary is kept for the next build only when it follows from the
        # body and the settings alone: no summary of its own in the metadata,
        # no links to other content (whose addresses may change).
        summary = None if "summary" in obj.metadata else self.known.get(body)
        if summary is None:
            summary = obj.get_summary(self.settings["SITEURL"])
            if "summary" not in obj.metadata and not has_site_links(obj):
                self._keep(obj, body, summary)
        else:
            # Kept only for bodies without links to other content: this one has none.
            self._keep(obj, body, summary)
        parts.append(summary)
        if self.with_bodies:
            parts.append(body)
        return _digest(*parts)

    def _keep(self, obj, body: str, summary: str) -> None:
        self.used[body] = summary
        self.same_everywhere.append((obj, summary))
        self.linkless.add(id(obj))


def site_digest(context: dict, settings: dict, previous: dict) -> SiteDigest:
    """What pages depend on: code and settings (the base), and each post's digest.

    Also returns the summaries used, by body digest: the next build reuses
    them for unchanged bodies when the base is the same.
    """
    contents, statics = _sorted_contents(context)
    with_bodies = _lists_show_bodies(settings, contents)
    base = site_base(settings)
    known = previous.get("summaries", {}) if previous.get("base") == base else {}
    own_digest = _Own(settings, known, with_bodies)
    own: dict[int, str] = {}
    owns: dict[str, str] = {}
    referred: dict[int, list[Content]] = {}
    for obj in [*contents, *statics]:
        state = _state(obj)
        if isinstance(obj, Content) and not isinstance(obj, Static):
            referred[id(obj)] = _referred(state)
        own[id(obj)] = owns[obj.source_path] = own_digest(obj, state)
    objects = {
        key: _digest(digest, *(own.get(id(other), "") for other in referred.get(key, ())))
        for key, digest in own.items()
    }
    return SiteDigest(
        base,
        own_digest.used,
        own_digest.bodies,
        own_digest.same_everywhere,
        objects,
        _addresses([*contents, *statics]),
        own_digest.linkless,
        owns=owns,
        with_bodies=with_bodies,
    )


def body_edit_digest(context: dict, settings: dict, previous: dict, changed: set[str]) -> SiteDigest | None:
    """The digest of a build in which only the bodies of some posts changed, worked out
    for those posts alone; None when anything else may have changed.

    Every other input is as the last build found it (``changed`` holds the content
    files that differ), so every other post's values are too, unless a plugin
    works out a post's values from another post's body: none here does, and one
    that did would have to be a change of code, which ends this shortcut.
    The changed posts' own values and summaries must be as they were, and no
    template may show other posts' bodies.
    """
    owns = previous.get("owns")
    if not changed or not owns or previous.get("with_bodies") is not False:
        return None
    base = site_base(settings)
    if previous.get("base") != base:
        return None
    contents, statics = _sorted_contents(context)
    everything = [*contents, *statics]
    if len(everything) != len(owns) or _addresses(everything) != previous.get("addresses"):
        return None
    by_path = {obj.source_path: obj for obj in contents}
    own_digest = _Own(settings, previous.get("summaries", {}), with_bodies=False)
    for path in changed:
        obj = by_path.get(path)
        if obj is None or isinstance(obj, Static) or not isinstance(obj, Content):
            return None  # a new, deleted or static file, or one that is not a post
        if own_digest(obj, _state(obj)) != owns.get(path):
            return None
    return SiteDigest(
        base,
        {**previous.get("summaries", {}), **own_digest.used},
        own_digest.bodies,
        own_digest.same_everywhere,
        addresses=previous["addresses"],
        linkless=own_digest.linkless,
        owns=owns,
        with_bodies=False,
    )
