"""Every hostile input in tests/hostile/corpus.yaml, built for real: nothing runnable is published."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site

CORPUS = yaml.safe_load((ROOT / "tests" / "hostile" / "corpus.yaml").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
# The theme's own scripts, by the page that loads them.
THEME_SCRIPTS = {"search/index.html": ("/pagefind/pagefind-ui.js", "/theme/js/search.js")}
URL_ATTRIBUTES = {
    *{"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"},
    *{"cite", "codebase", "ping", "lowsrc", "dynsrc", "longdesc", "usemap", "manifest", "icon"},
    *{"archive", "classid", "values", "to", "from", "by", "srcdoc"},
}
RUNNABLE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Elements that load or run something of their own, or restyle the page.
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "style"}


def _runnable_url(value: str) -> bool:
    # Browsers drop whitespace and control characters in and before a scheme.
    return re.sub(r"[\x00-\x20]", "", value).lower().startswith(RUNNABLE_SCHEMES)


# The theme's drawn mark: shapes only (their attributes are searched like any other).
MARK_SHAPES = {"circle", "path", "g", "rect", "title"}


def _structured_data(element) -> bool:
    """The theme's JSON-LD: JSON with no markup in it."""
    if element.get("type") != "application/ld+json" or element.get("src"):
        return False
    text = element.get_text()
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def _theme_mark(element) -> bool:
    return element.get("class") == ["mark"] and all(
        child.name in MARK_SHAPES for child in element.find_all(True)
    )


def runnable(soup: BeautifulSoup, scripts: tuple[str, ...] = ()) -> list[str]:
    """Everything in ``soup`` a browser could run, but the theme's own scripts."""
    found = []
    for element in soup.find_all(True):
        name = element.name.lower()
        if (
            name == "script"
            and not (element.get("src", "").endswith(scripts) and scripts and not element.get_text().strip())
            and not _structured_data(element)
        ):
            found.append(str(element))
        if name in EMBEDDING and not (name == "svg" and _theme_mark(element)):
            found.append(str(element))
        if name == "meta" and element.get("http-equiv", "content-security-policy").lower() != (
            "content-security-policy"
        ):
            found.append(str(element))
        for attribute, value in element.attrs.items():
            attribute = attribute.lower()
            if attribute.startswith("on") or attribute == "style":
                found.append(f"{attribute}= on {element}")
            if attribute in URL_ATTRIBUTES:
                values = value if isinstance(value, list) else [value]
                # The theme's empty icon (no favicon request) is the one data: address allowed.
                own_icon = name == "link" and element.get("rel") == ["icon"] and value == "data:,"
                if any(_runnable_url(v) for v in values) and not own_icon:
                    found.append(f"{attribute}= on {element}")
    return found


def runnable_in_feed(path: Path) -> list[str]:
    """Addresses a feed reader would follow, and the HTML it would render from an entry."""
    found = []
    for element in ET.parse(path).getroot().iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("content", "summary") and element.text:
            found += runnable(BeautifulSoup(element.text, "html.parser"))
        if local in ("loc", "id", "uri", "icon", "logo") and _runnable_url(element.text or ""):
            found.append(f"<{local}>{element.text}")
        found += [f"{local} {v}" for k, v in element.attrib.items() if k == "href" and _runnable_url(v)]
    return found


def _post(number: int, entry: dict) -> str:
    front = entry.get("front", "")
    given = yaml.safe_load(front) or {}
    lines = ["---"]
    if "title" not in given:
        lines.append(f'title: "Hostile input: {entry["name"]}"')
    lines.append(f"date: 2020-03-04T{number // 60:02d}:{number % 60:02d}:00+00:00")
    lines.append(f"slug: hostile-{entry['name']}")
    if "tags" not in given:
        lines.append('tags: ["hostile"]')
    lines += [front.rstrip("\n"), "---", "", entry.get("body", "An ordinary paragraph.")]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.fixture(scope="module")
def corpus_sites(tmp_path_factory) -> dict[str, Path]:
    project = tmp_path_factory.mktemp("corpus")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("theme", "plugins"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    posts = project / "content" / "posts" / "2020"
    posts.mkdir(parents=True)
    for number, entry in enumerate(CORPUS):
        (posts / f"{entry['name']}.md").write_text(_post(number, entry), encoding="utf-8")
    return {
        "dev": build_site(project, tmp_path_factory.mktemp("dev")),
        "prod": build_site(
            project, tmp_path_factory.mktemp("prod"), production=True, siteurl="https://example.org/blog"
        ),
    }


def test_the_corpus_is_large_and_every_entry_distinct():
    names = [entry["name"] for entry in CORPUS]
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert all(entry.get("body") or entry.get("front") for entry in CORPUS)


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_every_hostile_post_is_built(corpus_sites, build):
    site = corpus_sites[build]
    pages = {e["name"]: site / "2020" / "03" / f"hostile-{e['name']}" / "index.html" for e in CORPUS}
    missing = [name for name, page in pages.items() if not page.is_file()]
    assert missing == []


def test_every_hostile_post_is_in_the_feed(corpus_sites):
    feed = ET.parse(corpus_sites["prod"] / "feeds" / "all.atom.xml").getroot()
    links = {link.get("href") for link in feed.iter(f"{ATOM}link")}
    address = "https://example.org/blog/2020/03/hostile-{}/"
    missing = [e["name"] for e in CORPUS if address.format(e["name"]) not in links]
    assert missing == []


@pytest.mark.parametrize("build", ["dev", "prod"])
def test_nothing_runnable_reaches_any_page_or_feed(corpus_sites, build):
    site = corpus_sites[build]
    found, pages, feeds = {}, 0, 0
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/") or not path.is_file():
            continue
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            found[relative] = runnable(soup, THEME_SCRIPTS.get(relative, ()))
            pages += 1
        elif path.suffix == ".xml":
            found[relative] = runnable_in_feed(path)
            feeds += relative.startswith("feeds/")
    assert {page: bad for page, bad in found.items() if bad} == {}
    assert pages > len(CORPUS)
    if build == "prod":
        assert feeds > 3  # all posts, and one per tag


HOSTILE_SNIPPETS = [
    "<script>alert(1)</script>",
    '<script src="/theme/js/search.js">alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="jav&#97;script:alert(1)">x</a>',
    '<a href="&#1;java&#9;script:alert(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<button formaction="javascript:alert(1)">x</button>',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<iframe srcdoc="x"></iframe>',
    "<object></object>",
    "<embed>",
    "<style>p{}</style>",
    '<p style="color:red">x</p>',
    '<link rel="icon" href="data:text/html,x">',
]


@pytest.mark.parametrize("html", HOSTILE_SNIPPETS)
def test_the_search_finds_each_kind_of_runnable_markup(html):
    soup = BeautifulSoup(f"<p>safe</p>{html}", "html.parser")
    assert runnable(soup, THEME_SCRIPTS["search/index.html"]) != []


def test_the_search_allows_the_theme_s_own_markup():
    soup = BeautifulSoup(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        '<link rel="icon" href="data:,"><script src="/blog/theme/js/search.js" defer></script>'
        '<a href="https://example.org/" title="x">x</a><img src="/a.png" alt="a">',
        "html.parser",
    )
    assert runnable(soup, THEME_SCRIPTS["search/index.html"]) == []
