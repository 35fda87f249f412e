"""Step 7: one spelling per tag, one unique slug per post, across the archive."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from markupsafe import Markup
from unidecode import unidecode

from .post import Post

SLUG_MAX = 80
_APOSTROPHES = re.compile("[’‘`´ʼ′]")


def tag_key(tag: str) -> str:
    """Spellings with the same key are one tag: case, apostrophes and spacing aside."""
    return " ".join(_APOSTROPHES.sub("'", tag).casefold().split())


def canonical_tags(posts: list[Post]) -> dict[str, str]:
    """The spelling each tag key is written with: the most used one.

    A post's own tag lines count once per post; an archive heading counts once
    per page, since one heading is one spelling however many posts it lists.
    Ties go to the spelling with a plain apostrophe (easiest to type when an
    author adds the tag to a new post), then to the first seen.
    """
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    headings = {(post.source_path, tag) for post in posts for tag in post.heading_tags}
    spellings = [tag for post in posts for tag in post.tags] + [tag for _, tag in sorted(headings)]
    for tag in spellings:
        counts[tag] += 1
        first_seen.setdefault(tag, len(first_seen))
    best: dict[str, str] = {}
    for spelling in sorted(counts, key=lambda s: (-counts[s], "’" in s or "‘" in s, first_seen[s])):
        best.setdefault(tag_key(spelling), spelling)
    return best


def unify_tags(posts: list[Post]) -> None:
    spelling = canonical_tags(posts)
    for post in posts:
        seen: set[str] = set()
        tags: list[str] = []
        for tag in post.tags + post.heading_tags:
            key = tag_key(tag)
            if key not in seen:
                seen.add(key)
                tags.append(spelling[key])
        post.tags = tags
        post.heading_tags = []


# Pelican's slugify with its default SLUG_REGEX_SUBSTITUTIONS, restated so
# that importing does not load Pelican (slower than importing a thousand
# posts); tests/test_properties.py holds the two equal.
_SLUG_SUBSTITUTIONS = [
    (re.compile(r"[^\w\s-]", re.I), ""),
    (re.compile(r"(?u)\A\s*", re.I), ""),
    (re.compile(r"(?u)\s*\Z", re.I), ""),
    (re.compile(r"[-\s]+", re.I), "-"),
]


def slugify(value: str) -> str:
    value = unidecode(unicodedata.normalize("NFKC", Markup(value).striptags()))
    for pattern, replacement in _SLUG_SUBSTITUTIONS:
        value = pattern.sub(replacement, value)
    return value.lower().strip()


def base_slug(title: str) -> str:
    slug = slugify(title) or "post"
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def assign_slugs(posts: list[Post], taken: set[str] | None = None) -> None:
    """Unique slugs; when titles repeat, the earliest post keeps the plain slug."""
    used = set(taken or ())

    def order(post: Post) -> tuple[float, str, int]:
        when = post.date.value.timestamp() if post.date else float("inf")
        return (when, post.source_path, post.position)

    for post in sorted(posts, key=order):
        slug = base_slug(post.title)
        candidate, n = slug, 2
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        post.slug = candidate
