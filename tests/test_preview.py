"""The local preview in a real browser: a save reloads the open page by itself."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from authoring.preview import Preview
from tests.site_server import free_port

pytestmark = pytest.mark.slow

POST = Path("content/posts/2009/baby-p-effect-sustained.md")
URL = "2009/12/baby-p-effect-sustained/"


def _get(url: str) -> str:
    with urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _edit(project: Path, old: str, new: str) -> None:
    path = project / POST
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


class Said:
    """What a running preview has printed, line by line, as it prints it."""

    def __init__(self, stream):
        self.lines: list[str] = []
        self._more = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self._more:
                self.lines.append(line)
                self._more.notify_all()

    def wait_for(self, text: str, after: int = 0, seconds: float = 120) -> int:
        """The number of lines read once one from line ``after`` on holds ``text``."""
        with self._more:
            found = self._more.wait_for(
                lambda: any(text in line for line in self.lines[after:]), timeout=seconds
            )
            assert found, f"the preview never said {text!r}; it said:\n{''.join(self.lines)}"
            return len(self.lines)


@pytest.fixture
def preview(project_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "authoring.preview", "--port", str(port)],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    said = Said(process.stdout)
    try:
        said.wait_for("Serving the preview at")
        said.wait_for("Watching for saves")
        yield project_copy, f"http://127.0.0.1:{port}/", said
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_save_reloads_the_open_page(preview, browser):
    project, base, said = preview
    page = browser.new_page()
    page.goto(base + URL)
    assert "Not only this, but" in page.inner_text("main")
    seen = len(said.lines)
    _edit(project, "Not only this, but", "Not only this (saved), but")
    expect(page.locator("main")).to_contain_text("(saved)", timeout=20_000)
    said.wait_for("Rebuilt in", after=seen)
    # The reload script is the preview's: the built page has none.
    on_disk = (project / "output" / URL / "index.html").read_text(encoding="utf-8")
    assert "(saved)" in on_disk and "__preview" not in on_disk
    assert "/__preview/reload.js?build=" in _get(base + URL)


def test_a_save_of_a_post_s_text_shows_its_page_at_once_as_the_build_then_makes_it(preview):
    project, base, said = preview
    seen = len(said.lines)
    _edit(project, "Not only this, but", "Not only this (at once), but")
    said.wait_for("its page shown in", after=seen)
    drawn = _get(base + URL)
    assert "(at once)" in drawn
    said.wait_for("Rebuilt in", after=seen)
    built = (project / "output" / URL / "index.html").read_text(encoding="utf-8")
    served = _get(base + URL)
    assert "(at once)" in built
    # The page drawn at once is the page the build made, byte for byte (less the reload script).
    script = re.compile(r'<script src="/__preview/reload\.js\?build=\d+"></script>')
    assert script.sub("", drawn) == built == script.sub("", served)


def test_a_save_that_changes_more_than_the_text_waits_for_the_whole_build(preview):
    project, base, said = preview
    seen = len(said.lines)
    _edit(project, 'title: "', 'title: "Renamed: ')
    said.wait_for("Rebuilt in", after=seen)
    assert not [line for line in said.lines[seen:] if "its page shown in" in line]
    assert "Renamed: " in _get(base + URL)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The same instant with another offset: the same post to Python, another day on the page.
        ("date: 2009-12-01T12:00:00+00:00", "date: 2009-12-01T13:00:00+01:00"),
        # Only the text changed, but with a link the build will refuse.
        ("Not only this, but", "Not only this ([see]({filename}/posts/no-such-post.md)), but"),
    ],
)
def test_a_save_the_page_cannot_be_drawn_alone_for_waits_for_the_build(preview, old, new):
    project, _, said = preview
    seen = len(said.lines)
    _edit(project, old, new)
    _edit(project, "Not only this", "Not only this (saved)")
    said.wait_for("Done: Processed", after=seen)  # the whole build, failed or not
    assert not [line for line in said.lines[seen:] if "its page shown in" in line]


def test_a_bad_save_is_reported_and_the_preview_keeps_serving(preview, browser):
    project, base, said = preview
    page = browser.new_page()
    page.goto(base + URL)
    seen = len(said.lines)
    _edit(project, "title: ", "title: [unclosed ")
    said.wait_for("The build failed", after=seen)
    assert "Baby P effect sustained" in _get(base + URL)
    _edit(project, "title: [unclosed ", "title: ")
    _edit(project, "Not only this, but", "Not only this (fixed), but")
    expect(page.locator("main")).to_contain_text("(fixed)", timeout=20_000)


def test_a_settings_change_restarts_the_preview(preview):
    project, base, said = preview
    seen = len(said.lines)
    settings = project / "pelicanconf.py"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("SITE_TAGLINE = ", "SITE_TAGLINE = 'Restarted' or "),
        encoding="utf-8",
    )
    restarted = said.wait_for("Code changed: restarting the preview", after=seen)
    said.wait_for("Serving the preview at", after=restarted)
    assert "Restarted" in _get(base)


def test_a_save_made_while_a_build_runs_is_kept_for_the_next_build(tmp_path):
    # The watcher alone, without a Pelican: nothing reads the saves meanwhile,
    # as nothing does while a build runs.
    preview = Preview.__new__(Preview)
    preview.watched = [tmp_path]
    saves = preview.start_watching()
    assert preview.watching.wait(timeout=30)
    (tmp_path / "post.md").write_text("saved", encoding="utf-8")
    assert str(tmp_path / "post.md") in saves.get(timeout=10)


def test_a_save_is_scanned_for_privacy_and_warned_about_in_the_preview(preview):
    project, _, said = preview
    _edit(project, "Not only this, but", "Ring his mum on 07700 900461. Not only this, but")
    seen = said.wait_for("warning: possible phone number: “07700 900461”")
    assert any(f"{POST}:" in line and "07700 900461" in line for line in said.lines[:seen]), said.lines


def _search(browser, base: str, query: str) -> list[str]:
    page = browser.new_page()
    page.goto(base + "search/")
    page.fill(".pagefind-ui__search-input", query)
    done = re.compile(r"^(No results|\d+ results?) for")
    page.locator(".pagefind-ui__message", has_text=done).wait_for(timeout=10_000)
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    page.close()
    return titles


def test_search_finds_what_was_saved_once_the_preview_says_the_index_is_updated(preview, browser):
    project, base, said = preview
    said.wait_for("Search index updated")  # the first build's
    assert "Baby P effect sustained" not in _search(browser, base, "Quokkafield")
    seen = len(said.lines)
    _edit(project, "Not only this, but", "Not only this, Quokkafield said, but")
    rebuilt = said.wait_for("Rebuilt in", after=seen)
    said.wait_for("Search index updated", after=rebuilt)
    assert "Baby P effect sustained" in _search(browser, base, "Quokkafield")
