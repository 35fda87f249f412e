"""Builds that use every core and, on a rebuild, redo only what changed.

Three things, each leaving the site byte-for-byte what a clean build makes:

- **Reading in parallel.** Before the articles are read, the posts not
  already in Pelican's content cache are converted from Markdown by forked
  workers, one per core, and handed to that cache; Pelican then reads them
  from it as if they had been read before.
- **Writing in parallel.** Pages are rendered once every page has been asked
  for, shared out between forked workers.
- **Skipping what has not changed.** Each page gets a fingerprint: of the
  theme and plugin code, the settings, everything known about every post and
  page except their bodies, and, for a post's own page, its body. A page
  whose fingerprint and file are as the last build left them is not rendered
  again. A post's summary is part of what is known about it, so editing the
  first paragraph re-renders the lists it appears on; editing anywhere else
  re-renders only the post. Files the last build wrote and this one did not
  are deleted. With ``--ignore-cache`` or ``LOAD_CONTENT_CACHE = False``
  (production) every page is rendered, into an emptied output folder.
- **Keeping addresses.** A post's ``url`` and ``save_as`` are worked out
  from its file, the settings and the plugins' code; when none of these has
  changed since the last build, the last build's answer is used (with the
  ``url_cache`` plugin, which makes them settable). A plugin that gave a post
  an address from anything else would have to be listed in this key.
- **Fewer collections.** Once Pelican is set up, what exists is set aside
  from Python's cycle collector and collections come less often: the
  objects a build makes live until it ends, and walking them again and
  again cost about a tenth of a rebuild.

This assumes list pages show summaries, not whole posts: if a template other
than a post's or page's own mentions ``.content``, every body joins every
fingerprint and a rebuild renders everything. Rendering happens in worker
processes, so a plugin connected to ``content_written`` runs there, and not
at all for a skipped page.

Settings: ``INCREMENTAL_WORKERS`` (default: the number of cores; 1 turns the
workers off). Template variables added: none.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime
import gc
import hashlib
import importlib.metadata
import logging
import marshal
import os
import pickle
import re
import shutil
import sys
import traceback
import types
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.contents import Article, Content, Static
from pelican.readers import _filter_discardable_metadata
from pelican.urlwrappers import URLWrapper
from pelican.utils import clean_output_dir
from pelican.writers import Writer

logger = logging.getLogger(__name__)

MANIFEST = "incremental"
ADDRESSES = "incremental-addresses"
FORMAT = 1
# Forking costs a few milliseconds; below this much work one process is faster.
MIN_PARALLEL = 24
_CONTENT_USE = re.compile(r"\.content\b|\[\s*['\"]content['\"]\s*\]|get_content")
_VOLATILE_CONTEXT = {"localsiteurl"}
_PRIVATE_ATTRIBUTES = {"_content", "_context", "settings", "url", "save_as"}
_ABSENT = object()
_PACKAGES = ("pelican", "markdown", "jinja2", "markupsafe", "pyyaml")
_SCALARS = {type(None), bool, int, float, str}
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


# Forked workers ------------------------------------------------------------


class _Collect(logging.Handler):
    """Keeps a worker's log records so the main process can emit them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


@dataclass
class Outcome:
    """What one item of work produced in a worker."""

    value: object = None
    records: list = field(default_factory=list)
    error: str | None = None


def _run(function: Callable, item) -> Outcome:
    collector = _Collect()
    root = logging.getLogger()
    saved, root.handlers = root.handlers, [collector]
    try:
        return Outcome(value=function(item), records=collector.records)
    except Exception:
        return Outcome(records=collector.records, error=traceback.format_exc())
    finally:
        root.handlers = saved


