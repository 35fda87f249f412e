"""Project commands: ``invoke --list`` shows them all."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "deploy_path": "output",
    "cache_path": "cache",
    "build_caches": ("*-Readers", "incremental-*", "templates", "template-names"),
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


def _pelican(c, settings, *extra):
    from authoring.runs import run_pelican

    if run_pelican(ROOT, settings, CONFIG["deploy_path"], *extra).returncode != 0:
        raise Exit("The site was not built; output/ is as the last build left it.", code=1)


def _search_index(c):
    from authoring.runs import update_search_index

    # Nothing to do when no indexed page changed since the index was made.
    made = update_search_index(ROOT / CONFIG["deploy_path"])
    if made is not None and made.returncode != 0:
        raise Exit(made.error, code=1)


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


@task(name="importer-score", help={"folder": "another folder of pages with .expect.yaml files"})
def importer_score(c, verbose=False, folder=None):
    """Print the importer's accuracy on the invented corpus, field by field (-v lists the misses)."""
    sys.path.insert(0, str(ROOT))
    from tests.corpus_score import score_corpus

    score = score_corpus(sorted(Path(folder).glob("*.txt")) if folder else None)
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
    """Remove the generated site, the one kept beside it, and what the build remembered."""
    output = Path(CONFIG["deploy_path"])
    beside = [output.with_name(f".{output.name}.{kind}") for kind in ("build", "search")]
    for folder in (output, *beside):
        if folder.is_dir():
            shutil.rmtree(folder)
    # What posts were read as and pages made from; the privacy scan's results and
    # the comment counts fetched from GitHub are kept (they depend on no build).
    cache = Path(CONFIG["cache_path"])
    for pattern in CONFIG["build_caches"]:
        for path in cache.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


DEBUG_HELP = "show Python tracebacks (for whoever looks after the site)"


@task(help={"debug": DEBUG_HELP})
def build(c, debug=False):
    """Build the local site into output/, with its search index."""
    _pelican(c, CONFIG["settings_base"], *(["--debug"] if debug else []))
    _search_index(c)


@task(help={"debug": DEBUG_HELP})
def publish(c, debug=False):
    """Build the production site (publishconf.py) into output/, with its search index."""
    _pelican(c, CONFIG["settings_publish"], *(["--debug"] if debug else []))
    _search_index(c)


@task(help={"tags": 'comma-separated, e.g. "fostering, courts"', "author": "who wrote it"})
def new(c, title, tags="", author=None):
    """Start a new post: content/posts/YYYY/slug.md, as a draft."""
    args = [sys.executable, "-m", "authoring", "new", title, "--tags", tags]
    if author:
        args += ["--author", author]
    c.run(shlex.join(args))


@task(
    help={
        "no_site": "check the posts only",
        "strict": "fail on warnings too",
        "debug": DEBUG_HELP,
        "accept_addresses": "let published posts' changed addresses go (published-addresses.txt)",
        "notes": "also list notes on the repository as it stands (posts moved before, suggested topics)",
        "format": "text, or github for annotations and a job summary (the default on GitHub's runners)",
    }
)
def check(c, no_site=False, strict=False, debug=False, accept_addresses=False, format=None, notes=False):
    """Check every post and the built site; list every problem at once."""
    args = [sys.executable, "-m", "authoring", "check"]
    if no_site:
        args.append("--no-site")
    if strict:
        args.append("--strict")
    if debug:
        args.append("--debug")
    if accept_addresses:
        args.append("--accept-addresses")
    if notes:
        args.append("--notes")
    if format:
        args += ["--format", format]
    c.run(shlex.join(args))


@task(name="privacy-score", help={"verbose": "list every missed case and false alarm"})
def privacy_score(c, verbose=False):
    """Recall and false alarms of the privacy scan on each labelled corpus, per class."""
    corpora = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "privacy_corpus").iterdir() if p.is_dir()
    )
    args = [sys.executable, "-m", "authoring.privacy.score", *corpora]
    if verbose:
        args.append("-v")
    c.run(shlex.join(args))


@task(
    help={
        "port": "the port to serve on (default 8000)",
        "host": "the address to listen on (default 127.0.0.1; 0.0.0.0 inside a dev container)",
        "debug": DEBUG_HELP,
    }
)
def serve(c, port=CONFIG["port"], host=CONFIG["host"], debug=False):
    """Build, serve on loopback and rebuild on every save (the page reloads itself)."""
    args = [sys.executable, "-m", "authoring.preview", "--settings", CONFIG["settings_base"]]
    args += ["--output", CONFIG["deploy_path"], "--host", host, "--port", str(port)]
    if debug:
        args.append("--debug")
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
    help={
        "sizes": "post counts, e.g. 1000,5000",
        "runs": "runs per measure",
        "lighthouse": "run Lighthouse",
        "only_privacy": "measure the privacy scan alone",
    }
)
def bench(c, sizes="1000,5000", runs=3, lighthouse=False, only_privacy=False):
    """Benchmark import, build, rebuild, preview and page weight against vanilla Pelican."""
    args = [sys.executable, "-m", "benchmarks.run", "--sizes", sizes, "--runs", str(runs)]
    if lighthouse:
        args.append("--lighthouse")
    if only_privacy:
        args.append("--only-privacy")
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


@task(name="discussion-counts")
def discussion_counts(c, settings=CONFIG["settings_publish"]):
    """Fetch comment counts from GitHub Discussions for list pages (when comments are on)."""
    import os

    from pelican.settings import read_settings

    from authoring.discussions import update

    config = read_settings(str(ROOT / settings))
    path = ROOT / config.get("DISCUSSION_COUNTS_FILE", "cache/discussion-counts.json")
    outcome = update(path, config.get("GISCUS"), os.environ.get("GITHUB_TOKEN", ""))
    # A failed fetch never stops a build: it uses the counts it last had.
    print(("" if outcome.ok else "warning: ") + outcome.message)
