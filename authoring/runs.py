"""The one place Pelican and Pagefind are started from: ``invoke``, the site check and the preview.

Pelican fails on any warning (never skipping a post quietly) and logs plain
lines. A build writes beside the output folder and swaps it in when done (the
``incremental`` plugin), so a failed or killed build leaves the last site.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
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


def _pagefind() -> list[str]:
    """Pagefind's own program, started straight away: through ``python -m pagefind`` each
    run would first start a Python (about 0.07 s, once per part of the index). As that
    wrapper does, ``PAGEFIND_BINARY_PATH`` names another program to run."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return [named]
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, OSError):
        return [sys.executable, "-m", "pagefind"]


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
    command = [*_pagefind(), "--site", str(site), "--silent"]
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
_WORK_FORMAT = 3
# Pages per part of the index: an edit makes its part again, not the whole index.
SHARD_PAGES = 1000
# The parts besides the first, which is ``pagefind/`` itself, for the search page to merge.
SHARD_LIST = "shards.json"
# What Pagefind's search reads first. A merged part is read with the first part's
# WebAssembly and scripts (``mergeIndex`` loads no WebAssembly of its own), so it
# keeps only this and the files named by their content.
ENTRY = "pagefind-entry.json"


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
                        indexed = _what_search_reads(page.read())
                    digest = hashlib.blake2b(indexed, digest_size=16).hexdigest() if indexed else ""
                    before = [*stamp, digest]
                now[relative] = before
                if before[3]:
                    found[relative] = before
    return found, now


_PAGEFIND_ATTRIBUTE = re.compile(rb"data-pagefind-[^>]*>[^<]*")


