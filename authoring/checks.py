"""The content rules: everything that is wrong with the posts, found at once."""

from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from importer.naming import tag_key
from plugins.yaml_front_matter.yaml_front_matter import FRONT_MATTER_FIX, refusals

from . import schema, topics
from .frontmatter import Post, read_post
from .hints import check_hints
from .privacy import review as privacy_review
from .problems import Problem, Severity

KNOWN_KEYS = schema.known_keys()
STATUSES = {"published", "draft"}


def _problem(post: Post, key: str | None, severity: Severity, message: str, fix: str) -> Problem:
    line = post.line_of(key) if key else None
    return Problem(str(post.path), line, severity, message, fix)


def check_post(post: Post, cache: privacy_review.ScanCache | None = None) -> list[Problem]:
    if post.error:
        return [
            Problem(
                str(post.path),
                post.error_line,
                Severity.ERROR,
                post.error,
                post.error_fix or FRONT_MATTER_FIX,
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
    if title is None or (isinstance(title, str) and not title.strip()):
        found.append(
            _problem(
                post,
                "title" if "title" in meta else None,
                Severity.ERROR,
                "the post has no title",
                'add a line: title: "Your title"',
            )
        )
    if meta.get("date") is None and meta.get("status") != "draft":
        found.append(
            _problem(
                post,
                "date" if "date" in meta else None,
                Severity.ERROR,
                "the post has no date",
                "add a line: date: 2026-11-22T09:30:00+00:00",
            )
        )
    # The same rules, and words, as the build's.
    found += [_problem(post, r.key, Severity.ERROR, r.message, r.fix) for r in refusals(meta, DEFAULT_CONFIG)]
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
    found += _privacy(post, cache or privacy_review.ScanCache(None))
    return found


def _privacy(post: Post, cache: privacy_review.ScanCache) -> list[Problem]:
    return privacy_review.problems(post, cache)


def post_slug(post: Post) -> str:
    slug = post.meta.get("slug")
    if isinstance(slug, str) and slug.strip():
        return slug.strip()
    return slugify(str(post.meta.get("title", "")), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def check_across(posts: list[Post], vocabulary: dict[str, str] | None = None) -> list[Problem]:
    """Rules about posts together: one slug each, one spelling per tag."""
    found: list[Problem] = []
    by_slug: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        # An empty slug is reported on its own post.
        if not post.error and post.meta.get("title") and post_slug(post):
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
        usual = (vocabulary or {}).get(tag_key(next(iter(variants)))) or max(
            variants, key=lambda s: (len(variants[s]), "’" not in s)
        )
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


def _settings(content: Path) -> dict:
    from pelican.settings import read_settings

    conf = content.parent / "pelicanconf.py"
    settings = read_settings(str(conf)) if conf.is_file() else dict(DEFAULT_CONFIG)
    settings["PATH"] = str(content)
    return settings


def check_files(content: Path, settings: dict | None = None) -> list[Problem]:
    """Files in the content folder that the build refuses or leaves out, as the build decides."""
    from plugins.safe_sources.safe_sources import survey_settings

    return [
        Problem(str(r.path), None, Severity.ERROR, r.message, r.fix)
        for r in survey_settings(settings or _settings(content)).refused
    ]


def _static(path: Path, content: Path, settings: dict) -> bool:
    # A .md file among the static files is copied as it is, never read as a post.
    parts = path.relative_to(content).parts
    return any(
        tuple(Path(folder).parts) == parts[: len(Path(folder).parts)] for folder in settings["STATIC_PATHS"]
    )


def check_content(content: Path) -> list[Problem]:
    settings = _settings(content)
    refused = check_files(content, settings)
    # A refused file is never built; one linked from outside is not even read.
    skip = {problem.path for problem in refused}
    posts = [
        read_post(path)
        for path in sorted(content.rglob("*.md"))
        if str(path) not in skip and not _static(path, content, settings)
    ]
    # Only posts whose text changed since the last check are scanned again.
    cache = privacy_review.ScanCache(content.parent / "cache" / "privacy-scan.json")
    cache.prefetch([text for post in posts for text in privacy_review.texts_to_scan(post)])
    found = [problem for post in posts for problem in check_post(post, cache)]
    cache.save()
    vocabulary, found_in_list = topics.load_vocabulary(content)
    return (
        refused
        + found
        + found_in_list
        + check_across(posts, vocabulary)
        + topics.check_topics(posts, vocabulary)
        + check_hints(content)
    )
