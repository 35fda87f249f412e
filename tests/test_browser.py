"""The built site in a real browser: accessibility (axe-core) and search."""

from __future__ import annotations

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import ROOT, build_site
from tests.site_server import free_port, serve

PAGES = {
    "home": "",
    "article": "2007/01/ofsted-doesnt-recognise-the-practice-chaos-and-professional-carnage-it-leaves/",
    "tag": "tag/childrens-social-work/",
    "all tags": "tags/",
    "month": "2011/07/",
    "year": "2009/",
    "archives": "archives/",
    "search": "search/",
    "404": "2011/07/no-such-post/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    port = free_port()
    out = build_site(
        ROOT, tmp_path_factory.mktemp("site"), production=True, siteurl=f"http://127.0.0.1:{port}/blog"
    )
    with serve(out, prefix="/blog", port=port) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_no_serious_accessibility_violations(site, browser, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    found = {}
    axe = Axe()
    for name, path in PAGES.items():
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        violations = axe.run(page).response["violations"]
        serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
        # Nothing overflows sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    context.close()
    assert found == {}
    # The 404 page is the only one that should log a failed load (its own status).
    assert [e for e in errors if "404" not in e] == []


def _search(browser, site: str, query: str) -> list[str]:
    page = browser.new_page()
    page.goto(site + "search/")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    page.close()
    return titles


def test_search_finds_the_ray_jones_post(site, browser):
    titles = _search(browser, site, "Ofsted")
    assert (
        "‘Ofsted doesn’t recognise the practice chaos and professional carnage it leaves in its wake’"
        in titles
    )


def test_search_for_a_tag_name_finds_its_posts(site, browser):
    titles = _search(browser, site, "Social care funding")
    assert "Baby P effect sustained" in titles


def test_search_query_in_the_address_runs_the_search(site, browser):
    page = browser.new_page()
    page.goto(site + "search/?q=Trowler")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    assert page.locator(".pagefind-ui__result-link").first.inner_text().startswith("Isabelle Trowler")
    assert page.locator("[data-search-fallback]").is_hidden()
    page.close()


def _search_outcome(browser, site: str, query: str) -> tuple[list[str], str]:
    """The result titles for a query, and Pagefind's message ("No results for …")."""
    page = browser.new_page()
    page.goto(site + "search/")
    page.fill(".pagefind-ui__search-input", query)
    done = re.compile(r"^(No results|\d+ results?) for")
    page.locator(".pagefind-ui__message", has_text=done).wait_for(timeout=10_000)
    message = page.locator(".pagefind-ui__message").inner_text()
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    page.close()
    return titles, message


@pytest.mark.parametrize("query", ["zyxwvut", "flibbertigibbet"])
def test_search_for_a_nonsense_word_finds_nothing(site, browser, query):
    titles, message = _search_outcome(browser, site, query)
    assert titles == [] and message.startswith("No results"), (query, titles)


def _post_texts() -> dict[str, str]:
    """Each post's title and body (what search indexes), by title."""
    texts = {}
    for path in (ROOT / "content" / "posts").rglob("*.md"):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        title = yaml.safe_load(front)["title"]
        texts[title] = f"{title}\n{body}".lower()
    return texts


@pytest.mark.parametrize("query, stem", [("comments", "comment"), ("recorded", "record")])
def test_search_finds_only_posts_whose_text_has_the_word(site, browser, query, stem):
    # The date line, the comment count and the dating note are not post text.
    titles, _ = _search_outcome(browser, site, query)
    texts = _post_texts()
    assert [t for t in titles if stem not in texts[t]] == []


def test_search_for_a_word_from_one_post_finds_that_post_first(site, browser):
    titles, _ = _search_outcome(browser, site, "Cafcass")
    assert titles[0] == "Baby P effect sustained"


def test_header_is_compact_on_a_phone_and_list_titles_read_as_titles(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site)
    header = page.locator(".site-header").bounding_box()
    assert header["y"] + header["height"] <= 110
    # Titles in lists are in the text colour, not underlined, and the same once visited.
    title = page.locator(".post-list h2 a").first
    colour = "e => getComputedStyle(e).color"
    assert title.evaluate(colour) == page.locator("body").evaluate(colour)
    assert "none" in title.evaluate("a => getComputedStyle(a).textDecorationLine")
    # "Page N of M" sits on the line of the links beside it.
    page.goto(site + "page/2/")
    boxes = [page.locator(f".pagination .{name}").bounding_box() for name in ("newer", "page-of", "older")]
    assert len({round(b["y"]) for b in boxes}) == 1
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    context.close()
