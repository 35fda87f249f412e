"""Writing in parallel, and only what changed.

Page writes are held until every page has been asked for, then each page's
fingerprint is compared with the last build's: a page whose fingerprint and
file are as the last build left them is taken from the live site (hard-linked
into the folder being built); the others are rendered, shared out between
forked workers.

A page's fingerprint holds the code, settings and theme, its own name and
options, and the value of every context name its template reads (see
``template_names``), each post in those values by its digest: the post's own
values and summary, and those of the posts it points to (its neighbours and
related posts). So a post's new tag renders its own page, its neighbours',
the pages of its old and new tags, its month and year, and the pages of the
lists that show it, not every page. This assumes a template shows other
posts' values one step away at most (a neighbour's title, not a neighbour's
neighbour's), and that list pages show summaries, not whole posts: if a
template other than a post's or page's own mentions ``.content``, every body
joins every post's digest.

Each page of a paginated list (home, tag, category, author) is a page of its
own, with the posts it shows, its number, and the list's length and the
fields named by ``INCREMENTAL_LIST_FIELDS`` of every post in the list (by
default title, address, date and comment count: a page may name the newest or
oldest post of its list, link to the posts of the next page, or total their
comments): a template shows the rest of the list through those alone, unless
it reads the whole list by name (``articles``, ``dates``), which then counts
whole for every page.

When only the bodies of some posts changed since the last build (no other
file, setting, template or line of code, and those posts' values and
summaries are as they were), each page's fingerprint is the last build's but
for those posts' own pages: see ``fingerprints.body_edit_digest``.

Rendering happens in worker processes, so a plugin connected to
``content_written`` runs there, and not at all for a skipped page.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
from collections import Counter
from dataclasses import dataclass, field

from pelican.contents import Content, Static
from pelican.utils import get_relative_path, path_to_url

from plugins.forkpool import fork_map
from plugins.pelican_private import (
    RecordingWriter,
    has_site_links,
    paginated_lists,
    pagination_pages,
    remember_summary,
)

from .fingerprints import (
    SCALARS,
    VOLATILE_CONTEXT,
    SiteDigest,
    body_edit_digest,
    content_digest,
    site_digest,
    stable,
)
from .reading import workers
from .site_folder import SiteFolder
from .template_names import TemplateNames
from .unchanged import Inputs, became_due


@dataclass
class Job:
    """One ``write_file`` call, held until every page has been asked for."""

    name: str
    template: object
    context: dict
    options: dict
    key: str = ""
    outputs: list = field(default_factory=list)
    # For one page of a paginated list: the names of the lists paginated.
    paginated: tuple[str, ...] = ()


@dataclass
class WriteFailure:
    """A page a worker could not write for want of space or permission."""

    errno: int
    strerror: str
    filename: str


@dataclass
class Run:
    """The state of one build."""

    pelican: object
    folder: SiteFolder
    cache_file: str
    previous: dict | None
    writer: IncrementalWriter | None = None
    context: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    summaries: dict = field(default_factory=dict)
    base: str = ""
    inputs: Inputs | None = None
    # Each post's own digest by source path, each post page's fingerprint without
    # its body by page name, and every address: what a build that changes
    # bodies alone starts from.
    owns: dict = field(default_factory=dict)
    heads: dict = field(default_factory=dict)
    addresses: str = ""
    with_bodies: bool = True


current: Run | None = None
logger = logging.getLogger(__name__)
# What a page of a paginated list may show of any post of its list, besides those on it.
LIST_FIELDS = ("title", "url", "date", "comment_count")
# Options Pelican's writer paginates by, whether or not the template reads them.
_PAGINATED = {"paginated", "articles", "dates"}


def _stat(path: str) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino


class IncrementalWriter(RecordingWriter):
    """Holds page writes until the build ends, then writes what changed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.jobs: list[Job] = []
        self.immediate: set[str] = set()
        if current is not None:
            current.writer = self

    def write_file(self, name, template, context, **options):
        if not name:
            return
        if options.get("override_output"):
            # Pelican decides which of several writes to one file wins by
            # their order, so these are written at once, in order.
            self.immediate.update(
                relative for relative, *_ in self._write_now(Job(name, template, context, options))
            )
            return
        pages = pagination_pages(self.settings, name, options)
        if pages is None:
            self.jobs.append(Job(name, template, context, options))
            return
        # Each page of a list is a page of its own, rendered only when what it shows changed.
        lists = tuple(sorted(paginated_lists(options)))
        self.jobs += [Job(page, template, context, added, paginated=lists) for page, added in pages]

    def _write_now(self, job: Job) -> list[tuple[str, int, int, int]]:
        """Render one held write; the files it made (relative), with their sizes, times and inodes."""
        self.opened = []
        super().write_file(job.name, job.template, job.context, **job.options)
        start = len(self.output_path) + 1
        return [(path[start:], *_stat(path)) for path in self.opened]

    def _render(self, job: Job):
        try:
            return self._write_now(job)
        except OSError as error:
            if error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES):
                raise
            return WriteFailure(error.errno, error.strerror or str(error), error.filename or "")

    def flush(self, run: Run) -> None:
        # Most pages get the generators' shared context; a few get copies.
        counts = Counter(id(job.context) for job in self.jobs)
        by_id = {id(job.context): job.context for job in self.jobs}
        shared = run.context = by_id[counts.most_common(1)[0][0]] if counts else {}
        previous = run.previous or {}
        digest = self._bodies_only(run, shared)
        if digest is None:
            digest = site_digest(shared, self.settings, previous)
            self.template_names = TemplateNames.recalled(self.settings, digest.base)
            self._context_parts: dict[tuple, str] = {}
            self._list_totals: dict[int, str] = {}
            self._post_fields: dict[int, str] = {}
            for job in self.jobs:
                job.key = self._key(job, digest, shared, run.heads)
        else:
            self.template_names = None
        run.base, run.owns, run.addresses = digest.base, digest.owns, digest.addresses
        run.with_bodies = digest.with_bodies
        self._summaries_once(digest)
        previous_pages = previous.get("pages", {})
        live = run.folder.live
        pending = []
        kept = []
        for job in self.jobs:
            old = previous_pages.get(job.name)
            # A page written over another's file ("save_as: index.html") wins, as in Pelican:
            # the file it took is never brought back from the last site.
            if old and old[0] == job.key and _unchanged(live, old[1]) and not self._taken(old[1]):
                job.outputs = old[1]
                kept += [(relative, inode) for relative, _, _, inode in old[1]]
            else:
                pending.append(job)
        run.folder.link_from_live(kept)
        prefix = self.output_path + os.sep
        self.count_as_written([prefix + relative for relative, _ in kept])
        outcomes = fork_map(self._render, pending, workers(self.settings))
        errors = []
        for job, outcome in zip(pending, outcomes, strict=True):
            _replay(outcome.records)
            if isinstance(outcome.value, WriteFailure):
                failure = outcome.value
                raise OSError(failure.errno, failure.strerror, failure.filename)
            if outcome.error:
                errors.append(f"{job.name}: {outcome.error}")
            else:
                job.outputs = outcome.value
        self._check_duplicates(self.jobs)
        written = self.immediate | {relative for job in self.jobs for relative, *_ in job.outputs}
        run.folder.drop(set(run.folder.found) - written)
        run.pages = {job.name: (job.key, job.outputs) for job in self.jobs if job.outputs}
        self.jobs = []
        if errors:
            raise RuntimeError("Could not write these pages:\n" + "\n".join(errors))
        run.summaries = digest.summaries
        if self.template_names is not None:
            self.template_names.remember(self.settings, digest.base)

    def _taken(self, outputs: list) -> bool:
        """Whether a page written at once (one that overrides others) took one of these files."""
        return any(relative in self.immediate for relative, *_ in outputs)

    def _bodies_only(self, run: Run, shared: dict) -> SiteDigest | None:
        """When the posts' bodies alone changed since the last build: the digest for the
        changed posts, and each page's fingerprint, the last build's but for those
        posts' own pages. None otherwise: every page's fingerprint is worked out."""
        previous = run.previous or {}
        pages, heads = previous.get("pages", {}), previous.get("heads", {})
        changed = run.inputs.changed_sources(previous) if run.inputs else None
        if not changed or became_due(previous) or any(job.name not in pages for job in self.jobs):
            return None
        digest = body_edit_digest(shared, self.settings, previous, changed)
        if digest is None:
            return None
        for job in self.jobs:
            own = _own_content(job)
            if id(own) in digest.bodies:
                if job.name not in heads:
                    return None
                job.key = self._with_body(heads[job.name], own, digest)
            else:
                job.key = pages[job.name][0]
        run.heads = {name: head for name, head in heads.items() if name in pages}
        logger.info(
            "Only the text of %d post(s) changed: every other page is as the last build left it",
            len(digest.bodies),
        )
        return digest

    def _summaries_once(self, digest: SiteDigest) -> None:
        """Give each summary that is the same on every page to every page, before the
        workers fork: otherwise each worker works it out again for each depth of page."""
        urls = {self.settings["SITEURL"]}
        if self.settings.get("RELATIVE_URLS"):
            # Paginated pages lie deeper than the page they continue: a few more levels.
            deepest = max((job.name.count("/") for job in self.jobs), default=0) + 4
            urls |= {
                path_to_url(get_relative_path("/".join(["x"] * (depth + 1)))) for depth in range(deepest)
            }
        for obj, summary in digest.same_everywhere:
            remember_summary(obj, summary, urls)

    def _key(self, job: Job, digest: SiteDigest, shared: dict, heads: dict) -> str:
        own = _own_content(job)
        template = getattr(job.template, "name", "") or ""
        read = self.template_names.read(job.template, job.context)
        options = job.options
        # Options the writer itself uses (pagination, addresses) count whether or not the template reads them.
        names = {k for k, v in options.items() if k in _PAGINATED or type(v) in SCALARS}
        names |= set(options) if read is None else read & set(options)
        parts = [digest.base, job.name, template, self._context_part(job, read, digest)]
        if job.paginated:
            names -= _page_options(job.paginated, read)
            parts += [self._page_part(options[f"{key}_page"], digest) for key in job.paginated]
        parts += [f"{name}={digest.text(options[name])}" for name in sorted(names)]
        head = hashlib.blake2b("\0".join(parts).encode()).hexdigest()
        if isinstance(own, Content) and not isinstance(own, Static):
            heads[job.name] = head
            return self._with_body(head, own, digest)
        return head

    def _page_part(self, page, digest: SiteDigest) -> str:
        """What one page of a paginated list shows of the list: the posts on it, its
        number, and the list's length and every post's fields named by ``INCREMENTAL_LIST_FIELDS``."""
        paginator = page.paginator
        totals = self._list_totals.get(id(paginator))
        if totals is None:
            names = self.settings.get("INCREMENTAL_LIST_FIELDS", LIST_FIELDS)
            fields = self._post_fields  # a post is in many lists: its fields are written once
            texts = []
            for item in paginator.object_list:
                text = fields.get(id(item))
                if text is None:
                    text = fields[id(item)] = stable([getattr(item, name, None) for name in names])
                texts.append(text)
            totals = self._list_totals[id(paginator)] = hashlib.blake2b("\0".join(texts).encode()).hexdigest()
        # The page holds its posts (and the job its paginator) until the build ends.
        place = f"{page.number}/{paginator.num_pages}/{paginator.count}"
        return f"{place} {digest.text(page.object_list)} {totals}"

    @staticmethod
    def _with_body(head: str, own: Content, digest: SiteDigest) -> str:
        """A post's or page's own page's fingerprint: all else (``head``), and its body."""
        parts = [head, digest.bodies.get(id(own)) or content_digest(own)]
        if id(own) not in digest.linkless and has_site_links(own):
            parts.append(digest.addresses)
        return hashlib.blake2b("\0".join(parts).encode()).hexdigest()

    def _context_part(self, job: Job, read: frozenset[str] | None, digest: SiteDigest) -> str:
        """The values a page's template reads from the context (not from its options):
        the same for every page of one template, so worked out once per template."""
        memo = (getattr(job.template, "name", ""), id(job.context), tuple(job.options))
        found = self._context_parts.get(memo)
        if found is None:
            context, settings = job.context, self.settings
            names = set(context) if read is None else read & set(context)
            texts = []
            for name in sorted(names - set(job.options)):
                value = context[name]
                # Settings are in the base; the context holds them unchanged.
                if name in VOLATILE_CONTEXT or (name in settings and settings[name] is value):
                    continue
                texts.append(f"{name}={digest.text(value)}")
            found = self._context_parts[memo] = hashlib.blake2b("\0".join(texts).encode()).hexdigest()
        return found

    @staticmethod
    def _check_duplicates(jobs: list[Job]) -> None:
        seen: dict[str, str] = {}
        for job in jobs:
            for path, *_ in job.outputs:
                if path in seen and seen[path] != job.name:
                    raise RuntimeError(f'Two pages would be written to "{path}": {seen[path]} and {job.name}')
                seen[path] = job.name


def _own_content(job: Job):
    """The post or page a job writes the page of, if any."""
    return job.options.get("article") or job.options.get("page")


def _page_options(lists: tuple[str, ...], read: frozenset[str] | None) -> set[str]:
    """The options of one page of a paginated list that its own part of the fingerprint
    stands for: the whole lists, unless the template reads them by name, and the
    paginators and pages, of which a template shows the page's own posts, numbers and
    addresses, and the totals of the list."""
    whole = {key for key in lists if read is not None and key not in read}
    pages = {f"{key}_{part}" for key in lists for part in ("paginator", "page", "previous_page", "next_page")}
    return {"paginated", *whole, *pages}


def _replay(records: list[logging.LogRecord]) -> None:
    # Through the logger's own methods, so that --fatal counts them.
    for record in records:
        log = logging.getLogger(record.name)
        message = record.msg + (f"\n{record.exc_text}" if record.exc_text else "")
        (log.error if record.levelno >= logging.ERROR else log.warning)("%s", message)


def _unchanged(live: str, outputs: list) -> bool:
    try:
        prefix = live + os.sep
        return all(_stat(prefix + relative) == (size, mtime, ino) for relative, size, mtime, ino in outputs)
    except OSError:
        return False
