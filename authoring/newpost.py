"""Starting a new post: one Markdown file with complete front matter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from importer.naming import tag_key
from importer.render import yaml_str

from .checks import post_slug
from .frontmatter import Post, read_post

LONDON = ZoneInfo("Europe/London")
PLACEHOLDER = """Write your post here, in plain paragraphs separated by a blank line.

## A subheading, if you want one

- a list item
- another

When it is ready, run the check, remove the "status: draft" line, and publish.
"""


class NewPostError(Exception):
    pass


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
        raise NewPostError('give the post a title: invoke new "My title"')
    when = (now or datetime.now(LONDON)).astimezone(LONDON).replace(microsecond=0)
    existing = [read_post(p) for p in sorted(content.rglob("*.md"))]
    slug = post_slug(Post(Path("new.md"), meta={"title": title}))
    if not slug:
        # The file would be named ".md": hidden, and never built.
        raise NewPostError(
            f"the title {title!r} has no letters or numbers to make the post's address from; "
            'give it a title with words in it: invoke new "My title"'
        )
    for post in existing:
        if not post.error and post_slug(post) == slug:
            raise NewPostError(
                f"the address '{slug}' is already used by {post.path}; choose a different title"
            )
    path = content / "posts" / f"{when:%Y}" / f"{slug}.md"
    if path.exists():
        raise NewPostError(f"{path} already exists; choose a different title")

    known = {}
    for post in existing:
        for tag in post.meta.get("tags") or [] if not post.error else []:
            if isinstance(tag, str):
                known.setdefault(tag_key(tag), tag)
    notes, chosen = [], []
    for tag in tags or []:
        spelling = known.get(tag_key(tag), tag)
        if spelling != tag:
            notes.append(f"tag “{tag}” written as “{spelling}”, the spelling other posts use")
        if spelling not in chosen:
            chosen.append(spelling)

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
