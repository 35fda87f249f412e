"""Comments through GitHub Discussions (giscus): off by default, counts from recorded API answers."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from authoring.discussions import update
from tests.conftest import build_site
from tests.site_server import free_port

RECORDED = Path(__file__).parent / "data" / "discussions"
GISCUS = {
    "repo": "example/blog",
    "repo_id": "R_kgDOexample",
    "category": "Comments",
    "category_id": "DIC_kwDOexample",
}
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def api():
    """A local stand-in for api.github.com/graphql answering with recorded responses."""
    asked: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            asked.append({"auth": self.headers["Authorization"], **request["variables"]})
            after = request["variables"]["after"]
            name = (
                "error.json"
                if request["variables"]["name"] != "blog"
                else ("page2.json" if after else "page1.json")
            )
            body = (RECORDED / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/graphql", asked
    server.shutdown()
    server.server_close()


def test_counts_are_fetched_page_by_page_into_the_file(api, tmp_path):
    url, asked = api
    path = tmp_path / "counts.json"
    outcome = update(path, GISCUS, "read-only-token", api=url, now=NOW)
    assert outcome.ok, outcome.message
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "fetched": "2026-11-23T09:00:00+00:00",
        "repo": "example/blog",
        "counts": {
            "2009/12/baby-p-effect-sustained/": 3,
            "2019/09/workforce-skills-for-the-future/": 1,
            "2011/07/stale-practise/": 2,
        },
    }
    assert [a["after"] for a in asked] == [None, "Y3Vyc29yOnYyOpK5MjAyNi0xMS0yMFQxMDowMDowMFo="]
    assert {a["auth"] for a in asked} == {"bearer read-only-token"}
    assert {a["category"] for a in asked} == {"DIC_kwDOexample"}


def test_without_network_the_last_counts_stay_and_their_age_is_said(tmp_path):
    path = tmp_path / "counts.json"
    kept = '{"fetched": "2026-11-20T09:00:00+00:00", "repo": "example/blog", "counts": {"a/": 1}}\n'
    path.write_text(kept, encoding="utf-8")
    closed = f"http://127.0.0.1:{free_port()}/graphql"
    outcome = update(path, GISCUS, "token", api=closed, now=NOW)
    assert not outcome.ok
    assert "could not reach" in outcome.message and "2026-11-20 09:00 UTC (3 days old)" in outcome.message
    assert path.read_text(encoding="utf-8") == kept


def test_an_error_answer_keeps_the_file_and_says_what_github_said(api, tmp_path):
    url, _ = api
    path = tmp_path / "counts.json"
    outcome = update(path, {**GISCUS, "repo": "example/other"}, "token", api=url, now=NOW)
    assert not outcome.ok and "Could not resolve to a Repository" in outcome.message
    assert "no earlier counts" in outcome.message and not path.exists()


def test_off_by_default_nothing_is_fetched(tmp_path):
    outcome = update(tmp_path / "counts.json", None, "token", now=NOW)
    assert outcome.ok and "off" in outcome.message and not (tmp_path / "counts.json").exists()


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _csp(page: BeautifulSoup) -> str:
    return page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


@pytest.fixture
def site_with_discussions(api, project_copy, tmp_path):
    url, _ = api
    counts = project_copy / "cache" / "discussion-counts.json"
    assert update(counts, GISCUS, "token", api=url, now=NOW).ok
    with (project_copy / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nGISCUS = {GISCUS!r}\nDISCUSSION_COUNTS_FILE = {str(counts)!r}\n")
    post = project_copy / "content" / "posts" / "2011" / "stale-practise.md"
    post.write_text(post.read_text(encoding="utf-8").replace("\n---", "\ndiscussion: false\n---", 1), "utf-8")
    return build_site(project_copy, tmp_path / "out")


def test_giscus_only_on_open_posts_with_csp_widened_there_alone(site_with_discussions):
    site = site_with_discussions
    post = _soup(site / "2009" / "12" / "baby-p-effect-sustained" / "index.html")
    script = post.select_one("#discussion script")
    assert script["src"] == "https://giscus.app/client.js"
    assert script["data-repo"] == "example/blog" and script["data-term"] == "2009/12/baby-p-effect-sustained/"
    assert "GitHub" in post.select_one("#discussion .note").get_text()
    csp = _csp(post)
    assert "script-src 'self' https://giscus.app" in csp and "frame-src https://giscus.app" in csp
    # Turned off by the post itself: no widget, no widening.
    closed = _soup(site / "2011" / "07" / "stale-practise" / "index.html")
    assert closed.select_one("#discussion") is None and "giscus" not in _csp(closed)
    for page in ("index.html", "tags/index.html", "2009/index.html", "search/index.html"):
        soup = _soup(site / page)
        assert "giscus" not in str(soup), page


def test_discussion_counts_add_to_the_old_blogs(site_with_discussions):
    site = site_with_discussions
    post = _soup(site / "2009" / "12" / "baby-p-effect-sustained" / "index.html")
    assert post.select_one(".post-header .comments").get_text(strip=True) == "5 comments"
    newer = _soup(site / "2019" / "09" / "workforce-skills-for-the-future" / "index.html")
    assert newer.select_one(".post-header .comments").get_text(strip=True) == "1 comment"
    tag = _soup(site / "tag" / "childrens-social-work" / "index.html")
    assert tag.select_one(".totals").get_text(strip=True) == "7 posts · 5 comments"
    # The post that turned discussion off keeps only what the old blog knew (nothing).
    month = _soup(site / "2011" / "07" / "index.html")
    assert month.select_one(".totals").get_text(strip=True) == "6 posts · no comments"
    stale = _soup(site / "2011" / "07" / "stale-practise" / "index.html")
    assert stale.select_one(".comments") is None
