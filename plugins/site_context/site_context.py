"""Dates in British English, archive summaries, neighbours and related posts.

Dates never depend on the machine's locale: month names are spelt out here.
A date is shown no more precisely than it is known, and a date the importer
inferred is shown as the lower bound it is ("date not recorded; after
December 2009"), unless it came from a newer neighbour, which bounds nothing.

Template filters added:

- ``uk_date``: a datetime as "6 June 2016"
- ``uk_month``: a datetime as "July 2011"
- ``date_text``: an article's date at its known precision: "6 June 2016",
  "July 2011", "2009"
- ``date_prefix``: what goes before it: "date not recorded; after " for an
  inferred lower bound, "" for a known date
- ``date_is_bound``: True unless the date is inferred without a lower bound
- ``post_date``: the whole date line as plain text
- ``date_note``: for an inferred date, a sentence giving the evidence used
- ``month_label``: a month archive's name, "July 2011"
- ``iso_date``: a datetime in ISO 8601, for feeds and sitemaps
- ``machine_date``: an article's date for ``<time datetime>``, only as precise
  as it is known ("2016-06-06T12:00:00+01:00", "2011-07", "2009")
- ``summary|summary_links(article.url, SITEURL)``: an article's summary HTML whose relative
  links (``../other-post/``, ``#notes``) lead where they do on the post's own
  page, so the summary can be shown on any page (and in feeds, where every
  relative link is made absolute from the post's address)
- ``sitemap_date``: a sitemap's lastmod at the known precision, or "" when
  the date was inferred

Template variables added:

- ``archive_years``: newest first, each with ``year``, ``url``, ``articles``,
  ``comments``, ``months`` (each with ``date``, ``label``, ``url``,
  ``articles``, ``comments``) and ``month_unknown`` (posts known only to the year)
- ``month_neighbours(year, month)``: the (older, newer) months that have posts
- ``article.prev_article`` / ``article.next_article``: the older and newer post
- ``article.related``: up to ``RELATED_POSTS`` (3) posts sharing most tags
- ``article.date_is_approximate``: True when the date was inferred
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from pelican import signals

from plugins.incremental import records

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


def date_text(article) -> str:
    """The date at its known precision: "6 June 2016", "July 2011" or "2009"."""
    value, precision = article.date, _precision(article)
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return uk_month(value)
    return uk_date(value)


def _inferred(article) -> bool:
    return str(getattr(article, "date_source", "explicit")) == "inferred"


def _evidence(article) -> str:
    return str(getattr(article, "date_evidence", "") or "")


def is_lower_bound(article) -> bool:
    """An inferred date is the earliest the post can be, unless it came from a newer neighbour."""
    return _inferred(article) and "so is older than" not in _evidence(article)


def date_prefix(article) -> str:
    """What goes before the date shown: "date not recorded; after " for a lower bound."""
    if not _inferred(article):
        return ""
    return "date not recorded; after " if is_lower_bound(article) else "date not recorded; "


def post_date(article) -> str:
    """The date as honestly as it is known, as plain text."""
    if _inferred(article) and not is_lower_bound(article):
        return "date not recorded"
    return date_prefix(article) + date_text(article)


_RAW_LINE = re.compile(r"\s*\(line \d+\)")


def date_note(article) -> str:
    """For an inferred date, a sentence saying what it was worked out from."""
    if not _inferred(article):
        return ""
    evidence = _RAW_LINE.sub("", _evidence(article)).strip()
    # The neighbour's date is itself only a lower bound.
    evidence = evidence.replace(", dated c. ", ", dated after ")
    evidence = re.sub(r"'([^']*)'", r"‘\1’", evidence)
    if evidence.startswith("the post mentions"):
        how = "the latest date the post mentions"
    elif evidence.startswith("it is listed"):
        how = "its place in a listing on the old blog"
    else:
        how = "what the old pages show"
    if is_lower_bound(article):
        claim = f"It cannot be earlier than {date_text(article)}, judging by {how}"
    else:
        claim = f"It is placed in the archives by {how}"
    return f"The date of this post was not recorded. {claim}: {evidence}." if evidence else f"{claim}."


def sitemap_date(article) -> str:
    """A sitemap's lastmod: a modified date, or the date at its known precision; none when inferred."""
    modified = getattr(article, "modified", None)
    if modified:
        return modified.strftime("%Y-%m-%d")
    if _inferred(article):
        return ""
    return machine_date(article) if _precision(article) != "day" else article.date.strftime("%Y-%m-%d")


def month_label(articles) -> str:
    """ "July 2011": a month's archive holds only posts known to be from it."""
    return uk_month(articles[0].date)


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
    def fingerprint(self) -> str:
        """What a page that shows this month depends on: its address, name and totals, and
        its posts' addresses, titles and dates (an archive widget lists them)."""
        return f"{self.url} {self.label} {_totals(self.articles)} {_listed(self.articles)}"

    @property
    def comments(self) -> int:
        return sum(getattr(a, "comment_count", None) or 0 for a in self.articles)


@dataclass
class Year:
    year: int
    url: str
    months: list[Month] = field(default_factory=list)
    # Posts known only to the year belong to no month page.
    month_unknown: list = field(default_factory=list)

    @property
    def articles(self) -> list:
        return [a for m in self.months for a in m.articles] + self.month_unknown

    @property
    def fingerprint(self) -> str:
        """What a page that shows this year (its months and totals) depends on."""
        months = " ".join(m.fingerprint for m in self.months)
        unknown = f"{_totals(self.month_unknown)} {_listed(self.month_unknown)}"
        return f"{self.url} {_totals(self.articles)} [{months}] {unknown}"

    @property
    def comments(self) -> int:
        return sum(getattr(a, "comment_count", None) or 0 for a in self.articles)


