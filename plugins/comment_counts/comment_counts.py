"""Comment counts for every article, and totals for any list of articles.

Each article gets a count from every registered comment source added up: today
the legacy ``comments`` front-matter value (absent means 0). A later source,
such as comment files stored beside the posts, is one more function passed to
``register_source``; templates keep reading the same variables.

Template variables added:

- ``article.comment_count``: the article's total comment count (int)
- ``article.comments_closed``: True when the old blog showed "Comments Off"
- ``comment_total(articles)``: the comment total of any list of articles, for
  tag, category, month, year and archive pages
- ``count_label(n, "post")``: "1 post", "7 posts", "no comments" style labels
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pelican import signals

CommentSource = Callable[[object], int]
_SOURCES: list[CommentSource] = []


def register_source(source: CommentSource) -> None:
    """Add a source of comments; each article's count is the sum over sources."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def legacy_count(article) -> int:
    """The count the old WordPress page showed, kept in front matter."""
    value = getattr(article, "comments", 0) or 0
    return int(value)


def _truthy(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "1"}


def comment_total(articles: Iterable) -> int:
    return sum(getattr(article, "comment_count", 0) for article in articles)


def count_label(n: int, noun: str, plural: str | None = None) -> str:
    if n == 0 and noun == "comment":
        return "no comments"
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def annotate(generator) -> None:
    for article in [*generator.articles, *generator.drafts, *generator.translations]:
        article.comment_count = sum(source(article) for source in _SOURCES)
        article.comments_closed = _truthy(getattr(article, "comments_closed", False))
    generator.context["comment_total"] = comment_total
    generator.context["count_label"] = count_label


def expose_helpers(generator) -> None:
    generator.env.globals.update(comment_total=comment_total, count_label=count_label)


def register():
    register_source(legacy_count)
    signals.generator_init.connect(expose_helpers)
    signals.article_generator_finalized.connect(annotate)
