"""Reading posts on every core, from a cache that knows what it was read with.

Before the articles are read, the posts not already in Pelican's content
cache are converted from Markdown by forked workers, one per core, and handed
to that cache; Pelican then reads them from it as if they had been read
before. Pelican keys that cache by each file's time alone, so the cache is
emptied whenever the code and settings digest (plugin code, package versions,
settings, Markdown's among them) differs from the one it was filled with.
"""

from __future__ import annotations

import os

from plugins.forkpool import fork_map
from plugins.pelican_private import cached_entries, filter_discardable_metadata, save_cache_atomically

from .fingerprints import code_and_settings_digest

# A key no file can have: the digest the cache's entries were read with.
_DIGEST_KEY = "\0code-and-settings"


def workers(settings: dict) -> int:
    return max(1, int(settings.get("INCREMENTAL_WORKERS") or os.cpu_count() or 1))


def trust_cache(generator) -> None:
    """Empty a generator's content caches if they were filled by other code or settings."""
    if not generator.settings.get("CACHE_CONTENT"):
        return
    digest = code_and_settings_digest(generator.settings)
    for cacher in (generator, generator.readers):
        entries = cached_entries(cacher)
        emptied = entries.get(_DIGEST_KEY) != digest
        if emptied:
            entries.clear()
            entries[_DIGEST_KEY] = digest
        save_cache_atomically(cacher, changed=emptied)


def read_in_parallel(generator) -> None:
    """Fill Pelican's reader cache with every uncached post, read on all cores."""
    readers = generator.readers
    if not generator.settings.get("CACHE_CONTENT") or workers(generator.settings) < 2:
        return
    paths = []
    for relative in generator.get_files(
        generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]
    ):
        path = os.path.abspath(os.path.join(generator.path, relative))
        fmt = os.path.splitext(path)[1][1:]
        if fmt in readers.readers and readers.get_cached_data(path, (None, None))[0] is None:
            paths.append(path)

    def read(path):
        content, metadata = readers.readers[os.path.splitext(path)[1][1:]].read(path)
        return content, filter_discardable_metadata(metadata)

    for path, outcome in zip(paths, fork_map(read, paths, workers(generator.settings)), strict=True):
        # A post that warned or failed is read again in this process, so its
        # message is logged (and counted by --fatal) the usual way.
        if outcome.error is None and not outcome.records:
            readers.cache_data(path, outcome.value)
