"""Builds that use every core, redo only what changed, and never leave a half-written site.

- **Reading in parallel** (``reading``): posts not in Pelican's content cache
  are read by forked workers; the cache is emptied when code or settings change.
- **Writing in parallel, only what changed** (``writer``, ``fingerprints``):
  each page has a fingerprint; a page whose fingerprint and file are as the
  last build left them is not rendered again; each page of a paginated list
  is a page of its own; when only posts' bodies changed, the other pages'
  fingerprints are the last build's. With ``--ignore-cache`` or
  ``LOAD_CONTENT_CACHE = False`` (production) every page is rendered.
- **Whole sites only** (``site_folder``): a build writes beside the output
  folder and swaps it in when done; one build at a time per folder.
- **Keeping addresses** (``addresses``) and **fewer collections** (``collector``).
- **Nothing to do** (``unchanged``): a build whose inputs and site are as the
  last build left them ends at once.

The result is byte-for-byte what a clean build makes.

Settings: ``INCREMENTAL_WORKERS`` (default: the number of cores; 1 turns the
workers off); ``INCREMENTAL_LIST_FIELDS`` (default ``("title", "url", "date",
"comment_count")``: what a page of a paginated list may show of any post of its
list, besides those on it).
Template variables added: none.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import logging
import os
from functools import partial

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from plugins.pelican_private import (
    forget_file_stamps,
    index_memberships,
    install_full_file_stamps,
    install_set_lookups,
)

from . import writer
from .addresses import recall_addresses, remember_addresses, reuse_address
from .collector import tune_collector
from .fingerprints import forget_digests
from .reading import read_in_parallel, trust_cache
from .records import forget, load, write_atomically
from .site_folder import SiteFolder, cannot_write, is_write_error, live_inode
from .unchanged import due_next, inputs_stamp, site_files, still_valid
from .writer import IncrementalWriter, Run

MANIFEST = "incremental"
FORMAT = 6
logger = logging.getLogger(__name__)


def take_over(pelican) -> None:
    """Run each of this Pelican's builds through ``build``; keep compiled templates.

    Jinja checks each kept template against its source, when content caching is on.
    """
    pelican.incremental_clean = pelican.delete_outputdir
    pelican.delete_outputdir = False
    pelican.run = partial(build, pelican, pelican.run)
    settings = pelican.settings
    if settings.get("CACHE_CONTENT"):
        folder = os.path.join(settings["CACHE_PATH"], "templates")
        os.makedirs(folder, exist_ok=True)
        settings["JINJA_ENVIRONMENT"].setdefault("bytecode_cache", FileSystemBytecodeCache(folder))


def _manifest_file(settings: dict, live: str) -> str:
    # One record per output folder, so a build elsewhere does not reset it.
    tag = hashlib.blake2b(live.encode(), digest_size=6).hexdigest()
    return os.path.join(settings["CACHE_PATH"], f"{MANIFEST}-{tag}")


def _previous(settings: dict, cache_file: str, live: str) -> dict | None:
    if not settings.get("LOAD_CONTENT_CACHE"):
        return None
    data = load(cache_file, FORMAT)
    # The record must describe the folder that is live now, not one a killed
    # build was about to swap in.
    if data is None or data.get("output") != live or data.get("tree") != live_inode(live):
        return None
    return data


def _source_is_inside(output: str, source: str) -> bool:
    output, source = os.path.realpath(output), os.path.realpath(source)
    return os.path.commonpath([output, source]) == output


def build(pelican, run) -> None:
    """One build: wait for the folder, write beside it, swap it in."""
    live = os.path.abspath(pelican.output_path)
    if _source_is_inside(live, pelican.path):
        return run()  # Pelican's own behaviour: nothing beside, nothing deleted
    folder = SiteFolder.beside(live, pelican.output_retention)
    folder.acquire()
    forget_digests()
    forget_file_stamps()
    try:
        cache_file = _manifest_file(pelican.settings, live)
        previous = _previous(pelican.settings, cache_file, live)
        inputs = inputs_stamp(pelican.settings) if pelican.settings.get("CACHE_CONTENT") else None
        if (
            previous is not None
            and inputs is not None
            and still_valid(previous, inputs.stamp)
            and _site_intact(live, previous)
        ):
            logger.info("Nothing changed since the last build: %s is as it left it", live)
            return None
        if previous is None and not getattr(pelican, "incremental_clean", False):
            previous = {"pages": {}, "keep_all": True}
        pages = (previous or {}).get("pages", {}).values()
        keep = {relative: inode for _, outputs in pages for relative, _, _, inode in outputs}
        folder.prepare(keep, _foreign(folder, previous))
        writer.current = Run(pelican=pelican, folder=folder, cache_file=cache_file, previous=previous)
        writer.current.inputs = inputs
        pelican.output_path = folder.building
        return run()
    except OSError as error:
        if is_write_error(error):
            raise cannot_write(error, live) from None
        raise
    finally:
        writer.current = None
        pelican.output_path = live
        try:
            folder.prepared()
        finally:
            folder.release()


def _site_intact(live: str, previous: dict) -> bool:
    """Whether the files the last build made are all there as it left them, and no others."""
    return previous.get("files") == site_files(live, previous.get("top", ()))


def _foreign(folder: SiteFolder, previous: dict | None) -> set[str]:
    """Top-level entries of the live folder no build made (a search index, say), kept
    on a rebuild; a clean build keeps only Pelican's ``OUTPUT_RETENTION``."""
    if previous is None:
        return folder.top_level("live") & set(folder.retention)
    if previous.get("keep_all"):
        return set()  # not known yet: carried once the build is done
    return folder.top_level("live") - set(previous.get("top", ()))


