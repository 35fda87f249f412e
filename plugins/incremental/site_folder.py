"""The output folder: built beside, swapped in whole, one build at a time.

A build never writes into the output folder (``output/``) itself. It writes
into a folder beside it (``.output.build/``) and, once everything is written,
swaps the two in one step (Linux's ``renameat2`` exchange), so ``output/`` is
always a whole site: the last finished build's. The folder beside then holds
the site before, and the next build starts from it: a page that has not
changed is hard-linked from ``output/`` rather than written again, and every
other file in it is deleted first, so nothing a killed build left behind can
reach the site. Pelican's writer replaces files rather than writing through
them, so a hard-linked page is never changed in place.

A lock file beside them (``.output.lock``, see ``plugins.locks``) makes a
second build into the same folder wait for the first. A build
that cannot write (read-only or full disk) stops with one line naming the
folder, and ``output/`` stays as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from plugins.forkpool import Pending
from plugins.locks import WAIT_SECONDS, Lock, site_lock

logger = logging.getLogger(__name__)

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_CANNOT_WRITE = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT}


class BuildFailed(SystemExit):
    """A build that stopped for a reason the author can act on: no traceback, the
    ``file: error: … / what to do: …`` lines every message has.

    A ``SystemExit``, so that Pelican's command line exits with it instead of
    printing a traceback; the preview catches it and keeps serving.
    """

    def __init__(self, where: str, message: str, fix: str):
        super().__init__(f"{where}: error: {message}\n    what to do: {fix}")


def cannot_write(error: OSError, where: str) -> BuildFailed:
    path = error.filename or where
    reason = error.strerror or str(error)
    advice = {
        errno.ENOSPC: "free some disk space and build again",
        errno.EDQUOT: "free some disk space and build again",
        errno.EROFS: "build onto a writable disk (pelican -o FOLDER)",
    }.get(error.errno, "make it writable or build elsewhere (pelican -o FOLDER)")
    return BuildFailed(
        where, f"cannot write the site: {reason} ({path}); {where} is as the last build left it", advice
    )


def is_write_error(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in _CANNOT_WRITE


@dataclass
class SiteFolder:
    """The live output folder and the one a build writes into."""

    live: str
    building: str
    lock: Lock
    retention: tuple = ()
    # Files kept in the building folder, by path relative to it, with their inodes.
    found: dict[str, int] = field(default_factory=dict)
    # Top-level entries of the live folder that no build made, kept as they are.
    foreign: set[str] = field(default_factory=set)
    _preparing: Pending | None = None

    @classmethod
    def beside(cls, live: str, retention=()) -> SiteFolder:
        live = os.path.abspath(live)
        parent, name = os.path.split(live)
        return cls(live, os.path.join(parent, f".{name}.build"), site_lock(live), tuple(retention))

    def acquire(self) -> None:
        try:
            os.makedirs(os.path.dirname(self.live), exist_ok=True)
            if not self.lock.acquire(0):
                print(
                    f"Waiting for the build already writing to {self.live} to finish "
                    f"(lock file {self.lock.path})",
                    file=sys.stderr,
                    flush=True,
                )
                if not self.lock.acquire(WAIT_SECONDS):
                    raise BuildFailed(
                        self.lock.path,
                        f"another build has been writing to {self.live} for {WAIT_SECONDS // 60} minutes",
                        "stop that build (or let it finish) and build again",
                    )
        except OSError as error:
            raise cannot_write(error, self.live) from None
        if os.path.isdir(self.live) and not os.access(self.live, os.W_OK):
            self.release()
            raise cannot_write(OSError(errno.EACCES, "Permission denied", self.live), self.live)

    def release(self) -> None:
        self.lock.release()

    def prepare(self, keep: dict[str, int], foreign: set[str]) -> None:
        """Start making the building folder hold the files in ``keep`` as the live folder
        has them (same inode), and nothing else but the ``foreign`` top-level entries;
        in a forked process, while this one reads the posts."""
        os.makedirs(self.building, exist_ok=True)
        self.foreign = foreign
        self._preparing = Pending(_empty_but, self.building, keep, foreign, self.live)

    def prepared(self) -> None:
        """Wait for ``prepare`` to end."""
        preparing, self._preparing = self._preparing, None
        if preparing is None:
            return
        outcome = preparing.outcome()
        if isinstance(outcome.value, OSError):
            raise outcome.value
        if outcome.error is not None:
            raise RuntimeError(f"could not empty {self.building}:\n{outcome.error}")
        self.found = outcome.value

    def link_from_live(self, files: Iterable[tuple[str, int]]) -> None:
        """Give the building folder the live folder's copy of these files (path, inode)."""
        found, live, building = self.found, self.live + os.sep, self.building + os.sep
        for relative, inode in files:
            if found.get(relative) == inode:
                continue
            source, target = live + relative, building + relative
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
            os.link(source, target)

    def drop(self, relatives: Iterable[str]) -> None:
        """Delete kept files the build did not produce (pages that are gone)."""
        emptied = []
        for relative in relatives:
            try:
                os.unlink(os.path.join(self.building, relative))
            except FileNotFoundError:
                continue
            emptied.append(os.path.dirname(os.path.join(self.building, relative)))
        _prune(emptied, self.building)

    def carry(self, names: Iterable[str]) -> None:
        """Make these top-level entries of the building folder the live folder's, hard-linked."""
        for name in names:
            source, target = os.path.join(self.live, name), os.path.join(self.building, name)
            if os.path.isdir(source) and not os.path.islink(source):
                _mirror(source, target)
            else:
                _link_if_other(source, target)

    def top_level(self, which: str) -> set[str]:
        folder = self.live if which == "live" else self.building
        try:
            return set(os.listdir(folder))
        except FileNotFoundError:
            return set()

    def swap(self) -> None:
        """Make the building folder the live one, in one step where the system allows."""
        if not os.path.isdir(self.live):
            os.rename(self.building, self.live)
            return
        if not _exchange(self.building, self.live):
            # Two renames: output/ is missing for an instant, never half-written.
            aside = f"{self.building}.old"
            shutil.rmtree(aside, ignore_errors=True)
            os.rename(self.live, aside)
            os.rename(self.building, self.live)
            os.rename(aside, self.building)

    def inode(self) -> int | None:
        return _inode(self.building)


