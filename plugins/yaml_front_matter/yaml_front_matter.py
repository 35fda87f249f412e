"""Markdown posts with YAML front matter between ``---`` lines.

The front matter is read with libyaml's C parser when PyYAML has it, which is
several times faster than the pure-Python one on thousands of posts. A file
whose front matter is not valid YAML is an error naming the file and line,
so a build with ``--fatal warnings`` stops instead of skipping the post.

Template variables added: none (every front-matter key becomes the article
attribute of the same name, as with Pelican's own metadata).
"""

from __future__ import annotations

import datetime
import importlib
import logging
import re
from functools import cached_property

import yaml
from markdown import Extension, Markdown
from pelican import signals
from pelican.contents import Author, Category, Tag
from pelican.readers import MarkdownReader
from pelican.utils import get_date, pelican_open

logger = logging.getLogger(__name__)
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_HEADER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n(?P<body>.*))?\Z", re.S)


def _date(value):
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return get_date(str(value).strip())


def _names(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if v is not None and str(v).strip()]


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
        with pelican_open(source_path) as text:
            match = _HEADER.match(text)
        if not match:
            return super().read(source_path)
        try:
            meta = yaml.load(match["meta"] or "", Loader=Loader) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            logger.error("%s:%d: the front matter is not valid YAML: %s", source_path, line, error)
            return "", {}
        if not isinstance(meta, dict):
            logger.error("%s:2: the front matter is not a list of 'key: value' lines", source_path)
            return "", {}
        content = self._md.reset().convert(match["body"] or "")
        return content, self._metadata(meta)

    def _metadata(self, meta: dict) -> dict:
        settings, output = self.settings, {}
        for key, value in meta.items():
            name = str(key).lower()
            if value is None:
                continue
            if name in settings["FORMATTED_FIELDS"]:
                value = self._md.reset().convert("\n".join(_names(value)))
            elif name in ("date", "modified"):
                value = _date(value)
            elif name == "tags":
                value = [Tag(tag, settings) for tag in _names(value)]
            elif name == "category":
                value = Category(str(value).strip(), settings)
            elif name == "author":
                value = Author(str(value).strip(), settings)
            elif name == "authors":
                value = [Author(author, settings) for author in _names(value)]
            elif name in ("slug", "status", "save_as", "url", "template", "lang"):
                value = str(value).strip()
            output[name] = value
        return output


def add_reader(readers) -> None:
    for extension in YamlFrontMatterReader.file_extensions:
        readers.reader_classes[extension] = YamlFrontMatterReader


def register():
    signals.readers_init.connect(add_reader)
