"""The data the importer's steps hand to one another."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class DateSource(enum.StrEnum):
    EXPLICIT = "explicit"  # the post's own text states the date
    ARCHIVE = "archive"  # the page's archive heading (month, year, day) dates it
    INFERRED = "inferred"  # worked out from mentions in the post or its neighbours


class Precision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class BlockKind(enum.StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    ORDERED = "ordered"  # a numbered list
    TABLE = "table"  # items are rows, cells separated by tabs


class PageKind(enum.StrEnum):
    ARCHIVE = "archive"  # a WordPress archive listing, newest first
    LISTING = "listing"  # several posts without an archive heading
    SINGLE = "single"  # one scraped post page
    CUTTING = "cutting"  # a press-cuttings record


@dataclass(frozen=True)
class Line:
    """One non-blank line of a raw page, after normalisation."""

    number: int  # 1-based, in the raw file
    text: str
    blanks_before: int = 0
    blanks_after: int = 0
    indent: int = 0
    cells: tuple[str, ...] = ()  # the cells of a tab-separated line
    parts: tuple[str, ...] = ()  # the labels of a row pasted with wide gaps between them


@dataclass(frozen=True)
class Dropped:
    line: int
    text: str
    reason: str


@dataclass
class Block:
    kind: BlockKind
    items: list[str]  # one entry, except for lists (one per item)
    line: int = 0


@dataclass
class PostDate:
    value: datetime
    source: DateSource
    precision: Precision = Precision.DAY
    evidence: str = ""


@dataclass
class Heading:
    """What an archive heading says about every post on its page."""

    text: str
    line: int
    kind: str  # tag, category, author, month, year, day
    value: str
    date: PostDate | None = None


@dataclass
class Post:
    title: str
    source_path: str  # as written in the front matter, e.g. raw/001_x.txt
    position: int  # 1-based order on its page
    line: int  # line number of the title in the raw file
    body_lines: list[Line] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    date: PostDate | None = None
    author: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    heading_tags: list[str] = field(default_factory=list)  # from the page's archive heading
    suggested_tags: list[str] = field(default_factory=list)  # topics for an untagged post, from its words
    comments: int | None = None
    comments_closed: bool = False
    source: str | None = None
    source_title: str | None = None
    summary: str | None = None
    slug: str = ""
    path: str | None = None  # where an earlier import wrote it, under the output folder
    provenance: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the importer decided, for the report
    legacy_comments: list = field(default_factory=list)  # comments.Comment, in page order
    confidence: float = 1.0  # how well the evidence supports this reading, 0 to 1
    draft_reason: str | None = None  # why it is written as a draft
    date_heading: bool = False  # its date is a heading above its title, as Blogger groups a day's posts
    footer_time: tuple[int, int] | None = None  # a time its footer gives without a date
    title_bound: bool = False  # a date line or byline is printed with its title (a listing's post)
    date_in_header: bool = False  # its date is read from its own header, not its footer
    provenance_lines: list[int] = field(default_factory=list)  # raw lines its body came from (for review)

    @property
    def year(self) -> int | None:
        return self.date.value.year if self.date else None


@dataclass
class Page:
    """One raw file, split into its posts."""

    path: str
    kind: PageKind
    posts: list[Post] = field(default_factory=list)
    heading: Heading | None = None
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    evidence: list[str] = field(default_factory=list)  # why it was read as its kind
    comment_lines: list[int] = field(default_factory=list)  # lines read into reader comments
