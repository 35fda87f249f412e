"""Markdown that cannot carry markup or script into a page.

Authors write Markdown, not HTML: any raw HTML in a post (``<script>``,
``<img onerror=…>``) is shown as the text it is, and links or images whose
address uses a scheme other than http, https or mailto (``javascript:``,
``data:``) lose that address. The same rules apply to summaries, which Pelican
also renders from Markdown.

Template variables added: none.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from pelican import signals

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
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not safe_url(value):
                    del element.attrib[attribute]


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
