"""Importing raw/ must give exactly the reviewed golden files."""

from pathlib import Path

import pytest

from tests.golden_files import expected_tree, read_tree

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = expected_tree(ROOT / "raw")


def test_every_raw_file_has_golden_posts():
    assert sorted({k.split("/")[0] for k in read_tree(GOLDEN)}) == sorted(
        p.stem for p in (ROOT / "raw").glob("*.txt")
    )


def test_the_same_posts_are_written():
    assert sorted(EXPECTED) == sorted(read_tree(GOLDEN))


@pytest.mark.parametrize("relative", sorted(read_tree(GOLDEN)))
def test_post_matches_golden(relative):
    # Whole-string comparison, so a failure shows the diff. After an intended
    # change, run `invoke golden` and review the diff by eye.
    assert EXPECTED.get(relative) == (GOLDEN / relative).read_text(encoding="utf-8")


def test_raw_files_are_the_archive_unchanged():
    shared = ROOT.parent / "shared" / "raw-archive"
    if not shared.is_dir():
        pytest.skip("the shared raw archive is not beside this checkout")
    for path in sorted(shared.glob("*.txt")):
        assert (ROOT / "raw" / path.name).read_bytes() == path.read_bytes(), path.name
