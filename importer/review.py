"""A review page: each raw page beside the posts made from it, in one HTML file.

Every raw line is shown with where it went: a post's title or body, a reader
comment, the front matter, or dropped (struck through, with the reason).
Posts written as drafts and low-confidence readings are highlighted, so a
person can check a hundred pages in an hour and pin a decision in the hints
file where the importer got one wrong.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .normalise import UnreadableError, decode
from .post import Page

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1rem;color:#222}
section{border-top:3px solid #888;margin-top:2rem;padding-top:.5rem}
section.unsure{border-top-color:#c60}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
ol{font-family:ui-monospace,monospace;font-size:12px;padding-left:3.5em}
li{white-space:pre-wrap;overflow-wrap:anywhere}
li.dropped{color:#777;text-decoration:line-through}
li.dropped span.why{text-decoration:none;display:inline-block;color:#a00;margin-left:1em}
li.title{font-weight:bold;background:#eef}
li.body{background:#f4fff4}
li.comment{background:#fff8e6}
li.meta{background:#f0f0ff}
.post{border:1px solid #ccc;padding:.5rem;margin-bottom:.5rem}
.post.draft{border-color:#c60;background:#fff4ec}
.warn{color:#a40}
"""


def _roles(page: Page) -> dict[int, tuple[str, str]]:
    roles: dict[int, tuple[str, str]] = {}
    for post in page.posts:
        roles[post.line] = ("title", f"title of '{post.title}'")
        for number in post.provenance_lines:
            roles.setdefault(number, ("body", f"body of '{post.title}'"))
    for number in page.comment_lines:
        roles.setdefault(number, ("comment", "reader comment"))
    for dropped in page.dropped:
        roles[dropped.line] = ("dropped", dropped.reason)
    return roles


def page_html(page: Page, raw: bytes, outcomes: dict[int, str]) -> str:
    try:
        text = decode(raw).text
    except UnreadableError as error:
        return f"<section><h2>{escape(page.path)}</h2><p class=warn>{escape(str(error))}</p></section>"
    roles = _roles(page)
    unsure = bool(page.warnings) or any(post.draft_reason for post in page.posts)
    items = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            items.append(f'<li value="{number}"></li>')
            continue
        kind, why = roles.get(number, ("meta", "read into the front matter"))
        extra = f'<span class="why">{escape(why)}</span>' if kind == "dropped" else ""
        items.append(f'<li value="{number}" class="{kind}" title="{escape(why)}">{escape(line)}{extra}</li>')
    posts = []
    for index, post in enumerate(page.posts):
        date = post.date.value.isoformat() if post.date else "no date"
        draft = f"<p class=warn>Draft: {escape(post.draft_reason)}</p>" if post.draft_reason else ""
        notes = "".join(f"<li>{escape(note)}</li>" for note in post.notes)
        posts.append(
            f'<div class="post{" draft" if post.draft_reason else ""}">'
            f"<strong>{escape(post.title)}</strong><br>{escape(date)} · {escape(post.author or 'no author')}"
            f" · confidence {post.confidence:.2f} · {len(post.legacy_comments)} comment(s) kept"
            f"<br><code>{escape(outcomes.get(index, ''))}</code>{draft}<ul>{notes}</ul></div>"
        )
    warnings = "".join(f"<p class=warn>{escape(w)}</p>" for w in page.warnings)
    evidence = escape("; ".join(page.evidence))
    return (
        f'<section class="{"unsure" if unsure else ""}" id="{escape(page.path)}">'
        f"<h2>{escape(page.path)} — {escape(page.kind.value)}</h2><p>{evidence}</p>{warnings}"
        f'<div class="cols"><ol>{"".join(items)}</ol><div>{"".join(posts)}</div></div></section>'
    )


def write_review(target: Path, sections: list[str], title: str) -> None:
    index = "".join(
        f'<li><a href="#{escape(s.split(chr(34))[3])}">{escape(s.split(chr(34))[3])}</a></li>'
        for s in sections
        if s.count('"') >= 4
    )
    html = (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style><h1>{escape(title)}</h1>"
        "<p>Raw lines: <span style=background:#eef>title</span>, <span style=background:#f4fff4>body</span>, "
        "<span style=background:#fff8e6>reader comment</span>, "
        "<span style=background:#f0f0ff>front matter</span>, "
        "<s>dropped</s> (with the reason). Sections with an orange rule hold drafts or warnings.</p>"
        f"<ul>{index}</ul>{''.join(sections)}</html>"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def raw_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""
