"""Scoring the importer on the invented corpus, field by field.

``tests/corpus/pages/<name>.txt`` holds a page; ``<name>.expect.yaml`` what a
careful person reads from it (kind, posts with title, date, time, author,
tags, comments, comment authors, words each comment's text holds and which
comment each answers, first and last words of the body, and chrome lines that
must not survive). ``invoke importer-score`` prints the accuracy
of each field; tests/test_corpus.py holds the importer to the golden output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from importer.pipeline import read_page
from importer.render import render

CORPUS = Path(__file__).parent / "corpus" / "pages"
FIELDS = [
    "kind",
    "posts",
    "title",
    "date",
    "time",
    "author",
    "tags",
    "comments",
    "comment_authors",
    "comment_texts",
    "comment_replies",
    "body_first",
    "body_last",
    "chrome",
]


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def mark(self, name: str, field_name: str, ok: bool, got: object = None, want: object = None) -> None:
        self.total[field_name] += 1
        if ok:
            self.right[field_name] += 1
        else:
            self.misses.append(f"{name}: {field_name}: got {got!r}, want {want!r}")

    def table(self) -> str:
        rows = [f"{'field':<16} {'right':>5} / {'of':<5} accuracy"]
        for name in FIELDS:
            if self.total[name]:
                share = self.right[name] / self.total[name]
                rows.append(f"{name:<16} {self.right[name]:>5} / {self.total[name]:<5} {share:6.1%}")
        right, total = sum(self.right.values()), sum(self.total.values())
        rows.append(f"{'all':<16} {right:>5} / {total:<5} {right / total:6.1%}")
        return "\n".join(rows)


def _unescape(text: str) -> str:
    text = re.sub(r"\\(.)", r"\1", text).replace("&lt;", "<").replace("&amp;", "&").replace("&#126;", "~")
    return re.sub(r"^(?:#+ |- |> |\d+\. )", "", text, flags=re.M)


def _norm(text: object) -> str:
    return " ".join(str(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split())


def pages() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def read(path: Path) -> tuple[str, list[tuple[dict, str]], list[str]]:
    """A corpus page as the importer reads it: its kind, (front matter, body) per post, dropped lines."""
    page = read_page(path.read_bytes(), f"tests/corpus/pages/{path.name}")
    posts = []
    for n, post in enumerate(page.posts, start=1):
        post.slug = f"post-{n}"
        _, head, body = render(post).split("---\n", 2)
        meta = yaml.safe_load(head)
        # The archive heading's tag, which the whole import spells one way across pages.
        meta["tags"] = [*meta.get("tags", []), *post.heading_tags]
        posts.append((meta, body.strip()))
    kind = "listing" if page.kind.value in ("archive", "listing") else "single"
    return kind, posts, [d.text for d in page.dropped]


def score_page(path: Path, score: Score) -> None:
    name = path.stem
    expect = yaml.safe_load(path.with_suffix("").with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    kind, posts, _dropped = read(path)
    score.mark(name, "kind", kind == expect["kind"], kind, expect["kind"])
    wanted = expect.get("posts") or []
    score.mark(name, "posts", len(posts) == len(wanted), len(posts), len(wanted))
    by_title = {_norm(meta.get("title")): (meta, body) for meta, body in posts}
    for n, want in enumerate(wanted):
        got = by_title.get(_norm(want["title"]))
        if got is None and n < len(posts) and len(posts) == len(wanted):
            got = posts[n]
        meta, body = got if got else ({}, "")
        score.mark(
            name, "title", _norm(meta.get("title")) == _norm(want["title"]), meta.get("title"), want["title"]
        )
        when = meta.get("date")
        status_ok = meta.get("status") != "draft" or want.get("date") is None
        if "date" in want:
            got_date = when.date().isoformat() if when else None
            want_date = str(want["date"]) if want["date"] else None
            score.mark(name, "date", got_date == want_date and status_ok, got_date, want_date)
        if want.get("time"):
            got_time = when.strftime("%H:%M") if when else None
            score.mark(name, "time", got_time == str(want["time"]), got_time, want["time"])
        if "author" in want:
            score.mark(
                name,
                "author",
                _norm(meta.get("author") or "") == _norm(want["author"] or ""),
                meta.get("author"),
                want["author"],
            )
        if "tags" in want:
            have = {
                _norm(t).casefold()
                for t in [*meta.get("tags", []), *([meta["category"]] if meta.get("category") else [])]
            }
            need = {_norm(t).casefold() for t in want["tags"] or []}
            score.mark(name, "tags", have == need, sorted(have), sorted(need))
        if "comments" in want:
            score.mark(
                name,
                "comments",
                meta.get("comments") == want["comments"],
                meta.get("comments"),
                want["comments"],
            )
        if want.get("comment_authors"):
            authors = [_norm(c["author"]) for c in meta.get("legacy_comments", [])]
            need = [_norm(a) for a in want["comment_authors"]]
            score.mark(name, "comment_authors", authors == need, authors, need)
        if want.get("comment_texts"):
            texts = [_norm(_unescape(c.get("text") or "")) for c in meta.get("legacy_comments", [])]
            need = [_norm(snippet) for snippet in want["comment_texts"]]
            held = len(texts) == len(need) and all(n in t for n, t in zip(need, texts, strict=True))
            score.mark(name, "comment_texts", held, [t[:50] for t in texts], need)
        if want.get("comment_replies"):
            replies = [c.get("reply_to") for c in meta.get("legacy_comments", [])]
            score.mark(
                name, "comment_replies", replies == want["comment_replies"], replies, want["comment_replies"]
            )
        text = _norm(_unescape(body))
        if want.get("body_first"):
            score.mark(
                name, "body_first", text.startswith(_norm(want["body_first"])), text[:60], want["body_first"]
            )
        if want.get("body_last"):
            score.mark(
                name, "body_last", text.endswith(_norm(want["body_last"])), text[-60:], want["body_last"]
            )
    bodies = [_norm(_unescape(body)) for _, body in posts]
    for chrome in expect.get("chrome") or []:
        line = _norm(chrome)
        survived = any(re.search(rf"(?:^| ){re.escape(line)}(?: |$)", body) for body in bodies)
        score.mark(name, "chrome", not survived, "kept", "dropped")


def score_corpus(paths: list[Path] | None = None) -> Score:
    score = Score()
    for path in paths or pages():
        score_page(path, score)
    return score


if __name__ == "__main__":
    import sys

    result = score_corpus()
    if "-v" in sys.argv:
        print("\n".join(result.misses))
    print(result.table())
