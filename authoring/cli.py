"""Command line: ``python -m authoring check`` and ``python -m authoring new "Title"``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from plugins.author_errors.author_errors import DEBUG_VARIABLE, SOURCE_MAP_VARIABLE

from . import github
from .addresses import RECORD, address_problems, read_record
from .checks import check_content
from .links import link_problems
from .newpost import NewPostError, new_post
from .problems import Note, Problem, Severity
from .sitecheck import build, crawl, free_port, serve


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def build_and_crawl(project: Path, *, accept_addresses: bool = False) -> list[Problem]:
    """Build the production site under a project-page subpath and find broken links.

    Posts dated in the future are built too, so that their links are checked
    before the scheduled build publishes them.
    """
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        out, sources = Path(tmp) / "site", Path(tmp) / "sources.json"
        with _environment(CHECK_FUTURE_POSTS="1", **{SOURCE_MAP_VARIABLE: str(sources)}):
            result = build(project, out, production=True, siteurl=f"http://127.0.0.1:{port}/blog")
        if result.returncode != 0:
            if os.environ.get(DEBUG_VARIABLE) == "1":
                print(result.stdout + result.stderr)
            return build_problems(result.stdout + result.stderr)
        with serve(out, prefix="/blog", port=port) as base:
            _, broken = crawl(base)
        built = json.loads(sources.read_text(encoding="utf-8"))
        files = {url: post["file"] for url, post in built.items()}
        problems = link_problems(base, out, broken, files, project)
    before = read_record(project / RECORD)
    # A post with a broken link is not published yet: its address is recorded once it is.
    failing = any(p.severity is Severity.ERROR for p in problems)
    problems += address_problems(project, built, accept=accept_addresses, record=not failing)
    added = len(set(read_record(project / RECORD)) - set(before))
    if added:
        print(f"note: recorded {added} newly published address(es) in {RECORD}; commit it with the posts\n")
    return problems


_SAID = re.compile(
    r"^(?P<path>\S[^\n]*?)(?::(?P<line>\d+))?: error: (?P<message>.*)\n    what to do: (?P<fix>.*)$", re.M
)


def build_problems(output: str) -> list[Problem]:
    """The problems a failed build named (in the ``file:line: error:`` form the build prints)."""
    found = [
        Problem(m["path"], int(m["line"]) if m["line"] else None, Severity.ERROR, m["message"], m["fix"])
        for m in _SAID.finditer(output)
        # The build's closing line only points at the others.
        if not m["message"].startswith("the site was not built, because")
    ]
    if not found:
        said = [line.strip() for line in output.splitlines() if line.strip()]
        found = [
            Problem(
                "content",
                None,
                Severity.ERROR,
                "the site does not build: " + " / ".join(said[-3:]),
                "run .venv/bin/invoke check --debug and pass what it prints to whoever looks after the site",
            )
        ]
    return found


def check(
    project: Path,
    *,
    site: bool,
    strict: bool,
    accept_addresses: bool = False,
    output: str = "text",
    all_notes: bool = False,
) -> int:
    # Paths in messages are relative, as an author types them.
    problems = check_content(Path(os.path.relpath(project / "content")))
    if site and not any(p.severity is Severity.ERROR for p in problems):
        problems += build_and_crawl(project, accept_addresses=accept_addresses)
    elif site:
        print("(the built site is checked once the errors below are fixed)\n")
    # What must be fixed first, notes last; in each, the order the files were read in.
    problems = sorted(problems, key=lambda p: list(Severity).index(p.severity))
    # Notes about the repository as it stands (moves made before, topics suggested
    # at import) would repeat on every run: counted below, listed with --notes.
    shown = [p for p in problems if all_notes or p.note is None or p.new]
    for problem in shown:
        print(problem.format())
    counts = {s: sum(1 for p in problems if p.severity is s) for s in Severity}
    notes = {kind: sum(1 for p in problems if p.note is kind) for kind in Note}
    reviewed = counts[Severity.NOTE] - sum(notes.values())
    print(
        f"\n{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
        f"{reviewed} reviewed privacy note(s), {notes[Note.MOVED]} moved post(s) redirected, "
        f"{notes[Note.SUGGESTED]} post(s) with suggested topics"
        + ("" if len(shown) == len(problems) else " (.venv/bin/invoke check --notes lists them)")
    )
    if output == "github":
        github.report(shown)
    if counts[Severity.ERROR] or (strict and counts[Severity.WARNING]):
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m authoring")
    sub = parser.add_subparsers(dest="command", required=True)
    checking = sub.add_parser("check", help="check every post and the built site")
    checking.add_argument("--no-site", action="store_true", help="check the posts only, not the built site")
    checking.add_argument(
        "--strict", action="store_true", help="fail on warnings too (used before publishing)"
    )
    checking.add_argument("--debug", action="store_true", help="show the build's Python tracebacks")
    checking.add_argument(
        "--format",
        choices=["text", "github"],
        # On GitHub's runners the problems also become annotations and a job summary.
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="github: also print GitHub annotations and write the job summary",
    )
    checking.add_argument(
        "--notes",
        action="store_true",
        help="also list the notes about the repository as it stands (posts moved before, suggested topics)",
    )
    checking.add_argument(
        "--accept-addresses",
        action="store_true",
        help="record published posts' current addresses, letting changed ones go",
    )
    creating = sub.add_parser("new", help="start a new post")
    creating.add_argument("title")
    creating.add_argument("--tags", default="", help='comma-separated, e.g. "fostering, courts"')
    creating.add_argument("--author")
    args = parser.parse_args(argv)
    project = Path.cwd()
    if args.command == "check":
        if args.debug:
            os.environ[DEBUG_VARIABLE] = "1"
        try:
            return check(
                project,
                site=not args.no_site,
                strict=args.strict,
                accept_addresses=args.accept_addresses,
                output=args.format,
                all_notes=args.notes,
            )
        except Exception as error:
            if args.debug:
                raise
            print(
                f"content: error: the check could not finish: {error}\n"
                "    what to do: if it names a file, look at that file; otherwise run "
                ".venv/bin/invoke check --debug and pass what it prints to whoever looks after the site",
                file=sys.stderr,
            )
            return 2
    tags = [t.strip() for t in args.tags.split(",") if t.strip()]
    try:
        path, notes = new_post(project / "content", args.title, tags=tags, author=args.author)
    except NewPostError as error:
        where = Path(error.where)
        shown = where.relative_to(project) if where.is_relative_to(project) else where
        print(f"{shown}: error: {error.message}\n    what to do: {error.fix}", file=sys.stderr)
        return 1
    print(f"created {path.relative_to(project)}")
    for note in notes:
        print(f"note: {note}")
    print("open it in your editor, write, then run: .venv/bin/invoke check")
    return 0
