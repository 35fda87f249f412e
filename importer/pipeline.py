"""The importer's steps, run in order over a folder of raw pages."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from plugins.forkpool import parallel as _parallel

from . import comments
from .body import convert
from .chrome import drop_chrome, drop_contents, drop_link_references, drop_page_breaks, drop_toolbar
from .chronology import assign_dates
from .confidence import Evidence, TitleEvidence, assess, date_evidence
from .dates import LONDON, numeric_order, set_page_order
from .extract import extract_posts, take_footer, take_trailer
from .hints import HINTS_NAME, Hint, load_hints
from .kind import KindDecision, classify
from .naming import unify_tags
from .normalise import UnreadableError, decode, join_split_bylines, join_wrapped_lines, split_lines
from .post import DateSource, Dropped, Line, Page, PageKind, Post, PostDate
from .render import relative_path, render, render_body
from .segment import header_over_title, is_footer, segment, title_like, trailer_at
from .single import date_heading, header_fact, is_prose, list_item, read_single
from .state import Manifest, assign_paths, identity
from .topics import Topics, load_topics, respell, suggest


def read_page(data: bytes, path: str, hint: Hint | None = None) -> Page:
    """One raw page, from bytes to posts with bodies and dates (slugs come later)."""
    try:
        return _read_page(data, path, hint)
    finally:
        # A page's month-first dates are its own: the next page, or any other reading, starts UK.
        set_page_order(True)


def _read_page(data: bytes, path: str, hint: Hint | None) -> Page:
    decoded = decode(data)
    lines = join_split_bylines(split_lines(decoded.text))
    pinned: list[Dropped] = []
    if hint and hint.drop_lines:
        pinned = [
            Dropped(line.number, line.text, "dropped by hints.yaml")
            for line in lines
            if line.number in hint.drop_lines
        ]
        lines = [line for line in lines if line.number not in hint.drop_lines]
    lines, references = drop_link_references(lines)
    lines, dropped = drop_chrome(lines)
    dropped += references
    dropped += pinned
    lines, toolbar = drop_toolbar(lines)
    lines, contents = drop_contents(lines)
    lines, breaks = drop_page_breaks(lines)
    lines = join_wrapped_lines(lines)
    toolbar += contents + breaks
    # Not chrome above the page's first line: a masthead under it is still the masthead.
    lines, address, printed = _page_address(lines)
    footer_url = next((d.text.split()[0] for d in breaks if re.match(r"https?://", d.text)), None)
    if footer_url and not (address or "").startswith("http"):
        # The whole address each printed page's footer gives beats a bare site name.
        address = re.sub(r"[?&]print=\w+$", "", footer_url)
    # "12/25/2014" anywhere on the page shows its numeric dates are month first.
    set_page_order(numeric_order([line.text for line in lines if "/" in line.text]))
    decision = classify(lines, related=[d.line for d in dropped if d.reason == "related-links widget"])
    if hint and hint.kind:
        wanted = PageKind.SINGLE if hint.kind == "single" else PageKind.LISTING
        if decision.kind is not wanted and not (
            wanted is PageKind.LISTING and decision.kind is PageKind.ARCHIVE
        ):
            decision = KindDecision(
                wanted, ["kind pinned in hints.yaml"], decision.heading, decision.heading_at
            )
            if wanted is PageKind.SINGLE:
                decision.section = comments.find_section(lines)
    page = Page(path=path, kind=decision.kind, heading=decision.heading, encoding=decoded.encoding)
    page.warnings += decoded.warnings
    page.dropped += dropped + toolbar
    page.evidence = decision.evidence
    if decision.kind is PageKind.SINGLE and lines:
        posts = [_single_post(lines, path, decision, page, hint)]
    else:
        posts = _listing_posts(lines, path, decision, page)
    for post in posts:
        post.tags = _distinct_tags(post.tags)
    if hint and hint.date and len(posts) == 1:
        value = hint.date if hint.date.tzinfo else hint.date.replace(tzinfo=LONDON)
        posts[0].date = PostDate(value, DateSource.EXPLICIT, evidence="date pinned in hints.yaml")
        posts[0].notes.append("date pinned in hints.yaml")
    if decision.kind is not PageKind.SINGLE:
        # Neighbours and mentions date a listing's posts; a single page's post has only its own.
        assign_dates(posts)
        for post in posts:
            assess(post, _listing_evidence(post, decision))
    if address and len(posts) == 1:
        posts[0].provenance.setdefault("address", address)
    page.dropped += printed
    page.posts = posts
    if not lines:
        page.warnings.append("the file is empty: no posts found")
    elif not posts:
        page.warnings.append("no posts found: the file holds only a heading or header")
    for post in posts:
        if post.date is None:
            page.warnings.append(
                f"'{post.title}' (line {post.line}) has no date and nothing to infer one from: "
                "it is written as a draft; give it a date by hand"
            )
        if post.draft_reason:
            page.warnings.append(
                f"'{post.title}' (line {post.line}) is written as a draft "
                f"(confidence {post.confidence:.2f}): {post.draft_reason}"
            )
    page.dropped.sort(key=lambda d: d.line)
    return page


# A print view names the page it was printed from, at its top or its foot:
# "Printed from: https://… on 14/03/2014 21:41", "URL: https://…".
_PRINTED_FROM = re.compile(
    r"^(?:(?:article\s+)?printed\s+from|url|original\s+url|page\s+url|source\s+url|retrieved\s+from"
    r"|permanent\s+link|this\s+(?:article|page|post)\s+(?:is\s+)?(?:from|at))\s*:?\s*"
    r"<?(?P<url>https?://\S+?|www\.[\w.-]+\.[a-z]{2,}\S*?)>?(?:\s+(?:on|at)\s+.{4,40})?\s*$",
    re.I,
)


def _distinct_tags(tags: list[str]) -> list[str]:
    """Each tag once, whatever its case (the byline's "Youth justice", the footer's
    "youth justice"): the first kept."""
    seen: set[str] = set()
    distinct = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            distinct.append(tag)
    return distinct


def _page_address(lines: list[Line]) -> tuple[list[Line], str | None, list[Dropped]]:
    """The page's own address, printed in its first or last lines, and the lines without them."""
    ends = set(range(min(3, len(lines)))) | set(range(max(0, len(lines) - 3), len(lines)))
    found = [i for i in sorted(ends) if _PRINTED_FROM.match(lines[i].text)]
    if not found:
        return lines, None, []
    url = _PRINTED_FROM.match(lines[found[0]].text)["url"]
    dropped = [Dropped(lines[i].number, lines[i].text, "the page's own address (print view)") for i in found]
    return [line for i, line in enumerate(lines) if i not in found], url, dropped