def fork_map(function: Callable, items: list, workers: int) -> list[Outcome]:
    """``function`` over ``items`` in forked processes, results in order.

    Workers inherit the parent's memory, so neither the function nor the items
    need to be picklable; only the results travel back.
    """
    workers = min(workers, len(items))
    if workers < 2 or len(items) < MIN_PARALLEL:
        return [_run(function, item) for item in items]
    children = []
    for worker in range(1, workers):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(read_end)
            status = 0
            try:
                share = [_run(function, item) for item in items[worker::workers]]
                with os.fdopen(write_end, "wb") as pipe:
                    pickle.dump(share, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                os._exit(status)
        os.close(write_end)
        children.append((worker, pid, read_end))
    results: list[Outcome | None] = [None] * len(items)
    results[0::workers] = [_run(function, item) for item in items[0::workers]]
    failed = []
    for worker, pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            failed.append(worker)
            continue
        results[worker::workers] = pickle.loads(data)
    for worker in failed:  # a worker that died: do its share here
        results[worker::workers] = [_run(function, item) for item in items[worker::workers]]
    return results  # type: ignore[return-value]


def _workers(settings: dict) -> int:
    return max(1, int(settings.get("INCREMENTAL_WORKERS") or os.cpu_count() or 1))


# Reading -----------------------------------------------------------------


def read_in_parallel(generator) -> None:
    """Fill Pelican's reader cache with every uncached post, read on all cores."""
    readers = generator.readers
    if not generator.settings.get("CACHE_CONTENT") or _workers(generator.settings) < 2:
        return
    paths = []
    for relative in generator.get_files(
        generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]
    ):
        path = os.path.abspath(os.path.join(generator.path, relative))
        fmt = os.path.splitext(path)[1][1:]
        if fmt in readers.readers and readers.get_cached_data(path, (None, None))[0] is None:
            paths.append(path)
    if len(paths) < MIN_PARALLEL:
        return

    def read(path):
        content, metadata = readers.readers[os.path.splitext(path)[1][1:]].read(path)
        return content, _filter_discardable_metadata(metadata)

    for path, outcome in zip(paths, fork_map(read, paths, _workers(generator.settings)), strict=True):
        # A post that warned or failed is read again in this process, so its
        # message is logged (and counted by --fatal) the usual way.
        if outcome.error is None and not outcome.records:
            readers.cache_data(path, outcome.value)


