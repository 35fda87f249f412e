"""The local preview: build, serve on loopback, rebuild on every save.

Pelican stays loaded between builds, so a save costs only the rebuild itself
(which redoes only the pages that changed). Pages served here carry a small
script that reloads them once a newer build is ready; the files in
``output/`` are not touched by it. A change to the settings or to a plugin's
code restarts the preview, since Python code cannot be reloaded in place.

``python -m authoring.preview --port 8000`` (``invoke serve``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

from authoring.sitecheck import SiteHandler

EVENTS = "/__preview/events"
SCRIPT = "/__preview/reload.js"
# A file, not an inline script, so the pages' Content-Security-Policy allows it.
_RELOAD_JS = b"""(function () {
  var build = new URL(document.currentScript.src).searchParams.get("build");
  new EventSource("/__preview/events").onmessage = function (event) {
    if (event.data !== build) location.reload();
  };
})();
"""


class Builds:
    """The number of the latest finished build, which page scripts wait on."""

    def __init__(self):
        self.number = 0
        self._changed = threading.Condition()

    def finished(self) -> None:
        with self._changed:
            self.number += 1
            self._changed.notify_all()

    def wait_after(self, number: int, seconds: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.number != number, timeout=seconds)
            return self.number


class PreviewHandler(SiteHandler):
    builds: Builds

    def do_GET(self):
        if self.path == EVENTS:
            return self._events()
        if self.path.split("?")[0] == SCRIPT:
            return self._send(_RELOAD_JS, "text/javascript; charset=utf-8")
        route = self.path.split("?")[0]
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not route.endswith(("/", ".html")) or path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        script = f'<script src="{SCRIPT}?build={self.builds.number}"></script>'
        body = path.read_bytes().replace(b"</body>", script.encode() + b"</body>", 1)
        return self._send(body, "text/html; charset=utf-8")

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        number = self.builds.number
        with contextlib.suppress(OSError):
            while True:
                self.wfile.write(f"data: {number}\n\n".encode())
                self.wfile.flush()
                number = self.builds.wait_after(number, 15)


class Preview:
    """One project's preview: a Pelican kept loaded, a server and a watcher."""

    def __init__(self, project: Path, settings: str, output: str):
        from pelican import Pelican
        from pelican.log import init as init_logging
        from pelican.settings import read_settings

        # As in every other build, a warning stops the build: the preview then
        # keeps showing the last good site rather than one missing a post.
        init_logging(level=logging.WARNING, fatal="warnings", handler=logging.StreamHandler())
        self.project, self.output = project, project / output
        self.settings_file = project / settings
        config = read_settings(str(self.settings_file), override={"OUTPUT_PATH": str(self.output)})
        self.pelican = Pelican(config)
        self.builds = Builds()
        self.code = [self.settings_file, *(project / p for p in config.get("PLUGIN_PATHS", []))]
        self.watched = [project / config["PATH"], project / config["THEME"], *self.code]
        self.content = project / config["PATH"]
        self._privacy_lock = threading.Lock()
        self._privacy_cache = None

    def scan_privacy(self, paths) -> int:
        """Print the privacy warnings of the saved posts; the scan cache skips unchanged text."""
        from .frontmatter import read_post
        from .privacy.review import ScanCache, problems
        from .problems import Severity

        warnings = 0
        with self._privacy_lock:
            if self._privacy_cache is None:
                self._privacy_cache = ScanCache(self.project / "cache" / "privacy-scan.json")
            for path in sorted(Path(p) for p in paths):
                if path.suffix != ".md" or not path.is_file():
                    continue
                post = read_post(Path(os.path.relpath(path, self.project)))
                for problem in problems(post, self._privacy_cache):
                    if problem.severity is Severity.WARNING:
                        warnings += 1
                        print(problem.format(), flush=True)
            self._privacy_cache.save()
        return warnings

    def build(self) -> bool:
        # A mistake in a post is printed and the preview keeps running.
        start = time.perf_counter()
        try:
            self.pelican.run()
        except Exception as error:
            print(f"The build failed: {error}", file=sys.stderr, flush=True)
            return False
        self.builds.finished()
        print(f"Rebuilt in {time.perf_counter() - start:.2f} s", flush=True)
        return True

    def index_search(self) -> None:
        # Once, at start: re-indexing on every save would double the wait.
        subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(self.output), "--silent"], check=False
        )

    def serve(self, host: str, port: int) -> ThreadingHTTPServer:
        handler = type("Handler", (PreviewHandler,), {"builds": self.builds})
        server = ThreadingHTTPServer((host, port), partial(handler, directory=str(self.output)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def is_code(self, path: str) -> bool:
        changed = Path(path)
        return any(changed == c or c in changed.parents for c in self.code) and changed.suffix == ".py"

    def start_watching(self) -> queue.SimpleQueue:
        """Collect saves from now on, those made during a build included."""
        from watchfiles import watch

        saves: queue.SimpleQueue = queue.SimpleQueue()

        def collect() -> None:
            # step: how long to wait for a burst of saves to end.
            for changes in watch(*self.watched, step=30, debounce=400):
                saves.put({path for _, path in changes if "__pycache__" not in path})

        threading.Thread(target=collect, daemon=True).start()
        return saves

    def rebuild_on_save(self, saves: queue.SimpleQueue) -> None:
        while True:
            paths = saves.get()
            # Saves made while the last build ran are built together, once.
            while not saves.empty():
                paths |= saves.get()
            if any(self.is_code(p) for p in paths):
                print("Code changed: restarting the preview", flush=True)
                os.execv(sys.executable, [sys.executable, "-m", "authoring.preview", *sys.argv[1:]])
            if paths and self.build():
                # After the build: the page reloads first, then the scan reports.
                self.scan_privacy(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m authoring.preview", description=__doc__.split("\n")[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    preview = Preview(Path.cwd(), args.settings, args.output)
    saves = preview.start_watching()
    preview.build()
    preview.index_search()
    # Every post once, beside the server; later saves are scanned as they come.
    posts = [str(p) for p in preview.content.rglob("*.md")]
    threading.Thread(target=preview.scan_privacy, args=(posts,), daemon=True).start()
    server = preview.serve(args.host, args.port)
    print(f"Serving the preview at http://{args.host}:{args.port}/ (Ctrl+C stops it)", flush=True)
    try:
        preview.rebuild_on_save(saves)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
