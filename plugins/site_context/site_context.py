"""Dates in British English, archive summaries and neighbours for the theme.

Dates never depend on the machine's locale: month names are spelt out here,
and a date the importer only inferred is shown as approximate.

Template filters added:

- ``uk_date``: a datetime as "6 June 2016"
- ``uk_month``: a datetime as "July 2011"
- ``post_date``: an article's date as honestly as it is known: "6 June 2016",
  "July 2011" (known to the month), "c. December 2009" (inferred)
- ``month_label``: a month archive's name for its list of articles: "July 2011",
  or "2009, month not known" when its posts are dated only to the year
- ``iso_date``: a datetime in ISO 8601, for feeds and sitemaps
- ``machine_date``: an article's date for ``<time datetime>``, only as precise
  as it is known ("2016-06-06T12:00:00+01:00", "2011-07", "2009")
- ``summary|summary_links(article.url, SITEURL)``: an article's summary HTML whose relative
  links (``../other-post/``, ``#notes``) lead where they do on the post's own
  page, so the summary can be shown on any page (and in feeds, where every
  relative link is made absolute from the post's address)

Template variables added:

- ``archive_years``: newest first, each with ``year``, ``url``, ``articles``,
  ``comments`` and ``months`` (each with ``date``, ``label``, ``url``,
  ``articles``, ``comments``)
- ``month_neighbours(year, month)``: the (older, newer) months that have posts
- ``article.prev_article`` / ``article.next_article``: the older and newer post
- ``article.date_is_approximate``: True when the date was inferred
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from pelican import signals

MONTHS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def uk_date(value: datetime) -> str:
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def uk_month(value: datetime) -> str:
    return f"{MONTHS[value.month]} {value.year}"


def iso_date(value: datetime) -> str:
    return value.isoformat()


def _precision(article) -> str:
    return str(getattr(article, "date_precision", "day"))


def machine_date(article) -> str:
    value, precision = article.date, _precision(article)
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def post_date(article) -> str:
    value = article.date
    precision = _precision(article)
    if precision == "year":
        text = str(value.year)
    elif precision == "month":
        text = uk_month(value)
    else:
        text = uk_date(value)
    if str(getattr(article, "date_source", "explicit")) == "inferred":
        return f"c. {text}"
    return text


def month_label(articles) -> str:
    """ "July 2011"; or, when no post in it is dated beyond its year, say so."""
    first = articles[0].date
    if all(_precision(a) == "year" for a in articles):
        return f"{first.year}, month not known"
    return uk_month(first)


_LINK = re.compile(r"""(?P<attr>\s(?:href|src)=)(?P<quote>["'])(?P<value>.*?)(?P=quote)""")


def summary_links(summary: str, article_url: str, siteurl: str) -> str:
    """Relative links in a summary, made to work from any page of the site."""

    def resolve(match: re.Match) -> str:
        value = match["value"]
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/") or not value:
            return match[0]
        return f"{match['attr']}{match['quote']}{siteurl}{urljoin('/' + article_url, value)}{match['quote']}"

    return _LINK.sub(resolve, summary)


def absolute_feed_links(context, feed) -> None:
    """Relative links in a feed entry's summary and content, made absolute from its post's address."""
    for item in feed.items:
        for key in ("description", "content"):
            if item.get(key):
                item[key] = _LINK.sub(lambda m, base=item["link"]: _absolute(m, base), item[key])


def _absolute(match: re.Match, base: str) -> str:
    value = match["value"]
    if not value or urlsplit(value).scheme:
        return match[0]
    return f"{match['attr']}{match['quote']}{urljoin(base, value)}{match['quote']}"


@dataclass
class Month:
    date: datetime
    url: str
    articles: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return month_label(self.articles)

    @property
    def comments(self) -> int:
        return sum(getattr(a, "comment_count", 0) for a in self.articles)


@dataclass
class Year:
    year: int
    url: str
    months: list[Month] = field(default_factory=list)

    @property
    def articles(self) -> list:
        return [a for m in self.months for a in m.articles]

    @property
    def comments(self) -> int:
        return sum(m.comments for m in self.months)


def _archive_years(articles, settings) -> list[Year]:
    years: dict[int, Year] = {}
    months: dict[tuple[int, int], Month] = {}
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        date = article.date
        year = years.get(date.year)
        if year is None:
            year = years[date.year] = Year(date.year, settings["YEAR_ARCHIVE_URL"].format(date=date))
        key = (date.year, date.month)
        month = months.get(key)
        if month is None:
            month = months[key] = Month(date, settings["MONTH_ARCHIVE_URL"].format(date=date))
            year.months.append(month)
        month.articles.append(article)
    return list(years.values())


def add_context(generator) -> None:
    articles = generator.articles  # newest first
    for index, article in enumerate(articles):
        article.next_article = articles[index - 1] if index > 0 else None
        article.prev_article = articles[index + 1] if index + 1 < len(articles) else None
        article.date_is_approximate = str(getattr(article, "date_source", "")) == "inferred"
    years = _archive_years(articles, generator.settings)
    ordered = [m for y in years for m in y.months]  # newest first
    position = {(m.date.year, m.date.month): i for i, m in enumerate(ordered)}

    def month_neighbours(year: int, month: int) -> tuple[Month | None, Month | None]:
        i = position.get((year, month))
        if i is None:
            return None, None
        older = ordered[i + 1] if i + 1 < len(ordered) else None
        newer = ordered[i - 1] if i > 0 else None
        return older, newer

    generator.context["archive_years"] = years
    generator.context["month_neighbours"] = month_neighbours


def add_filters(generator) -> None:
    generator.env.filters.update(
        uk_date=uk_date,
        uk_month=uk_month,
        month_label=month_label,
        iso_date=iso_date,
        post_date=post_date,
        machine_date=machine_date,
        summary_links=summary_links,
    )


def register():
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(add_context)
    signals.feed_generated.connect(absolute_feed_links)
