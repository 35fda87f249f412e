"""The one place Pelican and Pagefind are started from: ``invoke``, the site check and the preview.

Pelican fails on any warning (never skipping a post quietly) and logs plain
lines. A build writes beside the output folder and swaps it in when done (the
``incremental`` plugin), so a failed or killed build leaves the last site.
"""

from __future__ import annotations

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
    site: Path | str, cwd: Path | None = None, *, capture: bool = False, into: Path | str | None = None
) -> subprocess.CompletedProcess:
    """Index a built site for search; Pagefind writes its index beside the pages, or ``into``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    if into is not None:
        command += ["--output-path", str(into)]
    return subprocess.run(command, cwd=cwd, capture_output=capture, check=False)
