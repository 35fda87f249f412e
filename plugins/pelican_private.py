"""Every use the plugins make of Pelican's private names, in one place.

Written for Pelican ``WRITTEN_FOR``; tests/test_pelican_private.py checks that
the installed Pelican is that version and exercises each name here, so an
upgrade that renames or reshapes one fails there, by name, rather than as a
wrong page somewhere in a build. Upgrading Pelican means re-reading each of
these against its new source, then raising ``WRITTEN_FOR``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
from itertools import groupby
from operator import attrgetter

from pelican import generators
from pelican.cache import FileStampDataCacher
from pelican.contents import Content
from pelican.generators import ArticlesGenerator
from pelican.paginator import Paginator
from pelican.readers import _filter_discardable_metadata
from pelican.writers import Writer

WRITTEN_FOR = "4.12.0"
logger = logging.getLogger(__name__)
_pelican_file_stamp = FileStampDataCacher._get_file_stamp

# Attributes of a content object that hold Pelican's own state rather than
# what was read: its body as read, and the shared context.
CONTENT_INTERNALS = frozenset({"_content", "_context"})


def filter_discardable_metadata(metadata: dict) -> dict:
    """A reader's metadata without the entries Pelican marks for discarding."""
    return _filter_discardable_metadata(metadata)


def body_as_read(content) -> str:
    """A post's or page's body as its reader gave it, before links are resolved."""
    return content._content or ""


def cached_entries(cacher) -> dict:
    """The entries of one of Pelican's file caches (a ``Readers`` or a generator)."""
    return cacher._cache


# A few entries changed since the cache file was written go to a small file beside
# it, read with it, rather than the whole cache (every post's body) written again.
RECENT = ".recent"
RECENT_AT_MOST = 64
RECENT_SHARE = 20  # or one entry in twenty, whichever is more


def _file_identity(path: str) -> list | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _write_pickle_atomically(cacher, path: str, value) -> None:
    partial = f"{path}.partial-{os.getpid()}"
    try:
        with cacher._cache_open(partial, "wb") as handle:
            pickle.dump(value, handle)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(partial)
        raise
    os.replace(partial, path)


def _recent_entries(cacher, path: str, base: list | None) -> dict:
    """The entries written beside the cache file since it was written, if they were
    written beside this very file."""
    try:
        with cacher._cache_open(path + RECENT, "rb") as handle:
            recent = pickle.load(handle)
    except Exception:  # none, cut short or unreadable: the cache file alone
        return {}
    if not isinstance(recent, dict) or not base or recent.get("base") != base:
        return {}
    return recent.get("entries") or {}


