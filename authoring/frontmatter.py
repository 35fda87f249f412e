"""Reading a post's YAML front matter with the line number of every key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plugins.yaml_front_matter.yaml_front_matter import ENCODING_FIX, Loader, undecodable

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass
class Post:
    path: Path
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number where the body starts
    key_lines: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    error_line: int | None = None
    error_fix: str | None = None  # what to do, when it is not the usual front-matter advice

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def read_post(path: Path) -> Post:
    post = Post(path)
    data = path.read_bytes()
    try:
        # A byte-order mark is allowed, as Pelican allows it.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        post.error_line, post.error = undecodable(data, error)
        post.error_fix = ENCODING_FIX
        return post
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        post.error, post.error_line = "the file does not start with a '---' line (its front matter)", 1
        return post
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        post.error, post.error_line = "the front matter has no closing '---' line", 1
        return post
    head = "\n".join(lines[1:end])
    post.body = "\n".join(lines[end + 1 :])
    post.body_line = end + 2
    for number, line in enumerate(lines[1:end], start=2):
        match = _KEY.match(line)
        if match:
            post.key_lines.setdefault(match.group(1), number)
    try:
        meta = yaml.load(head, Loader=Loader)
    except yaml.YAMLError as error:
        # Where the broken value starts (an unclosed quote) helps more than
        # where the parser gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        post.error = f"the front matter is not valid YAML ({problem})"
        post.error_line = mark.line + 2 if mark else 2
        return post
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        post.error, post.error_line = "the front matter is not a list of 'key: value' lines", 2
        return post
    post.meta = meta
    return post
