"""Author and archive text never becomes markup or script, and drafts stay private."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site

HOSTILE_TITLE = '<script>alert(1)</script> & "quotes"'
HOSTILE_POST = """---
title: "<script>alert(1)</script> & \\"quotes\\""
date: 2020-03-04T12:00:00+00:00
slug: hostile
author: "<i>Mallory</i>"
category: "<u>Cat</u>"
tags: ["<b>bold</b>", "safe tag"]
summary: "<img src=x onerror=alert(5)> summary"
comments: 3
---

<script>alert(2)</script>

A [click](javascript:alert(3)) link, an ![image](javascript:alert(6)) and <img src=x onerror=alert(4)> inline.

<div onclick="alert(7)">block</div>
"""
DRAFT_POST = """---
title: "Unfinished thoughts on kinship care"
date: 2020-05-01T12:00:00+01:00
status: draft
tags: ["safe tag"]
---

Not ready yet.
"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("theme", "plugins"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    posts = project / "content" / "posts" / "2020"
    posts.mkdir(parents=True)
    (posts / "hostile.md").write_text(HOSTILE_POST, encoding="utf-8")
    (posts / "draft.md").write_text(DRAFT_POST, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile_sites(hostile_project, tmp_path_factory) -> dict[str, Path]:
    return {
        "dev": build_site(hostile_project, tmp_path_factory.mktemp("dev")),
        "prod": build_site(
            hostile_project,
            tmp_path_factory.mktemp("prod"),
            production=True,
            siteurl="https://example.org/blog",
        ),
    }


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        if "pagefind" not in path.parts:
            yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_no_markup_or_script_from_post_text_anywhere(hostile_sites, build):
    site = hostile_sites[build]
    checked = 0
    for path, soup in _pages(site):
        relative = path.relative_to(site).as_posix()
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Data, not script: JSON with every "<" escaped, so no tag can close it early.
                assert "<" not in script.string and json.loads(script.string)["headline"], relative
                continue
            assert relative == "search/index.html" and script.get("src"), (relative, script)
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (relative, element)
            for attribute in ("href", "src"):
                assert not str(element.get(attribute, "")).lower().startswith("javascript:"), relative
        assert not soup.select("b, u, i, img, div:not([class])"), relative
        checked += 1
    assert checked > 10


def test_hostile_text_is_shown_literally(hostile_sites):
    site = hostile_sites["prod"]
    page = site / "2020" / "03" / "hostile" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text() == f"{HOSTILE_TITLE} · Children’s Social Work Notes"
    assert soup.find("h1").get_text() == HOSTILE_TITLE
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["headline"] == HOSTILE_TITLE
    assert "<b>bold</b>" in [a.get_text() for a in soup.select(".tags a")]
    body = soup.select_one(".post-body").get_text()
    assert "<script>alert(2)</script>" in body and "<img src=x onerror=alert(4)>" in body
    assert soup.select_one(".post-body a").get("href") is None  # the javascript: address is gone
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert "<img src=x onerror=alert(5)> summary" in description


def test_feed_escapes_hostile_text(hostile_sites):
    feed = ET.parse(hostile_sites["prod"] / "feeds" / "all.atom.xml").getroot()
    ns = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{ns}title").text for entry in feed.findall(f"{ns}entry")]
    assert HOSTILE_TITLE in titles
    content = next(e for e in feed.findall(f"{ns}entry") if e.find(f"{ns}title").text == HOSTILE_TITLE)
    html = BeautifulSoup(content.find(f"{ns}content").text or "", "html.parser")
    assert html.find("script") is None and html.find("img") is None


def test_drafts_are_previewed_locally_and_never_published(hostile_sites):
    dev, prod = hostile_sites["dev"], hostile_sites["prod"]
    draft = dev / "drafts" / "unfinished-thoughts-on-kinship-care" / "index.html"
    soup = BeautifulSoup(draft.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".draft-flag").get_text() == "Draft: not published"
    for path in prod.rglob("*"):
        if path.is_file() and "pagefind" not in path.parts:
            assert "Unfinished thoughts on kinship care" not in path.read_text(
                encoding="utf-8", errors="replace"
            ), path
    assert not (prod / "drafts").exists()
