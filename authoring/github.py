"""The check's findings as GitHub shows them: annotations on the lines of the
files, and a job summary in plain words.

An annotation is a workflow command printed to the log
(``::error file=…,line=…,title=…::message``); the summary is Markdown appended
to the file named by ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem, Severity, visible

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_TITLE = {
    Severity.ERROR: "Must be fixed before publishing",
    Severity.WARNING: "Check this before publishing",
    Severity.NOTE: "Note",
}


def _data(text: str) -> str:
    # GitHub's workflow-command rules: a message escapes %, CR and LF.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # A property's value also escapes the characters that separate properties.
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    props = [f"file={_property(visible(problem.path))}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_property(_TITLE[problem.severity])}")
    message = f"{visible(problem.message)}\nwhat to do: {visible(problem.fix)}"
    return f"::{_COMMAND[problem.severity]} {','.join(props)}::{_data(message)}"


def _cell(text: str) -> str:
    """Author text as plain words in a Markdown table cell: never markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#!~":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _table(problems: list[Problem]) -> list[str]:
    rows = ["| File | Line | What is wrong | What to do |", "| --- | --- | --- | --- |"]
    for p in problems:
        rows.append(f"| {_cell(p.path)} | {p.line or ''} | {_cell(p.message)} | {_cell(p.fix)} |")
    return rows


def _about_a_post(problem: Problem) -> bool:
    """Not a note about the repository as a whole (a moved post, topics suggested for an old post).

    Those stay in the log: on every pull request they would crowd out what the
    change itself needs (GitHub shows only the first ten notices of a step).
    """
    return problem.note is None


def summary(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    notes = [p for p in problems if p.severity is Severity.NOTE and _about_a_post(p)]
    lines = ["## The blog's check", ""]
    if not errors and not warnings:
        lines.append("Every post is ready to publish: the check found nothing to fix.")
    else:
        said = []
        if errors:
            said.append(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} to fix")
        if warnings:
            said.append(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''} to look at")
        lines.append(
            f"The check found {' and '.join(said)}. The site is not published until they are dealt with. "
            "Each one is also marked on its line in the pull request's *Files changed* tab."
        )
    if errors:
        lines += ["", "### Problems to fix", "", *_table(errors)]
    if warnings:
        lines += [
            "",
            "### Warnings to look at",
            "",
            "Most are from the privacy scan: something that might identify a child, a family or a "
            "colleague. Remove or change it; once what is left is safe, list the finding's "
            "fingerprint (the eight characters in brackets) in the post's front matter, "
            'for example `privacy_reviewed: ["e75806e5"]`.',
            "",
            *_table(warnings),
        ]
    if notes:
        lines += [
            "",
            "### Notes",
            "",
            "Privacy findings an author has already checked (their fingerprints are listed under "
            "`privacy_reviewed`).",
            "",
            *_table(notes),
        ]
    return "\n".join(lines) + "\n"


def report(problems: list[Problem], environ: dict[str, str] | None = None) -> None:
    """Print an annotation for each problem and add the summary to the job's page."""
    environ = os.environ if environ is None else environ
    for problem in problems:
        if _about_a_post(problem):
            print(annotation(problem))
    target = environ.get(SUMMARY_VARIABLE)
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(summary(problems))
