"""The importer's golden files: the reviewed Markdown for every raw page.

``tests/golden/<raw file stem>/<year>/<slug>.md`` holds what importing the whole
``raw/`` folder writes for the posts of that raw file. ``invoke golden``
rewrites them; review the diff by eye before committing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from importer.pipeline import import_archive


def import_to(raw: Path, out: Path) -> dict[str, list[str]]:
    """Import ``raw`` into ``out`` (with the blog's topic list); each raw file stem's posts' paths."""
    topics = raw.parent / "content" / "topics.yml"
    report = import_archive(raw, out, label_root=raw.parent, topics=topics)
    return {Path(entry["path"]).stem: entry["posts"] for entry in report.files}


def expected_tree(raw: Path) -> dict[str, str]:
    """Golden-relative path -> file text, for a fresh import of ``raw``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        by_file = import_to(raw, out)
        return {
            f"{stem}/{post}": (out / post).read_text(encoding="utf-8")
            for stem, posts in by_file.items()
            for post in posts
        }


def read_tree(golden: Path) -> dict[str, str]:
    return {
        path.relative_to(golden).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(golden.rglob("*.md"))
    }


def write_golden(raw: Path, golden: Path) -> int:
    tree = expected_tree(raw)
    if golden.exists():
        shutil.rmtree(golden)
    for relative, text in tree.items():
        target = golden / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return len(tree)


# The invented corpus (tests/corpus/pages) has golden files too: each page is
# imported on its own, as a migrator would try it, into
# tests/golden_corpus/<page stem>/<year or undated>/<slug>.md.
CORPUS = Path(__file__).parent / "corpus" / "pages"
CORPUS_GOLDEN = Path(__file__).parent / "golden_corpus"


def corpus_tree(corpus: Path = CORPUS) -> dict[str, str]:
    tree: dict[str, str] = {}
    for page in sorted(corpus.glob("*.txt")):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "raw"
            src.mkdir()
            shutil.copy(page, src / page.name)
            out = Path(tmp) / "posts"
            import_archive(src, out, label_root=Path(tmp), workers=1)
            for post in sorted(out.rglob("*.md")):
                tree[f"{page.stem}/{post.relative_to(out).as_posix()}"] = post.read_text(encoding="utf-8")
    return tree


def write_corpus_golden(golden: Path = CORPUS_GOLDEN) -> int:
    tree = corpus_tree()
    if golden.exists():
        shutil.rmtree(golden)
    for relative, text in tree.items():
        target = golden / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return len(tree)
