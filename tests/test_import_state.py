"""The importer remembers what it wrote: deletions, addresses and duplicates across imports."""

from __future__ import annotations

from pathlib import Path

from importer.cli import main

ROOT_PAGES = Path(__file__).parent / "pages"

SECURE = "Monthly Archives: July 2011\n\nSecure places\n\nThe first post of that name.\n"
OLDER = "Monthly Archives: March 2009\n\nSecure places\n\nAn older post of the same name.\n"


def test_a_post_deleted_by_an_author_stays_deleted_unless_forced(make_raw, run_import):
    make_raw("a.txt", SECURE)
    first = run_import()
    [path] = first.posts()
    (first.out / path).unlink()
    again = run_import()
    assert again.posts() == {}
    assert again.report["posts_deleted"] == [path]
    assert sorted(run_import(force=True).posts()) == [path]


def test_an_existing_post_keeps_its_address_when_an_older_namesake_arrives(make_raw, run_import):
    make_raw("a.txt", SECURE)
    run_import()
    make_raw("b.txt", OLDER)
    posts = run_import().posts()
    assert "2011/secure-places.md" in posts and "first post" in posts["2011/secure-places.md"]
    assert "older post" in posts["2009/secure-places-2.md"]


def test_posts_written_before_the_manifest_existed_are_claimed_not_renamed(make_raw, run_import):
    make_raw("a.txt", SECURE)
    first = run_import()
    (first.out / ".import-manifest.json").unlink()
    assert sorted(run_import().posts()) == ["2011/secure-places.md"]


def test_an_unreadable_existing_post_is_reported_and_the_rest_imported(make_raw, raw_dir, tmp_path, capsys):
    make_raw("a.txt", SECURE)
    make_raw("b.txt", "Monthly Archives: May 2010\n\nAnother post\n\nText.\n")
    out = tmp_path / "posts"
    assert main(["--src", str(raw_dir), "--out", str(out)]) == 0
    post = out / "2011" / "secure-places.md"
    post.write_bytes(post.read_text(encoding="utf-8").replace("first", "fïrst").encode("cp1252"))
    (out / "2010" / "another-post.md").unlink()
    (out / ".import-manifest.json").unlink()
    assert main(["--src", str(raw_dir), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{post}: error: the existing post is not UTF-8" in err
    assert "Traceback" not in err
    assert (out / "2010" / "another-post.md").exists()


def test_a_page_repeated_many_times_gives_each_post_once(make_raw, run_import):
    page = "Monthly Archives: July 2011\n\nOne\n\nText one.\n\nTwo\n\nText two.\n\n"
    make_raw("a.txt", page * 1000)
    make_raw("b.txt", page)
    imported = run_import()
    assert sorted(imported.posts()) == ["2011/one.md", "2011/two.md"]
    warnings = [w for f in imported.report["files"] for w in f["warnings"]]
    assert any("repeat a post already read exactly" in w for w in warnings)


def test_imported_post_with_comments_builds_and_passes_the_check(project_copy, tmp_path):
    """A real Pelican build and the author check accept legacy comments and a draft reason."""
    import shutil

    from authoring.checks import check_content
    from importer.pipeline import import_archive
    from tests.conftest import pelican_ok

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT_PAGES / "twentytwelve_comments.txt", raw / "comments.txt")
    (raw / "unsure.txt").write_text("Home\n\nAbout\n\nWords that run on for a while without any date.\n")
    import_archive(raw, project_copy / "content" / "posts", label_root=tmp_path)
    problems = [p for p in check_content(project_copy / "content") if "legacy_comments" in str(p) or "draft" in str(p)]
    assert problems == []
    out = tmp_path / "output"
    pelican_ok(project_copy, out)
    page = (out / "2012" / "06" / "supervision-is-not-a-checklist" / "index.html").read_text(encoding="utf-8")
    assert "Supervision in our team" in page


def test_review_page_shows_each_line_with_where_it_went(make_raw, raw_dir, tmp_path):
    from bs4 import BeautifulSoup

    make_raw("comments.txt", (ROOT_PAGES / "twentytwelve_comments.txt").read_text(encoding="utf-8"))
    make_raw("unsure.txt", "Home\n\nAbout\n\nWords that run on for a while without any date at all.\n")
    review = tmp_path / "review.html"
    assert main(["--src", str(raw_dir), "--out", str(tmp_path / "posts"), "--review", str(review)]) == 0
    html = BeautifulSoup(review.read_text(encoding="utf-8"), "html.parser")
    struck = {li.get_text(" ", strip=True) for li in html.select("li.dropped")}
    assert "Leave a Reply comment form" in struck
    assert "Proudly powered by WordPress page buttons" in struck
    assert "Supervision is not a checklist" in [li.get_text() for li in html.select("li.title")]
    assert html.select("li.comment") and html.select("li.body")
    assert [s["id"] for s in html.select("section.unsure")] == ["raw/unsure.txt"]
    assert "Draft:" in html.select_one("section.unsure").get_text()
