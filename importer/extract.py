"""Step 4 applied: take each post's title, header and footer lines into a Post."""

from __future__ import annotations

from dataclasses import replace

from . import comments, metadata
from .body import is_capitals_label
from .dates import parse_date
from .post import Dropped, Heading, Line, Post
from .segment import Segments, title_like


def extract_posts(segments: Segments, path: str) -> tuple[list[Post], list[Dropped]]:
    """Posts with their metadata filled in and their body lines still raw."""
    if segments.cutting_header and segments.posts:
        return [_cutting_post(segments.cutting_header, segments.posts[0], path)], []
    dropped: list[Dropped] = []
    posts = []
    for position, lines in enumerate(segments.posts, start=1):
        post, consumed = _web_post(lines, path, position)
        dropped += consumed + _own_comments(post)
        posts.append(post)
    if posts and segments.preamble:
        _apply_preamble(posts[0], segments.preamble)
    for post in posts:
        if segments.heading:
            apply_heading(post, segments.heading)
    return posts, dropped


def _own_comments(post: Post) -> list[Dropped]:
    """The comments a listing shows under one of its posts (Weebly's blog page), under their
    own heading ("Comments (1)"): kept apart from the text, as a single post's are."""
    lines = post.body_lines
    section = comments.find_section(lines)
    if section is None or not section.comments or comments.section_heading(lines[section.start].text) is None:
        return []
    post.body_lines = lines[: section.start]
    post.legacy_comments = section.comments
    post.comments = post.comments if post.comments is not None else section.count
    taken = set(section.lines) | {d.line for d in section.dropped}
    dropped = list(section.dropped)
    dropped += [
        Dropped(line.number, line.text, "comment section furniture")
        for line in lines[section.start : section.end]
        if line.number not in taken
    ]
    # What follows the comments in this post's share of the page is the page's, not the post's.
    post.body_lines += lines[section.end :]
    return dropped


def apply_heading(post: Post, heading: Heading) -> None:
    if heading.kind == "tag":
        post.heading_tags.append(heading.value)
    elif heading.kind == "category" and post.category is None:
        post.category = heading.value
    elif heading.kind == "author" and post.author is None:
        post.author = heading.value
    elif heading.date and post.date is None:
        post.date = replace(heading.date)
    post.provenance["page_heading"] = heading.text


def _apply_preamble(post: Post, preamble: list[Line]) -> None:
    # One short label above a post's title is how many themes print its category.
    if len(preamble) == 1 and title_like(preamble[0], max_chars=40, max_words=5) and post.category is None:
        post.category = preamble[0].text
        label = preamble[0]
        post.notes.append(f"the label '{label.text}' above the title (line {label.number}) is its category")
    else:
        post.body_lines = preamble + post.body_lines
        post.notes.append("text above the title is kept at the top of the body")


def _web_post(lines: list[Line], path: str, position: int) -> tuple[Post, list[Dropped]]:
    from .single import date_heading, header_fact

    dated = header_fact(lines[0]) if len(lines) > 1 else None
    date_above = None
    if dated is not None and dated.date is not None and (title_like(lines[1]) or date_heading(lines, 0)):
        # Blogger prints a day's date above its first post's title.
        date_above, lines = lines[0], lines[1:]
    title, site = metadata.split_site_suffix(lines[0].text)
    post = Post(title=title, source_path=path, position=position, line=lines[0].number)
    if site:
        post.source = site
        post.notes.append(f"'| {site}' after the title names the publication")
    consumed: list[Dropped] = []
    if date_above is not None:
        _header_line(post, date_above, consumed)
        post.date_heading = True
    rest = list(lines[1:])
    while rest and _header_line(post, rest[0], consumed):
        rest.pop(0)
    post.title_bound = len(rest) < len(lines) - 1 or date_above is not None
    post.date_in_header = post.date is not None
    for line in rest[:3]:
        found = metadata.byline(line.text)
        if found and post.author is None:
            post.author = found.name
            if found.pure:
                consumed.append(Dropped(line.number, line.text, f"byline: author '{found.name}'"))
                rest.remove(line)
            break
    while rest and take_footer(post, rest[-1]):
        rest.pop()
    rest = take_trailer(post, rest)
    post.body_lines = rest
    return post, consumed


def take_trailer(post: Post, rest: list[Line]) -> list[Line]:
    """A date under the post's text, with its category packed under it: the post's own."""
    from .dates import stated_at
    from .post import DateSource
    from .segment import trailer_at
    from .single import header_fact

    for start in (len(rest) - 1, len(rest) - 2):
        if post.date is not None or start < 1 or trailer_at(rest, start) != len(rest) - 1:
            continue
        line = rest[start]
        post.date = stated_at(
            header_fact(line).date, DateSource.EXPLICIT, f"'{line.text}' (line {line.number})"
        )
        if start == len(rest) - 2:
            # Read as a list of several labels under a post is read: its tags.
            post.tags += [label for label in metadata.split_list(rest[-1].text) if label not in post.tags]
        return rest[:start]
    return rest


