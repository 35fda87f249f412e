"""Reading dates the way a UK blog writes them, and inferring the missing ones.

Numeric dates are day first (``6/06/2016`` is 6 June 2016, ``01/09/2019`` is
1 September 2019). Month names are read in either order ("14 February 2013",
"March 28, 2012"). Nothing here looks at today's date: a date the text does not
give completely is either widened to a month or year with that precision
recorded, or inferred from evidence and marked so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .post import DateSource, PostDate, Precision

LONDON = ZoneInfo("Europe/London")
# A post with no time of day is placed at noon, London time, so that no
# time-zone conversion can move it to a different day.
NOON = time(12, 0)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september"
    r"|october|november|december)"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_DAY_PATTERNS = [
    re.compile(
        rf"^{_WEEKDAY}(?P<day>\d{{1,2}})[/.-](?P<mnum>\d{{1,2}})[/.-](?P<year>\d{{4}}|\d{{2}})$", re.I
    ),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}$", re.I),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),
]
_MONTH_PATTERNS = [
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I),
    re.compile(r"^(?P<year>\d{4})[/-](?P<mnum>\d{1,2})$"),
]
_YEAR_PATTERN = re.compile(r"^(?P<year>\d{4})$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def start(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def label(self) -> str:
        if self.day is not None:
            return f"{self.day} {_MONTH_NAMES[self.month]} {self.year}"
        if self.month is not None:
            return f"{_MONTH_NAMES[self.month]} {self.year}"
        return str(self.year)


_MONTH_NAMES = [
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


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mnum"):
        return int(groups["mnum"])
    return MONTHS[groups["month"].lower().rstrip(".")]


def _year_number(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _valid(partial: PartialDate) -> PartialDate | None:
    try:
        partial.start()
    except ValueError:
        return None
    return partial


def parse_date(text: str) -> PartialDate | None:
    """A date written on its own: a day, a month of a year, or a year."""
    text = text.strip().rstrip(".").strip()
    if not text[-1:].isdigit():
        return None  # every form below ends with its year (or month) in digits
    for pattern in _DAY_PATTERNS:
        match = pattern.match(text)
        if match:
            return _valid(PartialDate(_year_number(match["year"]), _month_number(match), int(match["day"])))
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(text)
        if match:
            return _valid(PartialDate(int(match["year"]), _month_number(match)))
    match = _YEAR_PATTERN.match(text)
    if match:
        return PartialDate(int(match["year"]))
    return None


def at_noon(day: date, minutes: int = 0) -> datetime:
    """A London wall-clock time on ``day``, ``minutes`` after noon."""
    return datetime.combine(day, NOON, tzinfo=LONDON) + timedelta(minutes=minutes)


def stated(partial: PartialDate, source: DateSource, evidence: str = "") -> PostDate:
    return PostDate(at_noon(partial.start()), source, partial.precision, evidence)


# Evidence inside a post's text. A month with a year is strong evidence; a bare
# year is weak and only used when the post names no month of any year.
_MENTION_MONTH_YEAR = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_FULL_MONTH},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{_YEAR}\b",
    re.I,
)
_MENTION_YEAR = re.compile(r"(?<![\d,.£$€/-])\b(?P<year>(?:19[5-9]|20[0-9])\d)\b(?![\d,/-]|\.\d)")


@dataclass(frozen=True)
class Mention:
    when: PartialDate
    text: str
    line: int


def mentions(text: str, line: int) -> tuple[list[Mention], list[Mention]]:
    """Month-and-year mentions, and bare-year mentions, in one line of text."""
    months: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for match in _MENTION_MONTH_YEAR.finditer(text):
        months.append(Mention(PartialDate(int(match["year"]), _month_number(match)), match[0], line))
        spans.append(match.span())
    years = [
        Mention(PartialDate(int(match["year"])), match[0], line)
        for match in _MENTION_YEAR.finditer(text)
        if not any(start <= match.start() < end for start, end in spans)
    ]
    return months, years


# --- Dates inside a line of page text ------------------------------------------
#
# Pages print a post's date among other words: "Friday, 7 May 2010",
# "Feb 9, 2015 · 4 min read", "Wed, 05/11/2014 - 14:20", "07:30, 2 MAR 2016",
# "June 4, 2012 at 9:12 am". A regular expression only finds where a date may
# be (cheap, and most lines have none); python-dateutil reads what it found.

_ANY_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# A year in full, or as two digits after an apostrophe ("Aug '13").
_NAMED_YEAR = r"(?:\d{4}\b|['’]\d{2}\b)"
_DATE_SPAN = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    # Year first with dots or slashes ("2014.05.06", "2014/5/6"): never day first.
    r"|(?P<yearfirst>(?<![\d/.-])\d{4}[./]\d{1,2}[./]\d{1,2}(?![\d/.-]))"
    rf"|(?P<named>\b{_ORD}(?:\s+of)?\s+{_ANY_MONTH},?\s+{_NAMED_YEAR}"
    rf"|\b{_ANY_MONTH}\s+{_ORD}[,.]?\s+{_NAMED_YEAR}"
    # "12-Jan-2015", "3-March-09"
    rf"|\b\d{{1,2}}-{_ANY_MONTH}-(?:\d{{4}}|\d{{2}})\b)"
    r"|(?P<numeric>(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-]))",
    re.I,
)
# What may stand between a time and the date after it: "09:14 on", "09:00 BST,", "at".
_TIME_THEN_DATE = re.compile(r"^[\s,\-–—|@·]*(?:(?:GMT|BST|UTC)\b[\s,]*)?(?:on|at)?[\s,\-–—|@·]*$", re.I)
_TIME_SPAN = re.compile(
    r"(?<![\d:/.-])(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\b\.?)?(?![\d/-])"
    r"|(?<![\d:])(?P<h2>\d{1,2})\s*(?P<ampm2>[ap]\.?m\b\.?)",
    re.I,
)
_DATE_START = re.compile(r"[0-9]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: the date, its time of day if given, and the words around it."""

    when: PartialDate
    hour: int | None
    minute: int | None
    start: int
    end: int  # of the whole match, date and time together
    text: str

    @property
    def rest(self) -> str:
        """The line without its date and time."""
        return (self.text[: self.start] + " " + self.text[self.end :]).strip()


