"""Project commands: ``invoke --list`` shows them all."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "raw_path": "raw",
    "posts_path": "content/posts",
    "golden_path": "tests/golden",
}


def _pelican(c, settings, *extra):
    args = [
        "-m",
        "pelican",
        "content",
        "-s",
        settings,
        "-o",
        CONFIG["deploy_path"],
        "--fatal",
        "warnings",
        *extra,
    ]
    c.run(shlex.join([sys.executable, *args]), pty=False)


def _search_index(c):
    # Pagefind reads the built pages and writes its index beside them.
    c.run(shlex.join([sys.executable, "-m", "pagefind", "--site", CONFIG["deploy_path"], "--silent"]))


@task(name="import")
def import_(c, src=CONFIG["raw_path"], out=CONFIG["posts_path"], report=None, force=False):
    """Import the raw archive's .txt pages into Markdown posts."""
    args = [sys.executable, "-m", "importer", "--src", src, "--out", out]
    if report:
        args += ["--report", report]
    if force:
        args.append("--force")
    c.run(shlex.join(args))


@task
def golden(c):
    """Rewrite the importer's golden files from raw/ (review the diff by eye)."""
    sys.path.insert(0, str(ROOT))
    from tests.golden_files import write_golden

    written = write_golden(ROOT / CONFIG["raw_path"], ROOT / CONFIG["golden_path"])
    print(f"{written} golden file(s) written under {CONFIG['golden_path']}; review them with git diff")


@task
def clean(c):
    """Remove the generated site."""
    if Path(CONFIG["deploy_path"]).is_dir():
        shutil.rmtree(CONFIG["deploy_path"])


@task
def build(c):
    """Build the local site into output/, with its search index."""
    _pelican(c, CONFIG["settings_base"])
    _search_index(c)


@task
def publish(c):
    """Build the production site (publishconf.py) into output/, with its search index."""
    _pelican(c, CONFIG["settings_publish"])
    _search_index(c)


@task
def test(c):
    """Run the test suite."""
    c.run(shlex.join([sys.executable, "-m", "pytest"]))


@task
def lint(c):
    """Check code style with ruff."""
    c.run(shlex.join([sys.executable, "-m", "ruff", "check", "."]))
    c.run(shlex.join([sys.executable, "-m", "ruff", "format", "--check", "."]))
