"""The one place Pelican and Pagefind are started from: ``invoke``, the site check and the preview.

Pelican fails on any warning (never skipping a post quietly) and logs plain
lines. A build writes beside the output folder and swaps it in when done (the
``incremental`` plugin), so a failed or killed build leaves the last site.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
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


def _site_state(site: Path, cache: Path) -> str:
    """Changes whenever a build changes the site: each build that writes swaps in a
    new folder and rewrites its record in ``cache``; a build with nothing to do neither."""
    parts = [site.resolve().as_posix()]
    with contextlib.suppress(OSError):
        parts.append(str(site.stat().st_ino))  # not its time: Pagefind adds to it
    for path in sorted(cache.glob("incremental-*")):
        with contextlib.suppress(OSError):
            info = path.stat()
            parts.append(f"{path.name}:{info.st_ino}:{info.st_mtime_ns}:{info.st_size}")
    return hashlib.blake2b("\n".join(parts).encode()).hexdigest()


def index_if_changed(site: Path, cwd: Path, cache: Path) -> subprocess.CompletedProcess | None:
    """Index the site for search unless it is the site indexed last (then None)."""
    stamp = cache / "search-index-stamp"
    state = _site_state(site, cache)
    if (site / "pagefind").is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8") == state:
        return None
    made = run_pagefind(site, cwd)
    if made.returncode == 0:
        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / f"search-index-stamp.{os.getpid()}"
        partial.write_text(state, encoding="utf-8")
        partial.replace(stamp)
    return made