def save_cache_atomically(cacher, *, changed: bool) -> None:
    """Have ``cacher.save_cache`` write beside the cache file and rename, so a
    killed build leaves the old cache, never a truncated one; and only when an
    entry was added or the cache emptied, not on every build. A few new entries
    are written to a small file beside the cache (read with it here), not the
    whole cache again. ``changed`` says the caller emptied the cache."""
    path = cacher._cache_path
    if getattr(cacher, "_saved_atomically", False):
        cacher._cache_changed |= changed
        cacher._cache_emptied |= changed
        return
    cacher._saved_atomically = True
    cacher._cache_changed = cacher._cache_emptied = changed
    # The cache file as read: a later save of the whole cache replaces it.
    base = _file_identity(path) or []
    noted: set[str] = set()
    if not changed:
        recent = _recent_entries(cacher, path, base)
        cacher._cache.update(recent)
        noted.update(recent)
    cache_data = cacher.cache_data

    def cache_and_note(filename, data):
        cacher._cache_changed = True
        noted.add(filename)
        return cache_data(filename, data)

    def save():
        if not cacher._cache_data_policy or not cacher._cache_changed:
            return
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        entries = cacher._cache
        few = len(noted) <= max(RECENT_AT_MOST, len(entries) // RECENT_SHARE)
        try:
            if base and not cacher._cache_emptied and few:
                kept = {name: entries[name] for name in noted if name in entries}
                _write_pickle_atomically(cacher, path + RECENT, {"base": list(base), "entries": kept})
            else:
                _write_pickle_atomically(cacher, path, entries)
                with contextlib.suppress(FileNotFoundError):
                    os.remove(path + RECENT)
                base[:] = _file_identity(path) or []
                noted.clear()
                cacher._cache_emptied = False
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            # A setting the posts carry (a function made inside another) cannot be kept:
            # the build goes on, and the next one reads every post again.
            logger.warning(
                "%s",
                f"{path}: warning: the content cache cannot be saved ({error}), so every build "
                "reads every post again\n    what to do: define the functions the settings name "
                "at the top level of the settings file, not inside another function",
            )
            return
        cacher._cache_changed = False

    cacher.cache_data = cache_and_note
    cacher.save_cache = save


class RecordingWriter(Writer):
    """Pelican's writer, recording what it opens and never writing through an
    existing file: each file is unlinked first, so a file shared (hard-linked)
    with the live site is replaced, not changed in place."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.opened: list[str] = []

    def _open_w(self, filename, encoding, override=False):
        if filename not in self._written_files and filename not in self._overridden_files:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(filename)
        handle = super()._open_w(filename, encoding, override=override)
        # Pelican opens os.devnull instead when an earlier write overrode this one.
        if handle.name != os.devnull:
            self.opened.append(handle.name)
        return handle

    def count_as_written(self, paths) -> None:
        """Files this build keeps from the last one: a later write to one is an error, as in Pelican."""
        self._written_files.update(paths)


def paginated_lists(options: dict) -> dict:
    """The lists a ``write_file`` call paginates, by name, as Pelican 4.12 picks them."""
    paginated = options.get("paginated")
    if paginated is None:
        paginated = {key: value for key, value in options.items() if key in {"articles", "dates"}}
    return paginated


def pagination_pages(settings: dict, name: str, options: dict) -> list[tuple[str, dict]] | None:
    """The pages one paginated ``write_file(name, …, **options)`` writes, each as the
    file it writes and the options that make ``write_file`` write it alone (as it
    does when told there is nothing to paginate); None for a write that is not
    paginated. As Pelican 4.12's ``Writer.write_file`` paginates."""
    paginated = paginated_lists(options)
    template_name = options.get("template_name")
    if not paginated or template_name not in settings["PAGINATED_TEMPLATES"]:
        return None
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    url = options.get("url")
    paginators = {key: Paginator(name, url, value, settings, per_page) for key, value in paginated.items()}
    pages = []
    for number in range(next(iter(paginators.values())).num_pages):
        added: dict = {"paginated": {}}
        for key, paginator in paginators.items():
            page = paginator.page(number + 1)
            added |= {
                f"{key}_paginator": paginator,
                f"{key}_page": page,
                f"{key}_previous_page": paginator.page(number) if number > 0 else None,
                f"{key}_next_page": paginator.page(number + 2) if number + 1 < paginator.num_pages else None,
            }
        pages.append((page.save_as, options | added))
    return pages


def wrapper_slug_unset(wrapper) -> bool:
    """Whether a tag's, category's or author's slug is still to be worked out from its name."""
    return wrapper._slug is None and wrapper._slug_from_name


def give_wrapper_slug(wrapper, slug: str) -> None:
    """Give a tag, category or author the slug Pelican would work out, without working it out."""
    wrapper._slug = slug


def change_class(obj, cls: type) -> None:
    """Make ``obj`` an instance of ``cls``, a subclass of its class adding no state."""
    obj.__class__ = cls


def preset_cached(obj, name: str, value) -> None:
    """Give a ``cached_property`` its value before it is first asked for."""
    obj.__dict__[name] = value


# Pelican 4.12 finds which posts belong to a tag, category, author, period or
# translation group with ``post in some_list``: a scan of a list for each post,
# quadratic in the number of posts. Posts compare by identity (``Content``
# defines no ``__eq__``), so a set of identities answers the same.


class Members(list):
    """A list whose ``in`` is a set lookup by identity (for items that compare by identity)."""

    __slots__ = ("_counted", "_ids")

    def __contains__(self, item) -> bool:
        # Rebuilt when the length changes; sorting keeps the members, so it needs none.
        if getattr(self, "_counted", -1) != len(self):
            self._ids = {id(member) for member in self}
            self._counted = len(self)
        return id(item) in self._ids


def index_memberships(generator) -> None:
    """Make the article generator's tag, category and author lists answer ``in`` by lookup."""
    for tag, articles in generator.tags.items():
        generator.tags[tag] = Members(articles)
    for groups in (generator.categories, generator.authors):
        if isinstance(groups, list):
            groups[:] = [(wrapper, Members(articles)) for wrapper, articles in groups]


_pelican_period_archives = ArticlesGenerator._build_period_archives
_pelican_process_translations = generators.process_translations


def _period_archives(self, sorted_articles, articles, settings):
    # Pelican's, given no articles to scan; each archive's ``articles`` (its
    # posts in the order of ``articles``) is then put in by position.
    archives = _pelican_period_archives(self, sorted_articles, [], settings)
    position = {id(article): i for i, article in enumerate(articles)}
    for archive in (a for group in archives.values() for a in group):
        inside = [a for a in archive["dates"] if id(a) in position]
        archive["articles"] = sorted(inside, key=lambda a: position[id(a)])
    return archives


def _process_translations(content_list, translation_id=None):
    # Pelican's, called once per translation group: its ``not in`` scan then
    # covers one group, not every post. The groups are those Pelican forms.
    if not translation_id:
        return _pelican_process_translations(content_list, translation_id)
    key = attrgetter(*([translation_id] if isinstance(translation_id, str) else translation_id))
    try:
        content_list.sort(key=key)
    except (TypeError, AttributeError):
        return _pelican_process_translations(content_list, translation_id)  # raises Pelican's error
    index, translations = [], []
    for _, group in groupby(content_list, key):
        originals, others = _pelican_process_translations(list(group), translation_id)
        index += originals
        translations += others
    return index, translations


# Each file's stamp as this build first saw it. A file is stamped before it is
# read (the cache is asked first), so a save made while the build reads it
# leaves the old stamp with what was read, and the next build reads it again.
_stamps: dict[str, tuple] = {}


def file_stamp(path: str) -> tuple | None:
    """A file's modification and change times, size and inode, as this build first saw them."""
    stamp = _stamps.get(path)
    if stamp is None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamp = _stamps[path] = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
    return stamp


def forget_file_stamps() -> None:
    """A new build: files may have changed since the last."""
    _stamps.clear()


def _file_stamp(self, filename):
    # Pelican's "mtime" stamp alone misses an edit that keeps the file's time (a copy
    # that preserves times, an editor that restores it); the change time cannot be set back.
    if self.settings["CHECK_MODIFIED_METHOD"] != "mtime":
        return _pelican_file_stamp(self, filename)
    return file_stamp(filename) or _pelican_file_stamp(self, filename)


def install_full_file_stamps() -> None:
    """Pelican's content cache keyed by a file's change time, size and inode too, as each
    file was when this build first looked at it (idempotent)."""
    FileStampDataCacher._get_file_stamp = _file_stamp


def install_set_lookups() -> None:
    """Pelican's period archives and translation groups without quadratic scans (idempotent)."""
    ArticlesGenerator._build_period_archives = _period_archives
    generators.process_translations = _process_translations


def _memo(method) -> dict:
    # ``pelican.utils.memoized`` keeps its answers in one dict, keyed by the arguments.
    return method.cache


def has_site_links(content) -> bool:
    """Whether a body links to other content (``{filename}`` and the like), so that its
    summary depends on the site's addresses and on the page it is shown on."""
    return bool(content._get_intrasite_link_regex().search(content._content or ""))


def remember_summary(content, summary: str, siteurls) -> None:
    """Have ``content.get_summary(url)`` answer ``summary`` for each of ``siteurls`` without
    working it out; only for a summary that is the same for every one of them."""
    memo = _memo(Content.get_summary)
    for url in siteurls:
        memo[(content, url)] = summary