def _single_post(lines: list[Line], path: str, decision: KindDecision, page: Page, hint: Hint | None) -> Post:
    read = read_single(
        lines, path, decision.section, page.dropped, title_line=hint.title_line if hint else None
    )
    post = read.post
    page.comment_lines = read.comment_lines
    page.dropped += read.dropped
    body = convert(post.body_lines, strong=True, cutting=False)
    post.blocks = body.blocks
    post.notes += body.notes
    page.dropped += body.dropped
    post.notes += [f"evidence: {item}" for item in decision.evidence + read.sure]
    _name_the_original_poster(post)
    if post.legacy_comments or post.comments:
        post.notes.append(f"kept {len(post.legacy_comments)} reader comment(s); count {post.comments}")
    evidence = Evidence(
        kind_sure=decision.sure,
        title=TitleEvidence.HEADER if read.title_evidence else TitleEvidence.GUESS,
        date=date_evidence(post, read.date_in_header),
        author=post.author is not None,
        has_text=any(is_prose(line) for line in post.body_lines),
        doubts=read.doubts,
    )
    assess(post, evidence)
    return post


_ORIGINAL_POSTER = re.compile(r"^(?:original poster|op|thread starter|topic starter)$", re.I)


def _name_the_original_poster(post: Post) -> None:
    """A forum labels the opener's own replies "Original poster": they are the post's author."""
    if not post.author:
        return
    for comment in post.legacy_comments:
        if _ORIGINAL_POSTER.match(comment.author):
            post.notes.append(f"'{comment.author}' (line {comment.line}) is the post's author, {post.author}")
            comment.author = post.author


