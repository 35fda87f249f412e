"""Starting a new post: one Markdown file with complete front matter."""

from __future__ import annotations

import difflib
import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from importer.naming import tag_key
from importer.render import yaml_str
from plugins.yaml_front_matter.yaml_front_matter import cut_slug

from .checks import post_slug
from .frontmatter import Post, read_post
from .topics import VOCABULARY, load_vocabulary

LONDON = ZoneInfo("Europe/London")
PLACEHOLDER = """Write your post here, in plain paragraphs separated by a blank line.

## A subheading, if you want one

- a list item
- another

When it is ready, run the check, remove the "status: draft" line, and publish.
"""


class NewPostError(Exception):
    """What stops a new post, and what to do (``where`` is the file or folder it is about)."""

    def __init__(self, message: str, fix: str, where: str = "content/posts"):
        super().__init__(message)
        self.message, self.fix, self.where = message, fix, where


def _regular(path: Path) -> bool:
    # As the check and the build: a link, a pipe or a folder named *.md is not a post.
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _spelled(tags: list[str], content: Path, existing: list[Post]) -> tuple[list[str], list[str]]:
    """The tags as the topic list (or, without one, the other posts) spells them; notes on changes."""
    vocabulary, broken = load_vocabulary(content)
    known: dict[str, str] = {}
    if vocabulary is not None and not broken:
        known = vocabulary
        where = "the topic list"
    else:
        where = "other posts"
        for post in existing:
            for tag in post.meta.get("tags") or [] if not post.error else []:
                if isinstance(tag, str):
                    known.setdefault(tag_key(tag), tag)
    notes, chosen = [], []
    for tag in tags:
        spelling = known.get(tag_key(tag))
        if spelling is None and known is vocabulary:
            listed = ", ".join(f"“{t}”" for t in sorted(vocabulary.values(), key=str.casefold))
            # As the check says it.
            close = difflib.get_close_matches(tag_key(tag), vocabulary, n=1, cutoff=0.75)
            hint = f"did you mean “{vocabulary[close[0]]}”? " if close else ""
            raise NewPostError(
                f"the tag “{tag}” is not one of the blog’s topics",
                f"{hint}use topics from the list ({listed}), "
                f"or add it to content/{VOCABULARY} and have it reviewed",
                f"content/{VOCABULARY}",
            )
        spelling = spelling or tag
        if spelling != tag:
            notes.append(f"tag “{tag}” written as “{spelling}”, the spelling {where} uses")
        if spelling not in chosen:
            chosen.append(spelling)
    return chosen, notes


def new_post(
    content: Path,
    title: str,
    *,
    tags: list[str] | None = None,
    author: str | None = None,
    now: datetime | None = None,
) -> tuple[Path, list[str]]:
    """Write ``content/posts/YYYY/slug.md``; return its path and notes for the author."""
    title = title.strip()
    if not title:
        raise NewPostError("the post has no title", 'give it one: .venv/bin/invoke new "My title"')
    when = (now or datetime.now(LONDON)).astimezone(LONDON).replace(microsecond=0)
    existing = [read_post(p) for p in sorted(content.rglob("*.md")) if _regular(p)]
    # A long title's address is cut at a word; the slug line keeps it.
    slug = cut_slug(post_slug(Post(Path("new.md"), meta={"title": title})))
    if not slug:
        # The file would be named ".md": hidden, and never built.
        raise NewPostError(
            f"the title {title!r} has no letters or numbers to make the post's address from",
            'give it a title with words in it: .venv/bin/invoke new "My title"',
        )
    for post in existing:
        if not post.error and post_slug(post) == slug:
            raise NewPostError(
                f"the address '{slug}' is already used by {post.path}",
                "choose a different title",
                str(post.path),
            )
    path = content / "posts" / f"{when:%Y}" / f"{slug}.md"
    if path.exists() or path.is_symlink():
        raise NewPostError(f"{path} already exists", "choose a different title", str(path))
    chosen, notes = _spelled(tags or [], content, existing)

    # The address is fixed from the start, as on WordPress: editing the title later does not move it.
    lines = [
        "---",
        f"title: {yaml_str(title)}",
        f"slug: {yaml_str(slug)}",
        f"date: {when.isoformat()}",
        "status: draft",
    ]
    if author:
        lines.append(f"author: {yaml_str(author)}")
    lines.append("tags: [" + ", ".join(yaml_str(t) for t in chosen) + "]")
    lines += ["---", "", PLACEHOLDER]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines))
    return path, notes
