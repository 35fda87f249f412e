"""Fewer cycle collections during a build."""

from __future__ import annotations

import gc

_tuned = False


def tune_collector(pelican) -> None:
    """Spare the build most of Python's cycle collections (once per process).

    A build makes hundreds of thousands of objects that live until it ends,
    and the default collector walks them again and again: about a tenth of a
    rebuild. What exists once Pelican is set up (modules, settings) lives as
    long as the process, so it is set aside for good, and collections come
    after more allocations than the default.
    """
    global _tuned
    if _tuned:
        return
    _tuned = True
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
