"""Post bodies, summaries and feeds that cannot carry markup or script.

Two layers:

- **Markdown without raw HTML.** Authors write Markdown, not HTML: any raw
  HTML in a post (``<script>``, ``<img onerror=…>``) is shown as the text it
  is. An image whose address the sanitiser would drop becomes its alt text.
- **An allow-list sanitiser on everything that leaves the build.** Every
  post's and page's body and every formatted field (the summary) is passed
  through `nh3 <https://nh3.readthedocs.io>`_ (Rust's ammonia) as it is
  read, whichever reader made it (so the content cache keeps it sanitised, and
  a rebuild does not sanitise every post again), and every feed entry's content and summary
  again as the feed is written. Only the elements and attributes Markdown
  makes are kept; addresses keep only the http, https and mailto schemes,
  read as a browser reads them (character references, case, whitespace and
  control characters included), so ``jav&#97;script:`` goes too.

Feeds: Pelican strips tags from titles before writing a feed, so a title such as
``<b>Bold</b> move`` would lose words; here each feed entry gets back the text
of its post's title, which the feed then escapes.

Template variables added: none.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import nh3
from markdown import Extension
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pelican import signals
from pelican.contents import Static

URL_SCHEMES = {"http", "https", "mailto"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What Python-Markdown and the extensions in pelicanconf.MARKDOWN write, and
# the span an image without an address becomes. Tables lose their alignment
# (a style attribute, which the site's Content-Security-Policy blocks anyway).
TAGS = {
    *HEADINGS,
    *{"p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "span", "a", "img", "sup"},
    *{"ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "div"},
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    **{heading: {"id"} for heading in HEADINGS},
}
CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}

_ADDRESS_ATTRIBUTES = {"href", "src"}


def _address_without_controls(element: str, attribute: str, value: str) -> str | None:
    """Drop an address holding a control character or a space before its scheme ends.

    No real address has one, and browsers differ in which they skip inside a
    scheme ("java\tscript:" runs as javascript:), so none is trusted.
    """
    if attribute in _ADDRESS_ATTRIBUTES:
        scheme = value.split(":", 1)[0] if ":" in value else ""
        if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in scheme) or any(
            ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value
        ):
            return None
    return value


CLEANER = nh3.Cleaner(
    tags=TAGS,
    attribute_filter=_address_without_controls,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    allowed_classes=CLASSES,
    url_schemes=URL_SCHEMES,
    strip_comments=True,
    # Links keep the markup Markdown gave them; none opens a new window.
    link_rel=None,
)


class Sanitised(str):
    """Text this plugin has sanitised: kept so in the content cache, not sanitised again."""

    __slots__ = ()


def sanitize(html: str) -> str:
    """``html`` with every element, attribute and address not allowed removed."""
    if type(html) is Sanitised or not html:
        return html
    return Sanitised(CLEANER.clean(html))


def _sanitising(read, formatted: list[str]):
    def sanitised_read(source_path):
        content, metadata = read(source_path)
        if isinstance(content, str):
            content = sanitize(content)
        for key in formatted:
            if isinstance(metadata.get(key), str):
                metadata[key] = sanitize(metadata[key])
        return content, metadata

    sanitised_read.sanitising = True
    return sanitised_read


def sanitize_as_read(generator) -> None:
    """Every reader's output is sanitised before Pelican's content cache keeps it.

    Connected to the generators' start, when their readers exist; what a reader
    made before (or past) this is sanitised when its post is made instead."""
    readers = generator.readers
    formatted = [key.lower() for key in readers.settings["FORMATTED_FIELDS"]]
    for reader in readers.readers.values():
        if not getattr(reader.read, "sanitising", False):
            reader.read = _sanitising(reader.read, formatted)


def sanitize_content(content) -> None:
    """Sanitise a post's or page's body and formatted fields, whichever way they were made
    (text the readers sanitised already is passed over)."""
    if isinstance(content, Static):
        return
    if isinstance(content._content, str):
        content._content = sanitize(content._content)
    for key in content.settings["FORMATTED_FIELDS"]:
        value = content.metadata.get(key)
        if isinstance(value, str) and type(value) is not Sanitised:
            content.metadata[key] = clean = sanitize(value)
            setattr(content, "_summary" if key == "summary" else key.lower(), clean)


def sanitize_feed(context, feed) -> None:
    """Sanitise each feed entry's content and summary as the feed is written."""
    for item in feed.items:
        for key in ("content", "description"):
            if isinstance(item.get(key), str):
                item[key] = sanitize(item[key])


class _ImagesWithoutAddress(Treeprocessor):
    """An image whose address the sanitiser would drop becomes its alt text."""

    def run(self, root):
        for element in root.iter("img"):
            # Written as Markdown will write it, so character references in
            # the address are read as the sanitiser (and a browser) reads them.
            alone = to_html_string(Element("img", {"src": element.get("src", "")}))
            if " src=" not in sanitize(alone):
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
        md.treeprocessors.register(_ImagesWithoutAddress(md), "images_without_address", 0)


def add_extension(pelican) -> None:
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(e, EscapeHtmlExtension) for e in extensions):
        extensions.append(EscapeHtmlExtension())


def register():
    signals.initialized.connect(add_extension)
    signals.article_generator_init.connect(sanitize_as_read)
    signals.page_generator_init.connect(sanitize_as_read)
    signals.content_object_init.connect(sanitize_content)
    signals.feed_generated.connect(text_titles)
    signals.feed_generated.connect(sanitize_feed)
