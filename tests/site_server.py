"""Serve a built site on loopback, optionally under a subpath like GitHub Pages."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _Handler(SimpleHTTPRequestHandler):
    prefix = ""

    def log_message(self, format, *args):
        pass

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if self.prefix:
            if route != self.prefix and not route.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "\0missing")
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
def serve(directory: Path, prefix: str = "") -> Iterator[str]:
    """Yield the base address (e.g. http://127.0.0.1:PORT/blog/) while serving."""
    handler = partial(type("Handler", (_Handler,), {"prefix": prefix.rstrip("/")}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}/"
    finally:
        server.shutdown()
        server.server_close()


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
