"""Compute each article's and each tag's address once per build.

Pelican works out ``article.url`` and ``save_as`` (and ``tag.url`` and friends)
by formatting the URL settings again on every template access; a list page
asks for dozens of them, so on a large blog that formatting is a tenth of the
build. Once all articles are read their addresses cannot change, so here each
object's class is swapped for a subclass that keeps the first answer. The
pages written are byte-for-byte the same.

Template variables added: none.
"""

from __future__ import annotations

from functools import cached_property

from pelican import signals

_CACHED = ("url", "save_as")
_subclasses: dict[type, type] = {}


def _caching_class(cls: type) -> type:
    subclass = _subclasses.get(cls)
    if subclass is None:
        members = {}
        for name in _CACHED:
            prop = getattr(cls, name, None)
            if isinstance(prop, property):
                members[name] = cached_property(prop.fget)
                members[name].__set_name__(None, name)
        subclass = _subclasses[cls] = type(cls.__name__, (cls,), members)
    return subclass


def _cache(obj) -> None:
    if type(obj) in _subclasses.values():
        return
    obj.__class__ = _caching_class(type(obj))


def cache_urls(generator) -> None:
    for article in [*generator.articles, *generator.translations, *generator.drafts]:
        _cache(article)
        for tag in getattr(article, "tags", None) or []:
            _cache(tag)
        for attribute in ("category", "author"):
            value = getattr(article, attribute, None)
            if value is not None:
                _cache(value)
        for author in getattr(article, "authors", None) or []:
            _cache(author)


def register():
    signals.article_generator_finalized.connect(cache_urls)