def _listing_posts(lines: list[Line], path: str, decision: KindDecision, page: Page) -> list[Post]:
    if decision.heading_at:
        page.dropped += [
            Dropped(line.number, line.text, "page header (above the archive heading)")
            for line in lines[: decision.heading_at]
        ]
        lines = lines[decision.heading_at :]
    if decision.heading:
        again = [line for line in lines[1:] if line.text == decision.heading.text]
        page.dropped += [
            Dropped(line.number, line.text, "the archive heading again (the page repeats)") for line in again
        ]
        lines = [lines[0], *(line for line in lines[1:] if line.text != decision.heading.text)]
    owner = None
    if decision.kind is PageKind.LISTING and not decision.heading:
        first = next((i for i in range(len(lines) - 1) if _first_post_at(lines, i)), 0)
        first = _no_text_above(lines, first)
        page.dropped += [
            Dropped(line.number, line.text, "page header (above the first post)") for line in lines[:first]
        ]
        # A blog of one user (Xanga, LiveJournal) heads its page with their user name, set apart.
        owner = next((line.text for line in lines[:first] if _user_name(line)), None)
        lines = lines[first:]
    lines, tail = _listing_tail(lines)
    page.dropped += tail
    segments = segment(lines)
    page.kind = segments.kind if decision.kind is not PageKind.LISTING else PageKind.LISTING
    posts, consumed = extract_posts(segments, path)
    page.dropped += consumed
    if posts:
        page.dropped += _last_post_tail(posts[-1])
    _share_date_headings(posts)
    for post in posts:
        if owner and post.author is None:
            post.author = owner
            post.notes.append(f"the user name '{owner}' heading the page is the author")
        body = convert(post.body_lines, strong=segments.strong, cutting=segments.kind is PageKind.CUTTING)
        post.blocks = body.blocks
        post.notes += body.notes
        page.dropped += body.dropped
    return posts


def _listing_evidence(post: Post, decision: KindDecision) -> Evidence:
    """What a listing's post was read from: its title's place, its header, its text."""
    return Evidence(
        kind_sure=decision.sure,
        title=TitleEvidence.HEADER if post.title_bound else TitleEvidence.LAYOUT,
        date=date_evidence(post, post.date_in_header),
        author=post.author is not None,
        has_text=any(is_prose(line) for line in post.body_lines),
    )


def _user_name(line: Line) -> bool:
    """A user name alone and set apart from the menus: one lower-case token, with no
    menu's word ("archive", "theme") and no address ("example.org")."""
    from .single import _HANDLE

    return (
        line.blanks_before >= 1
        and line.blanks_after >= 1
        and bool(_HANDLE.match(line.text))
        and "." not in line.text
        and not is_prose(line)
    )


def _first_post_at(lines: list[Line], i: int) -> bool:
    """A title over its date line, or a date heading over a title and its text (Blogger),
    packed or set apart."""
    if i + 2 < len(lines) and _packed_day_heading(lines, i):
        return True
    if title_like(lines[i]) and (fact := header_fact(lines[i + 1])) is not None and fact.date:
        # A date that heads the title under it is that title's, not the line's above.
        return not (date_heading(lines, i + 1) or (i + 3 < len(lines) and header_over_title(lines, i + 1)))
    return date_heading(lines, i) or (i + 2 < len(lines) and header_over_title(lines, i))


def _no_text_above(lines: list[Line], first: int) -> int:
    """Where the first post starts, moved up to the paragraphs above it, if any: a post
    whose header was not recognised is still a post, never the page's header."""
    prose = [i for i in range(first) if is_prose(lines[i]) and len(lines[i].text.split()) >= 20]
    if len(prose) < 2:
        return first
    start = prose[0]
    # Its title is the short line over its first paragraph, and a date may head it.
    if start > 0 and title_like(lines[start - 1]):
        start -= 1
        if start > 0 and (fact := header_fact(lines[start - 1])) is not None and fact.date:
            start -= 1
    return start