def _what_search_reads(page: bytes) -> bytes:
    """The part of a page that Pagefind reads when it has a marked body: all of it up to
    the end of the last marked element, then only its data-pagefind-* attributes (with
    the text they may take their value from). Empty when no element is marked.

    So a page re-rendered for a change search does not see (a neighbour's title in
    the links after the post) leaves its part of the index as it is."""
    end = 0
    mark = page.find(BODY_MARK)
    while mark >= 0:
        start = page.rfind(b"<", 0, mark)
        name = re.match(rb"<([A-Za-z][\w-]*)", page[start:])
        if name is None:
            return page  # not a tag as expected: all of it, to be safe
        depth, end = 0, len(page)
        for tag in re.finditer(rb"<(/?)" + re.escape(name.group(1)) + rb"[\s>/]", page[start:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = start + tag.end()
                break
        mark = page.find(BODY_MARK, end)
    if not end:
        return b""
    return page[:end] + b"".join(_PAGEFIND_ATTRIBUTE.findall(page, end))


def _files_under(top: Path, own: bool = False) -> dict[str, int]:
    """Every file under ``top`` by relative path, with its inode; ``own``: not those of the
    other parts of the index kept in it (its top-level folders named by a number)."""
    found: dict[str, int] = {}
    start = len(str(top)) + 1
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        try:
            entries = os.scandir(folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not (own and folder == str(top) and entry.name.isdigit()):
                        stack.append(entry.path)
                else:
                    found[entry.path[start:]] = entry.inode()
    return found


def _mirror(target: Path, wanted: dict[str, Path], own: bool = False) -> None:
    """Make ``target`` hold exactly ``wanted`` (relative path: file), hard-linked, touching
    only what differs; a link is never written through, so the originals stay as they are.
    ``own``: leave the other parts of the index kept in ``target`` alone."""
    inodes = {relative: source.stat().st_ino for relative, source in wanted.items()}
    for relative, inode in _files_under(target, own).items():
        if inodes.get(relative) == inode:
            del inodes[relative]
        else:
            (target / relative).unlink()
    for relative in inodes:
        link = target / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        os.link(wanted[relative], link)


def _own_files(bundle: Path) -> dict[str, Path]:
    """All the files of one part of the index, but the list of parts."""
    return {r: bundle / r for r in _files_under(bundle, own=True) if r != SHARD_LIST}


def _link_view(view: Path, site: Path, pages) -> None:
    """Make ``view`` a tree of symbolic links to these pages of ``site``, for Pagefind to read.

    Symbolic, not hard links: a hard link would change the page's inode change time,
    which the build reads to tell that the site is as it left it."""
    wanted = set(pages)
    for relative in _files_under(view):
        if relative in wanted:
            wanted.discard(relative)
        else:
            (view / relative).unlink()
    for relative in wanted:
        link = view / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(site / relative)


def _hashed_files(bundle: Path) -> dict[str, Path]:
    """The files of a bundle named by their content, which an update may keep."""
    files = {}
    for relative in _files_under(bundle, own=True):
        top = relative.split(os.sep, 1)[0]
        if top in _HASHED or (relative.startswith("pagefind.") and relative.endswith(".pf_meta")):
            files[relative] = bundle / relative
    return files


def _referenced(bundle: Path) -> set[str] | None:
    """The content-named files the bundle's entry file leads to; None if it cannot be read."""
    import gzip

    import cbor2

    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
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


def _shards(pages: dict[str, list], per_shard: int) -> list[dict[str, list]]:
    """The indexed pages in parts of about ``per_shard`` pages or fewer, each page always in
    the same part while their number stays (a power of two, so it seldom changes)."""
    count = 1
    while count * per_shard < len(pages):
        count *= 2
    shards: list[dict[str, list]] = [{} for _ in range(count)]
    for relative, page in pages.items():
        number = int.from_bytes(hashlib.blake2b(relative.encode(), digest_size=4).digest(), "big")
        shards[number % count][relative] = page
    return shards


def _run_pagefind_on(view: Path, out: Path, background: bool) -> subprocess.CompletedProcess:
    command = [*_pagefind(), "--site", str(view), "--output-path", str(out), "--silent"]
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", "10", *command]
    return subprocess.run(command, capture_output=True, check=False)


def _index_part(view: Path, out: Path, merged: bool, background: bool) -> subprocess.CompletedProcess:
    """Index one part into ``out``, which holds the last index's files of that part; then
    delete the ones it no longer uses. ``merged``: a part the search page merges into the
    first, which keeps only what a merged index is read from."""
    made = _run_pagefind_on(view, out, background)
    if made.returncode == 0 and not _prune(out):
        # An index this cannot read is made again from nothing rather than kept unpruned.
        for relative in _files_under(out, own=True):
            (out / relative).unlink()
        made = _run_pagefind_on(view, out, background)
    if made.returncode == 0 and merged:
        for relative in set(_files_under(out, own=True)) - set(_hashed_files(out)):
            if relative != ENTRY:
                (out / relative).unlink()
    return made


def update_search_index(
    site: Path, *, background: bool = False, per_shard: int = SHARD_PAGES
) -> IndexRun | None:
    """Bring ``site``'s search index (``pagefind/``) up to date; None when it already is.

    Only the pages search indexes are given to Pagefind. The index is in parts of
    at most ``per_shard`` pages (one part for a small site; the search page merges
    them, as Pagefind's ``mergeIndex`` does), and only the parts with a page that
    changed are made again, side by side on the machine's cores. Each is written
    beside the site, starting from the files of the last one, so what did not
    change is not compressed and written again; the files it no longer uses are
    deleted, and the whole index replaces ``pagefind/`` in one step, holding the
    lock builds hold: the site never has half an index."""
    from concurrent.futures import ThreadPoolExecutor

    from plugins.locks import WAIT_SECONDS, Lock, site_lock

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
        live = site / "pagefind"
        # Taken before the pages are read: a build that swaps in a new site while they are
        # indexed leaves a stamp that no longer matches, so the next update reads them again.
        stamp = _site_stamp(site)
        if record.get("site") == stamp and _bundle_stamp(live) == record.get("bundle"):
            return None  # the very site indexed last: no page to look at
        pages, known = _indexed_pages(site, record.get("known", {}))
        shards = _shards(pages, per_shard)
        version = _pagefind_version()
        states = [
            hashlib.blake2b(
                json.dumps([version, len(shards), sorted((k, v[3]) for k, v in shard.items())]).encode()
            ).hexdigest()
            for shard in shards
        ]
        before = record.get("shards", [])
        if before == states and _bundle_stamp(live) == record.get("bundle"):
            _save_record(work, {**record, "known": known, "site": stamp})
            return None
        bundle, views = work / "bundle", work / "site"
        writing = work / "writing"
        if writing.exists():
            # The last update stopped while Pagefind wrote: a file it left may be cut short.
            shutil.rmtree(bundle, ignore_errors=True)
        bundle.mkdir(exist_ok=True)
        wanted = {str(number) for number in range(1, len(shards)) if shards[number]}
        for folder in (bundle, views):
            for child in list(folder.iterdir()) if folder.is_dir() else []:
                if child.is_dir() and child.name.isdigit() and child.name not in wanted | {"0"}:
                    shutil.rmtree(child)
        todo = []
        for number, shard in enumerate(shards):
            if number and not shard:
                continue
            old, out = (live, bundle) if number == 0 else (live / str(number), bundle / str(number))
            here = (old / ENTRY).is_file()
            if here and number < len(before) and before[number] == states[number]:
                _mirror(out, _own_files(old), own=True)  # as it was: not made again
                continue
            if here:
                _mirror(out, _hashed_files(old), own=True)
            else:
                # No index of this part in the site (a clean build leaves none): the one before, kept here.
                out.mkdir(parents=True, exist_ok=True)
                for relative in set(_files_under(out, own=True)) - set(_hashed_files(out)):
                    (out / relative).unlink()
            view = views / str(number)
            _link_view(view, site, shard)
            # A site with no marked page at all: Pagefind indexes every page's body, as it always has.
            todo.append((site if not pages else view, out, number > 0))
        workers = max(1, min(len(todo), os.cpu_count() or 1))
        writing.touch()
        with ThreadPoolExecutor(workers) as pool:
            made = list(pool.map(lambda job: _index_part(*job, background), todo))
        failed = next((m for m in made if m.returncode != 0), None)
        if failed is not None:
            shutil.rmtree(bundle, ignore_errors=True)
            writing.unlink()
            return IndexRun(failed.returncode, len(pages), _pagefind_error(failed, site))
        listing = bundle / SHARD_LIST
        listing.unlink(missing_ok=True)  # may be a link to the live one: never written through
        listing.write_text(
            json.dumps({"shards": [f"{n}/" for n in sorted(wanted, key=int)]}), encoding="utf-8"
        )
        aside = work / "old"
        shutil.rmtree(aside, ignore_errors=True)
        building = site_lock(str(site))
        if not building.acquire(WAIT_SECONDS):
            return IndexRun(1, error=_busy(building.path, "a build"))
        try:
            # Unchanged while Pagefind ran: the site as it is once the new index is in.
            current = _site_stamp(site) == stamp
            if live.exists():
                live.rename(aside)
            bundle.rename(live)
            if current:
                stamp = _site_stamp(site)
        finally:
            building.release()
        if aside.exists():
            aside.rename(bundle)  # the next update starts from it
        writing.unlink()
        record = {"format": _WORK_FORMAT, "known": known, "shards": states, "bundle": _bundle_stamp(live)}
        _save_record(work, {**record, "site": stamp})
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
    from plugins.locks import WAIT_SECONDS

    return (
        f"{lock}: error: {who} has held this lock for {WAIT_SECONDS // 60} minutes; stop it and "
        f"build again. The site keeps its last index"
    )


def _save_record(work: Path, record: dict) -> None:
    partial = work / f"pages.json.{os.getpid()}"
    partial.write_text(json.dumps(record), encoding="utf-8")
    partial.replace(work / "pages.json")


def _site_stamp(site: Path) -> list | None:
    """Changes whenever a build swaps in a new site (the folder's inode, and its change
    time, which a swap sets): a build with nothing to do leaves both."""
    try:
        info = site.stat()
    except OSError:
        return None
    return [info.st_ino, info.st_ctime_ns]


def _bundle_stamp(bundle: Path) -> list | None:
    """Changes when the live bundle is replaced or its entry file touched. Not the folder's
    own inode: a build carries the bundle into its new site as a new folder of hard links."""
    try:
        entry = (bundle / ENTRY).stat()
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
