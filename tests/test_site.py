"""The built site, for real: counts, dates, links, feeds and GitHub Pages files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin
from urllib.request import urlopen

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site
from tests.site_server import crawl, free_port, serve

ATOM = "{http://www.w3.org/2005/Atom}"


def _status(url: str) -> int:
    try:
        with urlopen(url) as response:
            return response.status
    except HTTPError as error:
        return error.code


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _front_matter() -> dict[str, dict]:
    posts = {}
    for path in (ROOT / "content" / "posts").rglob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        posts[meta["title"]] = meta
    return posts


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def prod_site(tmp_path_factory) -> tuple[Path, int]:
    port = free_port()
    out = build_site(
        ROOT,
        tmp_path_factory.mktemp("prod"),
        production=True,
        siteurl=f"http://127.0.0.1:{port}/blog",
        cname="blog.example.org",
    )
    return out, port


def _listed(page: BeautifulSoup) -> dict[str, str | None]:
    """Title -> the comment label shown beside it (None when there is none), for a list page."""
    listed = {}
    for item in page.select(".post-list > li"):
        title = (item.find("h2") or item.find("h3")).get_text(strip=True)
        label = item.select_one(".comments")
        listed[title] = label.get_text(strip=True) if label else None
    return listed


def _expected_label(meta: dict) -> str | None:
    # A post with no recorded count shows none, rather than "no comments".
    if "comments" not in meta:
        return None
    n = meta["comments"]
    return "no comments" if n == 0 else f"{n} comment{'s' if n != 1 else ''}"


def test_tag_page_counts_posts_and_comments(dev_site):
    page = _soup(dev_site / "tag" / "childrens-social-work" / "index.html")
    assert page.select_one(".totals").get_text(strip=True) == "7 posts · 2 comments"
    listed = _listed(page)
    assert len(listed) == 7
    posts = _front_matter()
    for title, label in listed.items():
        assert label == _expected_label(posts[title]), title


def test_month_page_lists_its_posts_with_counts_and_neighbours(dev_site):
    page = _soup(dev_site / "2011" / "07" / "index.html")
    assert page.find("h1").get_text(strip=True) == "July 2011"
    # None of its posts has a recorded count, so no total is claimed.
    assert page.select_one(".totals").get_text(strip=True) == "6 posts"
    assert list(_listed(page).values()) == [None] * 6
    nav = page.select_one("nav.post-nav")
    assert nav.select_one(".older a").get_text() == "December 2009"
    assert nav.select_one(".newer a").get_text() == "June 2016"


def test_year_page_and_archives_index(dev_site):
    year = _soup(dev_site / "2009" / "index.html")
    assert year.select_one(".totals").get_text(strip=True) == "10 posts · 2 comments"
    archives = _soup(dev_site / "archives" / "index.html")
    rows = {
        a.get_text(strip=True): a.find_next("span").get_text(strip=True) for a in archives.select("li > a")
    }
    assert rows["July 2011"] == "6 posts"
    unknown = [li.get_text(" ", strip=True) for li in archives.select("li.month-unknown")]
    assert unknown == ["Month not known 7 posts · no comments", "Month not known 3 posts"]
    assert rows["December 2009"] == "3 posts · 2 comments"


def test_all_tags_page(dev_site):
    page = _soup(dev_site / "tags" / "index.html")
    rows = {
        a.get_text(strip=True): a.find_next("span").get_text(strip=True) for a in page.select(".term-list a")
    }
    assert rows["children’s social work"] == "7 posts · 2 comments"
    assert rows["social care funding"] == "1 post · 2 comments"
    assert len(rows) == 5


def test_article_page_shows_honest_dates_sources_and_neighbours(dev_site):
    baby_p = _soup(dev_site / "2009" / "12" / "baby-p-effect-sustained" / "index.html")
    time = baby_p.select_one(".post-header time")
    assert time.get_text() == "December 2009" and time["datetime"] == "2009-12"
    # An inferred date is a lower bound, and the note gives the evidence actually used.
    assert baby_p.select_one(".post-header .date").get_text() == "date not recorded; after December 2009"
    note = baby_p.select_one(".note").get_text()
    assert "not recorded" in note and "judging by the latest date the post mentions" in note
    assert "‘December 2009’" in note and "(line" not in note
    assert baby_p.select_one(".comments").get_text() == "2 comments"
    assert [a.get_text() for a in baby_p.select(".tags a")] == [
        "children’s social work",
        "social care funding",
    ]
    assert baby_p.select_one("a[rel=prev]") and baby_p.select_one("a[rel=next]")

    trowler = _soup(
        dev_site
        / "2016"
        / "06"
        / "isabelle-trowler-on-practice-professionalism-and-private-influence-in-social"
        / "index.html"
    )
    assert trowler.select_one(".post-header time").get_text() == "6 June 2016"
    assert trowler.select_one(".source").get_text(strip=True) == "First published in Community Care."
    assert trowler.find("html")["lang"] == "en-GB"


def test_home_is_newest_first_and_paginated(dev_site):
    home = _soup(dev_site / "index.html")
    titles = [h.get_text(strip=True) for h in home.select(".post-list h2")]
    assert titles[0] == "Workforce skills for the future"
    assert len(titles) == 10
    assert (dev_site / "page" / "3" / "index.html").is_file()


def test_no_javascript_outside_search(dev_site):
    for page in dev_site.rglob("*.html"):
        scripts = _soup(page).find_all("script")
        if page.relative_to(dev_site).as_posix() == "search/index.html":
            assert scripts
        else:
            assert scripts == [], page


def test_zero_broken_links_at_the_root(dev_site):
    with serve(dev_site) as base:
        pages, broken = crawl(base)
    assert broken == []
    assert len(pages) > 40


def test_zero_broken_links_under_a_project_subpath(prod_site):
    out, port = prod_site
    with serve(out, prefix="/blog", port=port) as base:
        pages, broken = crawl(base)
        deep = base + "2011/07/no/such/page/"
        with pytest.raises(HTTPError) as missing:
            urlopen(deep)
        not_found = BeautifulSoup(missing.value.read(), "html.parser")
        links = {
            urldefrag(urljoin(deep, t.get("href") or t.get("src"))).url
            for t in not_found.select("[href], [src]")
        }
        links.discard(deep)
        statuses = {link: _status(link) for link in links if link.startswith(base)}
    assert broken == []
    assert len(pages) > 40
    # The 404 page answers at any depth, and every link on it works from there.
    assert missing.value.code == 404
    assert not_found.find("h1").get_text() == "Page not found"
    assert len(statuses) >= 6
    assert {link: status for link, status in statuses.items() if status != 200} == {}


def test_feeds_parse_and_hold_the_posts(prod_site):
    out, port = prod_site
    feed = ET.parse(out / "feeds" / "all.atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 21
    tag = ET.parse(out / "feeds" / "tag" / "childrens-social-work.atom.xml").getroot()
    titles = sorted(e.find(f"{ATOM}title").text for e in tag.findall(f"{ATOM}entry"))
    expected = sorted(t for t, m in _front_matter().items() if "children’s social work" in m.get("tags", []))
    assert titles == expected
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith(f"http://127.0.0.1:{port}/blog/")


def test_github_pages_files_sitemap_and_robots(prod_site):
    out, port = prod_site
    assert (out / ".nojekyll").is_file()
    assert (out / "CNAME").read_text() == "blog.example.org\n"
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(loc.startswith(f"http://127.0.0.1:{port}/blog/") for loc in locs)
    assert f"http://127.0.0.1:{port}/blog/2011/07/" in locs
    assert f"Sitemap: http://127.0.0.1:{port}/blog/sitemap.xml" in (out / "robots.txt").read_text()


def test_local_build_has_no_cname(dev_site):
    assert (dev_site / ".nojekyll").is_file()
    assert not (dev_site / "CNAME").exists()


def test_canonical_addresses_are_absolute_or_absent(dev_site, prod_site):
    out, port = prod_site
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == f"http://127.0.0.1:{port}/blog/"
    second = BeautifulSoup((out / "page/2/index.html").read_text(encoding="utf-8"), "html.parser")
    assert second.find("link", rel="canonical")["href"] == f"http://127.0.0.1:{port}/blog/page/2/"
    # The local build cannot know its address: no canonical, no sitemap line.
    for page in dev_site.rglob("*.html"):
        assert 'rel="canonical"' not in page.read_text(encoding="utf-8"), page
    assert "Sitemap" not in (dev_site / "robots.txt").read_text()


def test_year_folders_are_not_categories(dev_site, prod_site):
    categories = _soup(dev_site / "categories" / "index.html")
    names = [a.get_text() for a in categories.select(".term-list a")]
    assert sorted(names) == ["News & Social Media", "Social care", "Uncategorised"]
    assert sorted(p.name for p in (dev_site / "category").iterdir()) == [
        "news-social-media",
        "social-care",
        "uncategorised",
    ]
    out, _ = prod_site
    feed = ET.parse(out / "feeds" / "all.atom.xml").getroot()
    terms = {c.get("term") for c in feed.iter(f"{ATOM}category")}
    assert "Uncategorised" in terms
    assert not {t for t in terms if t.isdigit()}


def test_older_and_newer_links_point_the_right_way(dev_site):
    page = _soup(
        dev_site
        / "2016"
        / "06"
        / "isabelle-trowler-on-practice-professionalism-and-private-influence-in-social"
        / "index.html"
    )
    older = page.select_one(".older a[rel=prev]")["href"]
    newer = page.select_one(".newer a[rel=next]")["href"]
    assert "/2011/" in older and newer.endswith("/2019/09/workforce-skills-for-the-future/")


def test_dates_from_a_listing_say_so_and_claim_no_bound_they_lack(dev_site):
    gaps = _soup(
        dev_site / "2009" / "12" / "gaps-in-coalition-plans-for-children-and-families" / "index.html"
    )
    assert gaps.select_one(".post-header .date").get_text() == "date not recorded; after December 2009"
    note = gaps.select_one(".note").get_text()
    assert "its place in a listing" in note and "mentions" not in note and "c. " not in note
    # Older than a neighbour that is itself only bounded below: no bound is claimed.
    older = _soup(dev_site / "2009" / "big-week-for-social-care" / "index.html")
    assert older.select_one(".post-header .date").get_text() == "date not recorded"
    assert older.select_one(".post-header time") is None
    assert "listed below (so is older than)" in older.select_one(".note").get_text()


def test_addresses_claim_no_month_that_is_not_known(dev_site):
    posts = _front_matter()
    year_only = [m for m in posts.values() if m.get("date_precision") == "year"]
    assert len(year_only) >= 5
    for meta in year_only:
        year = str(meta["date"].year)
        assert (dev_site / year / meta["slug"] / "index.html").is_file(), meta["slug"]
        # The month address it was once published at only sends readers on (moved_posts).
        old = _soup(dev_site / year / f"{meta['date'].month:02d}" / meta["slug"] / "index.html")
        refresh = old.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url=../../../{year}/{meta['slug']}/"
        assert old.select_one("main .post") is None
    # No month page for posts whose month is not known; their year page says so.
    assert not (dev_site / "2009" / "01" / "index.html").exists()
    year = _soup(dev_site / "2009" / "index.html")
    assert year.select_one(".month-unknown").get_text(strip=True).startswith("Month not known: 7 posts")
    assert len(year.select(".post-list > li")) == 10
    # Posts known to the day or month keep their addresses.
    assert (dev_site / "2011" / "07" / "stale-practise" / "index.html").is_file()
    assert (dev_site / "2009" / "12" / "baby-p-effect-sustained" / "index.html").is_file()


def test_related_posts_share_a_tag(dev_site):
    page = _soup(dev_site / "2009" / "12" / "baby-p-effect-sustained" / "index.html")
    related = [a.get_text(strip=True) for a in page.select(".related a")]
    assert 1 <= len(related) <= 3 and "Baby P effect sustained" not in related
    posts = _front_matter()
    mine = set(posts["Baby P effect sustained"]["tags"])
    assert all(mine & set(posts[title].get("tags", [])) for title in related)


def test_the_summary_on_the_home_page_is_on_the_post(dev_site):
    posts = _front_matter()
    title, meta = next((t, m) for t, m in posts.items() if m.get("summary"))
    home_items = {
        li.find("h2").get_text(strip=True): li.select_one(".summary").get_text(" ", strip=True)
        for li in _soup(dev_site / "index.html").select(".post-list > li")
    }
    path = next(dev_site.rglob(f"{meta['slug']}/index.html"))
    standfirst = _soup(path).select_one(".standfirst").get_text(" ", strip=True)
    assert standfirst and standfirst == home_items[title]


def test_every_page_has_its_own_title_and_an_absolute_canonical_address(prod_site):
    out, port = prod_site
    base = f"http://127.0.0.1:{port}/blog/"
    titles: dict[str, str] = {}
    moved: list[str] = []
    for page in out.rglob("*.html"):
        relative = page.relative_to(out).as_posix()
        if relative == "404.html" or relative.startswith("pagefind/"):
            continue
        soup = _soup(page)
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is not None:
            # A moved post's old address names the new one as canonical (moved_posts).
            target = refresh["content"].removeprefix("0; url=")
            assert soup.find("link", rel="canonical")["href"] == target
            assert target.startswith(base) and target != base + relative
            assert (out / target.removeprefix(base) / "index.html").is_file(), relative
            moved.append(relative)
            continue
        expected = base + relative.removesuffix("index.html")
        assert soup.find("link", rel="canonical")["href"] == expected, relative
        assert soup.find("meta", property="og:url")["content"] == expected
        assert soup.find("meta", property="og:title")["content"] == soup.title.get_text()
        titles.setdefault(soup.title.get_text(), relative)
        assert titles[soup.title.get_text()] == relative, f"{relative} shares its title"
    assert _soup(out / "page" / "2" / "index.html").title.get_text().startswith("Posts, page 2 ·")
    assert len(moved) == 10


def test_articles_carry_valid_blogposting_structured_data(prod_site):
    out, port = prod_site
    base = f"http://127.0.0.1:{port}/blog/"
    posts = _front_matter()
    checked = 0
    for title, meta in posts.items():
        page = next(out.rglob(f"{meta['slug']}/index.html"))
        soup = _soup(page)
        blocks = soup.find_all("script", type="application/ld+json")
        assert len(blocks) == 1, page
        data = json.loads(blocks[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "BlogPosting"
        assert data["headline"] == title
        assert data["url"] == soup.find("link", rel="canonical")["href"]
        assert data["url"].startswith(base) and data["publisher"]["name"] == "Children’s Social Work Notes"
        assert data["author"]["@type"] in {"Person", "Organization"} and data["author"]["name"]
        assert data["keywords"] == meta.get("tags", [])
        if meta.get("date_source") == "inferred":
            assert "datePublished" not in data, title
        else:
            published = data["datePublished"]
            precision = meta.get("date_precision", "day")
            assert len(published) == {"year": 4, "month": 7}.get(precision, len(published))
            if precision == "day":
                datetime.fromisoformat(published)
        if "comments" in meta:
            assert data["commentCount"] == meta["comments"]
        checked += 1
    assert checked == 21


def test_rss_and_atom_feeds_agree_and_tag_feeds_link_to_their_tag(prod_site):
    out, port = prod_site
    base = f"http://127.0.0.1:{port}/blog/"
    rss = ET.parse(out / "feeds" / "all.rss.xml").getroot()
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    items = rss.findall("channel/item")
    atom = ET.parse(out / "feeds" / "all.atom.xml").getroot().findall(f"{ATOM}entry")
    assert len(items) == len(atom) == 21
    for item in items:
        assert item.findtext("title") and item.findtext("link").startswith(base)
        parsedate_to_datetime(item.findtext("pubDate"))
    for kind, path in (
        ("atom", "feeds/tag/childrens-social-work.atom.xml"),
        ("rss", "feeds/tag/childrens-social-work.rss.xml"),
    ):
        root = ET.parse(out / path).getroot()
        link = root.find(f"{ATOM}link").get("href") if kind == "atom" else root.findtext("channel/link")
        assert link == base + "tag/childrens-social-work/", kind
    tag_page = _soup(out / "tag" / "childrens-social-work" / "index.html")
    feeds = {link["type"]: link["href"] for link in tag_page.find_all("link", rel="alternate")}
    assert feeds["application/rss+xml"].endswith("feeds/tag/childrens-social-work.rss.xml")


def test_feed_entries_say_when_their_time_stands_for_an_unknown_date(prod_site):
    out, _ = prod_site
    posts = _front_matter()
    for entry in ET.parse(out / "feeds" / "all.atom.xml").getroot().findall(f"{ATOM}entry"):
        meta = posts[entry.findtext(f"{ATOM}title")]
        text = entry.findtext(f"{ATOM}content") or entry.findtext(f"{ATOM}summary") or ""
        says = "not for when it was published" in text or "not for the day it was published" in text
        known = meta.get("date_source") != "inferred" and meta.get("date_precision", "day") == "day"
        assert says != known, meta["title"]


def test_sitemap_gives_dates_only_as_precisely_as_known(prod_site):
    out, port = prod_site
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {
        url.findtext(f"{ns}loc"): url.findtext(f"{ns}lastmod")
        for url in ET.parse(out / "sitemap.xml").getroot().findall(f"{ns}url")
    }
    base = f"http://127.0.0.1:{port}/blog/"
    assert lastmod[base + "2009/big-week-for-social-care/"] is None
    assert lastmod[base + "2011/07/stale-practise/"] == "2011-07"
    assert (
        lastmod[
            base + "2016/06/isabelle-trowler-on-practice-professionalism-and-private-influence-in-social/"
        ]
        == "2016-06-06"
    )
