"""Encodings and line ends: the text must come out as the same characters."""

from __future__ import annotations

import pytest

from importer.normalise import cp1252_char, decode


def misread(text: str) -> bytes:
    """UTF-8 text once opened as Windows-1252 and saved again as UTF-8."""
    return "".join(cp1252_char(b) for b in text.encode("utf-8")).encode("utf-8")


PAGE = "Monthly Archives: May 2010\n\nCafé “quotes” – £250\n\nIt’s a naïve £5 fee — isn’t it? Yes.\n"


def _only_body(imported) -> str:
    return imported.only().split("---\n", 2)[2].strip()


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", PAGE.encode("utf-8")),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + PAGE.encode("utf-8")),
        ("windows-1252", PAGE.encode("cp1252")),
        ("utf-8, CRLF", PAGE.replace("\n", "\r\n").encode("utf-8")),
        ("windows-1252, CRLF", PAGE.replace("\n", "\r\n").encode("cp1252")),
        ("utf-8 read once as windows-1252", misread(PAGE)),
    ],
)
def test_encodings_give_the_same_post(make_raw, run_import, label, data):
    make_raw("page.txt", data)
    text = run_import().only()
    assert 'title: "Café “quotes” – £250"' in text, label
    assert _only_body(run_import()) == "It’s a naïve £5 fee — isn’t it? Yes.", label


def test_bom_is_not_part_of_the_heading():
    decoded = decode(b"\xef\xbb\xbfTag Archives: x")
    assert decoded.text == "Tag Archives: x" and decoded.encoding == "utf-8-sig"


def test_mojibake_repair_is_reported():
    decoded = decode(misread("It’s “£5”"))
    assert decoded.text == "It’s “£5”"
    assert decoded.warnings and "repaired" in decoded.warnings[0]


def test_plain_text_is_not_repaired():
    decoded = decode("Zoë Betts paid £5 – à la carte".encode())
    assert decoded.text == "Zoë Betts paid £5 – à la carte"
    assert decoded.warnings == []


def test_binary_file_is_unreadable_and_fails_the_run(make_raw, run_import, raw_dir):
    make_raw("binary.txt", b"\x00\x01\x02PK")
    make_raw("good.txt", "Monthly Archives: May 2010\n\nA post\n\nText.\n")
    imported = run_import()
    files = {f["path"]: f for f in imported.report["files"]}
    assert files["raw/binary.txt"]["warnings"][0].startswith("unreadable:")
    assert imported.report["files_unreadable"] == 1
    assert list(imported.posts()) == ["2010/a-post.md"]
