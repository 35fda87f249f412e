"""Markdown posts with YAML front matter between ``---`` lines.

The front matter is read with libyaml's C parser when PyYAML has it, which is
several times faster than the pure-Python one on thousands of posts; the
values then go through Pelican's own metadata processing, as the Markdown
reader's do (``tags: "a, b"`` is two tags, ``category: ""`` is none).

The build refuses what the author check refuses, with the same message,
naming the file and line: front matter that is not valid YAML, a file that is
not UTF-8, a date Pelican would guess at (``March 2010``) or that does not
exist (``2020-02-31``), a title that YAML reads as something other than text
(``title: yes``), and a slug that cannot be one folder of the site. The
error stops a build run with ``--fatal warnings`` instead of skipping the post.

Template variables added: none (every front-matter key becomes the article
attribute of the same name, as with Pelican's own metadata).
"""

from __future__ import annotations

import datetime
import functools
import importlib
import logging
import os
import re
from dataclasses import dataclass
from functools import cached_property

import yaml
from markdown import Extension, Markdown
from pelican import signals
from pelican.readers import METADATA_PROCESSORS, MarkdownReader
from pelican.utils import pelican_open, slugify

logger = logging.getLogger(__name__)


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML as PyYAML's safe loader reads it, except that a date which does not
    exist (``2020-02-31``) stays text, for the date rule below to report."""


def _timestamp_or_text(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)

_HEADER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n(?P<body>.*))?\Z", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.M)
_FULL_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
DATE_FIX = "write the full date, year first: 2026-11-22T09:30:00+00:00 (or just 2026-11-22)"
FRONT_MATTER_FIX = (
    "compare the lines between the two '---' lines with the example in the README; "
    'each line is "key: value", and text with a colon in it goes in double quotes'
)
ENCODING_FIX = (
    "save the file as UTF-8 (in your editor: Save As, then Encoding: UTF-8), or retype the character shown"
)


@dataclass(frozen=True)
class Refusal:
    """Front matter the build refuses, said the way an author can act on it."""

    key: str
    message: str
    fix: str


def date_refusal(key: str, value) -> Refusal | None:
    """A date Pelican would guess at (``March 2010``) or that does not exist."""
    if value is None or isinstance(value, datetime.date):
        return None
    text = str(value).strip()
    if not _FULL_DATE.match(text):
        return Refusal(
            key,
            f"the {key} {text!r} is not a complete date (Pelican would guess the missing parts)",
            DATE_FIX,
        )
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        return Refusal(key, f"the {key} {text!r} is not a real date ({error})", DATE_FIX)
    return None


_KINDS = {bool: "a yes/no value", int: "a number", float: "a number", list: "a list", dict: "a set of keys"}


def title_refusal(value) -> Refusal | None:
    """A title YAML reads as something other than text (``title: yes``)."""
    if value is None or isinstance(value, str | datetime.date):
        return None
    kind = _KINDS.get(type(value), "something other than text")
    return Refusal(
        "title",
        f"the title is read as {kind} ({value!r}), not as text",
        'put the title in double quotes: title: "Yes"',
    )


# Longer than any address the blog has published, short enough for every file system.
MAX_SLUG = 100
SLUG_FIX = "write it like slug: my-post-title (letters, digits and hyphens), or delete the line"


def made_slug(name: str, settings: dict) -> str:
    """The slug Pelican makes from a name, with the site's settings."""
    options = {"regex_subs": settings.get("SLUG_REGEX_SUBSTITUTIONS", [])}
    options["use_unicode"] = settings.get("SLUGIFY_USE_UNICODE", False)
    return slugify(name, **options)


