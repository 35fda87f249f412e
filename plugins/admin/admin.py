"""The web editor at ``/admin/``: Sveltia CMS, served from the site itself.

Opt-in: nothing is written unless ``ADMIN_ENABLED`` is true (production sets it
from the repository variable of the same name), so the public pages never load
the editor's script. When it is on, the build writes ``admin/index.html`` (with
its own Content-Security-Policy, which lets the editor talk to GitHub's API and
nothing else), ``admin/config.yml`` and the editor's script, copied from the
version pinned in ``package.json``.

The form's fields come from ``authoring/frontmatter.yaml``, the description of
the front matter that the author check reads too; tags offer the spellings the
posts already use.

Template variables added: none.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import yaml
from pelican import signals

logger = logging.getLogger(__name__)

SCRIPT = "@sveltia/cms/dist/sveltia-cms.js"  # in node_modules, from package.json's pin
# The editor's script fetches its fonts from a CDN, asks unpkg.com whether a
# newer version exists and asks githubstatus.com whether GitHub is down. Served
# from here it does none of that: the fonts come from the pinned font packages
# beside it, and the two questions are answered by small files of its own.
# Each address must appear in the script exactly as written, or the build
# stops: a new version of the editor is then checked before it is served.
_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"
FONTS = {
    "source-sans-3:vf@5.3.0/latin-wght-normal.woff2": "@fontsource-variable/source-sans-3/files/"
    "source-sans-3-latin-wght-normal.woff2",
    "noto-mono@5.3.0/latin-400-normal.woff2": "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": "@fontsource-variable/"
    "material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
}
_ELSEWHERE = {
    "`https://unpkg.com/@sveltia/cms`": "`./release`",
    "`https://www.githubstatus.com/api/v2/status.json`": "`./github-status.json`",
}
# The editor's own script and GitHub's API, nothing else; styles are set by the
# script as it draws the page; pictures being edited are data: and blob: URLs.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; "
    "connect-src 'self' data: https://api.github.com; frame-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>Write for {sitename}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""
_DATE_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"  # the editor's (Day.js) spelling of 2026-11-22T09:30:00+00:00


# The tags in use, gathered once the posts are read, for the form's choices.
_TAGS: set[str] = set()


def field(key, tags: list[str]) -> dict:
    """One front-matter key as a field of the editor's form."""
    if key.widget == "hidden":
        # Set by the importer: kept as it is, out of the author's way.
        return {"name": key.key, "label": key.label, "widget": "hidden"}
    out: dict = {"name": key.key, "label": key.label, "hint": key.help, "required": key.required}
    if key.widget == "tags":
        # The spellings in use, so that a post does not start a second spelling of one.
        out.update(widget="select", multiple=True, options=tags)
        out["hint"] = "choose the tags in use; a new tag is added in the file itself"
    elif key.widget == "datetime":
        out.update(widget="datetime", format=_DATE_FORMAT)
    elif key.widget == "select":
        out.update(widget="select", options=list(key.options))
    else:
        out["widget"] = key.widget
    if key.default is not None:
        out["default"] = key.default
    return out


def config(settings: dict, tags: list[str]) -> dict:
    """The editor's configuration: the repository, and posts as the check expects them."""
    # Read only when the editor is built: a site without the author tools still builds.
    from authoring import schema

    fields = [field(key, tags) for key in schema.front_matter()]
    fields.append({"name": "body", "label": "Post", "widget": "markdown"})
    made = {
        "app_title": f"{settings.get('SITENAME', 'The blog')}: write",
        "backend": {
            "name": "github",
            "repo": settings.get("ADMIN_REPO") or "owner/repository",
            "branch": settings.get("ADMIN_BRANCH") or "main",
        },
        # Each post is saved as a pull request, which the check runs on; it is
        # published when the pull request is merged.
        "publish_mode": "editorial_workflow",
        "output": {
            # An empty slug or date would be refused by the check: leave unset keys out.
            "omit_empty_optional_fields": True,
            # Every text quoted, so that a title such as Yes or 1984 stays text.
            "yaml": {"quote": "double"},
        },
        "media_folder": "content/extra/images",
        "public_folder": "{static}/extra/images",
        "collections": [
            {
                "name": "posts",
                "label": "Posts",
                "label_singular": "Post",
                "folder": "content/posts",
                "path": "{{year}}/{{slug}}",
                "slug": "{{slug}}",
                "extension": "md",
                "format": "yaml-frontmatter",
                "create": True,
                "summary": "{{title}}",
                "sortable_fields": ["date", "title"],
                "fields": fields,
            }
        ],
    }
    if settings.get("SITEURL"):
        made["site_url"] = settings["SITEURL"]
    return made