def live_inode(live: str) -> int | None:
    return _inode(live)


def _inode(path: str) -> int | None:
    try:
        return os.lstat(path).st_ino
    except OSError:
        return None


def _files(top: str, skip: Iterable[str] = ()):
    """(relative path, inode, path) of every file under ``top``, but under top-level ``skip``."""
    start = len(top) + 1
    skipped = {os.path.join(top, name) for name in skip}
    stack = [top]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.path in skipped:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    yield entry.path[start:], entry.inode(), entry.path


def _empty_but(top: str, keep: dict[str, int], skip: set[str], live: str) -> dict[str, int] | OSError:
    """Delete every file under ``top`` but the ``keep`` ones (by inode) and those under
    ``skip``, and hard-link the ``keep`` files it lacks from ``live`` where they are still
    those files; the files kept, or the error that stopped it.

    The first rebuild after a clean one finds no folder beside: linking the whole
    site into it here, beside the reading of the posts, spares the rebuild that
    wait (most of its pages are linked, not written)."""
    found: dict[str, int] = {}
    emptied: list[str] = []
    try:
        for relative, inode, full in _files(top, skip=skip):
            if keep.get(relative) == inode:
                found[relative] = inode
                continue
            os.unlink(full)
            emptied.append(os.path.dirname(full))
        _prune(emptied, top)
        for relative, inode in keep.items():
            if relative in found:
                continue
            source, target = os.path.join(live, relative), os.path.join(top, relative)
            try:
                if os.lstat(source).st_ino != inode:
                    continue  # changed since the last build: the build writes it
                try:
                    os.link(source, target, follow_symlinks=False)
                except FileNotFoundError:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    os.link(source, target, follow_symlinks=False)
            except FileNotFoundError:
                continue
            except FileExistsError:
                continue  # under a top-level entry left alone (``skip``)
            found[relative] = inode
    except OSError as error:
        return error
    return found


def _link_if_other(source: str, target: str) -> None:
    if _inode(source) == _inode(target):
        return
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    os.link(source, target, follow_symlinks=False)


def _mirror(source: str, target: str) -> None:
    """Make ``target`` a tree of hard links to ``source``'s files, touching only what differs."""
    if os.path.lexists(target) and not os.path.isdir(target):
        os.unlink(target)
    os.makedirs(target, exist_ok=True)
    wanted = {relative: inode for relative, inode, _ in _files(source)}
    for relative, inode, path in _files(target):
        if wanted.get(relative) == inode:
            del wanted[relative]
        else:
            os.unlink(path)
    for relative in wanted:
        os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
        os.link(os.path.join(source, relative), os.path.join(target, relative), follow_symlinks=False)


def _prune(folders: Iterable[str], top: str) -> None:
    """Remove these folders and their parents below ``top`` while they are empty."""
    for folder in sorted(set(folders), key=len, reverse=True):
        while folder != top and folder.startswith(top + os.sep):
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = os.path.dirname(folder)


_libc = None


def _exchange(first: str, second: str) -> bool:
    global _libc
    if not sys.platform.startswith("linux"):
        return False
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), second)
