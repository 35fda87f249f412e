"""Production settings: everything in ``pelicanconf.py``, and these overrides."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# Set by the deployment from the Pages configuration, e.g.
# https://example.github.io/blog for a project page.
SITEURL = os.environ.get("SITEURL", "https://example.github.io/blog").rstrip("/")
RELATIVE_URLS = False
# The published site is always built from scratch.
LOAD_CONTENT_CACHE = False
# A custom domain for GitHub Pages, written to output/CNAME when set.
CNAME = os.environ.get("CNAME", "")
FEED_DOMAIN = SITEURL
# A post dated in the future waits (as a draft) until its day; the daily
# scheduled build publishes it. The author check sets CHECK_FUTURE_POSTS=1 to
# build such posts too, so that their links are checked before their day.
WITH_FUTURE_DATES = os.environ.get("CHECK_FUTURE_POSTS") == "1"
# Drafts are previewed locally and never written into the published site.
SHOW_DRAFTS = False
DRAFT_URL = DRAFT_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"

# Comments through GitHub Discussions, when the repository's variables are set
# (GISCUS_REPO, GISCUS_REPO_ID, GISCUS_CATEGORY, GISCUS_CATEGORY_ID).
_giscus = {
    key: os.environ.get(f"GISCUS_{key.upper()}", "") for key in ("repo", "repo_id", "category", "category_id")
}
GISCUS = _giscus if all(_giscus.values()) else None

# The web editor at /admin/, for a repository that opts in: its variable
# ADMIN_ENABLED set to true (Settings → Secrets and variables → Actions → Variables).
ADMIN_ENABLED = os.environ.get("ADMIN_ENABLED", "").strip().lower() == "true"
# The repository the editor commits to, e.g. owner/blog (GitHub's runners name it).
ADMIN_REPO = os.environ.get("ADMIN_REPO") or os.environ.get("GITHUB_REPOSITORY", "")
ADMIN_BRANCH = os.environ.get("ADMIN_BRANCH", "main")