def _packed_day_heading(lines: list[Line], i: int) -> bool:
    """ "Tuesday, 28 June 2011" over the title over the text, saved with no blank lines."""
    fact = header_fact(lines[i])
    return (
        fact is not None
        and fact.date is not None
        and fact.author is None
        and len(lines[i].text) <= 40
        and title_like(lines[i + 1])
        and not is_footer(lines[i + 1])
        and header_fact(lines[i + 1]) is None
        and is_prose(lines[i + 2])
    )


def _share_date_headings(posts: list[Post]) -> None:
    """On a page that prints a day's date once above its first post, the day's other posts share it."""
    heading: Post | None = None
    for post in posts:
        if post.date_heading:
            heading = post
        elif post.date is None and heading is not None and heading.date is not None:
            value = heading.date.value
            if post.footer_time:
                value = value.replace(hour=post.footer_time[0], minute=post.footer_time[1])
            post.date = PostDate(
                value,
                DateSource.ARCHIVE,
                evidence=f"the date heading above '{heading.title}', "
                "which the page prints once for the day's posts",
            )
        elif post.date is not None:
            heading = None


_PUNCTUATED = re.compile(r"[.!?…,;:]")


def _last_post_tail(post: Post) -> list[Dropped]:
    """Short lines under the last post's last paragraph: the page's sidebar and footer.

    The last post's footer (its tags) ends it, as footers end the posts above;
    with no footer, its text ends at its last paragraph when what follows is a
    run of links and labels saved one under the other.
    """
    body = post.body_lines
    # A tag cloud is as long as a sentence, but a sentence has punctuation somewhere.
    last = max(
        (i for i, line in enumerate(body) if is_prose(line) and _PUNCTUATED.search(line.text)), default=None
    )
    if last is None:
        return []
    tail = body[last + 1 :]
    trailer = trailer_at(body, last + 1)
    if trailer is not None and trailer + 1 < len(body):
        post.body_lines = take_trailer(post, body[: trailer + 1])
        after = body[trailer + 1 :]
        return [Dropped(line.number, line.text, "page footer (after the last post)") for line in after]
    if tail and take_footer(post, tail[0]):
        post.body_lines = body[: last + 1]
        return [Dropped(line.number, line.text, "page footer (after the last post)") for line in tail[1:]]
    packed = sum(1 for line in tail[1:] if line.blanks_before == 0)
    # A list closing the post is its own: its items carry markers, a sidebar's links do not.
    if len(tail) < 3 or packed < 2 or any(list_item(line) for line in tail):
        return []
    post.body_lines = body[: last + 1]
    return [Dropped(line.number, line.text, "page footer (after the last post)") for line in tail]


def _dated_titles_in(lines: list[Line]) -> int:
    return sum(
        1
        for i in range(len(lines) - 1)
        if title_like(lines[i]) and (fact := header_fact(lines[i + 1])) is not None and fact.date
    )


