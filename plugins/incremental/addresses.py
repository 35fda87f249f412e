"""Posts' addresses kept from one build to the next.

A post's ``url`` and ``save_as`` are worked out from its file, the settings
and the plugins' code; when none of these has changed since the last build,
the last build's answer is used (with the ``url_cache`` plugin, which makes
them settable). A file counts as unchanged when its size, modification and
change times and inode are, as this build first saw them (before reading
it). A plugin that gave a post an address from anything else would have to
be listed in this key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from pelican.contents import Article

from plugins.pelican_private import file_stamp, preset_cached

from .fingerprints import code_and_settings_digest
from .records import load, write_atomically

ADDRESSES = "incremental-addresses"
FORMAT = 2


@dataclass
class Addresses:
    """Posts' addresses from the last build, by source file."""

    file: str
    base: str
    known: dict[str, tuple]
    stamps: dict[str, tuple] = field(default_factory=dict)


_book: Addresses | None = None


def _settable(obj) -> bool:
    cls = type(obj)
    return isinstance(getattr(cls, "url", None), cached_property) and isinstance(
        getattr(cls, "save_as", None), cached_property
    )


def recall_addresses(generator) -> None:
    global _book
    settings = generator.settings
    _book = None
    if not settings.get("CACHE_CONTENT"):
        return
    path = os.path.join(settings["CACHE_PATH"], ADDRESSES)
    base = code_and_settings_digest(settings)
    known = {}
    if settings.get("LOAD_CONTENT_CACHE"):
        data = load(path, FORMAT)
        if data is not None and data.get("base") == base:
            known = data["known"]
    _book = Addresses(path, base, known)


def reuse_address(content) -> None:
    book = _book
    if book is None or not isinstance(content, Article) or not _settable(content):
        return
    try:
        stamp = file_stamp(content.source_path)
    except TypeError:
        return
    if stamp is None:
        return
    book.stamps[content.source_path] = stamp
    known = book.known.get(content.source_path)
    if known is not None and known[0] == stamp:
        preset_cached(content, "url", known[1])
        preset_cached(content, "save_as", known[2])


def remember_addresses(contents: Iterable) -> None:
    book = _book
    if book is None:
        return
    known = {}
    for obj in contents:
        stamp = book.stamps.get(getattr(obj, "source_path", None))
        if stamp is not None and isinstance(obj, Article) and _settable(obj):
            known[obj.source_path] = (stamp, obj.url, obj.save_as)
    if known != book.known:
        write_atomically(book.file, {"format": FORMAT, "base": book.base, "known": known})
