"""What one build leaves for the next, kept in files that are whole or absent."""

from __future__ import annotations

import contextlib
import os
import pickle


def write_atomically(path: str, data) -> None:
    """Pickle ``data`` beside ``path`` and rename it there, so a killed build leaves the old file."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = f"{path}.partial-{os.getpid()}"
    with open(partial, "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def load(path: str, fmt: int) -> dict | None:
    """The record at ``path`` if it is one of format ``fmt``."""
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == fmt else None


def forget(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
