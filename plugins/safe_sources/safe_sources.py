"""Only regular files inside the content folder, of the kinds meant, are built.

Left to itself Pelican follows symbolic links (a post or a folder linked from
anywhere on the machine, ``content/extra/passwd.txt`` pointing at
``/etc/passwd``), builds posts with any reader it has (HTML and
reStructuredText pass raw markup through), copies any file a post links to
with ``{static}``, even from outside the content folder, and quietly skips
files it has no reader for (``x.MD``, ``content/Posts/``). Here every file
under the content folder is surveyed once per build:

- a ``.md`` file in a folder of ``ARTICLE_PATHS`` or ``PAGE_PATHS`` is a post
  or page; Markdown is the only reader left on;
- any file in a folder of ``STATIC_PATHS`` is copied as it is, unless its
  kind can run script in a browser (``.html``, ``.svg``, ``.js`` …);
- anything else, any symbolic link (to a file or a folder), anything that is
  not a regular file and any hidden file is refused: it is logged as an error
  naming the file and saying what to do (with ``--fatal warnings`` the build
  stops), and it is never read, copied or linked to.

``survey()`` is also what ``invoke check`` reports from.

Template variables added: none.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pelican import signals

logger = logging.getLogger(__name__)

POST_SUFFIX = ".md"
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown", ".mdwn", ".mkdn", ".mdtxt", ".mdtext"}
# Copied as they are, these would run script in a visitor's browser, from the
# site's own address and without the pages' Content-Security-Policy.
ACTIVE_SUFFIXES = {
    *{".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt"},
    *{".js", ".mjs", ".swf", ".php", ".mht", ".mhtml"},
}


@dataclass(frozen=True)
class Refusal:
    path: Path  # the content folder joined with the file's path inside it
    message: str
    fix: str

    def line(self) -> str:
        return f"{_shown(self.path)}: error: {self.message}\n    what to do: {self.fix}"


@dataclass
class Survey:
    # Paths relative to the content folder, in posix form.
    built: set[str] = field(default_factory=set)
    refused: list[Refusal] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _inside(relative: PurePosixPath, folders) -> bool:
    for folder in folders:
        parts = PurePosixPath(folder).parts
        if not parts or parts == (".",) or relative.parts[: len(parts)] == parts:
            return True
    return False


def _folder_names(folders) -> str:
    return " or ".join(f"content/{folder}/" for folder in folders) or "content/"


def _judge(
    relative: PurePosixPath, *, posts: list[str], pages: list[str], static: list[str]
) -> tuple[str, str] | None:
    """Why a regular file at ``relative`` is not built (message, what to do), or None."""
    name, suffix = relative.name, relative.suffix
    hidden = [part for part in relative.parts if part.startswith(".")]
    if hidden:
        if name == POST_SUFFIX:
            return (
                "this post has no name before '.md' (so it is a hidden file) and is never published",
                "rename it after its title, e.g. content/posts/2026/my-title.md",
            )
        return (
            f"this file is hidden ('{hidden[0]}' starts with a dot), so it is never published",
            "rename it without the leading dot, or delete it",
        )
    if _inside(relative, posts) or _inside(relative, pages):
        if suffix == POST_SUFFIX:
            return None
        if suffix.lower() in MARKDOWN_SUFFIXES:
            return (
                f"this file is not built: posts are read only from files ending in '.md' "
                f"(lower case), not '{suffix}'",
                f"rename it to {relative.stem}.md",
            )
        return (
            f"this file is not built: posts are Markdown files ending in '.md'; a '{suffix or name}' file "
            "here (HTML, reStructuredText or anything else) is never published",
            "write it as Markdown in a .md file with front matter like the other posts, "
            f"or move a picture or document to {_folder_names(static)}",
        )
    if _inside(relative, static):
        if suffix.lower() in ACTIVE_SUFFIXES:
            return (
                f"this file is not published: a '{suffix}' file copied as it is could run script in a "
                "visitor's browser",
                "make it a post (a .md file in content/posts/) instead, or delete it",
            )
        return None
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return (
            f"this file is not built: posts are read only from {_folder_names(posts)} "
            "(folder names are lower case)",
            "move it into content/posts/YEAR/ and name it ending in .md",
        )
    return (
        f"this file is not built: only posts in {_folder_names(posts)} and files in {_folder_names(static)} "
        "are published",
        f"move it to {_folder_names(static)} if it should be published as it is, or delete it",
    )


def survey(
    content: Path, *, posts: list[str], pages: list[str], static: list[str], data: Iterable[str] = ()
) -> Survey:
    """Every file under ``content``: what is built, and what is refused and why.

    ``data`` names files (relative to ``content``) that the site and the check
    read, such as the topic list: neither built nor refused.
    """
    found = Survey()
    if content.is_symlink():
        found.refused.append(
            Refusal(
                content,
                f"the content folder is a symbolic link (to {content.readlink()}); nothing is published",
                "make it a real folder in the repository",
            )
        )
        return found
    _survey_folder(str(content), "", found, posts=posts, pages=pages, static=static, data=set(data))
    return found


def _survey_folder(
    folder: str,
    relative: str,
    found: Survey,
    *,
    posts: list[str],
    pages: list[str],
    static: list[str],
    data: set,
) -> None:
    """One folder of ``survey``, and the folders in it, in name order.

    Directory entries say what kind of file each is without another system call,
    which matters on every build of a blog of thousands of posts.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    # A post in a visible folder of posts is the common case, judged once per folder.
    visible = not any(part.startswith(".") for part in relative.split("/") if part)
    plain_posts = visible and (
        _inside(PurePosixPath(relative or "."), posts) or _inside(PurePosixPath(relative or "."), pages)
    )
    subfolders = []
    for entry in entries:
        name = entry.name
        path_text = f"{relative}{name}"
        if entry.is_dir(follow_symlinks=False):
            subfolders.append(entry)
            continue
        if entry.is_symlink():
            if entry.is_dir():
                target = Path(entry.path).readlink()
                found.refused.append(
                    Refusal(
                        Path(entry.path),
                        f"this folder is a symbolic link (to {target}); nothing in it is published",
                        "put the files themselves in the repository, or delete the link",
                    )
                )
                continue
            target = Path(entry.path).readlink()
            reason = (
                f"this file is a symbolic link (to {target}); only regular files inside the "
                "repository are published",
                "replace the link with the file itself if it should be published, or delete it",
            )
        elif not entry.is_file(follow_symlinks=False):
            reason = ("this is not a regular file, so it is never published", "delete it")
        elif path_text in data:
            continue
        elif plain_posts and name.endswith(POST_SUFFIX) and name != POST_SUFFIX and not name.startswith("."):
            found.built.add(path_text)
            continue
        else:
            reason = _judge(PurePosixPath(path_text), posts=posts, pages=pages, static=static)
        if reason:
            found.refused.append(Refusal(Path(entry.path), *reason))
            found.reported.add(path_text)
        else:
            found.built.add(path_text)
    for entry in subfolders:
        _survey_folder(
            entry.path, f"{relative}{entry.name}/", found, posts=posts, pages=pages, static=static, data=data
        )


