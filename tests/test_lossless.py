"""No text of the real archive is lost: every raw line is in a post, or was
read as metadata, or is listed in the report as dropped chrome."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from importer import metadata
from importer.normalise import clean_line
from importer.pipeline import import_archive
from importer.post import Line
from tests.conftest import ROOT

RAW = sorted((ROOT / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("posts")
    report = import_archive(ROOT / "raw", out, label_root=ROOT).as_dict()
    return out, {entry["path"]: entry for entry in report["files"]}


def _text_of(post: Path) -> str:
    """A post's words as a reader sees them: front-matter values and unescaped body."""
    _, head, body = post.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(head)
    values = [str(v) for v in meta.values() if not isinstance(v, dict | list)]
    values += [str(v) for v in meta.get("tags", [])] + [str(v) for v in meta.get("provenance", {}).values()]
    body = re.sub(r"\\(.)", r"\1", body).replace("&lt;", "<").replace("&amp;", "&").replace("&#126;", "~")
    body = re.sub(r"^(## |- |> )", "", body, flags=re.M)
    return " ".join([*values, body])


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text)]


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_every_raw_line_is_accounted_for(imported, raw):
    out, files = imported
    entry = files[f"raw/{raw.name}"]
    text = " ".join(_text_of(out / post) for post in entry["posts"])
    dropped = {d["line"] for d in entry["dropped"]}
    words = set(_words(text))
    missing = []
    for number, original in enumerate(raw.read_text(encoding="utf-8").splitlines(), start=1):
        line = clean_line(original)
        if not line or number in dropped:
            continue
        as_line = Line(number, line)
        structural = (
            metadata.footer_line(line)
            or metadata.posted_line(line)
            or metadata.archive_heading(as_line)
            or metadata.cutting_key(as_line)
            or metadata.original_publication(line)
            or metadata.byline(line)
        )
        if structural:
            continue
        lost = [w for w in _words(line) if w not in words]
        if lost:
            missing.append((number, line[:60], lost))
    assert missing == []
