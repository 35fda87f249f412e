"""Comment counts for every article, the old blog's comments, and totals.

Each article's count adds up every registered comment source that knows one:
today the legacy ``comments`` front-matter value (or, without it, the number of
``legacy_comments`` kept). A post no source knows about has no count at all,
rather than "no comments", which would claim more than is known. A later
source, such as a discussion service's counts, is one more function passed to
``register_source``; templates keep reading the same variables.

Template variables added:

- ``article.comment_count``: the article's total comment count (int), or None
  when no source knows it
- ``article.comments_closed``: True when the old blog showed "Comments Off"
- ``article.legacy_comments``: the old blog's comments kept by the importer, as
  ``LegacyComment`` (``number``, ``author``, ``date`` or None, ``paragraphs`` of
  plain text for the template to escape, ``reply_to`` number or None)
- ``comment_total(articles)``: the comment total of any list of articles, for
  tag, category, month, year and archive pages
- ``comments_known(articles)``: True when any of them has a known count
- ``count_label(n, "post")``: "1 post", "7 posts", "no comments" style labels
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from pelican import signals

CommentSource = Callable[[object], "int | None"]
_SOURCES: list[CommentSource] = []

# The importer escapes Markdown's punctuation with a backslash; shown as text,
# the backslashes go and the characters stay (the template escapes them).
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class LegacyComment:
    number: int
    author: str
    date: datetime | None
    paragraphs: tuple[str, ...]
    reply_to: int | None = None


def register_source(source: CommentSource) -> None:
    """Add a source of comments; each article's count is the sum over sources that know one."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def _date(value) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _paragraphs(text) -> tuple[str, ...]:
    blocks = re.split(r"\n\s*\n", str(text or "").strip())
    return tuple(_MARKDOWN_ESCAPE.sub(r"\1", " ".join(b.split())) for b in blocks if b.strip())


def legacy_comments(article) -> list[LegacyComment]:
    found = []
    for number, item in enumerate(getattr(article, "legacy_comments", None) or [], start=1):
        if isinstance(item, LegacyComment):
            found.append(item)
            continue
        if not isinstance(item, dict):
            continue
        reply_to = item.get("reply_to")
        found.append(
            LegacyComment(
                number=number,
                author=str(item.get("author") or "Anonymous").strip(),
                date=_date(item.get("date")),
                paragraphs=_paragraphs(item.get("text")),
                reply_to=reply_to if isinstance(reply_to, int) and not isinstance(reply_to, bool) else None,
            )
        )
    return found


def legacy_count(article) -> int | None:
    """The count the old WordPress page showed, kept in front matter; else the comments kept."""
    value = getattr(article, "comments", None)
    if value is not None and not isinstance(value, bool):
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    kept = getattr(article, "legacy_comments", None)
    return len(kept) if isinstance(kept, list) and kept else None


def _truthy(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "1"}


# A list's totals, by the list: every page of a paginated tag or month list
# shows its whole list's totals, and summing 5,000 posts once per page adds up.
# Kept with the list itself (so its id is not reused) and its length; emptied
# when the next build's articles are counted.
_TOTALS: dict[int, tuple[object, int, int, bool]] = {}


def _totals(articles: Iterable) -> tuple[int, bool]:
    if not isinstance(articles, list | tuple):
        counts = [getattr(article, "comment_count", None) for article in articles]
        return sum(n or 0 for n in counts), any(n is not None for n in counts)
    kept = _TOTALS.get(id(articles))
    if kept is None or kept[0] is not articles or kept[1] != len(articles):
        counts = [getattr(article, "comment_count", None) for article in articles]
        kept = (articles, len(articles), sum(n or 0 for n in counts), any(n is not None for n in counts))
        _TOTALS[id(articles)] = kept
    return kept[2], kept[3]


def comment_total(articles: Iterable) -> int:
    return _totals(articles)[0]


def comments_known(articles: Iterable) -> bool:
    return _totals(articles)[1]


def count_label(n: int, noun: str, plural: str | None = None) -> str:
    if n == 0 and noun == "comment":
        return "no comments"
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _count(article) -> int | None:
    known = [n for n in (source(article) for source in _SOURCES) if n is not None]
    return sum(known) if known else None


def annotate(generator) -> None:
    _TOTALS.clear()
    for article in [*generator.articles, *generator.drafts, *generator.translations]:
        article.legacy_comments = legacy_comments(article)
        article.comment_count = _count(article)
        article.comments_closed = _truthy(getattr(article, "comments_closed", False))
    generator.context.update(
        comment_total=comment_total, comments_known=comments_known, count_label=count_label
    )


def expose_helpers(generator) -> None:
    generator.env.globals.update(
        comment_total=comment_total, comments_known=comments_known, count_label=count_label
    )


def register():
    register_source(legacy_count)
    signals.generator_init.connect(expose_helpers)
    signals.article_generator_finalized.connect(annotate)
