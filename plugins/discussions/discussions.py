"""Comments on new posts through GitHub Discussions (giscus), when turned on.

Off unless the ``GISCUS`` setting names the repository and discussion category
(see the README). When on, each published post's page loads the giscus widget
below the post, unless the post says ``discussion: false``; nothing else loads
it, and only those pages' Content-Security-Policy allows giscus.app.

Counts for lists come from ``DISCUSSION_COUNTS_FILE``, which
``invoke discussion-counts`` fills from the Discussions API at build time. The
count of a post with discussion open is added to its legacy count as one more
comment source: the file's count, or 0 when the file has no discussion for it;
without a file, nothing is known and nothing is added. The build logs how old
the counts are.

Template variables added:

- ``article.discussion_open``: True when the widget is shown on the post
- ``giscus``: the ``GISCUS`` setting (a dict) when comments are on, else None
- ``discussion_counts_fetched``: when the counts were fetched (datetime), or None
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from pelican import signals

try:  # as Pelican loads plugins: by their own names
    from comment_counts.comment_counts import register_source
except ImportError:
    from plugins.comment_counts.comment_counts import register_source

logger = logging.getLogger(__name__)
REQUIRED = ("repo", "repo_id", "category", "category_id")


@dataclass
class Counts:
    fetched: datetime | None
    by_term: dict[str, int]


_state: dict = {"giscus": None, "counts": None}


def giscus_settings(settings) -> dict | None:
    value = settings.get("GISCUS")
    if isinstance(value, dict) and all(value.get(k) for k in REQUIRED):
        return value
    return None


def read_counts(path: str) -> Counts | None:
    """The counts file ``invoke discussion-counts`` writes, or None when there is none usable."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        fetched = datetime.fromisoformat(data["fetched"]) if data.get("fetched") else None
        counts = {str(k): int(v) for k, v in data["counts"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Counts(fetched, counts)


def age_text(fetched: datetime | None, now: datetime | None = None) -> str:
    if fetched is None:
        return "of unknown age"
    days = ((now or datetime.now(UTC)) - fetched).days
    when = fetched.strftime("%Y-%m-%d %H:%M UTC")
    return f"fetched {when}, " + ("today" if days < 1 else f"{days} day{'s' if days != 1 else ''} old")


def _open(article) -> bool:
    return (
        _state["giscus"] is not None
        and getattr(article, "discussion", True) not in (False, "false", "no", "off")
        # A post whose comments the old blog closed stays closed.
        and getattr(article, "comments_closed", False) not in (True, "true", "yes")
        and getattr(article, "status", "published") == "published"
    )


def discussion_count(article) -> int | None:
    counts: Counts | None = _state["counts"]
    if counts is None or not _open(article):
        return None
    return counts.by_term.get(str(article.url), 0)


def load(generator) -> None:
    settings = generator.settings
    _state["giscus"] = giscus_settings(settings)
    _state["counts"] = None
    if _state["giscus"] is not None:
        path = settings.get("DISCUSSION_COUNTS_FILE") or ""
        _state["counts"] = read_counts(path) if path else None
        if _state["counts"] is None:
            logger.info("Discussion counts: none yet (%s); lists show the old blog's counts only", path)
        else:
            logger.info("Discussion counts: %s (%s)", age_text(_state["counts"].fetched), path)


def annotate(generator) -> None:
    for article in [*generator.articles, *generator.drafts, *generator.translations]:
        article.discussion_open = _open(article)
    counts = _state["counts"]
    generator.context["giscus"] = _state["giscus"]
    generator.context["discussion_counts_fetched"] = counts.fetched if counts else None


def register():
    register_source(discussion_count)
    signals.article_generator_init.connect(load)
    signals.article_generator_finalized.connect(annotate)
