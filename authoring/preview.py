"""The local preview: build, serve on loopback, rebuild on every save.

Pelican stays loaded between builds, so a save costs only the rebuild itself
(which redoes only the pages that changed). A save that changes only a post's
text shows its page at once, drawn from the last build (``fastpage``), while
the whole build follows. The search index is made again
in the background after each build, so a save never waits for it and search
finds what was saved a moment later (the preview says when). Pages served here carry a small
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
import socket
import sys
import threading
import time
import traceback
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

from authoring import fastpage
from authoring.runs import run_pelican_here, update_search_index
from authoring.sitecheck import SiteHandler
from plugins.author_errors.author_errors import DEBUG_VARIABLE, STOPPED, describe
from plugins.forkpool import Pending

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


class SearchIndex:
    """Pagefind's index of the preview's site, brought up to date in a background thread after each build.

    ``update_search_index`` gives Pagefind the indexed pages only, keeps what did
    not change from the last index, and swaps the new one in while holding the
    lock builds hold, so a build never carries half of one. Builds finished while
    Pagefind runs are indexed together, once, when it is done.
    """

    def __init__(self, output: Path):
        self.output = output
        self._wanted = threading.Condition()
        self._pending = False
        self._unsaid = False  # an update made while a newer build waited, not yet said
        threading.Thread(target=self._run, daemon=True).start()

    def request(self) -> None:
        with self._wanted:
            self._pending = True
            self._wanted.notify()

    def _run(self) -> None:
        while True:
            with self._wanted:
                self._wanted.wait_for(lambda: self._pending)
                self._pending = False
            self.update()

    def update(self) -> None:
        start = time.perf_counter()
        made = update_search_index(self.output, background=True)
        if made is not None and made.returncode != 0:
            print(made.error, file=sys.stderr, flush=True)
            return
        with self._wanted:
            newer = self._pending
        changed = made is not None or self._unsaid
        if newer:
            # Said only of the latest build's site: the update for the newer build says it,
            # even if it finds nothing left to do.
            self._unsaid = changed
        elif changed:
            self._unsaid = False
            print(f"Search index updated in {time.perf_counter() - start:.2f} s", flush=True)


class PreviewHandler(SiteHandler):
    builds: Builds
    # Pages drawn at once after a save, by path in the site, until the build replaces them.
    drawn: dict[str, bytes]

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
        drawn = self.drawn.get(path.relative_to(Path(self.directory).resolve()).as_posix())
        body = (drawn or path.read_bytes()).replace(b"</body>", script.encode() + b"</body>", 1)
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
        self.search = SearchIndex(self.output)
        self.drawn: dict[str, bytes] = {}
        fastpage.listen()

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

    def draw_at_once(self, paths: set[str]) -> bool:
        """Show a post's page at once when its text alone changed (see ``fastpage``)."""
        if len(paths) != 1:
            return False
        path = Path(next(iter(paths)))
        if path.suffix != ".md" or self.content not in path.parents:
            return False
        start = time.perf_counter()
        drawn = fastpage.draw(path, self.project / "cache" / "preview-pages")
        if not drawn:
            return False
        self.drawn.update(drawn)
        self.builds.finished()
        shown = os.path.relpath(path, self.project)
        took = time.perf_counter() - start
        print(f"{shown}: its page shown in {took:.2f} s; building the rest", flush=True)
        return True

    def build(self) -> bool:
        # A mistake in a post is printed and the preview keeps running.
        start = time.perf_counter()
        fastpage.forget()
        failure = run_pelican_here(self.pelican)
        had_drawn = bool(self.drawn)
        self.drawn.clear()
        if failure is not None:
            fastpage.forget()  # a site half made is no base to draw a page from
            print(build_failure(failure), file=sys.stderr, flush=True)
            if had_drawn:
                self.builds.finished()  # back to the last good page
            return False
        self.builds.finished()
        # Asked for before it is said, so an update of the site before cannot say it after.
        self.search.request()
        print(f"Rebuilt in {time.perf_counter() - start:.2f} s", flush=True)
        return True

    def serve(self, host: str, port: int) -> ThreadingHTTPServer:
        handler = type("Handler", (PreviewHandler,), {"builds": self.builds, "drawn": self.drawn})
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
        self.watching = threading.Event()

        def collect() -> None:
            # step: how long to wait for a burst of saves to end. The first
            # answer, empty after rust_timeout if nothing was saved, comes
            # once the watches are in place.
            for changes in watch(
                *self.watched, step=30, debounce=400, rust_timeout=200, yield_on_timeout=True
            ):
                if not self.watching.is_set():
                    self.watching.set()
                    print("Watching for saves", flush=True)
                paths = {path for _, path in changes if "__pycache__" not in path}
                if paths:
                    saves.put(paths)

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
            if paths:
                self.draw_at_once(paths)
            if paths and self.build():
                # After the build: the page reloads first, then the scan reports.
                self.scan_privacy(paths)


def build_failure(error: BaseException) -> str:
    """What a failed build means for the author; the traceback only with --debug."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        return "".join(traceback.format_exception(error))
    if isinstance(error, SystemExit):  # a build that could not write says so in one line
        said = f"{error.code}\n"
    else:
        said = "" if str(error) == STOPPED else describe(error) + "\n"
    keep = "The preview still shows the last good version: fix the error above and save again."
    return f"The build failed. {said}{keep}"


def port_in_use(host: str, port: int) -> str | None:
    """The author's message when the preview cannot listen on ``port``, else None."""
    with socket.socket() as probe:
        # As the server will: a port a stopped preview left waiting is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return (
                f"error: port {port} is busy (another preview, or another program, is using it)\n"
                f"    what to do: stop the other preview (Ctrl+C in its terminal), "
                f"or use another port: .venv/bin/invoke serve --port {port + 1}"
            )
    return None


def scan_everything(preview: Preview) -> int:
    """The privacy warnings of every post, at a low priority."""
    os.nice(10)
    return preview.scan_privacy(str(p) for p in preview.content.rglob("*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m authoring.preview", description=__doc__.split("\n")[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks")
    args = parser.parse_args(argv)
    if args.debug:
        os.environ[DEBUG_VARIABLE] = "1"
    busy = port_in_use(args.host, args.port)
    if busy:
        print(busy, file=sys.stderr)
        return 1
    preview = Preview(Path.cwd(), args.settings, args.output)
    # Every post once, in a process of its own (forked while this one has no other
    # thread) so that a cold scan never holds up a rebuild; later saves are scanned here.
    scanning = Pending(scan_everything, preview)
    saves = preview.start_watching()
    preview.build()
    server = preview.serve(args.host, args.port)
    print(f"Serving the preview at http://{args.host}:{args.port}/ (Ctrl+C stops it)", flush=True)
    try:
        preview.rebuild_on_save(saves)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        scanning.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