def cut_slug(slug: str, limit: int = MAX_SLUG) -> str:
    """A made slug cut to the limit at the end of a word, so the address stays readable."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[: limit + 1] else slug[:limit]
    return cut.strip("-") or slug[:limit]


def slug_refusal(meta: dict, settings: dict) -> Refusal | None:
    """A slug that is not one Pelican would make, so cannot safely be one folder of the site.

    Anything else (``index.html``, ``?``, ``%2e%2e``, a null byte, a line break)
    clashes with the site's own pages, is cut off by the browser, or cannot be a
    file name; a very long one cannot be a file name either.
    """
    slug = meta.get("slug")
    if slug is not None:
        text = str(slug)
        made = made_slug(text, settings)
        if text == made and any(c.isalnum() for c in text) and len(text) <= MAX_SLUG:
            return None
        if len(text) > MAX_SLUG:
            return Refusal(
                "slug",
                f"the slug is {len(text)} characters long; an address may have at most {MAX_SLUG}",
                f"shorten it to a few words joined by hyphens, e.g. slug: {cut_slug(made) or 'my-title'}",
            )
        fix = SLUG_FIX
        if made.strip("-") and len(made) <= MAX_SLUG:
            fix = f"write it as slug: {made} (lower-case letters, digits and hyphens), or delete the line"
        return Refusal(
            "slug",
            f"the slug {text!r} cannot be an address: it must be a word or words joined by hyphens",
            fix,
        )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    if not sluggable(title, settings):
        return Refusal(
            "title",
            f"the title {title!r} has no letters or digits to make the post's address from",
            "add a line slug: a-few-words (letters, digits and hyphens) for the address",
        )
    # A slug is never longer than its ASCII title; only longer or other titles need making.
    if (len(title) > MAX_SLUG or not title.isascii()) and len(made := made_slug(title, settings)) > MAX_SLUG:
        return Refusal(
            "title",
            f"the title makes an address {len(made)} characters long; an address may have at most {MAX_SLUG}",
            f"add a shorter address under the title: slug: {cut_slug(made)}",
        )
    return None


def sluggable(name: str, settings: dict) -> bool:
    # Nearly every name has an ASCII letter or digit and no tag (which slugify strips,
    # as in "<img src=x>"); only the rest need slugifying.
    if "<" not in name and any(c.isascii() and c.isalnum() for c in name):
        return True
    return bool(made_slug(name, settings))


def name_refusals(meta: dict, settings: dict) -> list[Refusal]:
    """A tag, category or author whose page would have no address (``tags: ["🎉"]``)."""
    found = []
    for key in ("category", "author", "authors", "tags"):
        value = meta.get(key)
        names = value if isinstance(value, list) else [value]
        for name in names:
            if isinstance(name, str) and name.strip() and not sluggable(name, settings):
                found.append(
                    Refusal(
                        key,
                        f"the {key.rstrip('s')} {name!r} has no letters or digits for its page's address",
                        "add a word to it, or remove it",
                    )
                )
    return found


@functools.cache
def _types() -> dict[str, tuple[str, tuple[str, ...]]]:
    # From the one description of the front matter; a site without the author
    # tools still builds, unchecked.
    try:
        from authoring import schema
    except ImportError:
        return {}
    return schema.types()


# Keys with rules of their own: the title, dates and slug above; tags and status,
# whose text forms Pelican reads ("a, b", " draft "), in the author check.
_OWN_RULES = {"title", "date", "modified", "slug", "tags", "status"}


def _is_text(value) -> bool:
    return isinstance(value, str | int | float | datetime.date) and not isinstance(value, bool)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _comment_refusal(key: str, value) -> Refusal | None:
    fix = "keep each comment as the importer wrote it: - author: …, date: …, text: …, reply_to: a number"
    if not isinstance(value, list):
        return Refusal(key, f"{key} must be a list of comments, not {value!r}", fix)
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            return Refusal(key, f"comment {number} of {key} is not author:, date:, text: lines", fix)
        date = item.get("date")
        refused = date_refusal("date", date) if isinstance(date, str) else None
        if refused or not (date is None or isinstance(date, str | datetime.date)):
            return Refusal(
                key, f"comment {number} of {key} has a date that is not a date: {date!r}", DATE_FIX
            )
        reply_to = item.get("reply_to")
        if reply_to is not None and not _is_whole(reply_to):
            return Refusal(
                key, f"comment {number} of {key} replies to {reply_to!r}, not to a comment's number", fix
            )
    return None


def type_refusal(key: str, value, kind: str, options: tuple[str, ...] = ()) -> Refusal | None:
    """A value that is not of its key's type (``author: [x, y]``), said with what to write."""
    if value is None:
        return None
    if kind == "list of comments":
        return _comment_refusal(key, value)
    checks = {
        "text": (_is_text, "text", f'write it as text in double quotes: {key}: "…"'),
        "list of text": (
            lambda v: isinstance(v, str) or (isinstance(v, list) and all(_is_text(i) for i in v)),
            "a list of text",
            f'write it like {key}: ["one", "two"]',
        ),
        "whole number": (_is_whole, "a whole number", f"write a number such as {key}: 3, or remove the line"),
        "number": (
            lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "a number",
            f"write a number such as {key}: 0.5, or remove the line",
        ),
        "true/false": (
            lambda v: isinstance(v, bool),
            "true or false",
            f"write {key}: true or {key}: false (without quotes), or remove the line",
        ),
        "date": (lambda v: date_refusal(key, v) is None, "a date", DATE_FIX),
        "one of": (
            lambda v: isinstance(v, str) and v.strip() in options,
            " or ".join(options),
            f"write one of: {', '.join(options)}",
        ),
        "facts": (
            lambda v: isinstance(v, dict) and all(_is_text(i) or i is None for i in v.values()),
            "lines of key: text",
            "keep it as the importer wrote it, or remove it",
        ),
    }
    fits, wanted, fix = checks[kind]
    if fits(value):
        return None
    return Refusal(key, f"{key} must be {wanted}, not {value!r}", fix)


def type_refusals(meta: dict) -> list[Refusal]:
    found = []
    for key, value in meta.items():
        if key in _OWN_RULES or key not in _types():
            continue
        kind, options = _types()[key]
        refused = type_refusal(key, value, kind, options)
        if refused:
            found.append(refused)
    return found


