"""Step 8: write a Post as a Markdown file with YAML front matter."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

from .dates import stated_at
from .escape import escape_heading, escape_inline, escape_line
from .post import Block, BlockKind, DateSource, Post, Precision

# JSON string escapes are YAML double-quoted escapes too. JSON leaves these
# characters raw, but YAML reads them as line breaks or refuses them outright.
_YAML_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_str(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", quoted)


def relative_path(post: Post) -> PurePosixPath:
    if post.path:
        return PurePosixPath(post.path)
    year = str(post.year) if post.year else "undated"
    return PurePosixPath(year) / f"{post.slug}.md"


def front_matter(post: Post) -> list[str]:
    lines = [f"title: {yaml_str(post.title)}"]
    if post.date:
        lines.append(f"date: {post.date.value.isoformat()}")
        lines.append(f"date_source: {post.date.source.value}")
        if post.date.precision is not Precision.DAY:
            lines.append(f"date_precision: {post.date.precision.value}")
        if post.date.source is not DateSource.EXPLICIT:
            lines.append(f"date_evidence: {yaml_str(post.date.evidence)}")
    else:
        lines.append("status: draft  # no date could be found: set one, then remove this line")
    if post.draft_reason:
        if post.date:
            lines.append("status: draft  # the importer is unsure: check it, then remove this line")
        lines.append(f"draft_reason: {yaml_str(post.draft_reason)}")
        lines.append(f"import_confidence: {post.confidence:.2f}")
    if post.author:
        lines.append(f"author: {yaml_str(post.author)}")
    if post.category:
        lines.append(f"category: {yaml_str(post.category)}")
    if post.tags:
        lines.append("tags: [" + ", ".join(yaml_str(tag) for tag in post.tags) + "]")
    if post.suggested_tags:
        lines.append("suggested_tags: [" + ", ".join(yaml_str(tag) for tag in post.suggested_tags) + "]")
    if post.comments is not None:
        lines.append(f"comments: {post.comments}")
    if post.legacy_comments:
        lines.append("legacy_comments:")
        lines += legacy_comments(post)
    if post.comments_closed:
        lines.append("comments_closed: true")
    if post.source:
        lines.append(f"source: {yaml_str(post.source)}")
    if post.source_title:
        lines.append(f"source_title: {yaml_str(post.source_title)}")
    if post.summary:
        # Pelican reads the summary as Markdown, so it is escaped like the body.
        lines.append(f"summary: {yaml_str(escape_inline(post.summary))}")
    lines.append(f"slug: {yaml_str(post.slug)}")
    lines.append(f"imported_from: {yaml_str(post.source_path)}")
    if post.provenance:
        lines.append("provenance:")
        lines += [f"  {key}: {yaml_str(value)}" for key, value in post.provenance.items()]
    return lines


def legacy_comments(post: Post) -> list[str]:
    out = []
    for comment in post.legacy_comments:
        out.append(f"  - author: {yaml_str(comment.author)}")
        out.append(f"    date: {yaml_str(comment_date(comment)) if comment.date else 'null'}")
        text = "\n\n".join(escape_line(paragraph) for paragraph in comment.paragraphs)
        out.append(f"    text: {yaml_str(text)}")
        if comment.reply_to:
            out.append(f"    reply_to: {comment.reply_to}")
        if comment.place:
            out.append(f"    place: {yaml_str(comment.place)}")
    return out


def comment_date(comment) -> str:
    return stated_at(comment.date, DateSource.EXPLICIT, "").value.isoformat()


def render_block(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return "## " + escape_heading(block.items[0])
    if block.kind is BlockKind.LIST:
        return "\n".join("- " + escape_line(item) for item in block.items)
    if block.kind is BlockKind.ORDERED:
        return "\n".join(f"{n}. " + escape_line(item) for n, item in enumerate(block.items, start=1))
    if block.kind is BlockKind.TABLE:
        rows = [["" + escape_inline(cell).replace("|", "\\|") for cell in row] for row in block.items]
        width = max(len(row) for row in rows)
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * width)
        return "\n".join(lines)
    if block.kind is BlockKind.QUOTE:
        return "> " + escape_line(block.items[0])
    return escape_line(block.items[0])


def render_body(post: Post) -> str:
    return "\n\n".join(render_block(block) for block in post.blocks)


def render(post: Post, body: str | None = None) -> str:
    """The post's Markdown file; ``body`` is its already rendered body, if at hand."""
    head = "\n".join(["---", *front_matter(post), "---"])
    body = render_body(post) if body is None else body
    return f"{head}\n\n{body}\n" if body else f"{head}\n"
