"""Published addresses stay put: a record of every published post's address.

A post's address comes from its date (year and month) and its slug, which,
without a ``slug:`` line, comes from its title. On WordPress a post keeps its
address when its title is edited; here ``invoke new`` writes the slug into the
front matter, and ``published-addresses.txt`` (committed beside the posts)
records the address of every post once it is published. The check adds new
posts to it, and warns when a recorded address is no longer made by any post:
links to it from elsewhere, search engines and readers' bookmarks would break.
"""

from __future__ import annotations

from pathlib import Path

from .frontmatter import read_post
from .problems import Problem, Severity

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
    """Warnings for published addresses no post makes any more; new posts are recorded.

    ``built`` is the build's source map: address -> {"file": …, "published": …}.
    With ``accept``, the record takes the current addresses as they are; with
    ``record`` false (the site has errors), the record is left as it is.
    """
    path = project / RECORD
    recorded_before = read_record(path)
    current = {address: post["file"] for address, post in built.items() if post["published"]}
    problems = []
    by_file = {source: address for address, source in current.items()}
    for address, (source, number) in sorted(recorded_before.items()):
        if address in built or accept:
            continue
        moved_to = by_file.get(source)
        if moved_to:
            problems.append(
                Problem(
                    source,
                    _line(project, source),
                    Severity.WARNING,
                    f"the post's address changed from /{address} to /{moved_to} since it was published; "
                    "links to the old address will break",
                    f"to keep the old address, add the line slug: {address.rstrip('/').rsplit('/', 1)[-1]} "
                    "and keep the date's year and month; to move it on purpose, run "
                    f".venv/bin/invoke check --accept-addresses and commit {RECORD}",
                )
            )
        else:
            problems.append(
                Problem(
                    RECORD,
                    number,
                    Severity.WARNING,
                    f"the published address /{address} (from {source}) is made by no post now; "
                    "links to it will break",
                    "put the post back, or give the post that replaces it that address; to let it go, "
                    f"run .venv/bin/invoke check --accept-addresses and commit {RECORD}",
                )
            )
    recorded = {a: s for a, (s, _) in recorded_before.items()}
    # A changed address is recorded only once accepted, so the warning stays until then.
    moved = {p.path for p in problems}
    updated = current if accept else {**{a: s for a, s in current.items() if s not in moved}, **recorded}
    if record and updated != recorded:
        write_record(path, updated)
    return problems
