"""The web editor at /admin/: built only when asked for, its form the same
front matter the check accepts, and working in the real browser with nothing
fetched from another host."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from authoring import schema
from authoring.checks import KNOWN_KEYS
from plugins.admin.admin import CSP, VendorError, config, vendor
from tests.conftest import ROOT, build_site

MODULES = ROOT / "node_modules"
SVELTIA_SCHEMA = MODULES / "@sveltia/cms/schema/sveltia-cms.json"


def _described() -> list[dict]:
    return yaml.safe_load(schema.SCHEMA.read_text(encoding="utf-8"))


def test_the_check_and_the_editor_read_the_same_description_of_the_front_matter():
    described = [entry["key"] for entry in _described()]
    assert list(KNOWN_KEYS) == described
    fields = config({}, ["fostering"])["collections"][0]["fields"]
    assert [f["name"] for f in fields] == [*described, "body"]
    for entry, made in zip(_described(), fields, strict=False):
        assert made["label"] == entry["label"]
        if entry["widget"] != "hidden":
            assert made["required"] is entry["required"]
            assert made["hint"] in (
                entry["help"],
                "choose the tags in use; a new tag is added in the file itself",
            )


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory) -> Path:
    from tests.conftest import project_copy

    base = tmp_path_factory.mktemp("admin")
    project = project_copy.__wrapped__(base)
    (project / "node_modules").symlink_to(MODULES)
    tags = '["fostering", "Courts and hearings"]'
    post = project / "content" / "posts" / "2026" / "editor.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(f'---\ntitle: "Editor"\ndate: 2026-01-02\ntags: {tags}\n---\n\nText.\n', "utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("ADMIN_ENABLED", "true")
    mp.setenv("ADMIN_REPO", "example-owner/example-blog")
    try:
        return build_site(project, base / "site", production=True, siteurl="http://127.0.0.1/blog")
    finally:
        mp.undo()


def test_the_editor_is_built_with_a_valid_configuration_offering_the_tags_in_use(admin_site):
    admin = admin_site / "admin"
    assert sorted(p.name for p in admin.iterdir()) == [
        "config.yml",
        "fonts",
        "github-status.json",
        "index.html",
        "release",
        "sveltia-cms.js",
    ]
    checker = str(Path(sys.executable).parent / "check-jsonschema")
    result = subprocess.run(
        [checker, "--schemafile", str(SVELTIA_SCHEMA), str(admin / "config.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    built = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert built["backend"] == {"name": "github", "repo": "example-owner/example-blog", "branch": "main"}
    # Saved as pull requests, with no empty keys and every text quoted, as the check wants.
    assert built["publish_mode"] == "editorial_workflow"
    assert built["output"] == {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}}
    tags = next(f for f in built["collections"][0]["fields"] if f["name"] == "tags")
    assert tags["widget"] == "select" and tags["multiple"] is True
    assert "Courts and hearings" in tags["options"] and "fostering" in tags["options"]
    assert "children’s social work" in tags["options"]  # from the real posts
    assert tags["options"] == sorted(tags["options"], key=str.casefold)
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert f'content="{CSP}"' in page and '<script src="sveltia-cms.js"></script>' in page
    # The editor's script is its own file, served from here, and talks to no other host.
    script = (admin / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script and "unpkg.com/@sveltia/cms`" not in script


def test_the_public_pages_never_load_the_editor(admin_site):
    pages = [p for p in admin_site.rglob("*.html") if "admin" not in p.relative_to(admin_site).parts]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "sveltia" not in text.lower() and "/admin" not in text, page


def test_without_admin_enabled_there_is_no_editor(tmp_path, project_copy, monkeypatch):
    monkeypatch.delenv("ADMIN_ENABLED", raising=False)
    (project_copy / "node_modules").symlink_to(MODULES)
    out = build_site(project_copy, tmp_path / "site", production=True, siteurl="http://127.0.0.1/blog")
    assert not (out / "admin").exists()


def test_a_missing_editor_stops_the_build_with_what_to_do(tmp_path, project_copy):
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o", str(tmp_path / "o")]
    command += ["--fatal", "warnings", "--log-handler", "plain"]
    command += ["-e", "ADMIN_ENABLED=true", 'ADMIN_NODE_MODULES="missing_modules"']
    result = subprocess.run(command, cwd=project_copy, capture_output=True, text=True, check=False)
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    assert (
        "missing_modules/@sveltia/cms/dist/sveltia-cms.js: error: the web editor's script is missing" in said
    )
    assert "what to do: run npm ci in the project folder" in said
    assert "Traceback" not in said


def test_a_new_editor_version_that_fetches_elsewhere_is_refused(tmp_path):
    modules = tmp_path / "node_modules"
    script = modules / "@sveltia/cms/dist/sveltia-cms.js"
    script.parent.mkdir(parents=True)
    script.write_text("fetch(`https://cdn.jsdelivr.net/fontsource/fonts/other@9/latin.woff2`)", "utf-8")
    with pytest.raises(VendorError) as refused:
        vendor(modules, tmp_path / "out")
    assert "does not mention https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3" in refused.value.message
    assert not (tmp_path / "out").exists()


def test_the_editor_loads_in_the_browser_with_no_errors_and_no_other_host(admin_site, browser):
    from tests.site_server import serve

    with serve(admin_site, prefix="/blog") as base:
        page = browser.new_page()
        errors: list[str] = []
        elsewhere: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "request",
            lambda r: None if r.url.startswith((base, "data:", "blob:")) else elsewhere.append(r.url),
        )
        # GitHub cannot be reached from the tests; the editor only calls it once signed in.
        page.route("https://api.github.com/**", lambda route: route.abort())
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Sign In Using Access Token").click()
        token = page.get_by_role("textbox")
        token.wait_for()
        served = page.evaluate("fetch('config.yml').then(r => r.text())")
        fonts = page.evaluate("document.fonts.check('16px \"Material Symbols Outlined\"')")
        page.close()
    assert errors == []
    assert [url for url in elsewhere if not url.startswith("https://api.github.com/")] == []
    assert fonts
    names = [f["name"] for f in yaml.safe_load(served)["collections"][0]["fields"]]
    assert names == [entry["key"] for entry in _described()] + ["body"]


def test_the_editors_page_is_valid_html(admin_site):
    from tests.test_html_valid import VNU

    assert VNU.is_file(), "run npm ci"
    page = admin_site / "admin" / "index.html"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", str(page)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
