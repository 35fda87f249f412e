"""The content rules: everything that is wrong with the posts, found at once."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from importer.naming import tag_key

from . import privacy
from .frontmatter import IMPORTER_KEYS, Post, read_post
from .hints import check_hints
from .problems import Problem, Severity

KNOWN_KEYS = {
    "title": "the post's title",
    "date": "when it was published, e.g. 2026-11-22T09:30:00+00:00",
    "modified": "when it was last changed, written like date",
    "status": "published (the default) or draft",
    "author": "who wrote it",
    "category": "one broad section",
    "tags": 'a list, e.g. ["fostering", "courts"]',
    "summary": "a sentence shown on list pages",
    "slug": "the last part of the post's address",
    "comments": "the old blog's comment count (a whole number)",
    "comments_closed": "true when the old blog had closed comments",
    "source": "where a repost was first published",
    "source_title": "the original piece's title",
    "date_source": "explicit, archive or inferred (set by the importer)",
    "date_precision": "day, month or year (set by the importer)",
    "date_evidence": "why the importer chose the date",
    "imported_from": "the raw archive file the post came from",
    "provenance": "facts from the raw archive page",
    "privacy_reviewed": "true once someone has checked the privacy warnings",
    **IMPORTER_KEYS,
}
STATUSES = {"published", "draft"}
_FULL_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
DATE_FIX = "write the full date, year first: 2026-11-22T09:30:00+00:00 (or just 2026-11-22)"


def _problem(post: Post, key: str | None, severity: Severity, message: str, fix: str) -> Problem:
    line = post.line_of(key) if key else None
    return Problem(str(post.path), line, severity, message, fix)


def check_post(post: Post) -> list[Problem]:
    if post.error:
        return [
            Problem(
                str(post.path),
                post.error_line,
                Severity.ERROR,
                post.error,
                "compare the lines between the two '---' lines with the example in the README; "
                'each line is "key: value", and text with a colon in it goes in double quotes',
            )
        ]
    meta, found = post.meta, []
    for key in meta:
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            found.append(
                _problem(
                    post,
                    key,
                    Severity.ERROR,
                    f"unknown front-matter key '{key}'",
                    f"{hint}known keys are listed in the README",
                )
            )
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        found.append(
            _problem(
                post,
                "title" if "title" in meta else None,
                Severity.ERROR,
                "the post has no title",
                'add a line: title: "Your title"',
            )
        )
    found += _check_date(post, "date", required=meta.get("status") != "draft")
    if "modified" in meta:
        found += _check_date(post, "modified", required=True)
    comments = meta.get("comments")
    if "comments" in meta and (isinstance(comments, bool) or not isinstance(comments, int) or comments < 0):
        found.append(
            _problem(
                post,
                "comments",
                Severity.ERROR,
                f"comments must be a whole number, not {comments!r}",
                "write a number such as comments: 3, or remove the line",
            )
        )
    status = meta.get("status", "published")
    if status not in STATUSES:
        found.append(
            _problem(
                post,
                "status",
                Severity.ERROR,
                f"status must be published or draft, not {status!r}",
                "write status: draft while you work on it; remove the line to publish",
            )
        )
    tags = meta.get("tags", [])
    if "tags" in meta and (
        not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags)
    ):
        found.append(
            _problem(
                post,
                "tags",
                Severity.ERROR,
                "tags must be a list of words or phrases",
                'write tags: ["fostering", "courts"]',
            )
        )
    found += _privacy(post)
    return found


def _check_date(post: Post, key: str, *, required: bool) -> list[Problem]:
    value = post.meta.get(key)
    if value is None:
        if not required:
            return []
        return [
            _problem(
                post,
                key if key in post.meta else None,
                Severity.ERROR,
                f"the post has no {key}",
                f"add a line: {key}: 2026-11-22T09:30:00+00:00",
            )
        ]
    if isinstance(value, datetime | date):
        return []
    if isinstance(value, str) and _FULL_DATE.match(value.strip()):
        try:
            datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return []
        except ValueError:
            pass
    return [
        _problem(
            post,
            key,
            Severity.ERROR,
            f"the {key} {str(value)!r} is not a complete date (Pelican would guess the missing parts)",
            DATE_FIX,
        )
    ]


def _privacy(post: Post) -> list[Problem]:
    text = "\n".join([str(post.meta.get("title", "")), str(post.meta.get("summary", ""))])
    findings = privacy.scan(post.body, post.body_line) + [
        privacy.Finding(post.line_of("title"), f.kind, f.text) for f in privacy.scan(text)
    ]
    reviewed = post.meta.get("privacy_reviewed") is True
    severity = Severity.NOTE if reviewed else Severity.WARNING
    fix = (
        "already reviewed (privacy_reviewed: true); look again if the post has changed"
        if reviewed
        else "make sure it cannot identify a child, a family or a colleague: remove or change it; "
        "when it is safe, add privacy_reviewed: true to the front matter"
    )
    return [
        Problem(str(post.path), f.line, severity, f"possible {f.kind}: “{f.text}”", fix) for f in findings
    ]


def post_slug(post: Post) -> str:
    slug = post.meta.get("slug")
    if isinstance(slug, str) and slug.strip():
        return slug.strip()
    return slugify(str(post.meta.get("title", "")), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def check_across(posts: list[Post]) -> list[Problem]:
    """Rules about posts together: one slug each, one spelling per tag."""
    found: list[Problem] = []
    by_slug: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        if not post.error and post.meta.get("title"):
            by_slug[post_slug(post)].append(post)
    for slug, same in by_slug.items():
        if len(same) > 1:
            others = ", ".join(str(p.path) for p in same)
            for post in same:
                found.append(
                    _problem(
                        post,
                        "slug" if "slug" in post.meta else "title",
                        Severity.ERROR,
                        f"the slug '{slug}' (its address) is used by {len(same)} posts: {others}",
                        "give this post a different title, or add a line slug: a-different-slug",
                    )
                )

    spellings: dict[str, dict[str, list[Post]]] = defaultdict(lambda: defaultdict(list))
    for post in posts:
        tags = post.meta.get("tags") if not post.error else None
        if isinstance(tags, list):
            for tag in tags:
                if isinstance(tag, str):
                    spellings[tag_key(tag)][tag].append(post)
    for variants in spellings.values():
        if len(variants) < 2:
            continue
        usual = max(variants, key=lambda s: (len(variants[s]), "’" not in s))
        listing = ", ".join(f"“{s}” ({len(p)} post{'s' if len(p) != 1 else ''})" for s, p in variants.items())
        for spelling, users in variants.items():
            if spelling != usual:
                for post in users:
                    found.append(
                        _problem(
                            post,
                            "tags",
                            Severity.ERROR,
                            f"the tag “{spelling}” is spelled differently elsewhere: {listing}",
                            f"write it as “{usual}”, like the other posts",
                        )
                    )
    return found


def check_content(content: Path) -> list[Problem]:
    posts = [read_post(path) for path in sorted(content.rglob("*.md"))]
    found = [problem for post in posts for problem in check_post(post)]
    return found + check_across(posts) + check_hints(content)
