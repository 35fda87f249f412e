"""Renderings, for the README, of what an author sees: the check's annotations
and job summary from a real run of the check on a broken post, and the web
editor's sign-in page from a real build. They are drawn here, in Chromium, from
that output: GitHub draws its own pages differently.

``.venv/bin/python docs/screenshots.py`` (needs ``npm ci`` for the editor).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from authoring.sitecheck import build, serve  # noqa: E402
from tests.site_server import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BROKEN = """---
title: "My first week back"
date: March 2026
tags: ["children’s social work"]
---

It was good to be back. Write to me at jo.example@example.com with your ideas.
"""
STYLE = """
body { font: 14px/1.5 system-ui, sans-serif; margin: 16px; color: #1f2328; max-width: 760px; }
.note { font-size: 12px; color: #59636e; margin-bottom: 8px; }
pre { margin: 0; font: 12px/20px monospace; }
.file { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.name { background: #f6f8fa; padding: 6px 10px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.line { display: flex; } .num { width: 32px; text-align: right; padding-right: 8px; color: #59636e; }
.box { margin: 4px 10px 8px 40px; padding: 8px 10px; border: 1px solid; border-radius: 6px; }
.error { border-color: #cf222e; background: #ffebe9; }
.warning { border-color: #9a6700; background: #fff8c5; }
.box b { display: block; } table { border-collapse: collapse; font-size: 13px; }
td, th { border: 1px solid #d1d9e0; padding: 4px 8px; vertical-align: top; text-align: left; }
"""
_ANNOTATION = re.compile(
    r"^::(?P<kind>\w+) file=(?P<file>[^,]*),line=(?P<line>\d+),title=(?P<title>[^:]*)::(?P<m>.*)$"
)
_ESCAPED = {"%0A": "\n", "%0D": "\r", "%3A": ":", "%2C": ",", "%25": "%"}


def _page(title: str, body: str) -> str:
    return f"<!doctype html><meta charset=utf-8><title>{title}</title><style>{STYLE}</style>{body}"


def _decode(text: str) -> str:
    # The workflow-command escapes, undone ("%25" last, so that "%250A" stays "%0A").
    for escaped, char in _ESCAPED.items():
        text = text.replace(escaped, char)
    return text


def check_output(project: Path) -> tuple[str, str]:
    post = project / "content" / "posts" / "2026" / "my-first-week-back.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(BROKEN, encoding="utf-8")
    summary = project / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    command = [sys.executable, "-m", "authoring", "check", "--no-site", "--strict", "--format", "github"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    return result.stdout, summary.read_text(encoding="utf-8")


def annotations_page(stdout: str) -> str:
    found: dict[int, list[re.Match]] = {}
    for line in stdout.splitlines():
        match = _ANNOTATION.match(line)
        if match and match["file"].endswith("my-first-week-back.md"):
            found.setdefault(int(match["line"]), []).append(match)
    rows = []
    for number, text in enumerate(BROKEN.splitlines(), start=1):
        rows.append(f"<div class=line><pre class=num>{number}</pre><pre>{html.escape(text)}</pre></div>")
        for match in found.get(number, []):
            message, _, fix = _decode(match["m"]).partition("\nwhat to do: ")
            rows.append(
                f'<div class="box {match["kind"]}"><b>{html.escape(_decode(match["title"]))}</b>'
                f"{html.escape(message)}<br>What to do: {html.escape(fix)}</div>"
            )
    body = (
        "<p class=note>A rendering of the check’s real annotations, each under its line "
        "(GitHub shows them in the pull request’s <i>Files changed</i> tab in its own style).</p>"
        "<div class=file><div class=name>content/posts/2026/my-first-week-back.md</div>"
        + "".join(rows)
        + "</div>"
    )
    return _page("Annotations", body)


def summary_page(summary: str) -> str:
    body = (
        "<p class=note>A rendering of the job summary the check wrote "
        "(GitHub shows it on the run’s page).</p>" + markdown.markdown(summary, extensions=["tables"])
    )
    return _page("Job summary", body)


def shoot(browser, url: str, path: Path, width: int = 800, height: int = 300, click: str = "") -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.route("https://api.github.com/**", lambda route: route.abort())
    page.goto(url)
    if click:
        page.get_by_role("button", name=click).click()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(path), full_page=True)
    page.close()
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--output", str(path), "16", str(path)])


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for name in ("pelicanconf.py", "publishconf.py", "tasks.py", "published-addresses.txt"):
            shutil.copy(ROOT / name, project / name)
        for name in ("content", "theme", "plugins", "importer", "authoring"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        stdout, summary = check_output(project)
        pages = Path(tmp) / "pages"
        pages.mkdir()
        (pages / "annotations.html").write_text(annotations_page(stdout), encoding="utf-8")
        (pages / "summary.html").write_text(summary_page(summary), encoding="utf-8")
        (project / "content" / "posts" / "2026" / "my-first-week-back.md").unlink()
        os.environ.update(ADMIN_ENABLED="true", ADMIN_REPO="example-owner/blog")
        site = Path(tmp) / "site"
        result = build(project, site, production=True, siteurl="http://127.0.0.1/")
        assert result.returncode == 0, result.stdout + result.stderr
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            with serve(pages) as base:
                shoot(browser, f"{base}/annotations.html", ROOT / "docs" / "annotations.png")
                shoot(browser, f"{base}/summary.html", ROOT / "docs" / "job-summary.png")
            with serve(site) as base:
                # Signing in with a token, as on GitHub Pages (the local-folder button
                # above it is offered only on this computer's own address).
                shoot(
                    browser,
                    f"{base}/admin/",
                    ROOT / "docs" / "web-editor-sign-in.png",
                    width=640,
                    height=560,
                    click="Sign In Using Access Token",
                )
            browser.close()


if __name__ == "__main__":
    main()
