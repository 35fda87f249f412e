"""File locks shared by the build and the tools around it (the search index, the
preview): a module of its own, so that taking a lock never imports Pelican.

A lock file beside the output folder (``.output.lock``, locked with ``flock``,
which the system releases when a process ends however it ends) makes a second
build into the same folder wait for the first. (The ``filelock`` package does
the same with ``flock``; importing it costs about 2% of a one-edit rebuild.)
"""

from __future__ import annotations

import fcntl
import os
import time

# How long a build waits for another one writing to the same folder.
WAIT_SECONDS = 600
_POLL_SECONDS = 0.1


class Lock:
    """An exclusive lock on a file, held until released or until the process ends."""

    def __init__(self, path: str):
        self.path = path
        self._fd: int | None = None

    def acquire(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the lock; whether it was had."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(_POLL_SECONDS)
                continue
            self._fd = fd
            return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None


def site_lock(live: str) -> Lock:
    """The lock every build of the output folder ``live`` holds while it writes."""
    parent, name = os.path.split(os.path.abspath(live))
    return Lock(os.path.join(parent, f".{name}.lock"))
