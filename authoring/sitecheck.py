"""Serve a built site on loopback (optionally under a subpath, as GitHub Pages
does for a project page) and crawl it for broken internal links."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.client import HTTPException
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

from bs4 import BeautifulSoup

from authoring.runs import run_pelican, update_search_index


class SiteHandler(SimpleHTTPRequestHandler):
    prefix = ""

    def log_message(self, format, *args):
        pass

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if self.prefix:
            if route != self.prefix and not route.startswith(self.prefix + "/"):
                return str(Path(self.directory) / ".outside-the-site-prefix" / "missing")
            route = route[len(self.prefix) :] or "/"
        return super().translate_path(route)

    def send_error(self, code, message=None, explain=None):
        # Like GitHub Pages: a missing page answers with the site's 404.html.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "", port: int = 0) -> Iterator[str]:
    """Yield the base address (e.g. http://127.0.0.1:PORT/blog/) while serving."""
    handler_class = type("Handler", (SiteHandler,), {"prefix": prefix.rstrip("/")})
    handler = partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def crawl(base: str, limit: int = 2000) -> tuple[set[str], list[tuple[str, str, int]]]:
    """Fetch every page and asset reachable from ``base``; return (pages, broken links).

    A link is internal when it stays on the same host; it is broken when it
    leaves ``base``'s path or does not answer 200.
    """
    origin = urlsplit(base)
    seen: dict[str, int] = {}
    pages: set[str] = set()
    broken: list[tuple[str, str, int]] = []
    queue = [(base, base)]
    while queue and len(seen) < limit:
        source, link = queue.pop()
        target = urldefrag(link).url
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.netloc != origin.netloc:
            continue
        if target not in seen:
            try:
                with urlopen(target, timeout=10) as response:
                    seen[target] = response.status
                    body = response.read()
                    kind = response.headers.get_content_type()
            except HTTPError as error:
                seen[target] = error.code
                body, kind = b"", ""
            except (OSError, HTTPException):
                seen[target], body, kind = 0, b"", ""
            if seen[target] == 200 and kind == "text/html":
                pages.add(target)
                soup = BeautifulSoup(body, "html.parser")
                for tag in soup.find_all(["a", "link", "script", "img", "form"]):
                    value = tag.get("href") or tag.get("src") or tag.get("action")
                    if value:
                        queue.append((target, urljoin(target, value)))
        if seen[target] != 200 or not target.startswith(base):
            broken.append((source, target, seen[target]))
    return pages, broken


def build(
    project: Path, out: Path, *, production: bool = False, siteurl: str = "", cname: str = ""
) -> subprocess.CompletedProcess:
    """Build a project's site with Pelican (failing on any warning), then its search index."""
    settings = "publishconf.py" if production else "pelicanconf.py"
    env = {**os.environ, "SITEURL": siteurl, "CNAME": cname}
    result = run_pelican(project, settings, out, env=env, capture=True)
    if result.returncode == 0:
        indexed = update_search_index(project / out)
        if indexed is not None and indexed.returncode != 0:
            return subprocess.CompletedProcess(
                result.args, indexed.returncode, result.stdout, f"{result.stderr}{indexed.error}\n"
            )
    return result
