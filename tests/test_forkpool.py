"""The fork pool shared by the build and the importer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.forkpool import MIN_PARALLEL, Pending, fork_map, parallel

ROOT = Path(__file__).resolve().parent.parent

# A parent whose workers would run for a minute; it prints their pids, then waits to be killed.
PARENT = """
import os, sys, time
from plugins.forkpool import fork_map

parent = os.getpid()

def work(n):
    if os.getpid() != parent:
        os.write(1, b"%d\\n" % os.getpid())
        time.sleep(60)
    return n

fork_map(work, list(range(4)), workers=3, minimum=1)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_their_parent():
    process = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    workers = [int(process.stdout.readline()) for _ in range(2)]
    assert all(_alive(pid) for pid in workers)
    process.kill()
    process.wait()
    process.stdout.close()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if _alive(pid)] == []


def test_parallel_gives_values_in_order_and_raises_a_worker_s_failure():
    items = list(range(3 * MIN_PARALLEL))
    assert parallel(lambda n: n * 2, items, workers=2) == [n * 2 for n in items]

    def fail_on_seven(n: int) -> int:
        if n == 7:
            raise ValueError("seven")
        return n

    with pytest.raises(RuntimeError, match="ValueError: seven"):
        parallel(fail_on_seven, items, workers=2)


def test_few_items_run_here():
    outcomes = fork_map(lambda _: os.getpid(), list(range(MIN_PARALLEL)), workers=2)
    assert {o.value for o in outcomes} == {os.getpid()}


def test_a_pending_call_can_be_stopped():
    pending = Pending(time.sleep, 60)
    started = time.monotonic()
    pending.stop()
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):
        os.kill(pending.pid, 0)
    assert pending.outcome().error == "stopped"
