"""Property tests for the importer's promises, on generated plain-text posts."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pelicanconf
from importer import metadata
from importer.chrome import chrome_reason
from importer.dates import parse_date
from importer.escape import escape_line
from importer.pipeline import import_archive, read_page
from importer.post import BlockKind
from importer.render import render, yaml_str

TRICKY_WORDS = [
    "*",
    "**bold**",
    "_x_",
    "file_name_v2",
    "#",
    "#1",
    "1986.",
    "[draft]",
    "[a](b)",
    "![i](j)",
    "<script>",
    "</p>",
    "<b>x</b>",
    "&",
    "&amp;",
    "&copy;",
    "&#169;",
    "\\",
    "`",
    "``x``",
    "{x}",
    "{: .c}",
    "|",
    ">",
    "-",
    "+",
    "---",
    "~~~",
    ":",
    "<http://a.b>",
    "https://a.b/c_d",
    "café",
    "“quoted”",
    "it’s",
    "£250",
    "—",
]
_ALPHABET = st.characters(
    codec="utf-8",
    categories=["L", "N", "P", "S"],
    exclude_characters="•◦▪‣●·" + "".join(chr(c) for c in range(0xC2, 0xF5)),
)
word = st.one_of(st.sampled_from(TRICKY_WORDS), st.text(_ALPHABET, min_size=1, max_size=12))
paragraph = st.lists(word, min_size=1, max_size=14).map(" ".join)


def _plain(text: str) -> bool:
    """A paragraph the importer should treat as text, not as page structure."""
    return (
        text == unicodedata.normalize("NFC", text)
        and chrome_reason(text) is None
        and metadata.footer_line(text) is None
        and metadata.posted_line(text) is None
        and metadata.source_line(text) is None
        and metadata.original_publication(text) is None
        and metadata.byline(text) is None
        and parse_date(text) is None
        # "> " opening a sentence marks an e-mail style quote, which becomes a blockquote.
        and not text.startswith("> ")
    )


def _page(paragraphs: list[str]) -> str:
    return "Generated post\n\nPosted on 1/02/2015 by Ann\n\n" + "\n\n".join(paragraphs) + "\n"


MD = markdown.Markdown(
    extensions=list(pelicanconf.MARKDOWN["extension_configs"]),
    extension_configs=pelicanconf.MARKDOWN["extension_configs"],
    output_format=pelicanconf.MARKDOWN["output_format"],
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_every_word_appears_in_order_and_nothing_else_is_made(read_post, paragraphs):
    assume(all(_plain(p) for p in paragraphs))
    data = _page(paragraphs).encode("utf-8")
    page = read_page(data, "raw/generated.txt")
    assert [post.title for post in page.posts] == ["Generated post"]
    post = page.posts[0]
    post.slug = "generated-post"

    html, meta = read_post(render(post))
    assert meta["title"] == "Generated post"
    words = " ".join(paragraphs).split()
    assert html.get_text("\n").split() == words

    made = [tag.name for tag in html.find_all(True)]
    kinds = [block.kind for block in post.blocks]
    assert set(made) <= {"p", "h2", "ul", "li", "blockquote"}
    assert made.count("p") == kinds.count(BlockKind.PARAGRAPH)
    assert made.count("h2") == kinds.count(BlockKind.HEADING)
    assert made.count("li") == sum(len(b.items) for b in post.blocks if b.kind is BlockKind.LIST)


@settings(max_examples=40, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=5))
def test_importing_twice_is_byte_identical(paragraphs):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "raw").mkdir()
        (root / "raw" / "page.txt").write_text(_page(paragraphs), encoding="utf-8")
        import_archive(root / "raw", root / "one")
        import_archive(root / "raw", root / "two")
        one = {p.relative_to(root / "one"): p.read_bytes() for p in (root / "one").rglob("*.md")}
        two = {p.relative_to(root / "two"): p.read_bytes() for p in (root / "two").rglob("*.md")}
        assert one and one == two


@given(st.text(st.characters(codec="utf-8")))
def test_front_matter_strings_round_trip_through_yaml(text):
    assert yaml.safe_load(f"key: {yaml_str(text)}") == {"key": text}


@settings(max_examples=300)
@given(st.text(_ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool))
def test_escaped_line_renders_as_exactly_its_text(text):
    assume(text == unicodedata.normalize("NFC", text))
    html = BeautifulSoup(MD.reset().convert(escape_line(text)), "html.parser")
    assert [tag.name for tag in html.find_all(True)] == ["p"]
    assert html.get_text() == text


@given(st.text(st.characters(codec="utf-8"), max_size=60))
def test_slugs_are_the_ones_pelican_would_make(title):
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify as pelican_slugify

    from importer.naming import slugify

    assert slugify(title) == pelican_slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
