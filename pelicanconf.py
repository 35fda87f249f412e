"""Pelican settings for the local (development) build.

``publishconf.py`` overrides only what production changes.
"""

import sys
from pathlib import Path

AUTHOR = "The blog's authors"
SITENAME = "Children’s Social Work Notes"
SITE_TAGLINE = "Practice, policy and the working week in UK children’s social work"
SITE_DESCRIPTION = "A UK children’s social work blog: practice, policy, reposts and interviews since 2009."
SITEURL = ""
RELATIVE_URLS = True
THEME = "theme"

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["extra"]
# Files in content/ that the site, the check and the importer read as data, never publish.
CONTENT_DATA_FILES = ["topics.yml", "posts/.import-manifest.json"]
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True

TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
# Posts must state their date: Pelican would otherwise guess one from the file.
DEFAULT_DATE = None
FILENAME_METADATA = r"(?!)"
# Posts are filed in year folders, which are not categories. A post without a
# category is "Uncategorised", as on WordPress.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Uncategorised"

# The plugins share modules kept beside them (plugins/forkpool.py,
# plugins/pelican_private.py), imported as plugins.*, however Pelican is started.
sys.path.insert(0, str(Path(__file__).resolve().parent))
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "author_errors",
    "yaml_front_matter",
    "safe_sources",
    "safe_html",
    "comment_counts",
    "discussions",
    "site_context",
    "honest_dates",
    "moved_posts",
    "github_pages",
    "url_cache",
    "incremental",
    "admin",
]
# The web editor at /admin/ (plugins/admin): off unless a build turns it on.
ADMIN_ENABLED = False

# Every value printed in a template is escaped unless the template says it is
# already HTML (post bodies and summaries, which safe_html keeps free of raw HTML).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": []}

DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "search", "404", "sitemap", "robots"]
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"
AUTHORS_SAVE_AS = ""

# The Markdown dialect the importer escapes for: no raw-HTML tricks such as
# attribute lists or definition lists, which plain text could trigger.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.fenced_code": {},
        "markdown.extensions.tables": {},
        "markdown.extensions.footnotes": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# WordPress-shaped addresses, so the old blog's links keep their form.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
# A post known only to its year does not claim a month in its address.
ARTICLE_URL_YEAR_ONLY = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS_YEAR_ONLY = "{date:%Y}/{slug}/index.html"
# A published post that moved answers at its old address too: a page there
# sends readers on (see the README, "Addresses stay put").
PUBLISHED_ADDRESSES = "published-addresses.txt"
# Drafts appear in the local preview, listed on the home page and flagged.
SHOW_DRAFTS = True
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
# The home page's address is the site's root, not /index.html.
INDEX_URL = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""

# Rebuilds reuse what was read from unchanged posts (cache/ beside the project).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
CHECK_MODIFIED_METHOD = "mtime"
# Compressing the cache costs more than reading the larger file saves.
GZIP_CACHE = False

DEFAULT_PAGINATION = 10
SUMMARY_MAX_PARAGRAPHS = 1
SUMMARY_MAX_LENGTH = 45
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds are a production concern; the local build stays quick.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = None
TAG_FEED_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Comments on new posts through GitHub Discussions (giscus): off until the
# repository's values are filled in (see the README), e.g.
# GISCUS = {"repo": "owner/blog", "repo_id": "R_…", "category": "Comments", "category_id": "DIC_…"}
GISCUS = None
# Comment counts fetched by `invoke discussion-counts`, kept between builds.
DISCUSSION_COUNTS_FILE = "cache/discussion-counts.json"
