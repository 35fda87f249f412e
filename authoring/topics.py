"""The topic vocabulary: the tags posts may use, one spelling each.

``content/topics.yml`` lists the topics. A tag must be one of them, written as
the list writes it; ``suggested_tags`` (topics the importer proposes for an old
post) are listed as notes until an author accepts them by moving them into
``tags``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from pelican.settings import DEFAULT_CONFIG

from importer.naming import tag_key
from plugins.yaml_front_matter.yaml_front_matter import sluggable

from .frontmatter import Post
from .problems import Note, Problem, Severity

VOCABULARY = "topics.yml"


def load_vocabulary(content: Path) -> tuple[dict[str, str] | None, list[Problem]]:
    """Topic key -> its spelling, or None when the blog has no topic list."""
    path = content / VOCABULARY
    if not path.is_file():
        return None, []
    fix = f"write {path} as a list under 'topics:', one topic per line starting with '- '"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(str(path), mark.line + 1 if mark else None, Severity.ERROR, str(error), fix)]
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, list) or not all(isinstance(t, str) and t.strip() for t in topics):
        return None, [Problem(str(path), 1, Severity.ERROR, "the topic list is not a list of topics", fix)]
    vocabulary: dict[str, str] = {}
    problems = []
    for topic in topics:
        key = tag_key(topic)
        if key in vocabulary:
            problems.append(
                Problem(
                    str(path),
                    None,
                    Severity.ERROR,
                    f"the topic “{topic}” is listed twice (also as “{vocabulary[key]}”)",
                    "keep one spelling",
                )
            )
        vocabulary.setdefault(key, topic.strip())
    return vocabulary, problems


def check_topics(posts: list[Post], vocabulary: dict[str, str] | None) -> list[Problem]:
    """Tags outside the list, or spelt otherwise than it spells them; suggestions not yet accepted."""
    if vocabulary is None:
        return []
    # A tag spelt two ways across posts is already reported, with the list's spelling.
    spellings: dict[str, set[str]] = {}
    for post in posts:
        tags = post.meta.get("tags") if not post.error else None
        for tag in tags if isinstance(tags, list) else []:
            if isinstance(tag, str):
                spellings.setdefault(tag_key(tag), set()).add(tag)
    spelt_elsewhere = {key for key, seen in spellings.items() if len(seen) > 1}
    found = []
    listed = ", ".join(f"“{t}”" for t in sorted(vocabulary.values(), key=str.casefold))
    for post in posts:
        if post.error:
            continue
        tags = post.meta.get("tags")
        for tag in tags if isinstance(tags, list) else []:
            # A tag with no letters or digits is refused already, with what to do.
            if not isinstance(tag, str) or not tag.strip() or not sluggable(tag, DEFAULT_CONFIG):
                continue
            key = tag_key(tag)
            usual = vocabulary.get(key)
            if usual is None:
                close = difflib.get_close_matches(key, vocabulary, n=1, cutoff=0.75)
                hint = f"did you mean “{vocabulary[close[0]]}”? " if close else ""
                found.append(
                    Problem(
                        str(post.path),
                        post.line_of("tags"),
                        Severity.ERROR,
                        f"the tag “{tag}” is not one of the blog’s topics",
                        f"{hint}use a topic from content/{VOCABULARY} ({listed}), "
                        "or add it there and have it reviewed",
                    )
                )
            elif usual != tag and key not in spelt_elsewhere:
                found.append(
                    Problem(
                        str(post.path),
                        post.line_of("tags"),
                        Severity.ERROR,
                        f"the tag “{tag}” is spelled “{usual}” in the topic list",
                        f"write it as “{usual}”",
                    )
                )
        suggested = post.meta.get("suggested_tags")
        if suggested:
            names = ", ".join(f"“{s}”" for s in suggested) if isinstance(suggested, list) else repr(suggested)
            found.append(
                Problem(
                    str(post.path),
                    post.line_of("suggested_tags"),
                    Severity.NOTE,
                    f"suggested topics not yet accepted: {names}",
                    "move the ones that fit into tags: and delete the suggested_tags line",
                    Note.SUGGESTED,
                )
            )
    return found
