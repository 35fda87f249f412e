"""Broken links found in the built site, said as the post (file and line) to fix."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from .problems import Problem, Severity

FIX = (
    "correct the address or remove the link; to link to another post, write its file: "
    "[words]({filename}/posts/2009/its-file.md), which works wherever the blog is published"
)


def _written(page_file: Path, page_url: str, target: str) -> list[str]:
    """The addresses as written in the page that lead to ``target``."""
    if not page_file.is_file():
        return []
    soup = BeautifulSoup(page_file.read_bytes(), "html.parser")
    found = []
    for tag in soup.find_all(["a", "img"]):
        value = tag.get("href") or tag.get("src")
        if value and urldefrag(urljoin(page_url, value)).url == target:
            found.append(value)
    return found


def _line(post: Path, written: list[str]) -> int | None:
    """The line of the post where one of the addresses is written."""
    try:
        lines = post.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    candidates = [w for w in written if w] + [unquote(urlsplit(w).path) for w in written if urlsplit(w).path]
    for number, line in enumerate(lines, start=1):
        if any(c in line for c in candidates):
            return number
    return None


def _reason(base: str, target: str, status: int) -> str:
    if not target.startswith(base):
        return "it leads outside the blog (the blog may be published under a sub-address such as /blog/)"
    if status == 404:
        return "there is no such page"
    if status == 0:
        return "nothing answers there"
    return f"the server answered {status}"


def link_problems(
    base: str, out: Path, broken: list[tuple[str, str, int]], sources: dict[str, str], project: Path
) -> list[Problem]:
    """One problem per post and broken address; links not from a post name the page."""
    problems: dict[tuple[str, str], Problem] = {}
    from_posts = set()
    for source, target, status in broken:
        page = source.removeprefix(base)
        post = sources.get(page)
        if post is None:
            continue
        written = _written(out / page / "index.html", source, target)
        shown = written[0] if written else target
        from_posts.add(target)
        problems.setdefault(
            (post, target),
            Problem(
                post,
                _line(project / post, written),
                Severity.ERROR,
                f"broken link to {shown}: {_reason(base, target, status)}",
                FIX,
            ),
        )
    for source, target, status in broken:
        page = source.removeprefix(base)
        # A post's summary repeats its links on list pages: reported with the post.
        if page in sources or target in from_posts:
            continue
        where = target.removeprefix(base) if target.startswith(base) else target
        problems.setdefault(
            (page, target),
            Problem(
                f"site page /{page}",
                None,
                Severity.ERROR,
                f"broken link to {where}: {_reason(base, target, status)}",
                "the link is in the theme (theme/templates/) or in a post's summary: correct it there",
            ),
        )
    return list(problems.values())
