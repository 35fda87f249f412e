"""The one place Pelican and Pagefind are started from: ``invoke``, the site check and the preview.

Pelican fails on any warning (never skipping a post quietly) and logs plain
lines. A build writes beside the output folder and swaps it in when done (the
``incremental`` plugin), so a failed or killed build leaves the last site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


def pelican_command(settings: str, out: Path | str, *extra: str) -> list[str]:
    fatal = ["--fatal", "warnings", "--log-handler", "plain"]
    return [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(out), *fatal, *extra]


def run_pelican(
    project: Path, settings: str, out: Path | str, *extra: str, env: dict | None = None, capture: bool = False
) -> subprocess.CompletedProcess:
    """Build ``project``'s site into ``out`` in a new process; its output is captured if asked."""
    return subprocess.run(
        pelican_command(settings, out, *extra),
        cwd=project,
        env=env,
        capture_output=capture,
        text=True,
        check=False,
    )


def run_pelican_here(pelican) -> BaseException | None:
    """One more build with a Pelican kept loaded (the preview's); what went wrong, if anything."""
    try:
        pelican.run()
    except SystemExit as stop:  # a build that could not write says so in one line
        return stop
    except Exception as error:
        return error
    return None


def run_pagefind(
    site: Path | str,
    cwd: Path | None = None,
    *,
    capture: bool = False,
    into: Path | str | None = None,
    background: bool = False,
) -> subprocess.CompletedProcess:
    """Index a built site for search; Pagefind writes its index beside the pages, or ``into``.

    ``background``: at a lower priority, so that it never slows a build waited for."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    if into is not None:
        command += ["--output-path", str(into)]
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", "10", *command]
    return subprocess.run(command, cwd=cwd, capture_output=capture, check=False)


# The pages search indexes: those the theme marks (article pages); list pages
# carry no such mark and are never given to Pagefind.
BODY_MARK = b"data-pagefind-body"
# Files of a Pagefind bundle named by their content: one already there is not
# written again, so a bundle kept from the last index saves compressing them.
_HASHED = ("fragment", "index", "filter")
_WORK_FORMAT = 1


@dataclass
class IndexRun:
    """What one update of the search index did: ``returncode`` 0 when it was made;
    ``error`` the one line to show otherwise."""

    returncode: int
    pages: int = 0
    error: str = ""


def _work_folder(site: Path) -> Path:
    return site.parent / f".{site.name}.search"


def _indexed_pages(site: Path, known: dict) -> tuple[dict[str, list], dict[str, list]]:
    """Each HTML page of ``site`` that search indexes, by path: [inode, size, mtime, digest];
    and what is known now of every HTML page, to give as ``known`` next time.

    A page whose inode, size and time are as ``known`` records them is not read
    again: a build hard-links the pages it did not change from the last site."""
    found: dict[str, list] = {}
    now: dict[str, list] = {}
    start = len(str(site)) + 1
    stack = [str(site)]
    bundle = f"{site}{os.sep}pagefind"
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.path != bundle:
                        stack.append(entry.path)
                    continue
                if not entry.name.endswith(".html") or not entry.is_file(follow_symlinks=False):
                    continue
                relative = entry.path[start:]
                info = entry.stat(follow_symlinks=False)
                stamp = [info.st_ino, info.st_size, info.st_mtime_ns]
                before = known.get(relative)
                if before is None or before[:3] != stamp:
                    with open(entry.path, "rb") as page:
                        data = page.read()
                    digest = hashlib.blake2b(data, digest_size=16).hexdigest() if BODY_MARK in data else ""
                    before = [*stamp, digest]
                now[relative] = before
                if before[3]:
                    found[relative] = before
    return found, now


def _files_under(top: Path) -> dict[str, int]:
    """Every file under ``top`` by relative path, with its inode."""
    found: dict[str, int] = {}
    start = len(str(top)) + 1
    stack = [str(top)]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    found[entry.path[start:]] = entry.inode()
    return found


def _mirror(target: Path, wanted: dict[str, Path]) -> None:
    """Make ``target`` hold exactly ``wanted`` (relative path: file), hard-linked, touching
    only what differs; a link is never written through, so the originals stay as they are."""
    inodes = {relative: source.stat().st_ino for relative, source in wanted.items()}
    for relative, inode in _files_under(target).items():
        if inodes.get(relative) == inode:
            del inodes[relative]
        else:
            (target / relative).unlink()
    for relative in inodes:
        link = target / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        os.link(wanted[relative], link)


def _hashed_files(bundle: Path) -> dict[str, Path]:
    """The files of a bundle named by their content, which an update may keep."""
    files = {}
    for relative in _files_under(bundle):
        top = relative.split(os.sep, 1)[0]
        if top in _HASHED or (relative.startswith("pagefind.") and relative.endswith(".pf_meta")):
            files[relative] = bundle / relative
    return files


def _referenced(bundle: Path) -> set[str] | None:
    """The content-named files the bundle's entry file leads to; None if it cannot be read."""
    import gzip

    import cbor2

    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        keep = set()
        for language in entry["languages"].values():
            meta = f"pagefind.{language['hash']}.pf_meta"
            keep.add(meta)
            data = gzip.decompress((bundle / meta).read_bytes())
            names: set[str] = set()
            _strings(cbor2.loads(data.removeprefix(b"pagefind_dcd")), names)
            for folder in _HASHED:  # fragment/NAME.pf_fragment, index/NAME.pf_index, ...
                keep.update(f"{folder}{os.sep}{name}.pf_{folder}" for name in names)
        return keep
    except (OSError, ValueError, KeyError, TypeError, EOFError, cbor2.CBORDecodeError):
        return None


