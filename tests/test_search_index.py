"""The search index as ``invoke build`` makes it: from the indexed pages only, kept up to date
after an edit, never half-written, and finding what a whole-site Pagefind run finds."""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

import pytest

from authoring.runs import run_pagefind, update_search_index
from tests.conftest import pelican_ok
from tests.site_server import serve

POST = "content/posts/2009/baby-p-effect-sustained.md"
TITLE = "Baby P effect sustained"


def _edit(project: Path, old: str, new: str) -> None:
    path = project / POST
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _invoke_build(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )


_PAGEFIND = """async ([bundle, parts]) => {
    const pagefind = await import(bundle + "pagefind.js");
    await pagefind.options({ basePath: new URL(bundle).pathname });
    for (const part of parts) await pagefind.mergeIndex(new URL(bundle + part).pathname);
    return pagefind;
}"""


def _parts(base: str, bundle: str) -> list[str]:
    with urlopen(base + bundle + "shards.json") as response:
        return json.load(response)["shards"]


def _search(browser, base: str, query: str, bundle: str = "pagefind/") -> list[dict]:
    """Pagefind's own results for ``query`` from ``bundle`` and its parts: url, title, excerpt, filters."""
    parts = _parts(base, bundle) if bundle == "pagefind/" else []
    page = browser.new_page()
    page.goto(base + "search/")
    found = page.evaluate(
        f"""async ([bundle, parts, query]) => {{
            const pagefind = await ({_PAGEFIND})([bundle, parts]);
            const search = await pagefind.search(query);
            const results = await Promise.all(search.results.map((r) => r.data()));
            return results.map((d) => ({{
                url: d.url, title: d.meta.title, excerpt: d.excerpt, filters: d.filters,
            }}));
        }}""",
        [base + bundle, parts, query],
    )
    page.close()
    return found


def _filters(browser, base: str, bundle: str = "pagefind/") -> dict:
    parts = _parts(base, bundle) if bundle == "pagefind/" else []
    page = browser.new_page()
    page.goto(base + "search/")
    found = page.evaluate(
        f"""async ([bundle, parts]) => {{
            const pagefind = await ({_PAGEFIND})([bundle, parts]);
            return await pagefind.filters();
        }}""",
        [base + bundle, parts],
    )
    page.close()
    return found


def _search_page_count(browser, base: str, query: str) -> int:
    """How many results the search page says it found, through its own interface."""
    page = browser.new_page()
    page.goto(base + "search/")
    page.fill(".pagefind-ui__search-input", query)
    done = re.compile(r"^(No results|\d+ results?) for")
    message = page.locator(".pagefind-ui__message", has_text=done)
    message.wait_for(timeout=10_000)
    said = message.inner_text()
    page.close()
    return 0 if said.startswith("No") else int(said.split()[0])


def _fragments(bundle: Path) -> list[bytes]:
    return [gzip.decompress(p.read_bytes()) for p in sorted((bundle / "fragment").iterdir())]


@pytest.mark.parametrize("per_shard", [1000, 16])
def test_the_index_finds_what_pagefind_over_the_whole_site_finds(
    project_copy, many_posts, browser, per_shard
):
    many_posts(project_copy, 60)
    out = project_copy / "output"
    pelican_ok(project_copy, out)
    assert update_search_index(out, per_shard=per_shard).returncode == 0
    parts = json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(parts) == (0 if per_shard == 1000 else 7)
    for part in parts:  # read with the first part's scripts and WebAssembly: none of its own
        kept = {p.name for p in (out / "pagefind" / part).iterdir() if p.is_file()}
        assert kept and all(n == "pagefind-entry.json" or n.endswith(".pf_meta") for n in kept), kept
    # As the site was indexed before: Pagefind over every page of it.
    whole = run_pagefind(out, capture=True, into=out / "whole")
    assert whole.returncode == 0, whole.stderr
    with serve(out) as base:
        for query in ("Ofsted", "social work", "children", "court", "Trowler"):
            ours, before = _search(browser, base, query), _search(browser, base, query, "whole/")
            assert before, query
            assert sorted(ours, key=lambda r: r["url"]) == sorted(before, key=lambda r: r["url"]), query
            assert _search_page_count(browser, base, query) == len(before), query
        assert _filters(browser, base) == _filters(browser, base, "whole/")
        assert set(_filters(browser, base)) == {"tag", "year"}


def test_an_edit_is_found_and_the_old_text_is_not(project_copy, browser):
    out = project_copy / "output"
    assert _invoke_build(project_copy).returncode == 0
    with serve(out) as base:
        assert TITLE in [r["title"] for r in _search(browser, base, "sustained")]
        found = [r["title"] for r in _search(browser, base, "Quokkafield")]
        assert "Quokkafield effect sustained" not in found
    _edit(project_copy, "Baby P effect sustained", "Quokkafield effect sustained")
    built = _invoke_build(project_copy)
    assert built.returncode == 0, built.stderr
    with serve(out) as base:
        titles = [r["title"] for r in _search(browser, base, "Quokkafield")]
        assert titles[0] == "Quokkafield effect sustained"
        assert TITLE not in [r["title"] for r in _search(browser, base, "sustained")]
    # The last index's files that the new one does not use are gone: one fragment per page.
    pages = [p for p in out.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()]
    fragments = _fragments(out / "pagefind")
    assert len(fragments) == len(pages)
    assert not any(b"Baby P effect sustained" in f for f in fragments)


