"""The benchmark's synthetic blog is deterministic and usable by every side."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.synth import generate, profile, write_ours, write_raw, write_vanilla
from importer.pipeline import import_archive
from tests.conftest import ROOT

PROFILE = profile(ROOT / "content" / "posts")


def test_same_seed_same_blog_and_shape_follows_the_real_posts():
    one, two, other = (
        generate(PROFILE, 50, seed=3),
        generate(PROFILE, 50, seed=3),
        generate(PROFILE, 50, seed=4),
    )
    assert one == two and one != other
    assert PROFILE.heading_share > 0 and len(PROFILE.words) > 1000
    assert {t for p in one for t in p.tags} <= set(PROFILE.tags)


def test_written_forms_read_back(tmp_path: Path, read_post):
    posts = generate(PROFILE, 30, seed=5)
    write_ours(posts, tmp_path / "ours")
    write_vanilla(posts, tmp_path / "vanilla")
    write_raw(posts, tmp_path / "raw")
    ours = sorted((tmp_path / "ours").rglob("*.md"))
    assert len(ours) == 30 and len(list((tmp_path / "vanilla").rglob("*.md"))) == 30
    _, meta = read_post(ours[0].read_text(encoding="utf-8"))
    assert meta["slug"].startswith("post-")
    report = import_archive(tmp_path / "raw", tmp_path / "imported").as_dict()
    assert report["posts_found"] == 30


def test_total_memory_adds_up_workers_and_counts_shared_pages_once():
    from benchmarks.run import total_memory

    # The parent touches 60 MB, then a forked child touches 120 MB of its own.
    code = (
        "import os, time\n"
        "a = bytearray(60_000_000); a[::4096] = b'x' * len(a[::4096])\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    b = bytearray(120_000_000); b[::4096] = b'y' * len(b[::4096]); time.sleep(0.5); os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    peak = total_memory([sys.executable, "-c", code], Path.cwd())
    assert 170 <= peak < 230  # 60 + 120 and the interpreters; 60 more if shared pages counted twice
