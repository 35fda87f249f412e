"""Every built page passes the Nu HTML Checker with zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, build_site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("production", [False, True], ids=["local", "production"])
def test_nu_html_checker_finds_no_errors(tmp_path, production):
    if not VNU.is_file() or not shutil.which("java"):
        pytest.fail("the Nu HTML Checker needs Java and `npm ci` (make test runs both)")
    site = build_site(ROOT, tmp_path / "site", production=production, siteurl="https://example.org/blog")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []
    assert result.returncode == 0
    assert len(list(site.rglob("*.html"))) > 40