def start_run(pelican):
    if writer.current is not None:
        writer.current.folder.prepared()  # before anything is written into it
    return IncrementalWriter


def finish_run(pelican) -> None:
    run = writer.current
    if run is None or run.writer is None:
        return
    try:
        run.writer.flush(run)
    except BaseException:
        forget(run.cache_file)
        raise
    folder = run.folder
    built = folder.top_level("building") - folder.foreign
    if (run.previous or {}).get("keep_all"):
        # Without DELETE_OUTPUT_DIRECTORY, what the folder held stays, as in Pelican.
        folder.carry(sorted(folder.top_level("live") - built))
    else:
        folder.carry(sorted(folder.foreign - built))
    settings = pelican.settings
    manifest = {
        "format": FORMAT,
        "output": folder.live,
        "tree": folder.inode(),
        "pages": run.pages,
        "base": run.base,
        "summaries": run.summaries,
        "top": sorted(built),
        "inputs": run.inputs.stamp if run.inputs else None,
        "common": run.inputs.common if run.inputs else None,
        "sources": run.inputs.sources if run.inputs else None,
        "owns": run.owns,
        "heads": run.heads,
        "addresses": run.addresses,
        "with_bodies": run.with_bodies,
        "due": due_next(run.context.get("generated_content", {}).values()),
        "files": site_files(folder.building, built),
    }
    if settings.get("CACHE_CONTENT"):
        write_atomically(run.cache_file, manifest)
    else:
        forget(run.cache_file)
    folder.swap()
    if settings.get("CACHE_CONTENT"):
        remember_addresses(run.context.get("generated_content", {}).values())


def register():
    # A build leaves hundreds of thousands of objects; freeing them one by one
    # at exit takes longer than some rebuilds, and the system frees them anyway.
    atexit.register(gc.freeze)
    install_set_lookups()
    install_full_file_stamps()
    signals.article_generator_finalized.connect(index_memberships)
    signals.initialized.connect(tune_collector)
    signals.initialized.connect(take_over)
    signals.get_writer.connect(start_run)
    signals.article_generator_init.connect(trust_cache)
    signals.article_generator_init.connect(recall_addresses)
    signals.article_generator_init.connect(read_in_parallel)
    signals.page_generator_init.connect(trust_cache)
    signals.content_object_init.connect(reuse_address)
    signals.finalized.connect(finish_run)
