"""Importing raw/ must give exactly the reviewed golden files."""

import hashlib
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
    # raw/SHA256SUMS (sha256sum's format) was made from the archive as received;
    # `cd raw && sha256sum -c SHA256SUMS` checks it by hand.
    listed = {}
    for line in (ROOT / "raw" / "SHA256SUMS").read_text(encoding="ascii").splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name.lstrip("*")] = digest
    present = sorted(p.name for p in (ROOT / "raw").iterdir() if p.name != "SHA256SUMS")
    assert sorted(listed) == present
    for name, digest in listed.items():
        assert hashlib.sha256((ROOT / "raw" / name).read_bytes()).hexdigest() == digest, name
