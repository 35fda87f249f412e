"""A published post that moved still answers at its old address (moved_posts),
and the author check notes the move instead of blocking it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site, pelican, tree
from tests.site_server import free_port, serve
from tests.test_authoring import run

pytestmark = pytest.mark.slow

RECORD = "published-addresses.txt"
STALE = "content/posts/2011/stale-practise.md"


def _year_only_moves() -> dict[str, str]:
    """Old /YYYY/01/slug/ address -> new /YYYY/slug/ address of every year-only legacy post."""
    recorded = {
        line.split(" ", 1)[1]: line.split(" ", 1)[0]
        for line in (ROOT / RECORD).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and "/01/" in line.split(" ", 1)[0]
    }
    moves = {}
    for path in sorted((ROOT / "content" / "posts").rglob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if meta.get("date_precision") == "year":
            old = recorded[path.relative_to(ROOT).as_posix()]
            moves[old] = f"{meta['date'].year}/{meta['slug']}/"
    return moves


def _redirect(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _refresh_target(page: Path) -> str | None:
    refresh = _redirect(page).find("meta", attrs={"http-equiv": "refresh"})
    return refresh["content"].removeprefix("0; url=") if refresh else None


def _line_of(project: Path, address: str) -> int:
    lines = (project / RECORD).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(address + " "))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    port = free_port()
    site = build_site(
        ROOT, tmp_path_factory.mktemp("site"), production=True, siteurl=f"http://127.0.0.1:{port}/blog"
    )
    with serve(site, prefix="/blog", port=port) as base:
        yield site, base


def test_year_only_posts_old_addresses_lead_to_their_new_ones_in_the_browser(published, browser):
    _, base = published
    moves = _year_only_moves()
    assert len(moves) == 10  # 3 from 2007, 7 from 2009
    page = browser.new_page()
    for old, new in moves.items():
        page.goto(base + old)
        page.wait_for_url(base + new, timeout=10_000)
        assert page.locator("h1").first.inner_text().strip(), new
        assert "has moved" not in page.content()
    page.close()


def test_the_redirect_page_says_where_the_post_went(published):
    site, base = published
    for old, new in _year_only_moves().items():
        soup = _redirect(site / old / "index.html")
        assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={base}{new}"
        assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [base + new]
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
        assert soup.title.get_text().startswith("Moved: ")
        assert [a["href"] for a in soup.select("main a")] == [base + new]
        assert soup.find("meta", property="og:url") is None
    # Listed nowhere: not in the sitemap, not in any feed.
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    feeds = "".join(p.read_text(encoding="utf-8") for p in (site / "feeds").rglob("*.xml"))
    ET.fromstring(text.encode())
    for old in _year_only_moves():
        assert old not in text and old not in feeds


def test_a_post_whose_slug_changed_redirects_in_the_local_build(project_copy, tmp_path):
    post = project_copy / STALE
    post.write_text(
        post.read_text(encoding="utf-8").replace('slug: "stale-practise"', 'slug: "stale-practice"'),
        encoding="utf-8",
    )
    site = build_site(project_copy, tmp_path / "site")
    assert (site / "2011" / "07" / "stale-practice" / "index.html").is_file()
    old = site / "2011" / "07" / "stale-practise" / "index.html"
    # Relative, as every page of the local build links; no canonical, as none has one here.
    assert _refresh_target(old) == "../../../2011/07/stale-practice/"
    assert _redirect(old).find("link", rel="canonical") is None
    assert "Stale practise" in _redirect(old).select_one("main a").get_text()
    checked = run(project_copy, "check", "--strict")
    assert checked.returncode == 0, checked.stdout
    at = next(n for n, line in enumerate(post.read_text().splitlines(), 1) if line.startswith("slug:"))
    assert (
        f"{STALE}:{at}: note: the post moved from /2011/07/stale-practise/ to /2011/07/stale-practice/; "
        "the old address redirects there\n"
        "    what to do: nothing: keep the line for /2011/07/stale-practise/ in published-addresses.txt "
        "so that the redirect stays; to give the post its old address back, add the line slug: stale-practise"
    ) in checked.stdout
    record = (project_copy / RECORD).read_text(encoding="utf-8")
    assert f"2011/07/stale-practise/ {STALE}\n" in record
    assert f"2011/07/stale-practice/ {STALE}\n" in record


def test_a_deleted_post_gets_no_redirect_but_a_warning(project_copy, tmp_path):
    (project_copy / STALE).unlink()
    line = _line_of(project_copy, "2011/07/stale-practise/")
    site = build_site(project_copy, tmp_path / "site")
    assert not (site / "2011" / "07" / "stale-practise").exists()
    checked = run(project_copy, "check", "--strict")
    assert checked.returncode == 1
    assert (
        f"{RECORD}:{line}: warning: the published address /2011/07/stale-practise/ (from {STALE}) "
        "is made by no post now, so nothing redirects from it; links to it will break\n"
        f"    what to do: put the post back (git checkout -- {STALE} restores a deleted file), "
    ) in checked.stdout
    assert "0 error(s), 1 warning(s), 0 reviewed privacy note(s), 10 moved post(s)" in checked.stdout
    accepted = run(project_copy, "check", "--strict", "--accept-addresses")
    assert accepted.returncode == 0, accepted.stdout
    record = (project_copy / RECORD).read_text(encoding="utf-8")
    assert "stale-practise" not in record
    # The moved posts' old addresses stay recorded, so their redirects stay.
    assert all(f"{old} " in record for old in _year_only_moves())


def test_a_record_line_that_is_not_an_address_writes_nothing_and_says_so(project_copy, tmp_path):
    bad = [
        "../../etc/",
        "2011/07/../../../../outside/",
        "/tmp/absolute/",
        "2011/07/Stale-Practise/",
        "2011/07/a b/",
    ]
    with (project_copy / RECORD).open("a", encoding="utf-8") as record:
        # Each names a file that makes a published post, so only the address stops it.
        record.write("".join(f"{address} {STALE}\n" for address in bad))
    first = _line_of(project_copy, bad[0])
    before = set(tmp_path.rglob("*"))
    result = pelican(project_copy, tmp_path / "site", "--log-handler", "plain", fatal=False)
    said = result.stdout + result.stderr
    assert (
        f"{RECORD}:{first}: error: '../../etc/' in the record of published addresses is not an address "
        "on this site, so no page is written for it\n"
        "    what to do: an address is written like 2009/12/a-post-title/"
    ) in said
    assert said.count("in the record of published addresses is not an address on this site") == len(bad)
    assert "Traceback" not in said
    # The good lines still get their redirects; nothing lands outside the output folder.
    assert _refresh_target(tmp_path / "site" / "2009" / "01" / "big-week-for-social-care" / "index.html")
    made = {p for p in tmp_path.rglob("*") if p not in before}
    # The build's own lock and staging folder sit beside the site, by design.
    own = {".site.lock", ".site.build"}
    outside = [
        p
        for p in made
        if not p.is_relative_to(tmp_path / "site")
        and not {"cache", "__pycache__"} & set(p.parts)  # Python's compiled modules, where it writes them
        and not own & set(p.parts)
    ]
    assert outside == []
    assert not Path("/tmp/absolute").exists()
    # The build stops on it, and the check says which line.
    stopped = pelican(project_copy, tmp_path / "stopped", "--log-handler", "plain")
    assert stopped.returncode != 0
    checked = run(project_copy, "check")
    assert checked.returncode == 1
    assert f"{RECORD}:{first}: error: '../../etc/' in the record of published addresses" in checked.stdout


def test_a_recorded_address_a_page_of_the_build_has_is_never_written_over(project_copy, tmp_path):
    clean = tree(build_site(project_copy, tmp_path / "clean"))
    taken = ["2011/07/secure-places/", "tags/", "2011/07/", "2009/", "search/"]
    with (project_copy / RECORD).open("a", encoding="utf-8") as record:
        record.write("".join(f"{address} {STALE}\n" for address in taken))
    site = build_site(project_copy, tmp_path / "site")
    for address in taken:
        assert _refresh_target(site / address / "index.html") is None, address
    assert {k: v for k, v in tree(site).items() if not k.startswith("pagefind/")} == {
        k: v for k, v in clean.items() if not k.startswith("pagefind/")
    }


def test_the_check_passes_strictly_on_the_repository_as_it_is(project_copy):
    checked = run(project_copy, "check", "--strict")
    assert checked.returncode == 0, checked.stdout
    assert "0 error(s), 0 warning(s), 0 reviewed privacy note(s), 10 moved post(s)" in checked.stdout
    # Nothing new to record: the repository's record is up to date.
    assert (project_copy / RECORD).read_bytes() == (ROOT / RECORD).read_bytes()


def test_notes_on_the_repository_as_it_stands_are_counted_and_listed_only_when_asked(project_copy):
    old_move = "the post moved from /2009/01/big-week-for-social-care/"
    checked = run(project_copy, "check", "--no-site")
    site_checked = run(project_copy, "check")
    assert site_checked.returncode == 0, site_checked.stdout
    for said in (checked.stdout, site_checked.stdout):
        assert [line for line in said.splitlines() if ": note: " in line] == []
    assert "10 moved post(s) redirected" in site_checked.stdout
    assert "(.venv/bin/invoke check --notes lists them)" in site_checked.stdout
    listed = run(project_copy, "check", "--notes")
    assert old_move in listed.stdout
    assert "suggested" in "".join(line for line in listed.stdout.splitlines() if ": note: " in line)
    assert "--notes lists them" not in listed.stdout
