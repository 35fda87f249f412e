"""The topic vocabulary: tags from one reviewed list, one spelling each."""

from __future__ import annotations

from pathlib import Path

import yaml

from authoring.checks import check_content
from authoring.problems import Severity
from tests.conftest import ROOT

POST = """\
---
title: "{title}"
date: 2020-01-02T12:00:00+00:00
tags: {tags}
{extra}---

Some text.
"""


def _write(project: Path, name: str, title: str, tags: str, extra: str = "") -> None:
    path = project / "content" / "posts" / "2020" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POST.format(title=title, tags=tags, extra=extra), encoding="utf-8")


def _found(project: Path) -> list[str]:
    return [p.format() for p in check_content(project / "content")]


def test_every_real_tag_is_a_topic_in_its_one_spelling():
    topics = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))["topics"]
    used = set()
    for path in (ROOT / "content" / "posts").rglob("*.md"):
        used |= set(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1]).get("tags", []))
    assert used and used <= set(topics)
    # The site's own name spells the apostrophe curly; so do its topics.
    assert "children’s social work" in used and not any("'" in t for t in topics)


def test_tags_outside_the_list_or_spelt_otherwise_are_errors(project_copy):
    _write(project_copy, "new-topic.md", "New topic", '["fostering", "knitting"]')
    _write(project_copy, "straight.md", "Straight", '["children\'s social work"]')
    found = _found(project_copy)
    assert any(
        "new-topic.md:4: error: the tag “knitting” is not one of the blog’s topics" in f
        and "content/topics.yml" in f
        for f in found
    ), found
    # The straight apostrophe is one post's spelling; the other posts and the list agree.
    straight = [f for f in found if "straight.md" in f]
    assert len(straight) == 1 and "write it as “children’s social work”" in straight[0]
    assert not [f for f in found if "the tag “fostering”" in f]


def test_a_near_miss_gets_a_suggestion(project_copy):
    _write(project_copy, "typo.md", "Typo", '["fosterring"]')
    (found,) = [f for f in _found(project_copy) if "typo.md" in f]
    assert "did you mean “fostering”?" in found


def test_suggested_topics_are_listed_until_accepted(project_copy):
    _write(
        project_copy, "suggested.md", "Suggested", '["fostering"]', 'suggested_tags: ["courts", "adoption"]\n'
    )
    problems = [p for p in check_content(project_copy / "content") if "suggested.md" in p.path]
    assert [(p.severity, p.line) for p in problems] == [(Severity.NOTE, 5)]
    assert "“courts”, “adoption”" in problems[0].message


def test_kept_comments_are_privacy_scanned(project_copy):
    extra = 'legacy_comments:\n  - author: "A reader"\n    text: "Call me on 07700 900123."\n'
    _write(project_copy, "comment.md", "Comment", '["fostering"]', extra)
    problems = [p for p in check_content(project_copy / "content") if "comment.md" in p.path]
    assert [(p.severity, p.line) for p in problems] == [(Severity.WARNING, 5)]
    assert "phone" in problems[0].message


def test_a_broken_topic_list_names_its_file(project_copy):
    (project_copy / "content" / "topics.yml").write_text("topics: [unclosed\n", encoding="utf-8")
    found = _found(project_copy)
    assert any(f.startswith(str(project_copy / "content" / "topics.yml")) and "error" in f for f in found)
