"""Vanilla Pelican for comparison: its ``simple`` theme, no plugins, and the same
URL, archive, tag and pagination settings as the blog."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import pelicanconf as ours

SITENAME = ours.SITENAME
TIMEZONE = ours.TIMEZONE
DEFAULT_LANG = "en"
PATH = "content"
ARTICLE_PATHS = ["posts"]
THEME = "simple"
PLUGINS = []
DEFAULT_PAGINATION = ours.DEFAULT_PAGINATION
PAGINATION_PATTERNS = ours.PAGINATION_PATTERNS
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
for _name in dir(ours):
    if _name.endswith(("_URL", "_SAVE_AS")) and not _name.startswith(("SEARCH", "SITEMAP", "ROBOTS")):
        globals()[_name] = getattr(ours, _name)