def _totals(articles: list) -> str:
    counts = [getattr(a, "comment_count", None) for a in articles]
    known = [n for n in counts if n is not None]
    return f"{len(articles)}/{sum(n or 0 for n in known)}/{bool(known)}"


def _listed(articles: list) -> str:
    return "|".join(f"{a.url} {a.title} {a.date.isoformat()}" for a in articles)


def _archive_years(articles, settings) -> list[Year]:
    years: dict[int, Year] = {}
    months: dict[tuple[int, int], Month] = {}
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        date = article.date
        year = years.get(date.year)
        if year is None:
            year = years[date.year] = Year(date.year, settings["YEAR_ARCHIVE_URL"].format(date=date))
        if _precision(article) == "year":
            year.month_unknown.append(article)
            continue
        key = (date.year, date.month)
        month = months.get(key)
        if month is None:
            month = months[key] = Month(date, settings["MONTH_ARCHIVE_URL"].format(date=date))
            year.months.append(month)
        month.articles.append(article)
    return list(years.values())


# Each tag lends at most this many posts either side of a post as candidates,
# so a tag on thousands of posts does not make the build quadratic.
_RELATED_REACH = 20
_RELATED_FORMAT = 1


def _relate(articles, limit: int, cache: str | None = None) -> None:
    """``article.related``: the posts sharing most tags with it, nearest in time first.

    They depend only on the posts' order and tags: with ``cache`` (a file), the
    answer of a build with the same posts and tags is reused, so a rebuild after
    a body edit does not work it out again for every post."""
    key = _related_key(articles, limit) if cache else ""
    found = _cached_related(cache, key, len(articles))
    if found is not None:
        for article, places in zip(articles, found, strict=True):
            article.related = [articles[k] for k in places]
        return
    _work_out_related(articles, limit)
    if cache:
        place = {id(a): i for i, a in enumerate(articles)}
        answer = [[place[id(other)] for other in article.related] for article in articles]
        _save_related(cache, key, answer)


def _related_key(articles, limit: int) -> str:
    lines = [f"{limit} {_RELATED_REACH}", _RELATED_CODE]
    lines += [
        "\t".join([str(a.source_path), *(t.name for t in getattr(a, "tags", None) or [])]) for a in articles
    ]
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=16).hexdigest()


def _cached_related(cache: str | None, key: str, count: int) -> list[list[int]] | None:
    stored = records.load(cache, _RELATED_FORMAT) if cache else None
    if stored is None or stored.get("key") != key:
        return None
    places = stored.get("related")
    if not isinstance(places, list) or len(places) != count:
        return None
    return places


def _save_related(cache: str, key: str, answer: list[list[int]]) -> None:
    with contextlib.suppress(OSError):  # only a shortcut: the next build works it out again
        records.write_atomically(cache, {"format": _RELATED_FORMAT, "key": key, "related": answer})


def _work_out_related(articles, limit: int) -> None:
    by_tag: dict[str, list] = {}
    for article in articles:  # newest first
        for tag in getattr(article, "tags", None) or []:
            by_tag.setdefault(tag.name, []).append(article)
    place = {id(a): i for i, a in enumerate(articles)}
    index = {name: {id(a): i for i, a in enumerate(posts)} for name, posts in by_tag.items()}
    for article in articles:
        shared: dict[int, int] = {}
        for tag in getattr(article, "tags", None) or []:
            posts = by_tag[tag.name]
            here = index[tag.name][id(article)]
            for other in posts[max(0, here - _RELATED_REACH) : here + _RELATED_REACH + 1]:
                if other is not article:
                    shared[id(other)] = shared.get(id(other), 0) + 1
        mine = place[id(article)]
        ranked = sorted(shared, key=lambda k: (-shared[k], abs(place[k] - mine), place[k]))
        article.related = [articles[place[k]] for k in ranked[:limit]]


# A change to how related posts are chosen makes every answer kept before stale.
_RELATED_CODE = hashlib.blake2b(marshal.dumps(_work_out_related.__code__)).hexdigest()


def add_context(generator) -> None:
    articles = generator.articles  # newest first
    for index, article in enumerate(articles):
        article.next_article = articles[index - 1] if index > 0 else None
        article.prev_article = articles[index + 1] if index + 1 < len(articles) else None
        article.date_is_approximate = str(getattr(article, "date_source", "")) == "inferred"
    cache_path = generator.settings.get("CACHE_PATH")
    cache = str(Path(cache_path) / "related-posts.pickle") if cache_path else None
    _relate(articles, generator.settings.get("RELATED_POSTS", 3), cache)
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

    # What its answers depend on, for the fingerprints of the pages that ask.
    month_neighbours.fingerprint = "|".join(f"{m.url} {m.label}" for m in ordered)
    generator.context["archive_years"] = years
    generator.context["month_neighbours"] = month_neighbours


def add_filters(generator) -> None:
    generator.env.filters.update(
        uk_date=uk_date,
        uk_month=uk_month,
        month_label=month_label,
        iso_date=iso_date,
        post_date=post_date,
        date_text=date_text,
        date_prefix=date_prefix,
        date_note=date_note,
        date_is_bound=is_lower_bound,
        machine_date=machine_date,
        summary_links=summary_links,
        sitemap_date=sitemap_date,
    )


def register():
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(add_context)
    signals.feed_generated.connect(absolute_feed_links)
