"""The blog's topics for old posts: tags spelt as the topic list spells them,
and suggested topics for the posts the old blog left untagged.

The list is ``content/topics.yml``, the same one the author check enforces:
``topics:`` are the tags a post may use, ``signs:`` the words that suggest
each topic. A suggestion is only ever a suggestion: it goes into
``suggested_tags:``, which the check lists until an author moves the topics
that fit into ``tags:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .naming import tag_key
from .post import Post

TOPICS_NAME = "topics.yml"
# The most topics suggested for one post, the score a topic needs, and what a
# word in the title counts for against one in the body.
MOST_SUGGESTED = 3
ENOUGH = 2
TITLE_WEIGHT = 3


@dataclass
class Topics:
    spellings: dict[str, str] = field(default_factory=dict)  # tag key -> the list's spelling
    signs: dict[str, re.Pattern] = field(default_factory=dict)  # topic -> the words that suggest it
    problem: str | None = None  # why the list could not be read


def _pattern(words: Iterable[str]) -> re.Pattern:
    # Whole words, with an ending allowed ("foster" finds "fostered"); apostrophes as tag_key folds them.
    alternatives = sorted({tag_key(str(word)) for word in words if str(word).strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\w{0,3}\b")


def load_topics(path: Path) -> Topics:
    """The topic list at ``path``; empty (with the reason) when it is missing or unreadable."""
    if not path.is_file():
        return Topics()
    import yaml  # only when there is a list to read

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return Topics(problem=f"{path}: error: the topic list cannot be read ({error}); no topics suggested")
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, list):
        return Topics(problem=f"{path}: error: the topic list has no 'topics:' list; no topics suggested")
    found = Topics(spellings={tag_key(str(t)): str(t).strip() for t in topics if str(t).strip()})
    signs = data.get("signs") or {}
    for topic, words in signs.items() if isinstance(signs, dict) else []:
        spelling = found.spellings.get(tag_key(str(topic)))
        if spelling and isinstance(words, list) and words:
            found.signs[spelling] = _pattern(words)
    return found


def respell(post: Post, topics: Topics) -> None:
    """The post's tags as the list spells them (a tag not on the list is left for the check to report)."""
    post.tags = [topics.spellings.get(tag_key(tag), tag) for tag in post.tags]


def suggest(post: Post, body: str, topics: Topics) -> None:
    """Up to three topics for a post with no tags, from the words it uses most."""
    if post.tags or not topics.signs:
        return
    title, text = tag_key(post.title), tag_key(body)
    scores = {}
    for topic, pattern in topics.signs.items():
        score = TITLE_WEIGHT * len(pattern.findall(title)) + len(pattern.findall(text))
        if score >= ENOUGH:
            scores[topic] = score
    order = list(topics.signs)
    ranked = sorted(scores, key=lambda topic: (-scores[topic], order.index(topic)))
    post.suggested_tags = ranked[:MOST_SUGGESTED]