def survey_settings(settings: dict) -> Survey:
    return survey(
        Path(settings["PATH"]),
        posts=settings["ARTICLE_PATHS"],
        pages=settings["PAGE_PATHS"],
        static=settings["STATIC_PATHS"],
        data=settings.get("CONTENT_DATA_FILES", ()),
    )


_run: list = [None, Survey()]


def _this_run(generator) -> Survey:
    """This build's survey, made (and its refusals logged) by the first generator to ask."""
    if _run[0] is not generator.context:
        _run[:] = [generator.context, survey_settings(generator.settings)]
        if _run[1].refused:
            # One record, so that a build stopped by --fatal still names them all.
            logger.error("%s", "\n".join(refusal.line() for refusal in _run[1].refused))
    return _run[1]


def _normal(path: str) -> str:
    return Path(os.path.normpath(path)).as_posix()


def only_surveyed_files(generator) -> None:
    """Make the generator find only the files the survey allows."""
    allowed = _this_run(generator).built
    find = generator.get_files

    # Pelican's own walk follows symbolic links and knows no refusals; its
    # answer is narrowed rather than replaced, so its excludes still apply.
    def get_files(paths, exclude=None, extensions=None):
        return {
            path for path in find(paths, exclude=exclude, extensions=extensions) if _normal(path) in allowed
        }

    generator.get_files = get_files


def only_surveyed_links(generator) -> None:
    """Forget {static} and {attach} links to files the survey did not allow, naming the posts.

    Run once posts and pages are read and before static files are: Pelican would
    otherwise read a linked file from anywhere and copy it to the same place
    relative to the output folder, which can be outside it.
    """
    found = _this_run(generator)
    links = generator.context["static_links"]
    refused = sorted(link for link in links if _normal(link) not in found.built)
    links.difference_update(refused)
    folders = _folder_names(generator.settings["STATIC_PATHS"])
    lines = []
    for link in refused:
        if _normal(link) in found.reported:
            continue  # already named by the survey
        posts = [c for c in _contents(generator) if link in c.get_static_links()]
        for post in posts or [None]:
            lines.append(
                f"{_shown(Path(post.source_path)) if post else link}: error: this post links to "
                f"{link}, which is not a file in {folders}, so it is not published\n"
                f"    what to do: copy the file into {folders} and link to it there"
            )
    if lines:
        logger.error("%s", "\n".join(lines))


def _contents(generator) -> list:
    return [c for c in generator.context.get("generated_content", {}).values() if c is not None]


def only_surveyed_statics(generator) -> None:
    """The last guard: no static file the survey did not allow is copied."""
    found = _this_run(generator)
    for static in list(generator.staticfiles):
        if _normal(static.relative_source_path) not in found.built:
            generator.staticfiles.remove(static)
            generator.context["static_content"].pop(static.relative_source_path, None)
            logger.error(
                "%s: error: this file is not published: it is not in the survey\n"
                "    what to do: move it into content/extra/ as a regular file",
                _shown(Path(static.source_path)),
            )


def markdown_only(readers) -> None:
    """Turn off every post reader but Markdown's: other formats pass raw HTML through."""
    for extension in list(readers.reader_classes):
        # "static" is the reader that copies static files as they are.
        if extension not in (POST_SUFFIX[1:], "static"):
            readers.reader_classes[extension] = None


def register():
    signals.readers_init.connect(markdown_only)
    signals.article_generator_init.connect(only_surveyed_files)
    signals.page_generator_init.connect(only_surveyed_files)
    signals.static_generator_init.connect(only_surveyed_files)
    signals.page_generator_finalized.connect(only_surveyed_links)
    signals.static_generator_finalized.connect(only_surveyed_statics)
