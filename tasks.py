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
    "content_path": "content",
    "theme_path": "theme",
    "plugins_path": "plugins",
    "host": "127.0.0.1",
    "port": 8000,
    "github_pages_branch": "gh-pages",
    "commit_message": "Publish the site",
}


def _pelican(c, settings, *extra, warn=False):
    from authoring.sitecheck import pelican_command

    return c.run(shlex.join(pelican_command(settings, CONFIG["deploy_path"], *extra)), pty=False, warn=warn)


def _search_index(c):
    # Pagefind reads the built pages and writes its index beside them.
    c.run(shlex.join([sys.executable, "-m", "pagefind", "--site", CONFIG["deploy_path"], "--silent"]))


@task(name="import")
def import_(c, src=CONFIG["raw_path"], out=CONFIG["posts_path"], report=None, force=False, review=None):
    """Import the raw archive's .txt pages into Markdown posts (--review FILE.html writes a review page)."""
    args = [sys.executable, "-m", "importer", "--src", src, "--out", out]
    if report:
        args += ["--report", report]
    if review:
        args += ["--review", review]
    if force:
        args.append("--force")
    c.run(shlex.join(args))


@task(name="importer-score")
def importer_score(c, verbose=False):
    """Print the importer's accuracy on the invented corpus, field by field (-v lists the misses)."""
    sys.path.insert(0, str(ROOT))
    from tests.corpus_score import score_corpus

    score = score_corpus()
    if verbose:
        print("\n".join(score.misses))
    print(score.table())


@task
def golden(c):
    """Rewrite the importer's golden files from raw/ (review the diff by eye)."""
    sys.path.insert(0, str(ROOT))
    from tests.golden_files import write_corpus_golden, write_golden

    written = write_golden(ROOT / CONFIG["raw_path"], ROOT / CONFIG["golden_path"])
    print(f"{written} golden file(s) written under {CONFIG['golden_path']}; review them with git diff")
    written = write_corpus_golden()
    print(f"{written} golden file(s) written under tests/golden_corpus; review them with git diff")


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


@task(help={"tags": 'comma-separated, e.g. "fostering, courts"', "author": "who wrote it"})
def new(c, title, tags="", author=None):
    """Start a new post: content/posts/YYYY/slug.md, as a draft."""
    args = [sys.executable, "-m", "authoring", "new", title, "--tags", tags]
    if author:
        args += ["--author", author]
    c.run(shlex.join(args))


@task(help={"no_site": "check the posts only", "strict": "fail on privacy warnings too"})
def check(c, no_site=False, strict=False):
    """Check every post and the built site; list every problem at once."""
    args = [sys.executable, "-m", "authoring", "check"]
    if no_site:
        args.append("--no-site")
    if strict:
        args.append("--strict")
    c.run(shlex.join(args))


@task(help={"port": "the port to serve on (default 8000)"})
def serve(c, port=CONFIG["port"]):
    """Build, serve on loopback and rebuild on every save (the page reloads itself)."""
    args = [sys.executable, "-m", "authoring.preview", "--settings", CONFIG["settings_base"]]
    args += ["--output", CONFIG["deploy_path"], "--host", CONFIG["host"], "--port", str(port)]
    c.run(shlex.join(args))


@task(name="gh-pages", help={"remote": "the git remote to push to", "push": "push after committing"})
def gh_pages(c, remote="origin", push=True):
    """Build the production site and put it on the gh-pages branch (ghp-import)."""
    publish(c)
    args = [
        sys.executable,
        "-m",
        "ghp_import",
        "--no-jekyll",
        "--force",
        "--branch",
        CONFIG["github_pages_branch"],
        "--message",
        CONFIG["commit_message"],
        "--remote",
        remote,
    ]
    if push:
        args.append("--push")
    c.run(shlex.join([*args, CONFIG["deploy_path"]]))


@task(
    help={"sizes": "post counts, e.g. 1000,5000", "runs": "runs per measure", "lighthouse": "run Lighthouse"}
)
def bench(c, sizes="1000,5000", runs=3, lighthouse=False):
    """Benchmark import, build, rebuild, preview and page weight against vanilla Pelican."""
    args = [sys.executable, "-m", "benchmarks.run", "--sizes", sizes, "--runs", str(runs)]
    if lighthouse:
        args.append("--lighthouse")
    c.run(shlex.join(args))


@task
def test(c):
    """Run the test suite."""
    c.run(shlex.join([sys.executable, "-m", "pytest"]))


@task
def lint(c):
    """Check code style with ruff."""
    c.run(shlex.join([sys.executable, "-m", "ruff", "check", "."]))
    c.run(shlex.join([sys.executable, "-m", "ruff", "format", "--check", "."]))
