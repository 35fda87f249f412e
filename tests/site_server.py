"""Browser settings for the tests; serving and crawling live in authoring.sitecheck."""

from authoring.sitecheck import crawl, free_port, serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "crawl", "free_port", "serve"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
