"""A post's page drawn at once when only its text changed, for the preview.

After each build the preview keeps Pelican's articles generator, with the site
as it was built. When a save changes a published post's text and nothing in
its front matter, its page is drawn from that site with the new text (as
Hugo's server draws the page being looked at first) and served until the
whole build, which follows at once, replaces it. Anything else (a new,
deleted or draft post; a changed title, date, tag or other field; a post
that cannot be read) waits for the whole build, which reports it.
"""

from __future__ import annotations

import copy
import datetime
import logging
import os
import tempfile
from pathlib import Path

from pelican import signals
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from plugins.pelican_private import cached_entries, filter_discardable_metadata

_last: list = [None]


def remember(generator) -> None:
    """Keep the articles generator of the build that just ran."""
    _last[0] = generator


def listen() -> None:
    signals.article_generator_finalized.connect(remember)


def forget() -> None:
    _last[0] = None


def _plain(value):
    """Front matter as plain values: a tag or author compared by its class and name
    (a tag read again is not ``==`` to one read from the cache), a time with its offset
    (two times of one instant are ``==``, yet put a post in different months)."""
    if isinstance(value, URLWrapper):
        return (type(value).__name__, value.name)
    if isinstance(value, datetime.date):
        return (type(value).__name__, value.isoformat(), str(getattr(value, "tzinfo", None)))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def draw(path: Path, scratch: Path) -> dict[str, bytes]:
    """The files of ``path``'s page drawn with its new text, by path in the site; empty
    when the save changed more than the text, or the page cannot be drawn alone."""
    generator = _last[0]
    if generator is None:
        return {}
    source = os.path.abspath(path)  # noqa: PTH100 - as Pelican names a post's source
    old = next((a for a in generator.articles if a.source_path == source), None)
    entry = cached_entries(generator.readers).get(source)
    reader = generator.readers.readers.get(path.suffix[1:])
    if old is None or entry is None or reader is None:
        return {}
    _, (_, before) = entry
    said = _Said()
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, [said]
    try:
        content, metadata = reader.read(source)
        if not isinstance(content, str) or _plain(filter_discardable_metadata(metadata)) != _plain(before):
            return {}
        page = copy.copy(old)
        page._content = content
        scratch.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=scratch) as folder:
            writer = Writer(folder, settings=generator.settings)
            writer.write_file(
                page.save_as,
                generator.get_template(page.template),
                generator.context,
                relative_urls=generator.settings["RELATIVE_URLS"],
                article=page,
                category=getattr(page, "category", None),
                override_output=hasattr(page, "override_save_as"),
                url=page.url,
                blog=True,
            )
            if said.anything:
                return {}  # a warning (a broken link, say): the whole build reports it
            return {
                file.relative_to(folder).as_posix(): file.read_bytes()
                for file in Path(folder).rglob("*")
                if file.is_file()
            }
    except Exception:  # any failure means: wait for the whole build
        return {}
    finally:
        root.handlers = handlers


class _Said(logging.Handler):
    """Whether anything worth a warning was logged while the page was drawn."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.anything = False

    def emit(self, record: logging.LogRecord) -> None:
        self.anything = True
