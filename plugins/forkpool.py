"""One function over many items in forked processes: the build's and the importer's.

Workers are forked, so they inherit the parent's memory: neither the function
nor the items need to be picklable; only the results travel back, through a
pipe. A worker dies with its parent (Linux's parent-death signal), so a build
or import that is killed leaves no process behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Forking costs a few milliseconds; below this many items per worker one process is faster.
MIN_PARALLEL = 24
_PR_SET_PDEATHSIG = 1


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


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` ends, however it ends."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # The parent may have died before the signal was asked for.
    if os.getppid() != parent:
        os._exit(1)


def _fork(work: Callable[[], object]) -> tuple[int, int]:
    """Run ``work`` in a forked process that dies with this one: (its pid, the pipe its value comes on)."""
    parent = os.getpid()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        status = 0
        try:
            die_with_parent(parent)
            value = work()
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(value, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            traceback.print_exc()
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def fork_map(function: Callable, items: Sequence, workers: int, minimum: int = MIN_PARALLEL) -> list[Outcome]:
    """``function`` over ``items`` in up to ``workers`` forked processes, results in order.

    Each worker gets at least ``minimum`` items, or everything runs here. A
    worker that dies has its share done here instead.
    """
    items = list(items)
    workers = min(workers, len(items) // max(1, minimum))
    if workers < 2:
        return [_run(function, item) for item in items]
    children = []
    for worker in range(1, workers):
        pid, read_end = _fork(lambda worker=worker: [_run(function, item) for item in items[worker::workers]])
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
    for worker in failed:
        results[worker::workers] = [_run(function, item) for item in items[worker::workers]]
    return results  # type: ignore[return-value]


class Pending:
    """One call running in a forked process while this one gets on."""

    def __init__(self, function: Callable, *args):
        self.pid, read_end = _fork(lambda: _run(lambda _: function(*args), None))
        self._pipe = os.fdopen(read_end, "rb")
        self._outcome: Outcome | None = None

    def stop(self) -> None:
        """End the call if it is still running."""
        if self._outcome is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self._pipe.close()
            self._outcome = Outcome(error="stopped")

    def outcome(self) -> Outcome:
        """Wait for the call to end: its value, or what went wrong."""
        if self._outcome is None:
            data = self._pipe.read()
            self._pipe.close()
            _, status = os.waitpid(self.pid, 0)
            if status != 0 or not data:
                self._outcome = Outcome(error=f"the worker ended with status {status}")
            else:
                self._outcome = pickle.loads(data)
        return self._outcome


def parallel(function: Callable, items: Sequence, workers: int, minimum: int = MIN_PARALLEL) -> list:
    """``function``'s values over ``items`` (as ``fork_map``); the first failure is raised here."""
    if min(workers, len(items) // max(1, minimum)) < 2:
        return [function(item) for item in items]
    values = []
    for outcome in fork_map(function, items, workers, minimum):
        if outcome.error is not None:
            raise RuntimeError(f"a worker failed:\n{outcome.error}")
        values.append(outcome.value)
    return values
