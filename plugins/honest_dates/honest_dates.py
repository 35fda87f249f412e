"""Addresses, archives and feeds that claim no more about a date than is known.

A post dated only to its year is stored at ``ARTICLE_URL_YEAR_ONLY``
(``2009/slug/``) instead of under a month it was never known to belong to, and
is left out of the month archives (its year's page lists it under "month not
known"). Posts known to the day or month keep their usual addresses.

Feeds need a full timestamp for every entry: a post whose day is not known
keeps the one its date stands for (a lower bound when the date was inferred),
and its entry begins with a sentence saying so. A tag's feed links to the tag's
page, not the home page.

Template variables added: none.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article

from plugins.site_context.site_context import date_text, is_lower_bound


def _precision(article) -> str:
    return str(getattr(article, "date_precision", "day"))


def year_only_address(content) -> None:
    if not isinstance(content, Article) or _precision(content) != "year":
        return
    settings = content.settings
    url = settings.get("ARTICLE_URL_YEAR_ONLY")
    save_as = settings.get("ARTICLE_SAVE_AS_YEAR_ONLY")
    if url and save_as:
        # The post's own copy of the settings, rather than override_url and
        # override_save_as: Pelican writes an overridden page at once, outside
        # the incremental writer's choice of what to render again.
        content.settings = {**settings, "ARTICLE_URL": url, "ARTICLE_SAVE_AS": save_as}


def leave_out_of_months(generator) -> None:
    months = []
    for period in generator.period_archives.get("month", []):
        dates = [a for a in period["dates"] if _precision(a) != "year"]
        if dates:
            articles = [a for a in period["articles"] if a in dates]
            months.append({**period, "dates": dates, "articles": articles})
    if "month" in generator.period_archives:
        generator.period_archives["month"] = months


def feed_note(article) -> str:
    """The sentence a feed entry starts with when the post's day is not known."""
    source = str(getattr(article, "date_source", "explicit"))
    if source == "inferred":
        bound = f"after {date_text(article)}" if is_lower_bound(article) else "not recorded"
        return (
            f"The date of this post was not recorded ({bound}); the time given for this entry "
            "stands for that, not for when it was published."
        )
    if _precision(article) != "day":
        return (
            f"This post is known only to be from {date_text(article)}; the time given for this "
            "entry stands for that, not for the day it was published."
        )
    return ""


def _absolute(context, url: str) -> str:
    return f"{context.get('FEED_DOMAIN') or context.get('SITEURL', '')}/{url}"


def annotate_feed(context, feed) -> None:
    articles = {_absolute(context, a.url): a for a in context.get("articles", [])}
    for item in feed.items:
        article = articles.get(item.get("link"))
        note = feed_note(article) if article is not None else ""
        if not note:
            continue
        paragraph = Markup("<p><em>{}</em></p>").format(note)
        for key in ("content", "description"):
            if item.get(key):
                item[key] = paragraph + Markup(item[key])
        if not item.get("content") and not item.get("description"):
            item["description"] = escape(note)
    feed_url = feed.feed.get("feed_url")
    for tag, _ in context.get("tags", []):
        for setting in ("TAG_FEED_ATOM", "TAG_FEED_RSS"):
            pattern = context.get(setting)
            if pattern and feed_url == _absolute(context, pattern.format(slug=tag.slug)):
                feed.feed["link"] = _absolute(context, tag.url)


def register():
    signals.content_object_init.connect(year_only_address)
    signals.article_generator_finalized.connect(leave_out_of_months)
    signals.feed_generated.connect(annotate_feed)
