"""A synthetic blog shaped like the real one, deterministic from a seed.

The words, paragraph lengths, lists, subheadings, tags per post and spread of
dates are drawn from what ``content/posts/`` holds, so a benchmark on 5,000
posts exercises the same code paths in the same proportions as the real blog.
The same posts are written three ways: as our Markdown with YAML front matter,
as Pelican's own Markdown metadata (for vanilla Pelican), and as raw WordPress
monthly archive pages for the importer.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

LONDON = ZoneInfo("Europe/London")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


@dataclass
class Profile:
    words: list[str]
    weights: list[int]
    paragraph_words: list[int]
    paragraphs_per_post: list[int]
    heading_share: float
    list_share: float
    tags: list[str]
    tags_per_post: list[int]
    comments: list[int] = field(default_factory=list)


def profile(posts_dir: Path) -> Profile:
    words: Counter[str] = Counter()
    paragraph_words, paragraphs, tags_per_post, comments = [], [], [], []
    tags: Counter[str] = Counter()
    blocks = headings = lists = 0
    for path in sorted(posts_dir.rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        tags.update(meta.get("tags", []))
        tags_per_post.append(len(meta.get("tags", [])))
        comments.append(meta.get("comments", 0))
        count = 0
        for block in body.strip().split("\n\n"):
            blocks += 1
            if block.startswith("## "):
                headings += 1
                continue
            if block.startswith("- "):
                lists += 1
                continue
            text = re.sub(r"\\(.)", r"\1", block)
            tokens = text.split()
            words.update(tokens)
            paragraph_words.append(len(tokens))
            count += 1
        paragraphs.append(count)
    vocabulary = [w for w, _ in words.most_common()]
    return Profile(
        words=vocabulary,
        weights=[words[w] for w in vocabulary],
        paragraph_words=paragraph_words,
        paragraphs_per_post=paragraphs,
        heading_share=headings / blocks,
        list_share=lists / blocks,
        tags=sorted(tags) + [f"topic {i}" for i in range(40)],
        tags_per_post=tags_per_post,
        comments=comments,
    )


@dataclass
class SynthPost:
    title: str
    slug: str
    date: datetime
    tags: list[str]
    comments: int
    blocks: list[tuple[str, str]]  # (kind, text): paragraph, heading, list


def generate(prof: Profile, n: int, seed: int = 1) -> list[SynthPost]:
    rng = random.Random(seed)
    start = datetime(2009, 1, 1, 12, tzinfo=LONDON)
    span = (datetime(2026, 1, 1, tzinfo=LONDON) - start).total_seconds()
    cumulative = []
    total = 0
    for weight in prof.weights:
        total += weight
        cumulative.append(total)

    def sentence(k: int) -> str:
        chosen = rng.choices(prof.words, cum_weights=cumulative, k=k)
        return " ".join(chosen)

    posts = []
    for i in range(n):
        title = sentence(rng.randint(3, 9)).strip(".,;:") or "Untitled"
        blocks: list[tuple[str, str]] = []
        for _ in range(max(1, rng.choice(prof.paragraphs_per_post))):
            roll = rng.random()
            if roll < prof.heading_share:
                blocks.append(("heading", sentence(rng.randint(2, 6)).strip(".,;:")))
            elif roll < prof.heading_share + prof.list_share:
                blocks.append(
                    ("list", "\n".join(sentence(rng.randint(4, 12)) for _ in range(rng.randint(2, 5))))
                )
            blocks.append(("paragraph", sentence(max(3, rng.choice(prof.paragraph_words)))))
        when = start + timedelta(seconds=int(rng.random() * span))
        tags = rng.sample(prof.tags, k=min(len(prof.tags), max(1, rng.choice(prof.tags_per_post))))
        posts.append(SynthPost(title, f"post-{i:05d}", when, tags, rng.choice(prof.comments), blocks))
    return posts


def _escape(text: str) -> str:
    from importer.escape import escape_line

    return escape_line(text)


def _body(post: SynthPost) -> str:
    out = []
    for kind, text in post.blocks:
        if kind == "heading":
            out.append("## " + _escape(text))
        elif kind == "list":
            out.append("\n".join("- " + _escape(line) for line in text.split("\n")))
        else:
            out.append(_escape(text))
    return "\n\n".join(out) + "\n"


def write_ours(posts: list[SynthPost], content: Path) -> None:
    from importer.render import yaml_str

    for post in posts:
        path = content / "posts" / f"{post.date:%Y}" / f"{post.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        head = [
            "---",
            f"title: {yaml_str(post.title)}",
            f"date: {post.date.isoformat()}",
            "tags: [" + ", ".join(yaml_str(t) for t in post.tags) + "]",
            f"comments: {post.comments}",
            f"slug: {post.slug}",
            "---",
            "",
        ]
        path.write_text("\n".join(head) + _body(post), encoding="utf-8")


def write_vanilla(posts: list[SynthPost], content: Path) -> None:
    for post in posts:
        path = content / "posts" / f"{post.date:%Y}" / f"{post.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        head = [
            f"Title: {post.title}",
            f"Date: {post.date:%Y-%m-%d %H:%M}",
            f"Tags: {', '.join(post.tags)}",
            f"Slug: {post.slug}",
            "",
        ]
        path.write_text("\n".join(head) + "\n" + _body(post), encoding="utf-8")


def write_raw(posts: list[SynthPost], raw: Path) -> None:
    """Monthly archive pages, newest first, with WordPress footers."""
    raw.mkdir(parents=True, exist_ok=True)
    months: dict[tuple[int, int], list[SynthPost]] = {}
    for post in posts:
        months.setdefault((post.date.year, post.date.month), []).append(post)
    for (year, month), group in sorted(months.items()):
        lines = [f"Monthly Archives: {MONTHS[month - 1]}, {year}", ""]
        for post in sorted(group, key=lambda p: p.date, reverse=True):
            lines += [post.title, ""]
            for kind, text in post.blocks:
                if kind == "list":
                    lines += ["  • " + item for item in text.split("\n")]
                else:
                    lines.append(text)
                lines.append("")
            label = "Leave a comment" if post.comments == 0 else f"{post.comments} Comments"
            lines += [label, "", "Filed under " + ", ".join(post.tags), ""]
        (raw / f"{year}-{month:02d}.txt").write_text("\n".join(lines), encoding="utf-8")
