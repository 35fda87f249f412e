"""Every mistake an author can make is one `file:line: error:` message with what
to do, from the check and from the build alike, and never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from authoring.cli import build_problems
from authoring.problems import Problem, Severity
from authoring.sitecheck import build, free_port
from tests.conftest import ROOT, build_site
from tests.test_authoring import GOOD, INVOKE, run, write

DATE_FIX = "write the full date, year first: 2026-11-22T09:30:00+00:00 (or just 2026-11-22)"
# name: (file bytes, line, message, what to do)
MISTAKES = {
    "no-such-day.md": (
        b'---\ntitle: "No such day"\ndate: 2020-02-31\n---\n\nText.\n',
        3,
        "the date '2020-02-31' is not a real date (day is out of range for month)",
        DATE_FIX,
    ),
    "month-only.md": (
        b'---\ntitle: "Month only"\ndate: "March 2010"\n---\n\nText.\n',
        3,
        "the date 'March 2010' is not a complete date (Pelican would guess the missing parts)",
        DATE_FIX,
    ),
    "yes.md": (
        b"---\ntitle: yes\ndate: 2020-01-02\n---\n\nText.\n",
        2,
        "the title is read as a yes/no value (True), not as text",
        'put the title in double quotes: title: "Yes"',
    ),
    "windows.md": (
        b'---\ntitle: "Windows"\ndate: 2020-01-02\n---\n\nIt\x92s from Word.\n',
        6,
        "the file is not UTF-8 text: byte 0x92 on line 6 (“’” in Windows text)",
        "save the file as UTF-8 (in your editor: Save As, then Encoding: UTF-8), "
        "or retype the character shown",
    ),
    "emoji.md": (
        '---\ntitle: "🎉"\ndate: 2020-01-02\n---\n\nParty.\n'.encode(),
        2,
        "the title '🎉' has no letters or digits to make the post's address from",
        "add a line slug: a-few-words (letters, digits and hyphens) for the address",
    ),
    "tag.md": (
        '---\ntitle: "Tagged"\ndate: 2020-01-02\ntags: ["🎉"]\n---\n\nParty.\n'.encode(),
        4,
        "the tag '🎉' has no letters or digits for its page's address",
        "add a word to it, or remove it",
    ),
    "markup.md": (
        b'---\ntitle: "<img src=x onerror=alert(1)>"\ndate: 2020-01-02\n---\n\nText.\n',
        2,
        "the title '<img src=x onerror=alert(1)>' has no letters or digits to make the post's address from",
        "add a line slug: a-few-words (letters, digits and hyphens) for the address",
    ),
    "tag-markup.md": (
        b'---\ntitle: "Tag markup"\ndate: 2020-01-02\ntags: ["<img>"]\n---\n\nText.\n',
        4,
        "the tag '<img>' has no letters or digits for its page's address",
        "add a word to it, or remove it",
    ),
    "climb.md": (
        b'---\ntitle: "Climb"\ndate: 2020-01-02\nslug: ../../..\n---\n\nText.\n',
        4,
        "the slug '../../..' cannot be an address: it must be a word or words joined by hyphens",
        "write it like slug: my-post-title (letters, digits and hyphens), or delete the line",
    ),
    "month-page.md": (
        b'---\ntitle: "Month page"\ndate: 2020-01-02\nslug: "index.html"\n---\n\nText.\n',
        4,
        "the slug 'index.html' cannot be an address: it must be a word or words joined by hyphens",
        "write it as slug: indexhtml (lower-case letters, digits and hyphens), or delete the line",
    ),
    "null.md": (
        b'---\ntitle: "Null"\ndate: 2020-01-02\nslug: "\\0x"\n---\n\nText.\n',
        4,
        "the slug '\\x00x' cannot be an address: it must be a word or words joined by hyphens",
        "write it as slug: x (lower-case letters, digits and hyphens), or delete the line",
    ),
    "long-slug.md": (
        b'---\ntitle: "Long slug"\ndate: 2020-01-02\nslug: "' + b"ab-" * 100 + b'"\n---\n\nText.\n',
        4,
        "the slug is 300 characters long; an address may have at most 100",
        "shorten it to a few words joined by hyphens, e.g. slug: " + "-".join(["ab"] * 33),
    ),
    "long-title.md": (
        b'---\ntitle: "' + b"Word " * 60 + b'"\ndate: 2020-01-02\n---\n\nText.\n',
        2,
        "the title makes an address 299 characters long; an address may have at most 100",
        "add a shorter address under the title: slug: " + "-".join(["word"] * 20),
    ),
}
# A value of the wrong type: (key: value line, message, what to do), one post each.
WRONG_TYPES = {
    "author-list.md": (
        "author: [x, y]",
        "author must be text, not ['x', 'y']",
        'write it as text in double quotes: author: "…"',
    ),
    "summary-list.md": (
        "summary: [1, 2]",
        "summary must be text, not [1, 2]",
        'write it as text in double quotes: summary: "…"',
    ),
    "category-keys.md": (
        "category: {a: 1}",
        "category must be text, not {'a': 1}",
        'write it as text in double quotes: category: "…"',
    ),
    "discussion-list.md": (
        "discussion: [1]",
        "discussion must be true or false, not [1]",
        "write discussion: true or discussion: false (without quotes), or remove the line",
    ),
    "closed-text.md": (
        'comments_closed: "no"',
        "comments_closed must be true or false, not 'no'",
        "write comments_closed: true or comments_closed: false (without quotes), or remove the line",
    ),
    "precision-week.md": (
        'date_precision: "week"',
        "date_precision must be day or month or year, not 'week'",
        "write one of: day, month, year",
    ),
    "legacy-text.md": (
        'legacy_comments: "not a list"',
        "legacy_comments must be a list of comments, not 'not a list'",
        "keep each comment as the importer wrote it: - author: …, date: …, text: …, reply_to: a number",
    ),
    "legacy-date.md": (
        'legacy_comments:\n  - author: "A reader"\n    date: "last Tuesday"\n    text: "Hello."',
        "comment 1 of legacy_comments has a date that is not a date: 'last Tuesday'",
        DATE_FIX,
    ),
}
for _name, (_line, _message, _fix) in WRONG_TYPES.items():
    MISTAKES[_name] = (
        f'---\ntitle: "{_name[:-3]}"\ndate: 2020-01-02\n{_line}\n---\n\nText.\n'.encode(),
        4,
        _message,
        _fix,
    )

UNREACHABLE_SLUGS = ["index.html", "\0x", "?", "#top", "%2e%2e", "a\nb", "Upper", "a b", "x" * 101, "..", ""]


@pytest.mark.parametrize("slug", UNREACHABLE_SLUGS)
def test_a_slug_must_be_one_pelican_would_make(slug):
    from pelican.settings import DEFAULT_CONFIG

    from plugins.yaml_front_matter.yaml_front_matter import slug_refusal

    assert slug_refusal({"title": "T", "slug": slug}, DEFAULT_CONFIG).key == "slug"
    assert slug_refusal({"title": "T", "slug": "a-good_slug-2"}, DEFAULT_CONFIG) is None


def _said(path: str, line: int, message: str, fix: str) -> str:
    return f"{path}:{line}: error: {message}\n    what to do: {fix}"


def _put(project: Path, name: str, data: bytes) -> str:
    path = project / "content" / "posts" / "2020" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return f"content/posts/2020/{name}"


def test_the_check_lists_every_mistake_with_its_reason(project_copy):
    for name, (data, *_) in MISTAKES.items():
        _put(project_copy, name, data)
    result = run(project_copy, "check")
    assert result.returncode == 1
    for name, (_, line, message, fix) in MISTAKES.items():
        assert _said(f"content/posts/2020/{name}", line, message, fix) in result.stdout, name
    assert f"{len(MISTAKES)} error(s)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_the_build_refuses_each_mistake_with_the_check_s_words(project_copy, name):
    data, line, message, fix = MISTAKES[name]
    path = _put(project_copy, name, data)
    result = run(project_copy, "build")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert said.startswith(_said(path, line, message, fix) + "\n"), said
    assert "content: error: the site was not built, because of the error above" in said
    assert "Traceback" not in said and "RuntimeError" not in said
    assert not (project_copy / "output" / "2020" / "01").exists()


@pytest.mark.parametrize("task", ["build", "publish"])
def test_debug_shows_the_traceback(project_copy, task):
    _put(project_copy, "month-only.md", MISTAKES["month-only.md"][0])
    result = run(project_copy, task, "--debug")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    # Pelican's own traceback, from the refused post, not one from the task itself.
    assert "Traceback" in said and "the date 'March 2010' is not a complete date" in said, said
    assert "TypeError" not in said and "tasks.py" not in said, said


def test_a_byte_order_mark_is_allowed_as_pelican_allows_it(project_copy):
    _put(project_copy, "marked.md", b'\xef\xbb\xbf---\ntitle: "Marked"\ndate: 2020-01-02\n---\n\nText.\n')
    result = run(project_copy, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert run(project_copy, "build").returncode == 0
    page = project_copy / "output" / "2020" / "01" / "marked" / "index.html"
    assert "<h1>Marked</h1>" in page.read_text(encoding="utf-8")


def test_a_failed_build_s_own_messages_become_the_check_s_problems(project_copy, tmp_path):
    # The check builds the site only when the posts pass; whatever still stops
    # the build is listed as the build said it, not as "the errors above".
    path = _put(project_copy, "month-only.md", MISTAKES["month-only.md"][0])
    result = build(project_copy, tmp_path / "site", production=True, siteurl="http://127.0.0.1:1/blog")
    assert result.returncode != 0
    _, line, message, fix = MISTAKES["month-only.md"]
    assert build_problems(result.stdout + result.stderr) == [
        Problem(path, line, Severity.ERROR, message, fix)
    ]


def test_a_build_failure_without_a_message_says_how_to_see_more():
    [problem] = build_problems("something went wrong\nwith no form at all\n")
    assert problem.path == "content" and "something went wrong / with no form at all" in problem.message
    assert problem.fix.startswith("run .venv/bin/invoke check --debug")


def test_new_tells_the_author_the_command_they_can_type(project_copy):
    result = run(project_copy, "new", "A first post")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "open it in your editor, write, then run: .venv/bin/invoke check"


def test_serve_on_a_busy_port_says_so_and_how_to_choose_another(project_copy):
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = run(project_copy, "serve", "--port", str(port))
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"error: port {port} is busy" in said
    assert "what to do: stop the other preview (Ctrl+C in its terminal), or use another port: " in said
    assert f".venv/bin/invoke serve --port {port + 1}" in said
    assert "Traceback" not in said


def test_the_preview_reports_a_bad_save_without_a_traceback(project_copy):
    from tests.test_authoring import _wait_for

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "authoring.preview", "--port", str(port)],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", lambda body: "Baby P" in body)
        write(
            project_copy,
            "2020/later.md",
            GOOD.format(title="Later").replace("2020-01-02T12:00:00+00:00", "May 2020"),
        )
        _wait_for(f"http://127.0.0.1:{port}/", lambda body: False, seconds=3)
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert (
        "content/posts/2020/later.md:3: error: the date 'May 2020' is not a complete date "
        "(Pelican would guess the missing parts)\n    what to do: " + DATE_FIX
    ) in output
    assert "The preview still shows the last good version: fix the error above and save again." in output
    assert "Traceback" not in output


def test_broken_links_name_the_post_and_line_even_before_the_post_s_day(project_copy):
    later = GOOD.format(title="Later").replace("2020-01-02", "2999-01-02")
    write(project_copy, "2999/later.md", later + "\nA [lost link](../../../2009/12/not-there/).\n")
    # The first paragraph is the summary on list pages: its relative link must work there too.
    write(
        project_copy,
        "2020/linker.md",
        GOOD.format(title="Linker").replace(
            "Some text.", "Some text, after [Baby P](../../../2009/12/baby-p-effect-sustained/)."
        ),
    )
    result = run(project_copy, "check")
    assert result.returncode == 1
    # Notes (topics the importer suggests for old posts) may come first.
    errors = result.stdout[result.stdout.index(": error: ") :].rsplit("\n", 1)[0]
    assert (
        "content/posts/2999/later.md:9: error: broken link to ../../../2009/12/not-there/: " in result.stdout
    )
    assert errors.startswith(
        ": error: broken link to ../../../2009/12/not-there/: "
        "there is no such page\n    what to do: correct the address or remove the link"
    )
    assert "1 error(s)" in result.stdout


def test_relative_links_in_a_summary_lead_where_they_do_on_the_post(project_copy, tmp_path):

    write(
        project_copy,
        "2020/linker.md",
        GOOD.format(title="Linker").replace(
            "Some text.", "See [Baby P](../../../2009/12/baby-p-effect-sustained/#top)."
        ),
    )
    site = build_site(project_copy, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    post = (site / "2020" / "01" / "linker" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../2009/12/baby-p-effect-sustained/#top"' in post
    assert 'href="./2009/12/baby-p-effect-sustained/#top"' in home  # the home page's SITEURL is "."
    prod = build_site(project_copy, tmp_path / "prod", production=True, siteurl="https://example.org/blog")
    feed = (prod / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/blog/2009/12/baby-p-effect-sustained/#top" in feed
    assert "../../../2009" not in feed


def test_a_published_post_whose_title_changed_is_noted_and_its_old_address_redirects(project_copy, tmp_path):
    post = write(project_copy, "2020/placements.md", GOOD.format(title="Good placements"))
    assert run(project_copy, "check", "--strict").returncode == 0  # published: its address is recorded
    post.write_text(GOOD.format(title="What good placements look like"), encoding="utf-8")
    result = run(project_copy, "check", "--strict")
    assert result.returncode == 0, result.stdout
    assert (
        "content/posts/2020/placements.md:2: note: the post moved from "
        "/2020/01/good-placements/ to /2020/01/what-good-placements-look-like/; "
        "the old address redirects there\n"
        "    what to do: nothing: keep the line for /2020/01/good-placements/ in published-addresses.txt "
        "so that the redirect stays; to give the post its old address back, "
        "add the line slug: good-placements\n"
    ) in result.stdout
    assert "0 error(s), 0 warning(s)" in result.stdout
    record = (project_copy / "published-addresses.txt").read_text(encoding="utf-8")
    assert "2020/01/good-placements/ content/posts/2020/placements.md\n" in record
    assert "2020/01/what-good-placements-look-like/ content/posts/2020/placements.md\n" in record
    site = build_site(project_copy, tmp_path / "site")
    refresh = BeautifulSoup(
        (site / "2020" / "01" / "good-placements" / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=../../../2020/01/what-good-placements-look-like/"
    # Accepting keeps the old address while its post's file exists: the redirect stays.
    accepted = run(project_copy, "check", "--strict", "--accept-addresses")
    assert accepted.returncode == 0, accepted.stdout
    assert (project_copy / "published-addresses.txt").read_text(encoding="utf-8") == record
    post.write_text(
        GOOD.format(title="What good placements look like").replace("date:", "slug: good-placements\ndate:"),
        encoding="utf-8",
    )
    back = run(project_copy, "check", "--strict")
    assert back.returncode == 0
    assert "moved from /2020/01/what-good-placements-look-like/ to /2020/01/good-placements/" in back.stdout


def test_new_posts_get_their_slug_so_a_new_title_keeps_the_address(project_copy):
    assert run(project_copy, "new", "Good placements").returncode == 0
    [post] = (project_copy / "content" / "posts").rglob("good-placements.md")
    assert '\nslug: "good-placements"\n' in post.read_text(encoding="utf-8")


def test_the_record_holds_every_published_post_and_new_ones_are_added(project_copy):
    record = (ROOT / "published-addresses.txt").read_text(encoding="utf-8")
    files = {line.split(" ", 1)[1] for line in record.splitlines() if not line.startswith("#")}
    assert sorted(files) == sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "posts").rglob("*.md")
    )
    write(project_copy, "2020/fresh.md", GOOD.format(title="Fresh"))
    result = run(project_copy, "check")
    assert result.returncode == 0, result.stdout
    assert "note: recorded 1 newly published address(es) in published-addresses.txt" in result.stdout
    after = (project_copy / "published-addresses.txt").read_text(encoding="utf-8")
    assert after == record + "2020/01/fresh/ content/posts/2020/fresh.md\n"


def test_the_check_reports_what_it_cannot_read_without_a_traceback(project_copy):
    (project_copy / "content" / "posts" / "2020" / "odd.md").mkdir(parents=True)
    result = run(project_copy, "check")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/posts/2020/odd.md" in said and "what to do:" in said
    assert "Traceback" not in said
    assert "Traceback" in run(project_copy, "check", "--debug").stderr


def test_pelican_s_own_errors_are_said_in_the_author_form():
    from plugins.author_errors.author_errors import DEBUG_FIX, describe

    assert describe(ValueError('Unable to generate valid slug for Tag "<img>".')) == (
        "content: error: the Tag “<img>” has no letters or digits for its page's address\n"
        "    what to do: find the post that uses it: add a word to it, or remove it"
    )
    clash = RuntimeError(
        'Failed to overwrite "output/2020/01/index.html" as Pelican has already written to it'
    )
    assert describe(clash).startswith(
        "content: error: two pages would be written to the same address, output/2020/01/index.html\n"
        "    what to do: give one of the posts"
    )
    unknown = describe(KeyError("something else"))
    assert unknown.startswith("content: error: the site was not built: ")
    assert unknown.endswith("what to do: " + DEBUG_FIX)


def test_the_preview_shows_tracebacks_only_with_debug(project_copy):
    write(
        project_copy,
        "2020/later.md",
        GOOD.format(title="Later").replace("2020-01-02T12:00:00+00:00", "May 2020"),
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "authoring.preview", "--port", str(port), "--debug"],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # The preview listens once its first build has ended (here, failed).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.3)
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "Traceback (most recent call last)" in output
    assert "content/posts/2020/later.md:3: error: the date 'May 2020'" in output


def test_new_cuts_a_long_title_s_address_at_a_word(project_copy):
    title = " ".join(f"word{n}" for n in range(100))
    result = run(project_copy, "new", title)
    assert result.returncode == 0, result.stderr
    [path] = (project_copy / "content" / "posts").glob("*/word0-*.md")
    slug = path.stem
    assert len(slug) <= 100 and title.lower().replace(" ", "-").startswith(slug + "-"), slug
    assert f'slug: "{slug}"' in path.read_text(encoding="utf-8")


def test_new_reads_only_regular_files(project_copy):
    posts = project_copy / "content" / "posts"
    os.mkfifo(posts / "pipe.md")
    (posts / "dangling.md").symlink_to(project_copy / "nowhere.md")
    result = subprocess.run(
        [*INVOKE, "new", "A post beside a pipe"], cwd=project_copy, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_new_spells_tags_as_the_topic_list_and_refuses_others(project_copy):
    result = run(project_copy, "new", "Listed", "--tags", "Courts, Children's Social Work")
    assert result.returncode == 0, result.stderr
    [path] = (project_copy / "content" / "posts").glob("*/listed.md")
    assert 'tags: ["courts", "children’s social work"]' in path.read_text(encoding="utf-8")
    assert "tag “Courts” written as “courts”, the spelling the topic list uses" in result.stdout

    refused = run(project_copy, "new", "Unlisted", "--tags", "Courts, childrens social work")
    assert refused.returncode == 1
    said = refused.stderr
    assert said.startswith(
        "content/topics.yml: error: the tag “childrens social work” is not one of the blog’s topics\n"
    )
    assert (
        "    what to do: did you mean “children’s social work”? use topics from the list (“adoption”," in said
    )
    assert not list((project_copy / "content" / "posts").glob("*/unlisted.md"))


def test_a_link_to_a_missing_post_names_the_post_line_and_link(project_copy, tmp_path):
    written = "{filename}/posts/2009/baby-p-effect-sustaned.md"
    path = _put(
        project_copy,
        "linking.md",
        f'---\ntitle: "Linking"\ndate: 2020-01-02\n---\n\nSee [x]({written}).\n'.encode(),
    )
    message = f"the link '{written}' leads to no file"
    result = run(project_copy, "build")
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert said.startswith(f"{path}:6: error: {message}\n    what to do: check the file name in the link"), (
        said
    )
    assert "the README says how to link\n" in said
    # The check, which builds the site, lists it as the build says it.
    built = build(project_copy, tmp_path / "site")
    [problem] = build_problems(built.stdout + built.stderr)
    assert (problem.path, problem.line, problem.message) == (path, 6, message)


def test_a_markdown_file_among_the_static_files_is_copied_not_checked_as_a_post(project_copy):
    extra = project_copy / "content" / "extra"
    extra.mkdir(exist_ok=True)
    (extra / "notes.md").write_text("Plain notes, with no front matter.\n", encoding="utf-8")
    checked = run(project_copy, "check", "--no-site")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "notes.md" not in checked.stdout + checked.stderr
    assert run(project_copy, "build").returncode == 0
    [copied] = (project_copy / "output").rglob("notes.md")
    assert copied.read_text(encoding="utf-8") == "Plain notes, with no front matter.\n"


def test_a_post_pelican_could_not_read_for_no_stated_reason_never_says_empty_brackets():
    from plugins.author_errors.author_errors import AuthorMessages

    said, _ = AuthorMessages("content")._translate("Could not process posts/2020/a.md\n", None)
    assert said == "content/posts/2020/a.md: error: the post could not be read (see the line above)"
