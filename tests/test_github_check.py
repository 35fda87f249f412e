"""The check on GitHub: annotations on the lines of the files and a job summary,
from real runs of the check in a copy of the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from authoring.github import annotation, summary
from authoring.problems import Problem, Severity
from tests.test_authoring import run, write

MONTH = '---\ntitle: "Month only"\ndate: March 2010\n---\n\nText.\n'
CONTACT = (
    '---\ntitle: "Contact"\ndate: 2026-01-02\n{reviewed}---\n\nWrite to jo.bloggs@example.com | <b>now</b>.\n'
)
FINGERPRINT = "1d474b34"
PRIVACY_FIX = (
    "make sure it cannot identify a child, a family, a carer or a colleague: remove or change it; "
    f'when it is safe, acknowledge this finding alone: privacy_reviewed: ["{FINGERPRINT}"]'
)


@pytest.fixture
def bad_project(project_copy: Path) -> Path:
    write(project_copy, "2026/month.md", MONTH)
    write(project_copy, "2026/contact.md", CONTACT.format(reviewed=""))
    return project_copy


def _without_github(env: dict) -> dict:
    # The test suite may itself run on GitHub's runners.
    return {k: v for k, v in env.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}


def github_run(project: Path, *args: str, summary_file: Path):
    env = {**_without_github(dict(os.environ)), "GITHUB_STEP_SUMMARY": str(summary_file)}
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--no-site", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_broken_post_fails_with_an_annotation_on_its_line_and_a_summary(bad_project, tmp_path):
    summary_file = tmp_path / "summary.md"
    result = github_run(bad_project, "--strict", "--format", "github", summary_file=summary_file)
    assert result.returncode == 1
    # Notes on the project's own posts (suggested topics) are not this test's.
    annotations = [line for line in result.stdout.splitlines() if line.startswith(("::warning", "::error"))]
    # Errors first, then warnings.
    assert annotations == [
        "::error file=content/posts/2026/month.md,line=3,title=Must be fixed before publishing::"
        "the date 'March 2010' is not a complete date (Pelican would guess the missing parts)"
        "%0Awhat to do: write the full date, year first: 2026-11-22T09:30:00+00:00 (or just 2026-11-22)",
        "::warning file=content/posts/2026/contact.md,line=6,title=Check this before publishing::"
        f"possible email address: “jo.bloggs@example.com” (an email address (not a public organisation's)) "
        f"[{FINGERPRINT}]%0Awhat to do: {PRIVACY_FIX}",
    ]
    # The terminal's lines are still there, for the log.
    assert "content/posts/2026/month.md:3: error: the date 'March 2010'" in result.stdout
    written = summary_file.read_text(encoding="utf-8")
    # Notes on the project's own posts (suggested topics) may follow.
    assert written.split("\n### Notes\n")[0] == (
        "## The blog's check\n\n"
        "The check found 1 problem to fix and 1 warning to look at. The site is not published until "
        "they are dealt with. Each one is also marked on its line in the pull request's "
        "*Files changed* tab.\n\n"
        "### Problems to fix\n\n"
        "| File | Line | What is wrong | What to do |\n| --- | --- | --- | --- |\n"
        "| content/posts/2026/month.md | 3 | the date 'March 2010' is not a complete date (Pelican would "
        "guess the missing parts) | write the full date, year first: 2026-11-22T09:30:00+00:00 (or just "
        "2026-11-22) |\n\n"
        "### Warnings to look at\n\n"
        "Most are from the privacy scan: something that might identify a child, a family or a colleague. "
        "Remove or change it; once what is left is safe, list the finding's fingerprint (the eight "
        "characters in brackets) in the post's front matter, for example "
        '`privacy_reviewed: ["e75806e5"]`.\n\n'
        "| File | Line | What is wrong | What to do |\n| --- | --- | --- | --- |\n"
        "| content/posts/2026/contact.md | 6 | possible email address: “jo.bloggs@example.com” "
        f"(an email address (not a public organisation's)) \\[{FINGERPRINT}\\] | "
        + PRIVACY_FIX.replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
        + " |\n"
    )


def test_a_privacy_finding_blocks_publishing_until_it_is_acknowledged(project_copy, tmp_path):
    write(project_copy, "2026/contact.md", CONTACT.format(reviewed=""))
    first = github_run(project_copy, "--strict", "--format", "github", summary_file=tmp_path / "a.md")
    assert first.returncode == 1
    assert "::warning file=content/posts/2026/contact.md,line=6," in first.stdout

    write(project_copy, "2026/contact.md", CONTACT.format(reviewed=f'privacy_reviewed: ["{FINGERPRINT}"]\n'))
    second = github_run(project_copy, "--strict", "--format", "github", summary_file=tmp_path / "b.md")
    assert second.returncode == 0, second.stdout
    assert "::notice file=content/posts/2026/contact.md,line=7,title=Note::" in second.stdout
    said = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "Every post is ready to publish" in said
    assert "### Notes" in said and "jo.bloggs@example.com" in said


def test_github_format_is_the_default_on_githubs_runners_and_text_elsewhere(bad_project, tmp_path):
    plain = run(bad_project, "check", "--no-site", env=_without_github(dict(os.environ)))
    assert not any(line.startswith("::") for line in plain.stdout.splitlines())

    summary_file = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)}
    on_github = run(bad_project, "check", "--no-site", env=env)
    assert on_github.returncode == 1
    assert "::error file=content/posts/2026/month.md,line=3," in on_github.stdout
    assert "| content/posts/2026/month.md | 3 |" in summary_file.read_text(encoding="utf-8")
    # The plain lines are the same either way.
    assert [line for line in on_github.stdout.splitlines() if not line.startswith("::")] == (
        plain.stdout.splitlines()
    )


def test_annotations_escape_what_would_end_or_split_a_command():
    problem = Problem("content/a,b:c%.md", 4, Severity.ERROR, "100% sure\r\nnext", "fix: this, now")
    assert annotation(problem) == (
        "::error file=content/a%2Cb%3Ac%25.md,line=4,title=Must be fixed before publishing::"
        "100%25 sure\\r\\nnext%0Awhat to do: fix: this, now"
    )
    without_line = Problem("content/posts", None, Severity.ERROR, "m", "f")
    assert annotation(without_line).startswith("::error file=content/posts,title=")


def test_the_summary_shows_an_authors_words_as_text_never_as_markup():
    problem = Problem("content/posts/x.md", 2, Severity.WARNING, "possible name: “<img src=x> | *Jo*”", "f")
    table_row = summary([problem]).splitlines()[-1]
    assert table_row == ("| content/posts/x.md | 2 | possible name: “&lt;img src=x&gt; \\| \\*Jo\\*” | f |")


def test_the_workflow_annotates_pull_requests_and_attaches_the_built_site():
    import yaml

    from tests.conftest import ROOT

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key "on" as true
    steps = workflow["jobs"]["build"]["steps"]
    checks = [s for s in steps if "invoke check" in s.get("run", "")]
    assert [s["run"] for s in checks] == [".venv/bin/invoke check --strict --format github"]
    assert "if" not in checks[0]  # on pull requests too
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(uploads) == 1 and uploads[0]["if"] == "github.event_name == 'pull_request'"
    assert len(uploads[0]["uses"].split("@")[1]) == 40  # pinned by commit
    assert uploads[0]["with"]["path"] == "output"
    built = steps.index(uploads[0]) - 1
    assert steps[built]["run"] == ".venv/bin/invoke build" and steps.index(checks[0]) < built


def test_the_readmes_post_template_passes_the_check(project_copy, tmp_path):
    from tests.conftest import ROOT

    template = (ROOT / "docs" / "post-template.md").read_text(encoding="utf-8")
    write(project_copy, "2026/write-your-title-here.md", template)
    result = github_run(project_copy, "--strict", "--format", "github", summary_file=tmp_path / "s.md")
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stdout
    assert "(docs/post-template.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_post_cannot_forge_lines_of_the_checks_output(project_copy, tmp_path):
    # A tag with a line break and a terminal escape, quoted back in the check's messages.
    tag = "fosterin\\n::warning file=x,line=9::FORGED\\u001b[31m"
    forged = f'---\ntitle: "Forged"\ndate: 2026-01-02\ntags: ["{tag}"]\n---\n\nText.\n'
    write(project_copy, "2026/forged.md", forged)
    result = github_run(project_copy, "--no-site", "--format", "github", summary_file=tmp_path / "s.md")
    assert result.returncode == 1
    assert not [line for line in result.stdout.splitlines() if line.startswith("::warning file=x")]
    assert "\x1b" not in result.stdout
    assert "fosterin\\n::warning file=x,line=9::FORGED\\x1b[31m" in result.stdout
