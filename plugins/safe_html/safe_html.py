"""Markdown that cannot carry markup or script into a page.

Authors write Markdown, not HTML: any raw HTML in a post (``<script>``,
``<img onerror=…>``) is shown as the text it is, and links or images whose
address uses a scheme other than http, https or mailto (``javascript:``,
``data:``) lose that address (an image becomes its alt text). The same rules
apply to summaries, which Pelican also renders from Markdown.

Feeds: Pelican strips tags from titles before writing a feed, so a title such as
``<b>Bold</b> move`` would lose words; here each feed entry gets back the text
of its post's title, which the feed then escapes.

Template variables added: none.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
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
            href = element.get("href")
            if href is not None and not safe_url(href):
                del element.attrib["href"]
            src = element.get("src")
            if src is not None and not safe_url(src):
                alt = element.get("alt", "")
                element.attrib.clear()
                element.tag, element.text = "span", alt


_titles: list = [None, {}]


def _titles_by_url(context) -> dict[str, str]:
    contents = context.get("generated_content", {})
    if _titles[0] is not contents:
        # Whitespace is collapsed as Pelican's own feed titles have it.
        _titles[:] = [
            contents,
            {
                str(c.url): Markup.escape(c.title).striptags()
                for c in contents.values()
                if c is not None and getattr(c, "title", None) is not None
            },
        ]
    return _titles[1]


def text_titles(context, feed) -> None:
    """Give each feed entry the text of its post's title, tags and all."""
    site_url = feed.feed["link"][:-1]  # Pelican's writer makes it SITEURL + "/"
    titles = _titles_by_url(context)
    for item in feed.items:
        url = item["link"].removesuffix("?ref=feed").removeprefix(site_url + "/")
        if url in titles:
            item["title"] = titles[url]


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
    signals.feed_generated.connect(text_titles)