def _listing_tail(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Short link-like lines after a listing's last post footer: the page's sidebar and footer."""
    last = next((i for i in range(len(lines) - 1, 0, -1) if is_footer(lines[i])), None)
    if last is None or last == len(lines) - 1:
        return lines, []
    tail = lines[last + 1 :]
    # A footer ends a post: after the last one, only another post's paragraphs would be text,
    # under a title and date line where the page's other posts have one.
    if sum(1 for line in tail if is_prose(line)) < 2 or (
        _dated_titles_in(lines[: last + 1]) >= 2 and not _dated_titles_in(tail)
    ):
        return lines[: last + 1], [
            Dropped(line.number, line.text, "page footer (after the last post)") for line in tail
        ]
    return lines, []


@dataclass
class Outcome:
    path: str  # where the post belongs, relative to the output folder
    status: str  # written, unchanged, kept (hand-edited, not overwritten), overwritten
    post: Post


@dataclass
class Report:
    source: str
    output: str
    files: list[dict] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # file:line: error: … messages
    review: str | None = None  # the review page written, if asked for

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "output": self.output,
            "files_read": len(self.files) - len(self.unreadable),
            "files_unreadable": len(self.unreadable),
            "posts_found": len(self.outcomes),
            "posts_written": self.count("written") + self.count("overwritten"),
            "posts_unchanged": self.count("unchanged"),
            "posts_kept": self.count("kept"),
            "posts_skipped": self.count("kept") + self.count("unchanged"),
            "posts_deleted": [o.path for o in self.outcomes if o.status == "deleted"],
            "problems": list(self.problems),
            "comments": {
                o.path: len(o.post.legacy_comments) for o in self.outcomes if o.post.legacy_comments
            },
            "confidence": {o.path: round(o.post.confidence, 2) for o in self.outcomes},
            "drafts": {o.path: o.post.draft_reason for o in self.outcomes if o.post.draft_reason},
            "hand_edited": [o.path for o in self.outcomes if o.status in ("kept", "overwritten")],
            "files": self.files,
            "dates": [
                {
                    "post": o.path,
                    "title": o.post.title,
                    "date": o.post.date.value.isoformat() if o.post.date else None,
                    "date_source": o.post.date.source.value if o.post.date else None,
                    "evidence": o.post.date.evidence if o.post.date else "none",
                }
                for o in self.outcomes
                if o.post.date is None or o.post.date.source is not DateSource.EXPLICIT
            ],
        }


def find_sources(src: Path) -> list[Path]:
    return sorted(p for p in src.rglob("*.txt") if p.is_file() or p.is_symlink())


# Below these counts a pool's start-up costs more than it saves.
_MIN_FILES_PER_WORKER = 8
_MIN_POSTS_PER_WORKER = 64


@dataclass
class _Unreadable:
    label: str
    reason: str


@dataclass
class _Read:
    page: Page  # its posts without their lines and blocks
    bodies: list[str]  # each post's Markdown body, in order


def _read_source(job: tuple[Path, str, Hint | None]) -> _Read | _Unreadable:
    path, label, hint = job
    try:
        page = read_page(path.read_bytes(), label, hint)
    except (OSError, UnreadableError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return _Unreadable(label, reason)
    bodies = [render_body(post) for post in page.posts]
    for post in page.posts:
        post.provenance_lines = [line.number for line in post.body_lines]
        # Bodies travel between processes as text: thousands of small
        # objects would take longer to pass than to make.
        post.body_lines, post.blocks = [], []
    return _Read(page, bodies)


# The posts being written, shared with forked writers by inheritance.
_WRITING: dict = {}


def _write_nth(n: int) -> tuple[str, str]:
    post, body = _WRITING["posts"][n], _WRITING["bodies"][n]
    if n in _WRITING["deleted"]:
        return relative_path(post).as_posix(), "deleted"
    outcome = _write(post, _WRITING["out"], force=_WRITING["force"], body=body)
    return outcome.path, outcome.status


def import_archive(
    src: Path,
    out: Path,
    *,
    force: bool = False,
    label_root: Path | None = None,
    workers: int | None = None,
    review: Path | None = None,
    topics: Path | None = None,
) -> Report:
    """Read every .txt under ``src`` and write one Markdown file per post under ``out``.

    Pages are read, and posts written, by ``workers`` processes (default: one
    per core); the result does not depend on how many. ``topics`` is the
    blog's topic list: tags are spelt as it spells them, and untagged posts
    get suggested topics from it.
    """
    workers = workers or os.cpu_count() or 1
    root = label_root or src.parent
    report = Report(source=str(src), output=str(out))
    pages: list[Page] = []
    bodies: list[str] = []
    hints = load_hints(src / HINTS_NAME)
    report.problems += [str(problem) for problem in hints.problems]
    jobs = [
        (path, label, hints.pages.get(label) or hints.pages.get(path.name))
        for path in find_sources(src)
        for label in [_label(path, root)]
    ]
    for result in _parallel(_read_source, jobs, workers, _MIN_FILES_PER_WORKER):
        if isinstance(result, _Unreadable):
            report.unreadable.append(result.label)
            warnings = [f"unreadable: {result.reason}"]
            report.files.append({"path": result.label, "posts": [], "warnings": warnings, "dropped": []})
            continue
        pages.append(result.page)
        bodies += result.bodies

    bodies = _drop_duplicates(pages, bodies)
    posts = [post for page in pages for post in page.posts]
    unify_tags(posts)
    listed = load_topics(topics) if topics else Topics()
    if listed.problem:
        report.problems.append(listed.problem)
    for post, body in zip(posts, bodies, strict=True):
        respell(post, listed)
        suggest(post, body, listed)
    manifest = Manifest.load(out)
    if manifest.problem:
        report.problems.append(manifest.problem)
    assign_paths(posts, manifest, out)
    for folder in {relative_path(post).parent for post in posts}:
        (out / folder).mkdir(parents=True, exist_ok=True)
    deleted = {
        n
        for n, post in enumerate(posts)
        if not force and identity(post) in manifest.posts and not (out / relative_path(post)).exists()
    }
    _WRITING.update(posts=posts, bodies=bodies, out=out, force=force, deleted=deleted)
    try:
        # Writing is mostly waiting on the disk, so it gets twice the processes.
        written = iter(_parallel(_write_nth, range(len(posts)), 2 * workers, _MIN_POSTS_PER_WORKER))
    finally:
        _WRITING.clear()
    sections: list[str] = []
    sources = {label: path for path, label, _hint in jobs}
    for page in pages:
        entry = {
            "path": page.path,
            "kind": page.kind.value,
            "encoding": page.encoding,
            "posts": [],
            "warnings": list(page.warnings),
            "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in page.dropped],
            "notes": {},
        }
        for post in page.posts:
            path, status = next(written)
            outcome = Outcome(path, status, post)
            report.outcomes.append(outcome)
            entry["posts"].append(outcome.path)
            if post.notes:
                entry["notes"][outcome.path] = post.notes
        report.files.append(entry)
        if review is not None:
            from .review import page_html, raw_bytes

            paths = {
                n: f"{path} ({status})"
                for n, (path, status) in enumerate(
                    (o.path, o.status) for o in report.outcomes[-len(page.posts) :] if page.posts
                )
            }
            sections.append(page_html(page, raw_bytes(sources[page.path]), paths))
    if review is not None:
        from .review import write_review

        write_review(review, sorted(sections), f"Import review: {src}")
        report.review = str(review)
    report.files.sort(key=lambda f: f["path"])
    for outcome in report.outcomes:
        if outcome.status == "unreadable":
            report.problems.append(
                f"{out / outcome.path}: error: the existing post is not UTF-8 text, so it was left alone; "
                "save it as UTF-8 (or delete it to import it afresh)"
            )
        if outcome.status != "unreadable" and not manifest.problem:
            manifest.posts[identity(outcome.post)] = outcome.path
    if not manifest.problem:
        manifest.save()
    return report


def _drop_duplicates(pages: list[Page], bodies: list[str]) -> list[str]:
    """Exact duplicate posts (same title, date and body), within or across pages, are kept once."""
    seen: dict[tuple, str] = {}
    kept_bodies: list[str] = []
    index = 0
    for page in pages:
        kept = []
        repeats = 0
        for post in page.posts:
            body = bodies[index]
            index += 1
            # Undated copies are spaced a minute apart by their order, so only a stated date counts.
            stated_date = post.date.value if post.date and post.date.source is DateSource.EXPLICIT else None
            key = (post.title, stated_date, body)
            if key in seen:
                repeats += 1
                first = seen[key]
                continue
            seen[key] = f"{page.path} line {post.line}"
            kept.append(post)
            kept_bodies.append(body)
        if repeats:
            page.warnings.append(
                f"{repeats} post(s) repeat a post already read exactly (first: {first}); "
                "each is imported once"
            )
        page.posts = kept
    return kept_bodies


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _write(post: Post, out: Path, *, force: bool, body: str | None = None) -> Outcome:
    relative = relative_path(post)
    target = out / relative
    text = render(post, body)
    if target.exists():
        try:
            current = target.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            return Outcome(relative.as_posix(), "unreadable", post)
        if current == text:
            return Outcome(relative.as_posix(), "unchanged", post)
        if not force:
            return Outcome(relative.as_posix(), "kept", post)
        status = "overwritten"
    else:
        status = "written"
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so an interrupted run leaves no half file.
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    temporary.replace(target)
    return Outcome(relative.as_posix(), status, post)