def find_time(text: str) -> tuple[int, int, int, int] | None:
    """The first time of day in ``text``: hour, minute, start, end."""
    for match in _TIME_SPAN.finditer(text):
        hour = int(match["h"] or match["h2"])
        minute = int(match["m"] or 0)
        ampm = (match["ampm"] or match["ampm2"] or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24:
            return hour, minute, match.start(), match.end()
    return None


# Numeric dates are day first unless the page being read proves otherwise (see
# numeric_order); the reading of one page sets this for its own lines.
_ORDER = {"dayfirst": True}


def set_page_order(dayfirst: bool) -> None:
    _ORDER["dayfirst"] = dayfirst


def find_date(text: str, *, dayfirst: bool | None = None) -> FoundDate | None:
    """The first full date (day, month and year) in a line, with a time next to it."""
    if dayfirst is None:
        dayfirst = _ORDER["dayfirst"]
    if not _DATE_START.search(text):
        return None
    for match in _DATE_SPAN.finditer(text):
        span = match[0]
        try:
            if match["iso"]:
                value = datetime.strptime(span, "%Y-%m-%d")
            elif match["yearfirst"]:
                year, month, day = (int(part) for part in re.split(r"[./]", span))
                value = datetime(year, month, day)
            else:
                # Loaded on first use: many imports meet no date that needs it.
                from dateutil import parser as dateutil_parser

                value = dateutil_parser.parse(span, dayfirst=dayfirst, default=datetime(2000, 1, 1))
        except (ValueError, OverflowError):
            continue
        start, end = match.span()
        hour = minute = None
        # A time printed just before or after the date ("at 9:12 am", "- 14:20", "07:30, ").
        timed = find_time(text[end : end + 16])
        if timed and not text[end : end + timed[2]].strip(" ,-–—|@·at"):
            hour, minute, end = timed[0], timed[1], end + timed[3]
        else:
            before = text[max(0, start - 18) : start]
            timed = find_time(before)
            if timed and _TIME_THEN_DATE.match(before[timed[3] :]):
                hour, minute, start = timed[0], timed[1], start - len(before) + timed[2]
        partial = _valid(PartialDate(value.year, value.month, value.day))
        if partial is not None and 1990 <= partial.year <= 2100:
            return FoundDate(partial, hour, minute, start, end, text)
    return None


def numeric_order(texts: list[str]) -> bool:
    """Whether a page's numeric dates are day first: UK unless one of them proves otherwise."""
    for text in texts:
        for match in _DATE_SPAN.finditer(text):
            if match["numeric"]:
                first, second = (int(part) for part in re.split(r"[/.-]", match[0])[:2])
                if second > 12 >= first:
                    return False
                if first > 12:
                    return True
    return True


def stated_at(found: FoundDate, source: DateSource, evidence: str) -> PostDate:
    """A found date as a post's date, at its stated time or at noon."""
    if found.hour is None:
        return stated(found.when, source, evidence)
    value = datetime.combine(found.when.start(), time(found.hour, found.minute or 0), tzinfo=LONDON)
    return PostDate(value, source, Precision.DAY, evidence)
