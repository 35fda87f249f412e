"""Compute each article's and each tag's address once per build.

Pelican works out ``article.url`` and ``save_as`` (and ``tag.url`` and friends)
by formatting the URL settings again on every template access; a list page
asks for dozens of them, so on a large blog that formatting is a tenth of the
build. Pelican asks for an article's address as soon as it has built it (to
check it), so the address is fixed from then on: each object's class is
swapped for a subclass that keeps the first answer, articles as they are
built, tags, categories and authors once all articles are read.

Every post also gets its own tag, category and author objects (the default
author is made afresh for each), and each would work out its slug again; a
slug depends only on the kind, the name and the settings, so each name is
slugified once per build and equal ones are given that slug. The pages
written are byte-for-byte the same.

Template variables added: none.
"""

from __future__ import annotations

from functools import cached_property

from pelican import signals
from pelican.urlwrappers import URLWrapper

from plugins.pelican_private import change_class, give_wrapper_slug, wrapper_slug_unset

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
    change_class(obj, _caching_class(type(obj)))


def _wrappers(content) -> list[URLWrapper]:
    """A post's tags, category and authors."""
    found = [getattr(content, "category", None), getattr(content, "author", None)]
    found += getattr(content, "tags", None) or []
    found += getattr(content, "authors", None) or []
    return [value for value in found if isinstance(value, URLWrapper)]


def cache_urls(generator) -> None:
    for article in [*generator.articles, *generator.translations, *generator.drafts]:
        _cache(article)
        for wrapper in _wrappers(article):
            _cache(wrapper)


# Slugs worked out in this build, by everything Pelican works a slug out from.
_slugs: dict[tuple, str] = {}


def _slug_inputs(wrapper: URLWrapper) -> tuple:
    # As URLWrapper.slug chooses them. Posts read in another process carry
    # their own copy of the settings, so the values count, not the dict.
    settings, kind = wrapper.settings, type(wrapper).__name__
    subs = settings.get(f"{kind.upper()}_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return (
        kind,
        wrapper.name,
        tuple(tuple(pair) for pair in subs),
        settings.get("SLUGIFY_PRESERVE_CASE", False),
        settings.get("SLUGIFY_USE_UNICODE", False),
    )


def _share_slug(wrapper: URLWrapper) -> None:
    # A slug that was set by hand, or is already known, is left alone.
    if not wrapper_slug_unset(wrapper):
        return
    key = _slug_inputs(wrapper)
    slug = _slugs.get(key)
    if slug is None:
        _slugs[key] = wrapper.slug
    else:
        give_wrapper_slug(wrapper, slug)


def cache_content_urls(content) -> None:
    _cache(content)
    for wrapper in _wrappers(content):
        _share_slug(wrapper)


def forget_slugs(_) -> None:
    _slugs.clear()


def register():
    signals.content_object_init.connect(cache_content_urls)
    signals.finalized.connect(forget_slugs)
    signals.article_generator_finalized.connect(cache_urls)
