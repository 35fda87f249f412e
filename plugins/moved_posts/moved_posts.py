"""A published post that moved keeps answering at its old address.

GitHub Pages has no server-side redirects, so, as Hugo's ``aliases`` and
Jekyll's ``jekyll-redirect-from`` do on static hosts, every address recorded
in ``PUBLISHED_ADDRESSES`` (``published-addresses.txt``, kept by the author
check) that no page of this build has, and whose recorded file still makes a
published post, gets a small page at the old address: it sends the reader on
at once (``<meta http-equiv="refresh">``), names the new address as the
canonical one for search engines, asks them not to index it, and shows a link
for readers whose browser does not follow the refresh.

The page is the theme's ``moved.html`` (here it extends ``base.html``, so it
carries the site's Content-Security-Policy), or a bare page when the theme
has none. Its links are relative or absolute as ``RELATIVE_URLS`` says, like
every other page's. It is written through the build's writer, so it is never
listed in the sitemap or the feeds, and a rebuild with the ``incremental``
plugin renders, keeps or deletes it like any other page.

The record is data, not trusted code: an address is written only when it is
words of ``a-z``, ``0-9`` and hyphens, each followed by ``/``; any other line
is logged as an error naming the record's file and line. An address that a
page of this build already has is never overwritten.

Settings: ``PUBLISHED_ADDRESSES`` (relative to the folder the build runs in;
empty turns redirects off). Template variables added: none (``moved.html``
itself is given ``moved_to``, the new address, and ``moved_title``).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)

TEMPLATE = "moved"
# Used when the theme has no moved.html of its own.
BARE_PAGE = """<!DOCTYPE html>
<html lang="{{ DEFAULT_LANG }}">
<head>
  <meta charset="utf-8">
  <title>Moved: {{ moved_title }}</title>
  <meta http-equiv="refresh" content="0; url={{ SITEURL }}/{{ moved_to }}">
  <meta name="robots" content="noindex">
  {% if not RELATIVE_URLS %}<link rel="canonical" href="{{ SITEURL }}/{{ moved_to }}">{% endif %}
</head>
<body>
  <p>This post has moved to <a href="{{ SITEURL }}/{{ moved_to }}">{{ moved_title }}</a>.</p>
</body>
</html>
"""
# An address as the site makes them: 2009/12/a-post-title/. Nothing else can
# name a folder outside the output, or a file that is not a page.
ADDRESS = re.compile(r"(?:[a-z0-9-]+/)+")
ADDRESS_FIX = (
    "an address is written like 2009/12/a-post-title/ (lower-case letters, digits and hyphens, "
    "each part followed by /); correct the line, or delete it if it was never a post's address"
)


@dataclass(frozen=True)
class Recorded:
    """One line of the record: a published address and the file it came from."""

    address: str
    source: str
    line: int


@dataclass(frozen=True)
class Move:
    """An old address and the post now found elsewhere."""

    address: str
    url: str
    title: str


def read_record(path: Path) -> list[Recorded]:
    """The record's addresses; a line that is not a site address is logged as an error."""
    shown = os.path.relpath(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        logger.error(
            "%s: error: the record of published addresses cannot be read (%s), so no old address "
            "redirects\n    what to do: restore it from git (git checkout -- %s)",
            shown,
            error,
            shown,
        )
        return []
    found = []
    for number, text in enumerate(lines, start=1):
        if not text.strip() or text.startswith("#"):
            continue
        address, _, source = text.strip().partition(" ")
        if not ADDRESS.fullmatch(address):
            logger.error(
                "%s:%d: error: %r in the record of published addresses is not an address on this site, "
                "so no page is written for it\n    what to do: %s",
                shown,
                number,
                address,
                ADDRESS_FIX,
            )
            continue
        if not source.strip():
            logger.error(
                "%s:%d: error: the published address /%s names no file it came from\n"
                "    what to do: add the post's file after the address, e.g. %s content/posts/2009/a-post.md",
                shown,
                number,
                address,
                address,
            )
            continue
        found.append(Recorded(address, source.strip(), number))
    return found


def moves(record: list[Recorded], folder: Path, articles, taken: set[str]) -> list[Move]:
    """Recorded addresses no page has now, for which the same file makes a published post."""
    by_file = {Path(a.source_path).resolve(): a for a in articles}
    found = {}
    for line in record:
        article = by_file.get((folder / line.source).resolve())
        if article is None or line.address in taken or line.address in found:
            continue
        found[line.address] = Move(line.address, str(article.url), str(article.title))
    return [found[address] for address in sorted(found)]


class MovedPostsGenerator(Generator):
    """Writes the redirect pages, after the other generators have asked for theirs."""

    def generate_context(self):
        setting = self.settings.get("PUBLISHED_ADDRESSES") or ""
        self.record_path = Path(setting).resolve()
        self.record = read_record(self.record_path) if setting else []

    def _template(self):
        try:
            return self.get_template(TEMPLATE)
        except Exception:  # Pelican's own "template not found", or Jinja's
            return self.env.from_string(BARE_PAGE)

    def generate_output(self, writer):
        if not self.record:
            return
        contents = [c for c in self.context.get("generated_content", {}).values() if c is not None]
        for name in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
            contents += self.context.get(name, [])
        taken = {str(getattr(c, "url", "")) for c in contents}
        output = Path(writer.output_path).resolve()
        planned = _planned(writer, output)
        template = None
        for move in moves(self.record, self.record_path.parent, self.context.get("articles", []), taken):
            name = move.address + "index.html"
            path = (output / name).resolve()
            # The address pattern already keeps it inside; checked again where the file is named.
            if path in planned or not path.is_relative_to(output):
                continue
            template = template or self._template()
            writer.write_file(
                name,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                moved_to=move.url,
                moved_title=move.title,
            )


def _planned(writer, output: Path) -> set[Path]:
    """The files this build's other pages are written to (or, held by the
    incremental writer, will be)."""
    written = {Path(p).resolve() for p in getattr(writer, "_written_files", ())}
    held = {(output / job.name).resolve() for job in getattr(writer, "jobs", ())}
    return written | held


def get_generators(pelican):
    return MovedPostsGenerator


def register():
    signals.get_generators.connect(get_generators)
