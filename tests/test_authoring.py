"""The authors' tasks, run for real in a temporary copy of the project."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
import yaml

from authoring.checks import check_content
from authoring.privacy import fingerprint, scan
from authoring.problems import Severity
from authoring.sitecheck import free_port
from tests.conftest import ROOT, build_site

INVOKE = [sys.executable, "-m", "invoke"]
GOOD = '---\ntitle: "{title}"\ndate: 2020-01-02T12:00:00+00:00\ntags: ["fostering"]\n---\n\nSome text.\n'


def run(
    project: Path, *args: str, env: dict | None = None, check: bool = False
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*INVOKE, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=check,
    )


def write(project: Path, relative: str, text: str) -> Path:
    path = project / "content" / "posts" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


BAD_POSTS = {
    "yaml.md": (
        '---\ntitle: "Unclosed\ndate: 2020-01-02\n---\n\nText.\n',
        2,
        "the front matter is not valid YAML",
    ),
    "no-title.md": ("---\ndate: 2020-01-02T12:00:00+00:00\n---\n\nText.\n", None, "the post has no title"),
    "no-date.md": ('---\ntitle: "No date"\n---\n\nText.\n', None, "the post has no date"),
    "month.md": (
        '---\ntitle: "Month only"\ndate: March 2010\n---\n\nText.\n',
        3,
        "the date 'March 2010' is not a complete date (Pelican would guess the missing parts)",
    ),
    "slashes.md": (
        '---\ntitle: "Slashes"\ndate: 03/04/2010\n---\n\nText.\n',
        3,
        "the date '03/04/2010' is not a complete date (Pelican would guess the missing parts)",
    ),
    "typo.md": (
        '---\ntittle: "Typo"\ntitle: "Typo"\ndate: 2020-01-02\n---\n\nText.\n',
        2,
        "unknown front-matter key 'tittle'",
    ),
    "count.md": (
        '---\ntitle: "Count"\ndate: 2020-01-02\ncomments: lots\n---\n\nText.\n',
        4,
        "comments must be a whole number, not 'lots'",
    ),
    "status.md": (
        '---\ntitle: "Status"\ndate: 2020-01-02\nstatus: pending\n---\n\nText.\n',
        4,
        "status must be published or draft, not 'pending'",
    ),
}


@pytest.fixture
def site_project(project_copy: Path) -> Path:
    return project_copy


def test_check_reports_every_bad_post_at_once_with_file_line_and_fix(site_project):
    for name, (text, _, _) in BAD_POSTS.items():
        write(site_project, f"2020/{name}", text)
    write(site_project, "2020/twin-a.md", GOOD.format(title="Twin"))
    write(site_project, "2020/twin-b.md", GOOD.format(title="Twin"))
    write(
        site_project, "2020/spelling.md", GOOD.format(title="Spelling").replace('"fostering"', '"Fostering"')
    )
    result = run(site_project, "check")
    assert result.returncode == 1
    out = result.stdout
    for name, (_, line, message) in BAD_POSTS.items():
        where = f"content/posts/2020/{name}:{line}" if line else f"content/posts/2020/{name}"
        assert f"{where}: error: {message}" in out, name
    assert "did you mean 'title'?" in out
    assert "write the full date, year first" in out
    assert "content/posts/2020/twin-a.md:2: error: the slug 'twin' (its address) is used by 2 posts" in out
    assert "content/posts/2020/twin-b.md:2: error: the slug 'twin'" in out
    assert (
        "content/posts/2020/spelling.md:4: error: the tag “Fostering” is spelled differently elsewhere" in out
    )
    assert "write it as “fostering”" in out
    assert f"{len(BAD_POSTS) + 3} error(s)" in out


def test_check_passes_on_the_real_content_and_site(site_project):
    result = run(site_project, "check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_real_posts_have_no_unacknowledged_privacy_findings():
    problems = check_content(ROOT / "content")
    assert [p.format() for p in problems if p.severity is not Severity.NOTE] == []


def test_check_finds_a_broken_link_in_the_site_built_under_a_subpath(site_project):
    write(
        site_project,
        "2020/linker.md",
        GOOD.format(title="Linker") + "\nSee [the old page](/2010/01/gone/).\n",
    )
    result = run(site_project, "check")
    assert result.returncode == 1
    assert (
        "content/posts/2020/linker.md:9: error: broken link to /2010/01/gone/: it leads outside the blog"
        in result.stdout
    )
    assert "127.0.0.1" not in result.stdout and "site page" not in result.stdout


PRIVACY = {
    "email address": "Write to jo.bloggs@council.gov.uk about it.",
    "phone number": "Ring the team on 07700 900123 after six.",
    "UK postcode": "The family moved to S1 2HE last spring.",
    "date of birth": "Her DOB: 12/03/2010 was on the form.",
    "case or reference number": "The file was case no. 48213 in the system.",
    "NHS number": "His number is 485 777 3456 apparently.",
    "first name next to an age": "Jamie, aged 7, settled well with the carers.",
}


@pytest.mark.parametrize("kind", sorted(PRIVACY))
def test_privacy_scan_finds_each_kind(kind):
    assert [f.kind for f in scan(PRIVACY[kind])] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Children aged 7 and over",
        "In 2009 there were 753 applications",
        "Around 4,000 social workers qualify",
    ],
)
def test_privacy_scan_leaves_ordinary_sentences_alone(text):
    assert scan(text) == []


def test_privacy_findings_are_warnings_until_each_is_acknowledged(site_project):
    post = write(
        site_project,
        "2020/jamie.md",
        GOOD.format(title="A placement") + "\n" + PRIVACY["first name next to an age"] + "\n",
    )
    result = run(site_project, "check", "--no-site")
    assert result.returncode == 0
    print_ = fingerprint("first name next to an age", "Jamie, aged 7")
    assert (
        "content/posts/2020/jamie.md:9: warning: possible first name next to an age: “Jamie, aged 7” "
        f"(a name followed by an age) [{print_}]" in result.stdout
    )
    assert run(site_project, "check", "--no-site", "--strict").returncode == 1
    reviewed_text = post.read_text().replace("tags:", f'privacy_reviewed: ["{print_}"]\ntags:')
    post.write_text(reviewed_text, encoding="utf-8")
    reviewed = run(site_project, "check", "--no-site", "--strict")
    assert reviewed.returncode == 0
    assert "content/posts/2020/jamie.md:10: note: possible first name next to an age" in reviewed.stdout
    assert "1 reviewed privacy note(s)" in reviewed.stdout
    # A finding added after the review is a warning again, and the strict check fails.
    post.write_text(reviewed_text + "Ring his mum on 07700 900461.\n", encoding="utf-8")
    again = run(site_project, "check", "--no-site", "--strict")
    assert again.returncode == 1
    assert "content/posts/2020/jamie.md:11: warning: possible phone number: “07700 900461”" in again.stdout


def test_new_post_has_complete_front_matter_and_refuses_clashes(site_project):
    result = run(
        site_project,
        "new",
        "Kinship care: what changed?",
        "--tags",
        "Children's Social Work, courts",
        "--author",
        "Sam",
    )
    assert result.returncode == 0, result.stderr
    year = time.strftime("%Y")
    path = site_project / "content" / "posts" / year / "kinship-care-what-changed.md"
    meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert meta["title"] == "Kinship care: what changed?"
    assert meta["date"].tzinfo is not None and meta["date"].year == int(year)
    assert meta["status"] == "draft" and meta["author"] == "Sam"
    # An existing tag keeps its one spelling.
    assert meta["tags"] == ["children’s social work", "courts"]
    assert "written as “children’s social work”" in result.stdout
    assert run(site_project, "check", "--no-site").returncode == 0

    again = run(site_project, "new", "Kinship care: what changed?")
    assert again.returncode != 0
    assert "already used by" in again.stderr
    taken = run(site_project, "new", "Baby P effect sustained")
    assert taken.returncode != 0
    assert "the address 'baby-p-effect-sustained' is already used by" in taken.stderr


def test_build_fails_on_a_post_pelican_would_skip(site_project):
    write(site_project, "2020/undated.md", '---\ntitle: "Undated"\n---\n\nText.\n')
    result = run(site_project, "build")
    assert result.returncode != 0


def test_build_names_the_file_and_line_of_broken_front_matter(site_project):
    write(site_project, "2020/yaml.md", BAD_POSTS["yaml.md"][0])
    result = run(site_project, "build")
    assert result.returncode != 0
    said = " ".join((result.stdout + result.stderr).split())
    assert "content/posts/2020/yaml.md:2: error: the front matter is not valid YAML" in said
    assert "Traceback" not in said


def test_drafts_and_future_posts_stay_out_of_production(site_project, tmp_path):
    write(
        site_project,
        "2999/future.md",
        GOOD.format(title="From the future").replace("2020-01-02", "2999-01-02"),
    )
    write(
        site_project,
        "2020/draft.md",
        GOOD.format(title="Half written").replace("tags:", "status: draft\ntags:"),
    )
    prod = build_site(site_project, tmp_path / "prod", production=True, siteurl="https://example.org/blog")
    dev = build_site(site_project, tmp_path / "dev")
    published = " ".join(p.read_text(errors="replace") for p in prod.rglob("*.html"))
    assert "From the future" not in published and "Half written" not in published
    home = (dev / "index.html").read_text(encoding="utf-8")
    assert "Drafts: only in this preview, never published" in home and "Half written" in home


def test_gh_pages_pushes_the_production_site_with_nojekyll_and_cname(site_project, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
    for command in (["init", "-q", "-b", "main"], ["remote", "add", "origin", str(remote)]):
        subprocess.run(["git", *command], cwd=site_project, check=True)
    result = run(
        site_project, "gh-pages", env={"SITEURL": "https://blog.example.org", "CNAME": "blog.example.org"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=remote,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert {".nojekyll", "CNAME", "index.html", "sitemap.xml"} <= set(files)
    cname = subprocess.run(
        ["git", "show", "gh-pages:CNAME"], cwd=remote, capture_output=True, text=True, check=True
    )
    assert cname.stdout == "blog.example.org\n"


def test_serve_rebuilds_when_a_post_is_saved(site_project):
    port = free_port()
    process = subprocess.Popen(
        [*INVOKE, "serve", "--port", str(port)],
        cwd=site_project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/2009/12/baby-p-effect-sustained/"
        page = _wait_for(url, lambda body: "Baby P effect sustained" in body)
        assert "Baby P effect sustained" in page
        post = site_project / "content" / "posts" / "2009" / "baby-p-effect-sustained.md"
        post.write_text(
            post.read_text(encoding="utf-8").replace("For about a year now", "For about a year, edited"),
            encoding="utf-8",
        )
        assert "For about a year, edited" in _wait_for(url, lambda body: "edited" in body)
    finally:
        # invoke runs the preview as its child: stop both.
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=20)[0]
    assert f"Serving the preview at http://127.0.0.1:{port}/" in output


def _wait_for(url: str, ready, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if ready(body):
                return body
        except OSError:
            pass
        time.sleep(0.5)
    return body


@pytest.mark.parametrize(
    "command",
    [
        ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", ".github/workflows/pages.yml"],
        ["zizmor", "--offline", ".github/workflows/pages.yml"],
    ],
    ids=["schema", "zizmor"],
)
def test_publishing_workflow_is_valid(command):
    tool = Path(sys.executable).parent / command[0]
    result = subprocess.run([str(tool), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_deploys_only_from_main_with_least_privilege():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"] and "schedule" in triggers and "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["if"] == "github.event_name != 'pull_request'"
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["build"]["steps"])
    assert "invoke check --strict" in steps and "invoke publish" in steps


def test_new_refuses_a_title_that_gives_no_address(site_project):
    for title in ("???", "<b></b>", "🙂 !"):
        result = run(site_project, "new", title)
        assert result.returncode == 1, title
        assert "has no letters or numbers to make the post's address from" in result.stderr, title
        assert "Traceback" not in result.stdout + result.stderr
    hidden = {p.relative_to(site_project).as_posix() for p in (site_project / "content").rglob(".*")}
    assert hidden == {"content/posts/.import-manifest.json"}  # the importer's, committed


def test_privacy_findings_in_the_title_are_warnings_on_its_line(tmp_path):
    path = tmp_path / "posts" / "2020" / "jamie.md"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD.format(title="Jamie, aged 7, finds a home"), encoding="utf-8")
    problems = [p for p in check_content(tmp_path) if p.severity is not Severity.ERROR]
    assert [(p.line, p.severity, p.message) for p in problems] == [
        (
            2,
            Severity.WARNING,
            "possible first name next to an age in the title: “Jamie, aged 7” (a name followed by an age) "
            "[071d1fd8]",
        )
    ]