def _header_line(post: Post, line: Line, consumed: list[Dropped]) -> bool:
    from .dates import stated_at
    from .post import DateSource
    from .single import header_fact

    text = line.text
    fact = header_fact(line)
    if fact is not None and fact.date is not None:
        post.date = stated_at(fact.date, DateSource.EXPLICIT, f"'{text}' (line {line.number})")
        post.author = post.author or fact.author
        post.tags += [tag for tag in fact.tags if tag not in post.tags]
        if fact.comments is not None:
            post.comments = fact.comments
        return True
    posted = metadata.posted_line(text)
    if posted:
        when, author = posted
        post.date = metadata.explicit_date(when, f"'{text}' (line {line.number})")
        post.author = author or post.author
        return True
    when = parse_date(text)
    if when is not None and when.day is not None:
        post.date = metadata.explicit_date(when, f"'{text}' (line {line.number})")
        return True
    publication = metadata.original_publication(text)
    if publication:
        post.source = publication
        return True
    counted = metadata.footer_line(text) if post.date is not None else None
    if counted is not None and counted.comments is not None and not (counted.tags or counted.categories):
        # "1 Comment" under the post's date (Weebly): its count, in its header.
        post.comments = counted.comments
        return True
    found = metadata.byline(text)
    if found and found.pure:
        post.author = found.name
        if found.debris:
            consumed.append(Dropped(line.number, text, f"byline: author '{found.name}'"))
        return True
    labels = metadata.footer_line(text)
    if labels is not None and (labels.tags or labels.categories) and labels.comments is None:
        # "Category: Life" under the title (MySpace): the post's labels, in its header.
        metadata.apply_footer(post, labels)
        return True
    return False


def take_footer(post: Post, line: Line) -> bool:
    """A footer line under a post (tags, counts, source): read into the post, True if it was one."""
    text = line.text
    footer = metadata.footer_line(text)
    if footer:
        metadata.apply_footer(post, footer)
        return True
    tags = metadata.bare_tag_list(text)
    if tags:
        # Some themes print a post's tags with no label: "adoption, contact, social media".
        post.tags += [tag for tag in tags if tag not in post.tags]
        post.notes.append(f"the last line '{text}' (line {line.number}) is read as its tags")
        return True
    source = metadata.source_line(text)
    if source:
        _apply_source(post, source)
        return True
    publication = metadata.original_publication(text)
    if publication:
        post.source = publication
        return True
    counted = metadata.footer_line(text) if post.date is not None else None
    if counted is not None and counted.comments is not None and not (counted.tags or counted.categories):
        # "1 Comment" under the post's date (Weebly): its count, in its header.
        post.comments = counted.comments
        return True
    return False


def _apply_source(post: Post, value: str) -> None:
    title, site = metadata.split_site_suffix(value)
    if site:
        post.source_title, post.source = title, site
    elif len(value.split()) <= 5 and not value.startswith(("‘", "“", "'", '"')):
        post.source = value
    else:
        post.source_title = value


def _cutting_post(header: dict[str, str], lines: list[Line], path: str) -> Post:
    """A press cutting: standfirst, headline, section label, byline, body."""
    byline_at = next((i for i, line in enumerate(lines[:8]) if metadata.byline(line.text)), None)
    title_at = 0
    category = None
    if byline_at:
        title_at = byline_at - 1
        while title_at > 0 and is_capitals_label(lines[title_at].text):
            category = lines[title_at].text
            title_at -= 1
    post = Post(title=lines[title_at].text, source_path=path, position=1, line=lines[title_at].number)
    if byline_at is not None:
        post.author = metadata.byline(lines[byline_at].text).name
    if category:
        post.category = category.capitalize()
        post.notes.append(f"section label '{category}' is taken as the category")
    standfirst = lines[:title_at]
    if standfirst:
        post.summary = " ".join(line.text for line in standfirst)
        post.notes.append("the standfirst above the headline is the summary")
    when = parse_date(header.get("date", ""))
    if when is not None:
        post.date = metadata.explicit_date(when, f"cutting header 'Date: {header['date']}'")
        post.date_in_header = True
    post.source = header.get("source") or header.get("publication")
    for key in ("client", "page", "size", "value", "circulation", "edition", "section"):
        if header.get(key):
            post.provenance[f"cutting_{key}"] = header[key]
    post.body_lines = lines[(byline_at + 1 if byline_at is not None else title_at + 1) :]
    post.provenance["kind"] = "press cutting"
    return post
