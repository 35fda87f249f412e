"""Reading a post's YAML front matter with the line number of every key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Keys the importer writes, beside those an author writes by hand.
IMPORTER_KEYS = {
    "legacy_comments": "the old blog's reader comments: author, date, text, reply_to (set by the importer)",
    "import_confidence": "how sure the importer was of its reading, 0 to 1 (set by the importer)",
    "draft_reason": "why the importer wrote the post as a draft: check it, then remove this line",
}

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

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def read_post(path: Path) -> Post:
    post = Post(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        post.error, post.error_line = "the file is not UTF-8 text", None
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
        meta = yaml.safe_load(head)
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
