"""Markdown that cannot carry markup or script into a page.

Authors write Markdown, not HTML: any raw HTML in a post (``<script>``,
``<img onerror=…>``) is shown as the text it is, and links or images whose
address uses a scheme other than http, https or mailto (``javascript:``,
``data:``) lose that address (an image becomes its alt text). The same rules
apply to summaries, which Pelican also renders from Markdown.

Feeds: Pelican strips tags from titles before writing a feed, so a title such as
``<b>Bold</b> move`` would lose words; the writer here escapes titles first, so
feed readers get exactly the text of the title.

Template variables added: none.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pelican import signals
from pelican.writers import Writer

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}


def safe_url(url: str) -> bool:
    # Browsers ignore control characters and whitespace inside a scheme name.
    compact = re.sub(r"[\x00-\x20]", "", url)
    match = _SCHEME.match(compact)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            href = element.get("href")
            if href is not None and not safe_url(href):
                del element.attrib["href"]
            src = element.get("src")
            if src is not None and not safe_url(src):
                alt = element.get("alt", "")
                element.attrib.clear()
                element.tag, element.text = "span", alt


class _TextTitle:
    """An article seen by the feed writer, with its title as escaped HTML."""

    def __init__(self, article):
        self._article = article
        self.title = Markup.escape(article.title)

    def __getattr__(self, name):
        return getattr(self._article, name)


class TextTitleWriter(Writer):
    def _add_item_to_the_feed(self, feed, item):
        super()._add_item_to_the_feed(feed, _TextTitle(item))


def text_title_writer(pelican):
    return TextTitleWriter


class EscapeHtmlExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeUrls(md), "drop_unsafe_urls", 0)


def add_extension(pelican) -> None:
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(e, EscapeHtmlExtension) for e in extensions):
        extensions.append(EscapeHtmlExtension())


def register():
    signals.initialized.connect(add_extension)
    signals.get_writer.connect(text_title_writer)
