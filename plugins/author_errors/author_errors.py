"""Build errors said the way an author can act on them, without a traceback.

Pelican prints a Python traceback when a build stops, and names a post by
its path inside ``content/``. Authors are not programmers: here every warning
or error the build logs becomes ``file:line: error: …`` followed by what to do,
the form the author check uses, and tracebacks are left out. Messages that
already have that form (the front-matter reader's) pass unchanged; the one
Pelican adds after them ("Could not process …") is dropped, and its closing
"RuntimeError: Warning or error encountered" becomes a line saying the build
stopped.

When the environment names a file in ``BLOG_SOURCE_MAP``, the build writes
there, as JSON, each post's address, the file it came from and whether it is
published yet, so that the author check can name the file of a post with a
broken link and notice a published post whose address changed.

Tracebacks come back with Pelican's ``--debug`` (``invoke build --debug``,
``invoke check --debug``, ``invoke serve --debug``) or when the environment
sets ``BLOG_DEBUG=1``.

Template variables added: none.
"""

from __future__ import annotations

import datetime
import html
import json
import logging
import os
import re
import sys
from pathlib import Path

from pelican import signals

DEBUG_VARIABLE = "BLOG_DEBUG"
SOURCE_MAP_VARIABLE = "BLOG_SOURCE_MAP"
_AUTHOR_FORM = re.compile(r"^\S.*?: error: .*\n    what to do: ", re.S)
STOPPED = "Warning or error encountered"
DEBUG_FIX = "run the same command again with --debug and pass what it prints to whoever looks after the site"
# Pelican's own messages about one post, and what the author should do.
_KNOWN = [
    (
        re.compile(r"^Skipping (?P<path>.+?): could not find information about '(?P<key>\w+)'$"),
        "the post has no {key}",
        "add a line to the front matter: {key}: …, as in the README's example",
    ),
    (
        re.compile(r"^Could not process (?P<path>\S+)\n?(?P<error>.*)$", re.S),
        "the post could not be read ({error})",
        "compare it with the README's example post; " + DEBUG_FIX,
    ),
    (
        re.compile(r'^Unable to generate valid slug for (?P<kind>\w+) "(?P<name>.*)"\.?$', re.S),
        "the {kind} “{name}” has no letters or digits for its page's address",
        "find the post that uses it: add a word to it, or remove it",
    ),
    (
        re.compile(r'^.*Failed to overwrite "(?P<page>[^"]+)".*$', re.S),
        "two pages would be written to the same address, {page}",
        "give one of the posts (or tags, or categories) with that address a different name, "
        "or a post a slug: line",
    ),
    (
        re.compile(r"^Skipping (?P<page>\S+?): file .* would be written outside output path", re.S),
        "a page would be written outside the site, at {page}",
        "check the slug: lines of your posts: a slug is words joined by hyphens, with no / or ..",
    ),
]


_UNFOUND = re.compile(r"^Unable to find '(?P<address>.*)', skipping url replacement\.$", re.S)
LINK_FIX = (
    "check the file name in the link (a {{filename}} link names a post's file inside content/, "
    "as in [words]({{filename}}/posts/2009/its-file.md); {{static}} names a file in content/extra/); "
    "the README says how to link"
)


def _linking_post():
    """The post whose {filename} or {static} link Pelican is replacing, and the link as written.

    Pelican's message names neither; it is logged from its link replacer, whose
    frame holds both.
    """
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "_link_replacer" and "self" in frame.f_locals and "m" in frame.f_locals:
            return frame.f_locals["self"], frame.f_locals["m"].group("path")
        frame = frame.f_back
    return None, None


def _line_of(source_path: str, written: str) -> int | None:
    try:
        with open(source_path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if written in line:
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def unfound_link(text: str) -> tuple[str, str] | None:
    """Pelican's "Unable to find" said with the post, its line and the link as written."""
    match = _UNFOUND.match(text)
    if not match:
        return None
    post, written = _linking_post()
    written = html.unescape(written or match["address"])
    source = getattr(post, "source_path", None)
    if not source:
        return f"content: error: a link to {written!r} leads to no file", LINK_FIX.format()
    line = _line_of(source, written)
    relative = os.path.relpath(source)
    where = source if relative.startswith("..") else relative
    where = f"{where}:{line}" if line else where
    return f"{where}: error: the link {written!r} leads to no file", LINK_FIX.format()


class AuthorMessages(logging.Filter):
    """Rewrites each warning and error of a build into the author check's form."""

    def __init__(self, content: str):
        super().__init__()
        self.content = content

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        # The exception being handled, when Pelican logs one (it may not attach it).
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        text = record.getMessage()
        if _AUTHOR_FORM.match(text):
            return True
        if str(error) == STOPPED and text.startswith("Could not process"):
            return False  # the reader has said what is wrong with the post
        if record.levelno >= logging.CRITICAL and STOPPED in text:
            said = "content: error: the site was not built, because of the error above"
            fix = "fix that, then build again"
        else:
            said, fix = self._translate(text, error)
        record.msg, record.args = f"{said}\n    what to do: {fix}", None
        return True

    def _translate(self, text: str, error: BaseException | None) -> tuple[str, str]:
        link = unfound_link(text)
        if link:
            return link
        detail = f"{type(error).__name__}: {error}" if error is not None else ""
        for pattern, message, fix in _KNOWN:
            match = pattern.match(text) or (detail and pattern.match(str(error)))
            if match:
                found = {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
                found.setdefault("error", detail or "see the line above")
                where = self._where(found.get("path"))
                return f"{where}: error: {message.format(**found)}", fix.format(**found)
        return f"content: error: the site was not built: {text}", DEBUG_FIX

    def _where(self, path: str | None) -> str:
        if not path:
            return "content"
        full = Path(self.content, path)  # Pelican names posts inside content/
        relative = os.path.relpath(full)
        return str(full) if relative.startswith("..") else relative


def describe(error: BaseException, content: str = "content") -> str:
    """An exception that was not logged, said as the build would have said it."""
    said, fix = AuthorMessages(content)._translate(str(error), error)
    return f"{said}\n    what to do: {fix}"


def debugging(settings: dict) -> bool:
    return bool(settings.get("DEBUG")) or os.environ.get(DEBUG_VARIABLE) == "1"


def install(pelican) -> None:
    if debugging(pelican.settings):
        return
    root = logging.getLogger()
    if not root.handlers:
        # Pelican's "plain" handler is none at all: Python's last-resort handler
        # prints warnings and errors, tracebacks included. This one prints the same
        # messages without them.
        fallback = logging.StreamHandler()
        fallback.setLevel(logging.WARNING)
        root.addHandler(fallback)
    for handler in root.handlers:
        if not any(isinstance(f, AuthorMessages) for f in handler.filters):
            handler.addFilter(AuthorMessages(pelican.settings["PATH"]))


def write_source_map(generator) -> None:
    target = os.environ.get(SOURCE_MAP_VARIABLE)
    if not target:
        return
    now = datetime.datetime.now(datetime.UTC)
    sources = {
        post.url: {
            "file": os.path.relpath(post.source_path),
            # Published: not a draft, and its day has come.
            "published": post in generator.articles and post.date <= now,
        }
        for post in [*generator.articles, *generator.drafts]
    }
    Path(target).write_text(json.dumps(sources, indent=1, sort_keys=True), encoding="utf-8")


def register():
    signals.initialized.connect(install)
    signals.article_generator_finalized.connect(write_source_map)
