"""The importer remembers what it wrote: deletions, addresses and duplicates across imports."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    problems = [
        p for p in check_content(project_copy / "content") if "legacy_comments" in str(p) or "draft" in str(p)
    ]
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


def test_hints_pin_kind_title_date_and_dropped_lines_on_every_import(make_raw, raw_dir, run_import):
    page = (
        "Site name\n\nA heading we want\n\nMenu line\n\n"
        "The text of the post, which is long enough to be a paragraph.\n"
    )
    make_raw("p.txt", page)
    (raw_dir / "hints.yaml").write_text(
        "raw/p.txt:\n  kind: single\n  title_line: 3\n  date: 2010-05-07T21:14\n  drop_lines: [5]\n",
        encoding="utf-8",
    )
    for _ in range(2):
        imported = run_import(force=True)
        [text] = imported.posts().values()
        assert 'title: "A heading we want"' in text
        assert "date: 2010-05-07T21:14:00+01:00" in text
        assert "Menu line" not in text and "status: draft" not in text
        dropped = imported.report["files"][0]["dropped"]
        assert {"line": 5, "text": "Menu line", "reason": "dropped by hints.yaml"} in dropped


def test_a_broken_hint_is_reported_with_its_line_and_skipped(make_raw, raw_dir, run_import, tmp_path):
    from authoring.checks import check_content

    make_raw("p.txt", "Title\n\nPosted on 1/02/2015\n\nText of the post.\n")
    (raw_dir / "hints.yaml").write_text(
        "# pinned by hand\nraw/p.txt:\n  kind: single\nraw/q.txt:\n  kind: poem\n  date: 7 May\n",
        encoding="utf-8",
    )
    imported = run_import()
    problems = imported.report["problems"]
    assert len(problems) == 2 and all(":4: error: raw/q.txt:" in p for p in problems)
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    found = check_content(content)
    assert [(p.line, p.message.split(":")[0]) for p in found if "hints" in p.path] == [(4, "raw/q.txt")] * 2


HINT_CASES = {
    "no such day": (
        "{page}:\n  kind: single\n  date: 2010-02-31\n",
        1,
        "{page}: date 2010-02-31 is not a real date (day is out of range for month); "
        "this page's hints are skipped",
        "correct it as the top of importer/hints.py shows, or remove it",
    ),
    "not YAML": (
        "{page}:\n  kind: single\n  date: [2010\n",
        3,
        "the hints file is not valid YAML (expected ',' or ']', but got '<stream end>'); no hint is applied",
        "each raw file's path ends with a colon and its hints are indented under it, "
        "as at the top of importer/hints.py",
    ),
}


@pytest.mark.parametrize("case", sorted(HINT_CASES))
def test_a_mistake_in_the_hints_file_is_one_message_from_import_and_check(project_copy, case):
    from tests.test_authoring import run

    text, line, message, fix = HINT_CASES[case]
    page = "raw/" + sorted(p.name for p in (project_copy / "raw").glob("*.txt"))[0]
    (project_copy / "raw" / "hints.yaml").write_text(text.format(page=page), encoding="utf-8")
    said = f"raw/hints.yaml:{line}: error: {message.format(page=page)}\n    what to do: {fix}\n"
    imported = run(project_copy, "import")
    assert imported.returncode == 1 and said in imported.stderr, imported.stderr
    assert "Traceback" not in imported.stderr and "post(s) found" in imported.stdout + imported.stderr
    checked = run(project_copy, "check", "--no-site")
    assert checked.returncode == 1
    assert said in checked.stdout and "1 error(s)" in checked.stdout, checked.stdout + checked.stderr
