"""What earlier imports wrote, so a re-import respects what authors did since.

The manifest (``.import-manifest.json`` in the output folder, committed with
the posts) maps each imported post to the file it was written to. With it:

* a post an author deleted stays deleted (unless ``--force``);
* a post keeps its address for ever: a later post with the same title takes
  the numbered slug, never the published one;
* a post already on disk that was not written by the importer keeps its name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .naming import base_slug
from .post import Post

MANIFEST = ".import-manifest.json"
_IMPORTED_FROM = re.compile(r'^imported_from:\s*"?(?P<value>[^"\n]*)"?\s*$', re.M)
_TITLE = re.compile(r"^title:\s*(?P<value>.*)$", re.M)


def identity(post: Post) -> str:
    """What names one post across imports: its page and its title."""
    return f"{post.source_path}#{post.title}"


@dataclass
class Manifest:
    path: Path
    posts: dict[str, str] = field(default_factory=dict)  # identity -> path under the output folder
    problem: str | None = None

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        manifest = cls(path)
        if not path.is_file():
            return manifest
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            manifest.posts = {str(k): str(v) for k, v in data["posts"].items()}
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            manifest.problem = (
                f"{path}: error: the import manifest cannot be read ({error}); "
                "restore it from version control, or delete it to start afresh"
            )
        return manifest

    def save(self) -> None:
        text = json.dumps({"posts": dict(sorted(self.posts.items()))}, indent=1, ensure_ascii=False) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(self.path)


def existing_slugs(out: Path) -> dict[str, Path]:
    """Slug -> file, for the posts already in the output folder."""
    return {path.stem: path for path in sorted(out.glob("*/*.md"))} if out.is_dir() else {}


def written_for(path: Path, post: Post) -> bool:
    """Whether the file on disk was imported from the same page and title as ``post``."""
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return False
    source = _IMPORTED_FROM.search(head)
    title = _TITLE.search(head)
    if not source or not title:
        return False
    try:
        title_value = json.loads(title["value"])
    except ValueError:
        title_value = title["value"].strip().strip("'\"")
    return source["value"] == post.source_path and title_value == post.title


def assign_paths(posts: list[Post], manifest: Manifest, out: Path) -> None:
    """Slugs and files for ``posts``: remembered ones first, newcomers around them."""
    on_disk = existing_slugs(out)
    remembered = {Path(path).stem for path in manifest.posts.values()}
    used: set[str] = set(remembered)
    newcomers: list[Post] = []
    for post in posts:
        known = manifest.posts.get(identity(post))
        if known is not None:
            post.slug = Path(known).stem
            post.path = known
        else:
            newcomers.append(post)

    def order(post: Post) -> tuple[float, str, int]:
        when = post.date.value.timestamp() if post.date else float("inf")
        return (when, post.source_path, post.position)

    for post in sorted(newcomers, key=order):
        slug = base_slug(post.title)
        candidate, n = slug, 2
        while candidate in used or (candidate in on_disk and not written_for(on_disk[candidate], post)):
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        post.slug = candidate
        if candidate in on_disk:
            post.path = on_disk[candidate].relative_to(out).as_posix()