def refusals(meta: dict, settings: dict) -> list[Refusal]:
    """Everything in a post's front matter that the build will not publish."""
    found = [
        title_refusal(meta.get("title")),
        date_refusal("date", meta.get("date")),
        date_refusal("modified", meta.get("modified")),
        slug_refusal(meta, settings),
    ]
    return [r for r in found if r is not None] + type_refusals(meta) + name_refusals(meta, settings)


def author_error(path: str, line: int | None, message: str, fix: str) -> str:
    """``file:line: error: …`` and what to do, as the author check prints it."""
    where = f"{path}:{line}" if line else path
    return f"{where}: error: {message}\n    what to do: {fix}"


def _key_lines(meta_text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for match in _KEY.finditer(meta_text):
        lines.setdefault(match.group(1), meta_text.count("\n", 0, match.start()) + 2)
    return lines


def undecodable(data: bytes, error: UnicodeDecodeError) -> tuple[int, str]:
    """The line of the first byte that is not UTF-8, and what it says about it."""
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start : error.start + 1]
    # Files that are not UTF-8 are nearly always from Word or Notepad: Windows-1252.
    guess = byte.decode("cp1252", errors="replace")
    return line, f"the file is not UTF-8 text: byte 0x{byte.hex()} on line {line} (“{guess}” in Windows text)"


def _shown(source_path: str) -> str:
    # As an author types it: relative to the project when the file is inside it.
    relative = os.path.relpath(source_path)
    return source_path if relative.startswith("..") else relative


def _extension(name, config: dict) -> Extension | str:
    """A Markdown extension named by its module path, made as Markdown would make it.

    Given a name, Markdown first reads every installed package's entry points
    to find it, which takes longer than converting a post. A dotted name is a
    module path (entry points use short names), so it is imported directly.
    """
    if not isinstance(name, str) or "." not in name:
        return name
    module_name, _, class_name = name.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)(**config) if class_name else module.makeExtension(**config)


class YamlFrontMatterReader(MarkdownReader):
    @cached_property
    def _md(self) -> Markdown:
        # Made on first use: a rebuild that finds every post in the cache needs none.
        settings = dict(self.settings["MARKDOWN"])
        configs = settings.get("extension_configs", {})
        settings["extensions"] = [
            _extension(e, configs.get(e, {}))
            for e in settings["extensions"]
            if e != "markdown.extensions.meta"
        ]
        return Markdown(**settings)

    def read(self, source_path):
        try:
            with pelican_open(source_path) as text:
                match = _HEADER.match(text)
        except UnicodeDecodeError as error:
            with open(source_path, "rb") as handle:
                line, message = undecodable(handle.read(), error)
            logger.error("%s", author_error(_shown(source_path), line, message, ENCODING_FIX))
            return "", {}
        if not match:
            return super().read(source_path)
        try:
            meta = yaml.load(match["meta"] or "", Loader=Loader) or {}
        except yaml.YAMLError as error:
            # Where the broken value starts (an unclosed quote) helps more than
            # where the parser gave up.
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            message = f"the front matter is not valid YAML ({problem})"
            logger.error(
                "%s",
                author_error(_shown(source_path), mark.line + 2 if mark else 2, message, FRONT_MATTER_FIX),
            )
            return "", {}
        if not isinstance(meta, dict):
            message = "the front matter is not a list of 'key: value' lines"
            logger.error("%s", author_error(_shown(source_path), 2, message, FRONT_MATTER_FIX))
            return "", {}
        refused = refusals(meta, self.settings)
        if refused:
            lines = _key_lines(match["meta"] or "")
            said = [author_error(_shown(source_path), lines.get(r.key), r.message, r.fix) for r in refused]
            logger.error("%s", "\n".join(said))
            return "", {}
        content = self._fresh().convert(match["body"] or "")
        return content, self._metadata(meta)

    def _fresh(self) -> Markdown:
        """The one Markdown this reader keeps, as a new one would be for each post (as
        Pelican makes them): footnote ids count documents, so they start again here."""
        for extension in self._md.registeredExtensions:
            if hasattr(extension, "unique_prefix"):
                extension.unique_prefix = 0
        return self._md.reset()

    def _metadata(self, meta: dict) -> dict:
        """Pelican's own metadata processing, given the text its Markdown reader would pass.

        YAML has already made lists, numbers and dates: lists stay lists (so a
        tag may hold a comma), dates become text for Pelican to read, and keys
        Pelican does not process keep YAML's value.
        """
        output = {}
        for key, value in meta.items():
            name = str(key).lower()
            if value is None:
                continue
            if name in self.settings["FORMATTED_FIELDS"]:
                text = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
                value = self._md.reset().convert(text)
            elif name in METADATA_PROCESSORS:
                if isinstance(value, datetime.date):
                    value = value.isoformat()
                elif isinstance(value, list):
                    value = [str(v) for v in value if v is not None]
                else:
                    value = str(value)
            output[name] = self.process_metadata(name, value)
        return output


def add_reader(readers) -> None:
    for extension in YamlFrontMatterReader.file_extensions:
        readers.reader_classes[extension] = YamlFrontMatterReader


def register():
    signals.readers_init.connect(add_reader)
