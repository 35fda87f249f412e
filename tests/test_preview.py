"""The local preview in a real browser: a save reloads the open page by itself."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from authoring.preview import Preview
from tests.site_server import free_port

pytestmark = pytest.mark.slow

POST = Path("content/posts/2009/baby-p-effect-sustained.md")
URL = "2009/12/baby-p-effect-sustained/"


def _get(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _edit(project: Path, old: str, new: str) -> None:
    path = project / POST
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


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
    base = f"http://127.0.0.1:{port}/"
    try:
        _get(base + URL)
        yield project_copy, base
    finally:
        process.terminate()
        process.output = process.communicate(timeout=20)[0]


def test_a_save_reloads_the_open_page(preview, browser):
    project, base = preview
    page = browser.new_page()
    page.goto(base + URL)
    assert "Not only this, but" in page.inner_text("main")
    _edit(project, "Not only this, but", "Not only this (saved), but")
    expect(page.locator("main")).to_contain_text("(saved)", timeout=20_000)
    # The reload script is the preview's: the built page has none.
    on_disk = (project / "output" / URL / "index.html").read_text(encoding="utf-8")
    assert "(saved)" in on_disk and "__preview" not in on_disk
    assert "/__preview/reload.js?build=" in _get(base + URL)


def test_a_bad_save_is_reported_and_the_preview_keeps_serving(preview, browser):
    project, base = preview
    page = browser.new_page()
    page.goto(base + URL)
    _edit(project, "title: ", "title: [unclosed ")
    time.sleep(1.5)
    assert "Baby P effect sustained" in _get(base + URL)
    _edit(project, "title: [unclosed ", "title: ")
    _edit(project, "Not only this, but", "Not only this (fixed), but")
    expect(page.locator("main")).to_contain_text("(fixed)", timeout=20_000)


def test_a_settings_change_restarts_the_preview(preview):
    project, base = preview
    settings = project / "pelicanconf.py"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("SITE_TAGLINE = ", "SITE_TAGLINE = 'Restarted' or "),
        encoding="utf-8",
    )
    deadline = time.monotonic() + 60
    while "Restarted" not in _get(base) and time.monotonic() < deadline:
        time.sleep(0.3)
    assert "Restarted" in _get(base)


def test_a_save_made_while_a_build_runs_is_kept_for_the_next_build(tmp_path):
    # The watcher alone, without a Pelican: nothing reads the saves meanwhile,
    # as nothing does while a build runs.
    preview = Preview.__new__(Preview)
    preview.watched = [tmp_path]
    saves = preview.start_watching()
    time.sleep(0.5)  # the watcher starts
    (tmp_path / "post.md").write_text("saved", encoding="utf-8")
    time.sleep(1)
    assert str(tmp_path / "post.md") in saves.get(timeout=10)


def test_a_save_is_scanned_for_privacy_and_warned_about_in_the_preview(project_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "authoring.preview", "--port", str(port)],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _get(base + URL)
        _edit(project_copy, "Not only this, but", "Ring his mum on 07700 900461. Not only this, but")
        deadline = time.monotonic() + 60
        while "07700 900461" not in _get(base + URL) and time.monotonic() < deadline:
            time.sleep(0.3)
        time.sleep(3)  # the scan reports just after the build
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert f"{POST}:" in output and "warning: possible phone number: “07700 900461”" in output, output
