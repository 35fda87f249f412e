"""A build with nothing to do: when every input is as the last build found it, and so
is the site it left, the build ends at once and the site stays as it is.

The inputs are the code and settings digest (plugin code, package versions,
settings), the theme's files, the size, times and inode of every file in the
content folder and of every file a setting names, and the environment. A
post dated in the future becomes due with time alone, so a build is never
skipped once the earliest such date has passed.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import time
from dataclasses import dataclass, field

from .fingerprints import code_and_settings_digest, theme_digest


def site_files(top: str, names) -> list[str]:
    """Every file under these top-level entries of a built site, with its size, time and inode."""
    found: list[str] = []
    for name in sorted(names):
        path = os.path.join(top, name)
        if os.path.isdir(path) and not os.path.islink(path):
            _tree(path, found, len(top) + 1)
        elif os.path.lexists(path):
            info = os.lstat(path)
            found.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}")
    return sorted(found)


def _tree(top: str, into: list[str], strip: int = 0) -> None:
    try:
        entries = list(os.scandir(top))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _tree(entry.path, into, strip)
        else:
            try:
                info = entry.stat()
            except OSError:
                continue
            into.append(
                f"{entry.path[strip:]}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
            )


@dataclass
class Inputs:
    """What a build reads, as far as file sizes, times and inodes tell."""

    # The same exactly when nothing a build reads has changed.
    stamp: str
    # Everything but the content folder's files: code, settings, theme, environment.
    common: str = ""
    # Each file in the content folder, by path: its size, times and inode.
    sources: dict[str, str] = field(default_factory=dict)

    def changed_sources(self, previous: dict) -> set[str] | None:
        """The content files that differ from the last build's (added, deleted or
        changed); None when anything else differs, or the last build did not say."""
        before = previous.get("sources")
        if before is None or previous.get("common") != self.common:
            return None
        now = self.sources
        return {path for path in before.keys() | now.keys() if before.get(path) != now.get(path)}


# Variables a shell keeps for itself and changes as the author works: the last
# command run ("_"), the folder left by the last "cd", how deep the shell is,
# the size of the window. No build reads them; counting them would make the next
# build after a "cd" or another command a full one.
SHELL_OWN = frozenset(
    {
        "_",
        "OLDPWD",
        "SHLVL",
        "COLUMNS",
        "LINES",
        "PS1",
        "PS2",
        "PROMPT_COMMAND",
        "TERM_SESSION_ID",
        "WINDOWID",
    }
)


def inputs_stamp(settings: dict) -> Inputs:
    """The inputs of a build: every file a build reads (as far as file sizes, times and
    inodes tell), the code and settings digest, the theme and the environment (but for
    the variables a shell keeps for itself)."""
    found: list[str] = []
    _tree(os.path.abspath(settings["PATH"]), found)
    sources = dict(line.split("\0", 1) for line in found)
    named = []
    for value in sorted({v for v in settings.values() if isinstance(v, str) and 0 < len(v) < 4096}):
        try:
            if os.path.isfile(value):
                info = os.stat(value)
                named.append(
                    f"{os.path.abspath(value)}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
                )
        except (OSError, ValueError):
            continue
    theme = theme_digest(settings)
    environment = "\0".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k not in SHELL_OWN)
    common = [code_and_settings_digest(settings), theme, environment, *named]
    everything = hashlib.blake2b("\n".join([*common, *found]).encode(errors="surrogateescape")).hexdigest()
    common_digest = hashlib.blake2b("\n".join(common).encode(errors="surrogateescape")).hexdigest()
    return Inputs(everything, common_digest, sources)


def due_next(contents) -> float | None:
    """When the earliest post dated in the future becomes due (seconds since the epoch)."""
    due = []
    for content in contents:
        date = getattr(content, "date", None)
        if isinstance(date, datetime.datetime) and date > datetime.datetime.now(date.tzinfo):
            due.append(date.timestamp())
    return min(due, default=None)


def still_valid(previous: dict, stamp: str) -> bool:
    """Whether the last build's inputs are this build's, and no post has become due since."""
    return previous.get("inputs") == stamp and not became_due(previous)


def became_due(previous: dict) -> bool:
    """Whether a post the last build held back as dated in the future is due now."""
    due = previous.get("due")
    return due is not None and time.time() >= due
