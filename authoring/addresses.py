"""Published addresses stay put: a record of every published post's address.

A post's address comes from its date (year and month) and its slug, which,
without a ``slug:`` line, comes from its title. On WordPress a post keeps its
address when its title is edited; here ``invoke new`` writes the slug into the
front matter, and ``published-addresses.txt`` (committed beside the posts)
records the address of every post once it is published. The check adds new
posts to it and keeps the old addresses of posts that moved: the build
(``plugins/moved_posts``) writes a page at each, sending readers on to the
post's new address, so the check only notes the move. It warns when a
recorded address belongs to a post that is gone: links to it from elsewhere,
search engines and readers' bookmarks would break.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .frontmatter import read_post
from .problems import Note, Problem, Severity

RECORD = "published-addresses.txt"
HEADER = (
    "# The address of every published post, then the file it came from. `invoke check`\n"
    "# adds new posts; commit this file with them. See the README: a published post keeps its address.\n"
)


def read_record(path: Path) -> dict[str, tuple[str, int]]:
    """Recorded address -> (file it came from, line of the record)."""
    if not path.is_file():
        return {}
    record = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.strip() and not line.startswith("#"):
            address, _, source = line.strip().partition(" ")
            record[address] = (source.strip(), number)
    return record


def write_record(path: Path, record: dict[str, str]) -> None:
    lines = [f"{address} {source}" for address, source in sorted(record.items())]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def _line(project: Path, source: str) -> int | None:
    post = read_post(project / source)
    if post.error:
        return None
    return post.line_of("slug" if "slug" in post.meta else "title")


def address_problems(
    project: Path, built: dict[str, dict], *, accept: bool = False, record: bool = True
) -> list[Problem]:
    """Notes for published posts that moved, warnings for published addresses no post makes now.

    ``built`` is the build's source map: address -> {"file": …, "published": …}.
    New addresses are recorded, and old ones are kept: the build writes a page
    at each old address of a post that moved, sending readers to the new one.
    With ``accept``, the addresses of posts that are gone are let go; with
    ``record`` false (the site has errors), the record is left as it is.
    """
    path = project / RECORD
    recorded_before = read_record(path)
    current = {address: post["file"] for address, post in built.items() if post["published"]}
    problems = []
    by_file = {source: address for address, source in sorted(current.items())}
    # Where each post was at the last check on this computer: a move back to an
    # address recorded long ago is news too.
    last_seen = _last_seen(project)
    _remember_seen(project, by_file)
    for address, (source, number) in sorted(recorded_before.items()):
        if address in built:
            continue
        moved_to = by_file.get(source)
        if moved_to:
            problems.append(
                Problem(
                    source,
                    _line(project, source),
                    Severity.NOTE,
                    f"the post moved from /{address} to /{moved_to}; the old address redirects there",
                    f"nothing: keep the line for /{address} in {RECORD} so that the redirect stays"
                    + (
                        f"; to give the post its old address back, add the line slug: {_slug(address)}"
                        if _slug(address) != _slug(moved_to)
                        else ""
                    ),
                    Note.MOVED,
                    # Moved since the last check: its new address is not recorded yet,
                    # or the last check found the post somewhere else.
                    new=moved_to not in recorded_before or last_seen.get(source, moved_to) != moved_to,
                )
            )
        elif not accept:
            there = (project / source).is_file()
            back = (
                f"publish {source} again (without status: draft)"
                if there
                else f"put the post back (git checkout -- {source} restores a deleted file)"
            )
            problems.append(
                Problem(
                    RECORD,
                    number,
                    Severity.WARNING,
                    f"the published address /{address} (from {source}) is made by no post now, "
                    "so nothing redirects from it; links to it will break",
                    f"{back}, or give the post that replaces it that address; to let it go, "
                    f"run .venv/bin/invoke check --accept-addresses and commit {RECORD}",
                )
            )
    recorded = {a: s for a, (s, _) in recorded_before.items()}
    # Old addresses stay recorded while their post's file exists: they are where the redirects go.
    kept = {a: s for a, s in recorded.items() if (project / s).is_file()} if accept else recorded
    updated = {**kept, **current}
    if record and updated != recorded:
        write_record(path, updated)
    return problems


_SEEN = Path("cache") / "check-addresses.json"


def _last_seen(project: Path) -> dict[str, str]:
    try:
        seen = json.loads((project / _SEEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return seen if isinstance(seen, dict) else {}


def _remember_seen(project: Path, by_file: dict[str, str]) -> None:
    with contextlib.suppress(OSError):
        (project / _SEEN).parent.mkdir(exist_ok=True)
        partial = project / f"{_SEEN}.partial"
        partial.write_text(json.dumps(by_file, sort_keys=True), encoding="utf-8")
        partial.replace(project / _SEEN)


def _slug(address: str) -> str:
    return address.rstrip("/").rsplit("/", 1)[-1]