# Fingerprints ---------------------------------------------------------------


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
    if cls in _SCALARS:
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
            items = [f"{k!r}: {repr(v) if type(v) in _SCALARS else stable(v, inner)}" for k, v in pairs]
        except TypeError:  # keys of mixed types
            items = sorted(f"{stable(k, inner)}: {stable(v, inner)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if kind == "sequence":
        parts = [repr(v) if type(v) in _SCALARS else stable(v, inner) for v in value]
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


def _content_digest(obj) -> str:
    return hashlib.blake2b((obj._content or "").encode()).hexdigest()


def _theme_templates(settings: dict) -> list[Path]:
    folders = [os.path.join(settings["THEME"], "templates"), *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    return [p for f in folders if os.path.isdir(f) for p in Path(f).rglob("*") if p.is_file()]


def _lists_show_bodies(settings: dict, contents: list) -> bool:
    own = {f"{getattr(obj, 'template', '')}.html" for obj in contents} | {"article.html", "page.html"}
    for path in _theme_templates(settings):
        if path.name not in own and _CONTENT_USE.search(path.read_text(encoding="utf-8", errors="replace")):
            return True
    return False


def code_and_settings_digest(settings: dict) -> str:
    """What a post's address may depend on besides its own file."""
    parts = [_versions(), _files_digest(settings.get("PLUGIN_PATHS", [])), stable(dict(settings))]
    return hashlib.blake2b("\0".join(parts).encode()).hexdigest()


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
    used, bodies = {}, {}
    for obj in [*contents, *statics]:
        parts.append(stable([obj.source_path, obj.url, obj.save_as, _state(obj)]))
        if isinstance(obj, Static) or not isinstance(obj, Content):
            continue
        body = bodies[id(obj)] = _content_digest(obj)
        summary = summaries.get(body)
        if summary is None:
            summary = obj.get_summary(settings["SITEURL"])
        used[body] = summary
        parts.append(summary)
        if with_bodies:
            parts.append(body)
    return SiteDigest(base, hashlib.blake2b("\0".join(parts).encode()).hexdigest(), used, bodies)


# Addresses ---------------------------------------------------------------


@dataclass
class Addresses:
    """Posts' addresses from the last build, by source file."""

    file: str
    base: str
    known: dict[str, tuple]
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)


_addresses: Addresses | None = None


def _settable(obj) -> bool:
    cls = type(obj)
    return isinstance(getattr(cls, "url", None), cached_property) and isinstance(
        getattr(cls, "save_as", None), cached_property
    )


def recall_addresses(generator) -> None:
    global _addresses
    settings = generator.settings
    _addresses = None
    if not settings.get("CACHE_CONTENT"):
        return
    path = os.path.join(settings["CACHE_PATH"], ADDRESSES)
    base = code_and_settings_digest(settings)
    known = {}
    if settings.get("LOAD_CONTENT_CACHE"):
        with contextlib.suppress(OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            with open(path, "rb") as handle:
                data = pickle.load(handle)
            if isinstance(data, dict) and data.get("format") == FORMAT and data.get("base") == base:
                known = data["known"]
    _addresses = Addresses(path, base, known)


def reuse_address(content) -> None:
    book = _addresses
    if book is None or not isinstance(content, Article) or not _settable(content):
        return
    try:
        info = os.stat(content.source_path)
    except (OSError, TypeError):
        return
    stamp = book.stamps[content.source_path] = (info.st_size, info.st_mtime_ns)
    known = book.known.get(content.source_path)
    if known is not None and known[0] == stamp:
        content.__dict__["url"], content.__dict__["save_as"] = known[1], known[2]


def _remember_addresses(contents: Iterable) -> None:
    book = _addresses
    if book is None:
        return
    known = {}
    for obj in contents:
        stamp = book.stamps.get(getattr(obj, "source_path", None))
        if stamp is not None and isinstance(obj, Article) and _settable(obj):
            known[obj.source_path] = (stamp, obj.url, obj.save_as)
    if known != book.known:
        _write_atomically(book.file, {"format": FORMAT, "base": book.base, "known": known})


def _write_atomically(path: str, data) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = path + ".partial"
    with open(partial, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


# Writing -----------------------------------------------------------------


@dataclass
class Job:
    """One ``write_file`` call, held until every page has been asked for."""

    name: str
    template: object
    context: dict
    options: dict
    key: str = ""
    outputs: list = field(default_factory=list)


@dataclass
class Run:
    """The state of one build."""

    pelican: object
    output: str
    cache_file: str
    previous: dict | None
    writer: IncrementalWriter | None = None
    context: dict = field(default_factory=dict)
    produced: set = field(default_factory=set)
    pages: dict = field(default_factory=dict)
    summaries: dict = field(default_factory=dict)
    base: str = ""


_run_state: Run | None = None


def _stat(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns


class IncrementalWriter(Writer):
    """Holds page writes until the build ends, then writes what changed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[Job] = []
        self._opened: list[str] = []
        if _run_state is not None:
            _run_state.writer = self

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override=override)
        # Pelican opens os.devnull instead when an earlier write overrode this one.
        if handle.name != os.devnull:
            self._opened.append(handle.name)
        return handle

    def write_file(self, name, template, context, **options):
        if not name:
            return
        if options.get("override_output"):
            # Pelican decides which of several writes to one file wins by
            # their order, so these are written at once, in order.
            outputs = self._write_now(Job(name, template, context, options))
            if _run_state is not None:
                _run_state.produced.update(path for path, *_ in outputs)
            return
        self.jobs.append(Job(name, template, context, options))

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        feed = super().write_feed(elements, context, path, *args, **kwargs)
        if path and _run_state is not None:
            _run_state.produced.add(os.path.join(self.output_path, path))
        return feed

    def _write_now(self, job: Job) -> list[tuple[str, int, int]]:
        """Render one held write; the files it made, with their sizes and times."""
        self._opened = []
        super().write_file(job.name, job.template, job.context, **job.options)
        return [(path, *_stat(path)) for path in self._opened]

    def flush(self, run: Run) -> None:
        # Most pages get the generators' shared context; a few get copies.
        counts = Counter(id(job.context) for job in self.jobs)
        by_id = {id(job.context): job.context for job in self.jobs}
        shared = run.context = by_id[counts.most_common(1)[0][0]] if counts else {}
        digest = site_digest(shared, self.settings, run.previous or {})
        run.base = digest.base
        previous_pages = (run.previous or {}).get("pages", {})
        pending = []
        pages = {}
        for job in self.jobs:
            job.key = self._key(job, digest, shared)
            old = previous_pages.get(job.name)
            if old and old[0] == job.key and _unchanged(old[1]):
                job.outputs = old[1]
                self._written_files.update(path for path, *_ in old[1])
            else:
                pending.append(job)
        outcomes = fork_map(self._write_now, pending, _workers(self.settings))
        errors = []
        for job, outcome in zip(pending, outcomes, strict=True):
            _replay(outcome.records)
            if outcome.error:
                errors.append(f"{job.name}: {outcome.error}")
            else:
                job.outputs = outcome.value
        for job in self.jobs:
            if job.outputs:
                pages[job.name] = (job.key, job.outputs)
                run.produced.update(path for path, *_ in job.outputs)
        self._check_duplicates(self.jobs)
        self.jobs = []
        if errors:
            raise RuntimeError("Could not write these pages:\n" + "\n".join(errors))
        run.pages, run.summaries = pages, digest.summaries

    def _key(self, job: Job, digest: SiteDigest, shared: dict) -> str:
        own = job.options.get("article") or job.options.get("page")
        # Lists of posts passed to a page follow from the site's fingerprint and
        # the page's name; only the page's own values are added.
        options = {k: v for k, v in job.options.items() if type(v) in _SCALARS or isinstance(v, URLWrapper)}
        parts = [digest.site, job.name, getattr(job.template, "name", "") or "", stable(options)]
        if isinstance(own, Content) and not isinstance(own, Static):
            parts.append(digest.bodies.get(id(own)) or _content_digest(own))
        if job.context is not shared:
            parts.append(stable({k: v for k, v in job.context.items() if shared.get(k, k) is not v}))
        return hashlib.blake2b("\0".join(parts).encode()).hexdigest()

    @staticmethod
    def _check_duplicates(jobs: list[Job]) -> None:
        seen: dict[str, str] = {}
        for job in jobs:
            for path, *_ in job.outputs:
                if path in seen and seen[path] != job.name:
                    raise RuntimeError(f'Two pages would be written to "{path}": {seen[path]} and {job.name}')
                seen[path] = job.name


def _replay(records: list[logging.LogRecord]) -> None:
    # Through the logger's own methods, so that --fatal counts them.
    for record in records:
        log = logging.getLogger(record.name)
        message = record.msg + (f"\n{record.exc_text}" if record.exc_text else "")
        (log.error if record.levelno >= logging.ERROR else log.warning)("%s", message)


def _unchanged(outputs: list) -> bool:
    try:
        return all(_stat(path) == (size, mtime) for path, size, mtime in outputs)
    except OSError:
        return False


# Signals -------------------------------------------------------------------


def take_over_cleaning(pelican) -> None:
    """Empty the output folder only when every page will be rendered anyway.

    Also keeps the compiled templates between builds (Jinja checks each
    against its source), when content caching is on.
    """
    pelican.incremental_clean = pelican.delete_outputdir
    pelican.delete_outputdir = False
    settings = pelican.settings
    if settings.get("CACHE_CONTENT"):
        folder = os.path.join(settings["CACHE_PATH"], "templates")
        os.makedirs(folder, exist_ok=True)
        settings["JINJA_ENVIRONMENT"].setdefault("bytecode_cache", FileSystemBytecodeCache(folder))


def _load(cache_file: str, output: str) -> dict | None:
    try:
        with open(cache_file, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("output") != output:
        return None
    return data if os.path.isdir(output) else None


def _source_is_inside(output: str, source: str) -> bool:
    output, source = os.path.realpath(output), os.path.realpath(source)
    return os.path.commonpath([output, source]) == output


def start_run(pelican):
    global _run_state
    settings = pelican.settings
    output = os.path.abspath(pelican.output_path)
    # One record per output folder, so a build elsewhere does not reset it.
    tag = hashlib.blake2b(output.encode(), digest_size=6).hexdigest()
    cache_file = os.path.join(settings["CACHE_PATH"], f"{MANIFEST}-{tag}")
    previous = _load(cache_file, output) if settings.get("LOAD_CONTENT_CACHE") else None
    cleaning = getattr(pelican, "incremental_clean", False)
    if previous is None and cleaning and not _source_is_inside(output, pelican.path):
        clean_output_dir(output, pelican.output_retention)
    _run_state = Run(pelican=pelican, output=output, cache_file=cache_file, previous=previous)
    return IncrementalWriter


def finish_run(pelican) -> None:
    global _run_state
    run, _run_state = _run_state, None
    if run is None or run.writer is None:
        return
    try:
        run.writer.flush(run)
    except BaseException:
        _forget(run.cache_file)
        raise
    run.produced.update(_static_outputs(pelican, run.context))
    if run.previous is not None:
        _delete_stale(run.output, set(run.previous.get("produced", ())) - run.produced)
    if pelican.settings.get("CACHE_CONTENT"):
        manifest = {
            "format": FORMAT,
            "output": run.output,
            "pages": run.pages,
            "base": run.base,
            "summaries": run.summaries,
            "produced": sorted(run.produced),
        }
        _write_atomically(run.cache_file, manifest)
        _remember_addresses(run.context.get("generated_content", {}).values())


def _forget(cache_file: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(cache_file)


def _static_outputs(pelican, context: dict) -> set[str]:
    """Files the static generator copied: the theme's and the site's own."""
    settings, output = pelican.settings, os.path.abspath(pelican.output_path)
    found = {os.path.join(output, sc.save_as) for sc in context.get("staticfiles", []) if sc.save_as}
    theme_dest = os.path.join(output, settings["THEME_STATIC_DIR"])
    for path in settings["THEME_STATIC_PATHS"]:
        source = os.path.join(pelican.theme, path)
        for root, _, files in os.walk(source):
            relative = os.path.relpath(root, source)
            found.update(os.path.normpath(os.path.join(theme_dest, relative, name)) for name in files)
    return found


def _delete_stale(output: str, stale: set[str]) -> None:
    for path in sorted(stale, reverse=True):
        if not path.startswith(output + os.sep):
            continue
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        except FileNotFoundError:
            continue
        folder = os.path.dirname(path)
        while folder != output and folder.startswith(output + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)


_collector_tuned = False


def tune_collector(pelican) -> None:
    """Spare the build most of Python's cycle collections (once per process).

    A build makes hundreds of thousands of objects that live until it ends,
    and the default collector walks them again and again: about a tenth of a
    rebuild. What exists once Pelican is set up (modules, settings) lives as
    long as the process, so it is set aside for good, and collections come
    after more allocations than the default.
    """
    global _collector_tuned
    if _collector_tuned:
        return
    _collector_tuned = True
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)


def register():
    # A build leaves hundreds of thousands of objects; freeing them one by one
    # at exit takes longer than some rebuilds, and the system frees them anyway.
    atexit.register(gc.freeze)
    signals.initialized.connect(tune_collector)
    signals.initialized.connect(take_over_cleaning)
    signals.get_writer.connect(start_run)
    signals.article_generator_init.connect(recall_addresses)
    signals.article_generator_init.connect(read_in_parallel)
    signals.content_object_init.connect(reuse_address)
    signals.finalized.connect(finish_run)