def collect_tags(generators) -> None:
    _TAGS.clear()
    for generator in generators:
        for article in [*getattr(generator, "articles", []), *getattr(generator, "drafts", [])]:
            _TAGS.update(tag.name for tag in getattr(article, "tags", []) or [])


def write_admin(pelican) -> None:
    settings = pelican.settings
    if not settings.get("ADMIN_ENABLED"):
        return
    modules = Path(settings.get("ADMIN_NODE_MODULES") or "node_modules")
    out = Path(settings["OUTPUT_PATH"]) / "admin"
    try:
        vendor(modules, out)
    except VendorError as error:
        logger.error("%s: error: %s\n    what to do: %s", error.path, error.message, error.fix)
        return
    tags = sorted(_TAGS, key=str.casefold)
    text = yaml.safe_dump(config(settings, tags), sort_keys=False, allow_unicode=True)
    (out / "config.yml").write_text(
        "# Written by the build from authoring/frontmatter.yaml.\n" + text, "utf-8"
    )
    sitename = str(settings.get("SITENAME", "the blog"))
    page = PAGE.format(csp=CSP, sitename=_escape(sitename))
    (out / "index.html").write_text(page, encoding="utf-8")


class VendorError(Exception):
    def __init__(self, path: Path, message: str, fix: str):
        super().__init__(message)
        self.path, self.message, self.fix = path, message, fix


def vendor(modules: Path, out: Path) -> None:
    """The editor's script and fonts in ``out``, talking to no host but GitHub's API."""
    script = modules / SCRIPT
    if not script.is_file():
        raise VendorError(
            script,
            "the web editor's script is missing",
            "run npm ci in the project folder (make test does), or turn ADMIN_ENABLED off",
        )
    text = script.read_text(encoding="utf-8")
    fonts = {url: modules / path for url, path in FONTS.items()}
    replacements = {_CDN + url: "fonts/" + path.name for url, path in fonts.items()} | _ELSEWHERE
    for before, after in replacements.items():
        if text.count(before) != 1:
            raise VendorError(
                script,
                f"the web editor's script does not mention {before} exactly once",
                "this version of the editor fetches other files: update FONTS and _ELSEWHERE in "
                "plugins/admin/admin.py to match it, or go back to the version pinned before",
            )
        text = text.replace(before, after)
    missing = [path for path in fonts.values() if not path.is_file()]
    if missing:
        raise VendorError(
            missing[0], "a font of the web editor is missing", "run npm ci in the project folder"
        )
    (out / "fonts").mkdir(parents=True, exist_ok=True)
    (out / "sveltia-cms.js").write_text(text, encoding="utf-8")
    for path in fonts.values():
        shutil.copyfile(path, out / "fonts" / path.name)
    version = json.loads((script.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]
    # The version served is the newest this site offers: no "update available" notice.
    (out / "release").mkdir(exist_ok=True)
    (out / "release" / "package.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    # GitHub's status is not looked up from here; "unknown" shows no notice.
    (out / "github-status.json").write_text(json.dumps({"status": {"indicator": "unknown"}}), "utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def register():
    signals.all_generators_finalized.connect(collect_tags)
    signals.finalized.connect(write_admin)