def test_a_build_that_changes_no_indexed_page_does_not_index(project_copy):
    out = project_copy / "output"
    assert _invoke_build(project_copy).returncode == 0
    entry = (out / "pagefind" / "pagefind-entry.json").stat()
    again = _invoke_build(project_copy)
    assert again.returncode == 0
    # Indexing left the site as the build knows it, so the build had nothing to do either.
    assert "Done: Processed" not in again.stdout + again.stderr
    assert update_search_index(out) is None
    again = (out / "pagefind" / "pagefind-entry.json").stat()
    assert (again.st_ino, again.st_mtime_ns) == (entry.st_ino, entry.st_mtime_ns)


FAILING_PAGEFIND = """#!/bin/sh
# Writes half an index where it was told to, then stops as a full disk would stop it.
while [ $# -gt 0 ]; do
  case "$1" in
    --output-path) out="$2"; shift ;;
    --site) out="${out:-$2/pagefind}"; shift ;;
  esac
  shift
done
mkdir -p "$out" && printf '{"version":' > "$out/pagefind-entry.json"
echo "Error: No space left on device (os error 28)" >&2
exit 1
"""


@pytest.fixture
def failing_pagefind(tmp_path: Path) -> dict:
    script = tmp_path / "pagefind"
    script.write_text(FAILING_PAGEFIND, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    # The pagefind package runs the binary this names in place of its own.
    return {"PAGEFIND_BINARY_PATH": str(script)}


def test_an_indexer_that_fails_leaves_the_last_index_whole_and_says_so_in_one_line(
    project_copy, failing_pagefind, browser
):
    out = project_copy / "output"
    assert _invoke_build(project_copy).returncode == 0
    entry = out / "pagefind" / "pagefind-entry.json"
    before = entry.read_bytes()
    _edit(project_copy, "Baby P effect sustained", "Quokkafield effect sustained")
    built = _invoke_build(project_copy, failing_pagefind)
    assert built.returncode == 1
    said = [line for line in built.stderr.splitlines() if line.strip()]
    assert len(said) == 1, built.stderr
    assert "error: the search index was not updated" in said[0]
    assert "No space left on device" in said[0]
    assert "Traceback" not in built.stdout + built.stderr
    assert entry.read_bytes() == before
    with serve(out) as base:  # the site still searches, with the last index
        assert TITLE in [r["title"] for r in _search(browser, base, "sustained")]
    # Built again once the indexer works: the edit is found.
    assert _invoke_build(project_copy).returncode == 0
    with serve(out) as base:
        assert _search(browser, base, "Quokkafield")[0]["title"] == "Quokkafield effect sustained"


def test_an_edit_makes_again_only_the_part_of_the_index_its_page_is_in(project_copy, many_posts, browser):
    many_posts(project_copy, 60)
    out = project_copy / "output"
    pelican_ok(project_copy, out)
    assert update_search_index(out, per_shard=16).returncode == 0
    bundle = out / "pagefind"
    parts = [bundle, *(bundle / p for p in json.loads((bundle / "shards.json").read_text())["shards"])]
    before = {part: (part / "pagefind-entry.json").stat().st_ino for part in parts}
    _edit(project_copy, "Baby P effect sustained", "Quokkafield effect sustained")
    pelican_ok(project_copy, out)
    assert update_search_index(out, per_shard=16).returncode == 0
    after = {part: (part / "pagefind-entry.json").stat().st_ino for part in parts}
    made_again = [part for part in parts if after[part] != before[part]]
    assert len(made_again) == 1, made_again
    with serve(out) as base:
        assert _search(browser, base, "Quokkafield")[0]["title"] == "Quokkafield effect sustained"
        assert TITLE not in [r["title"] for r in _search(browser, base, "sustained")]
    fragments = [f for part in parts for f in _fragments(part)]
    assert len(fragments) == len([p for p in out.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()])


def test_a_site_swapped_in_while_the_index_reads_it_is_indexed_by_the_next_update(
    project_copy, browser, monkeypatch
):
    from authoring import runs

    out = project_copy / "output"
    assert _invoke_build(project_copy).returncode == 0
    # A build that swaps in a site with the same pages (a new folder, as every build makes).
    copy = project_copy / "output-copy"
    subprocess.run(["cp", "-a", str(out), str(copy)], check=True)
    out.rename(project_copy / "output-old")
    copy.rename(out)
    real = runs._indexed_pages

    def read_then_build(site, known):
        found = real(site, known)
        # An author's edit built while the update reads the pages it found unchanged.
        _edit(project_copy, "Baby P effect sustained", "Quokkafield effect sustained")
        pelican_ok(project_copy, out)
        return found

    monkeypatch.setattr(runs, "_indexed_pages", read_then_build)
    update_search_index(out)
    monkeypatch.undo()
    assert update_search_index(out) is not None  # the site it found is not the site it read
    with serve(out) as base:
        assert _search(browser, base, "Quokkafield")[0]["title"] == "Quokkafield effect sustained"
