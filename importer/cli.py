"""Command line: ``python -m importer --src raw --out content/posts``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .pipeline import import_archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m importer",
        description="Turn the raw archive's text dumps into one Markdown post each.",
    )
    parser.add_argument("--src", type=Path, default=Path("raw"), help="folder of .txt pages (default: raw)")
    parser.add_argument(
        "--out", type=Path, default=Path("content/posts"), help="where posts go (default: content/posts)"
    )
    parser.add_argument("--report", type=Path, help="write a JSON report here")
    parser.add_argument(
        "--review",
        type=Path,
        help="write an HTML page here showing each raw page beside the posts made from it",
    )
    parser.add_argument(
        "--topics",
        type=Path,
        default=Path("content/topics.yml"),
        help="the blog's topic list: tags are spelt as it spells them, untagged posts get suggestions "
        "(default: content/topics.yml)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite posts edited by hand and bring back deleted ones"
    )
    args = parser.parse_args(argv)

    if not args.src.is_dir():
        print(
            f"error: {args.src}: no such folder; pass --src with the folder of raw .txt pages",
            file=sys.stderr,
        )
        return 2
    report = import_archive(args.src, args.out, force=args.force, review=args.review, topics=args.topics)
    summary = report.as_dict()
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    for entry in summary["files"]:
        for warning in entry["warnings"]:
            print(f"warning: {entry['path']}: {warning}", file=sys.stderr)
        for dropped in entry["dropped"]:
            print(
                f"dropped: {entry['path']}:{dropped['line']}: {dropped['reason']}: {dropped['text']}",
                file=sys.stderr,
            )
    for problem in summary["problems"]:
        print(problem, file=sys.stderr)
    for path in summary["posts_deleted"]:
        print(
            f"note: {args.out / path}: deleted since the last import, so not written again "
            "(pass --force to bring it back)",
            file=sys.stderr,
        )
    for path, count in summary["comments"].items():
        print(f"note: {args.out / path}: kept {count} reader comment(s)", file=sys.stderr)
    for path in summary["hand_edited"]:
        verb = (
            "overwritten (--force)"
            if args.force
            else "kept; it differs from a fresh import (edited by hand?)"
        )
        print(f"note: {args.out / path}: {verb}", file=sys.stderr)
    if report.review:
        print(f"review page: {report.review} (open it in a browser)", file=sys.stderr)
    print(
        f"{summary['files_read']} file(s) read, {summary['posts_found']} post(s) found: "
        f"{summary['posts_written']} written, {summary['posts_unchanged']} unchanged, "
        f"{summary['posts_kept']} kept, {summary['files_unreadable']} file(s) unreadable"
    )
    return 1 if report.unreadable or report.problems else 0