def _strings(value, into: set[str]) -> None:
    if isinstance(value, str):
        into.add(value)
    elif isinstance(value, list | tuple):
        for item in value:
            _strings(item, into)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, into)


def _prune(bundle: Path) -> bool:
    """Delete the content-named files no longer used; False if the bundle could not be read."""
    keep = _referenced(bundle)
    if keep is None:
        return False
    for relative in _hashed_files(bundle):
        if relative not in keep:
            (bundle / relative).unlink()
    return True


def _pagefind_error(made: subprocess.CompletedProcess, site: Path) -> str:
    said = " ".join((made.stderr or b"").decode("utf-8", "replace").split())
    said = said.removeprefix("Error: ") or f"Pagefind stopped with exit code {made.returncode}"
    return (
        f"{site}: error: the search index was not updated ({said[:300]}); "
        f"the site keeps its last index. Build again, or run invoke clean and then invoke build"
    )


def update_search_index(site: Path, *, background: bool = False) -> IndexRun | None:
    """Bring ``site``'s search index (``pagefind/``) up to date; None when it already is.

    Only the pages search indexes are given to Pagefind. It writes a new bundle
    beside the site, starting from the files of the last one, so that what did
    not change is not compressed and written again; the files the new bundle
    no longer uses are then deleted and the bundle replaces ``pagefind/`` in one
    step, holding the lock builds hold: the site never has half an index. A
    build that changed no indexed page leaves the index as it is."""
    from plugins.incremental.site_folder import WAIT_SECONDS, Lock, SiteFolder

    site = Path(site).absolute()
    work = _work_folder(site)
    work.mkdir(parents=True, exist_ok=True)
    lock = Lock(str(work) + ".lock")
    if not lock.acquire(WAIT_SECONDS):
        return IndexRun(1, error=_busy(lock.path, "another search index"))
    try:
        record_file = work / "pages.json"
        try:
            record = json.loads(record_file.read_text(encoding="utf-8"))
            if record.get("format") != _WORK_FORMAT:
                record = {}
        except (OSError, ValueError):
            record = {}
        pages, known = _indexed_pages(site, record.get("known", {}))
        live = site / "pagefind"
        state = hashlib.blake2b(
            json.dumps([_pagefind_version(), sorted((k, v[3]) for k, v in pages.items())]).encode()
        ).hexdigest()
        if record.get("state") == state and _bundle_stamp(live) == record.get("bundle"):
            return None
        view, bundle = work / "site", work / "bundle"
        _mirror(view, {relative: site / relative for relative in pages})
        if (live / "pagefind-entry.json").is_file():
            _mirror(bundle, _hashed_files(live))
        else:
            # A clean build leaves no index in the site: the one before it, kept here, is the start.
            bundle.mkdir(exist_ok=True)
            for relative in set(_files_under(bundle)) - set(_hashed_files(bundle)):
                (bundle / relative).unlink()
        # A site with no marked page at all: Pagefind indexes every page's body, as it always has.
        given = view if pages else site
        command = [sys.executable, "-m", "pagefind", "--site", str(given), "--output-path", str(bundle)]
        command.append("--silent")
        nice = shutil.which("nice") if background else None
        if nice:
            command = [nice, "-n", "10", *command]
        made = subprocess.run(command, capture_output=True, check=False)
        if made.returncode != 0:
            shutil.rmtree(bundle, ignore_errors=True)
            return IndexRun(made.returncode, len(pages), _pagefind_error(made, site))
        if not _prune(bundle):
            # A bundle this cannot read is made again from nothing rather than kept unpruned.
            shutil.rmtree(bundle)
            made = subprocess.run(command, capture_output=True, check=False)
            if made.returncode != 0:
                return IndexRun(made.returncode, len(pages), _pagefind_error(made, site))
        old = work / "old"
        shutil.rmtree(old, ignore_errors=True)
        site_lock = SiteFolder.beside(str(site)).lock
        if not site_lock.acquire(WAIT_SECONDS):
            return IndexRun(1, error=_busy(site_lock.path, "a build"))
        try:
            if live.exists():
                live.rename(old)
            bundle.rename(live)
        finally:
            site_lock.release()
        if old.exists():
            old.rename(bundle)  # the next update starts from it
        record = {"format": _WORK_FORMAT, "known": known, "state": state, "bundle": _bundle_stamp(live)}
        partial = work / f"pages.json.{os.getpid()}"
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(record_file)
        return IndexRun(0, len(pages))
    except OSError as error:
        said = f"{error.strerror or error} ({error.filename or site})"
        return IndexRun(
            1,
            error=f"{site}: error: the search index was not updated: {said}; make room or make it "
            f"writable and build again. The site keeps its last index",
        )
    finally:
        lock.release()


def _busy(lock: str, who: str) -> str:
    from plugins.incremental.site_folder import WAIT_SECONDS

    return (
        f"{lock}: error: {who} has held this lock for {WAIT_SECONDS // 60} minutes; stop it and "
        f"build again. The site keeps its last index"
    )


def _bundle_stamp(bundle: Path) -> list | None:
    """Changes when the live bundle is replaced or its entry file touched. Not the folder's
    own inode: a build carries the bundle into its new site as a new folder of hard links."""
    try:
        entry = (bundle / "pagefind-entry.json").stat()
    except OSError:
        return None
    return [entry.st_ino, entry.st_size, entry.st_mtime_ns]


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind_bin")
    except PackageNotFoundError:
        return ""


def index_if_changed(site: Path, cwd: Path | None = None, cache: Path | None = None) -> IndexRun | None:
    """Index the site for search unless no page search indexes changed (then None)."""
    return update_search_index(site)
