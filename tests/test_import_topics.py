"""The importer and the blog's topic list: tags spelt as it spells them, suggestions for the untagged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from importer.pipeline import import_archive
from tests.conftest import ROOT

TOPICS = """topics:
  - fostering
  - courts
  - children’s social work
signs:
  fostering: [foster, foster carer]
  courts: [court, judge, cafcass]
"""

PAGE = """Tag Archives: Children's Social Work

A long week at court

Posted on 3 March 2012 by Sam Reid

The judge adjourned again. Cafcass had not filed, and the court list ran late.
We waited outside court two until four.

Filed under Children's social work

Fostering panel thoughts

Posted on 1 March 2012 by Sam Reid

Panel approved two new foster carers. Fostering is hard; fostered children
deserve carers who stay.

Filed under Children's social work

The weather

Posted on 28 February 2012 by Sam Reid

It rained all week and the car park flooded.

Filed under Children's social work
"""


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


UNTAGGED = PAGE.replace("Tag Archives: Children's Social Work\n\n", "").replace(
    "Filed under Children's social work\n", "Leave a comment\n"
)


def _import(tmp_path: Path, topics: str | None, page: str = PAGE) -> tuple[dict[str, dict], dict]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "page.txt").write_text(page, encoding="utf-8")
    listed = None
    if topics is not None:
        listed = tmp_path / "topics.yml"
        listed.write_text(topics, encoding="utf-8")
    report = import_archive(raw, out, label_root=tmp_path, workers=1, topics=listed).as_dict()
    return {m["title"]: m for m in map(_front, out.rglob("*.md"))}, report


def test_tags_are_spelt_as_the_topic_list_spells_them(tmp_path):
    posts, report = _import(tmp_path, TOPICS)
    assert {title: m.get("tags") for title, m in posts.items()} == {
        "A long week at court": ["children’s social work"],
        "Fostering panel thoughts": ["children’s social work"],
        "The weather": ["children’s social work"],
    }
    # Tagged posts get no suggestion.
    assert all("suggested_tags" not in m for m in posts.values())
    assert not report["problems"]


def test_untagged_posts_get_the_topics_their_words_suggest(tmp_path):
    posts, report = _import(tmp_path, TOPICS, UNTAGGED)
    assert posts["A long week at court"]["suggested_tags"] == ["courts"]
    assert posts["Fostering panel thoughts"]["suggested_tags"] == ["fostering"]
    assert "suggested_tags" not in posts["The weather"]  # nothing on the list fits
    assert all("tags" not in m for m in posts.values())
    assert not report["problems"]


def test_without_a_topic_list_tags_are_kept_as_written(tmp_path):
    posts, _ = _import(tmp_path, None)
    assert posts["A long week at court"]["tags"] == ["Children's social work"]
    assert all("suggested_tags" not in m for m in posts.values())


def test_an_unreadable_topic_list_is_reported_and_the_import_goes_on(tmp_path):
    posts, report = _import(tmp_path, "topics: [unclosed\n")
    assert len(posts) == 3
    assert any("topics.yml: error: the topic list cannot be read" in p for p in report["problems"])


def test_the_blogs_topic_list_suggests_only_its_own_topics():
    listed = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))
    assert set(listed["signs"]) <= set(listed["topics"])
    for path in (ROOT / "content" / "posts").rglob("*.md"):
        meta = _front(path)
        assert set(meta.get("suggested_tags", [])) <= set(listed["topics"]), path
        assert not (meta.get("tags") and meta.get("suggested_tags")), path


def test_the_command_reads_the_blogs_topic_list_by_default(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_text(PAGE, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "importer", "--src", str(raw), "--out", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    posts = {m["title"]: m for m in map(_front, (tmp_path / "out").rglob("*.md"))}
    assert posts["A long week at court"]["tags"] == ["children’s social work"]
