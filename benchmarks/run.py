"""The benchmark: this project beside vanilla Pelican on the same synthetic posts.

``invoke bench`` (or ``python -m benchmarks.run``) writes
``benchmarks/results/results.json`` and ``results.md``. Runs alternate between
the two builds and every figure is a median with its min–max.

The ``invoke build`` rows are what an author waits for: Pelican and then
Pagefind, from nothing, after one body edit, after one tag edit and with
nothing changed, in wall and in CPU time (user plus system, of the command
and every process it waited for), with the load average as each ended: on a
shared machine wall time drifts with the others' work, CPU time much less.
Hugo, where it is installed, builds the same posts with plain templates.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from http.client import HTTPException
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

from bs4 import BeautifulSoup

from authoring.sitecheck import free_port, serve

from .synth import generate, profile, write_ours, write_raw, write_vanilla

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PY = sys.executable


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of one command.

    Files written before are flushed first, so that their trip to the disk
    is not charged to the command.
    """
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def timed_cpu(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds (user and system, of the command and every process it waited
    for: forked workers, Pagefind) of one command, and the load average as it ended."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command} failed: {process.stderr.read().decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "load": os.getloadavg()[0]}


def total_memory(command: list[str], cwd: Path, every: float = 0.01) -> int:
    """Peak memory (MB) of a command and every process it starts, counted together.

    The sum of each process's proportional set size, sampled: forked workers
    share most of their pages with their parent, and each shared page is
    counted once in all. Untimed, since sampling costs time.
    """
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _session(process.pid)))
        time.sleep(every)
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed")
    return peak // 1024


def _session(sid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid:  # the session id, after state, ppid and pgrp
                found.append(int(entry.name))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}


def pelican(settings: str, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "pelican", "content", "-s", settings, "-o", str(out), "-q", *extra]


def setup(n: int, seed: int, work: Path) -> dict[str, Path]:
    posts = generate(profile(ROOT / "content" / "posts"), n, seed)
    ours, vanilla, raw = work / "ours", work / "vanilla", work / "raw"
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        (ours / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, ours / name)
    for name in ("theme", "plugins", "importer", "authoring"):
        shutil.copytree(ROOT / name, ours / name, ignore=shutil.ignore_patterns("__pycache__"))
    write_ours(posts, ours / "content")
    vanilla.mkdir(parents=True)
    shutil.copy(ROOT / "benchmarks" / "vanillaconf.py", vanilla / "vanillaconf.py")
    shutil.copy(ROOT / "pelicanconf.py", vanilla / "pelicanconf.py")
    write_vanilla(posts, vanilla / "content")
    write_raw(posts, raw)
    return {"ours": ours, "vanilla": vanilla, "raw": raw, "posts": n}


def measure_import(paths: dict, runs: int) -> dict:
    """Import into a folder on the disk and, where there is one, into memory (tmpfs).

    Writing thousands of small files is often the disk's limit, not the
    importer's, so the disk's own floor is measured too: the time plain Python
    takes to create files of the same sizes in the same folders.
    """
    targets = {"disk": paths["raw"].parent}
    if Path("/dev/shm").is_dir():
        targets["memory"] = Path(tempfile.mkdtemp(prefix="bench-import-", dir="/dev/shm"))
    times: dict[str, list[float]] = {name: [] for name in targets}
    sizes: dict[str, int] = {}
    try:
        for i in range(runs):
            for name, folder in targets.items():  # alternating
                out = folder / f"imported-{i}"
                # With the blog's topic list, as `invoke import` reads it.
                command = [PY, "-m", "importer", "--src", str(paths["raw"]), "--out", str(out)]
                command += ["--topics", str(ROOT / "content" / "topics.yml")]
                times[name].append(timed(command, paths["ours"])[0])
                sizes = sizes or {p.relative_to(out).as_posix(): p.stat().st_size for p in out.rglob("*.md")}
        floor = [_create_files(paths["raw"].parent / f"floor-{i}", sizes) for i in range(runs)]
    finally:
        # Deleted only now: on some disks a deletion slows the writes after it.
        for i in range(runs):
            shutil.rmtree(targets["disk"] / f"imported-{i}", ignore_errors=True)
            shutil.rmtree(targets["disk"] / f"floor-{i}", ignore_errors=True)
        if "memory" in targets:
            shutil.rmtree(targets["memory"], ignore_errors=True)
    n = paths["posts"]
    result = {"seconds": stats(times["disk"]), "posts_per_second": n / statistics.median(times["disk"])}
    result["disk_floor_seconds"] = stats(floor)
    if "memory" in times:
        result["memory"] = {
            "seconds": stats(times["memory"]),
            "posts_per_second": n / statistics.median(times["memory"]),
        }
    return result


def _create_files(root: Path, sizes: dict[str, int]) -> float:
    """Seconds to write these files (each beside its target, then renamed) as the importer does."""
    os.sync()
    start = time.perf_counter()
    for folder in {Path(name).parent for name in sizes}:
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, size in sizes.items():
        target = root / name
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(b"x" * size)
        temporary.replace(target)
    return time.perf_counter() - start


def _move_aside(project: Path, suffix: str) -> None:
    """Start the next build from nothing; moved, not deleted, as in measure_import."""
    for folder in ("output", "cache", ".output.search"):
        if (project / folder).exists():
            (project / folder).rename(project / f"old-{folder.lstrip('.')}-{suffix}")


def measure_builds(paths: dict, runs: int) -> dict:
    results: dict[str, dict[str, list]] = {"ours": {"s": [], "mb": []}, "vanilla": {"s": [], "mb": []}}
    commands = {
        "ours": (paths["ours"], pelican("pelicanconf.py", paths["ours"] / "output", "--ignore-cache")),
        "vanilla": (paths["vanilla"], pelican("vanillaconf.py", paths["vanilla"] / "output")),
    }
    for i in range(runs):
        for name in ("ours", "vanilla"):  # alternating, so drift hits both alike
            cwd, command = commands[name]
            _move_aside(cwd, str(i))
            seconds, mb = timed(command, cwd)
            results[name]["s"].append(seconds)
            results[name]["mb"].append(mb)
    totals = {}
    for name, (cwd, command) in commands.items():
        _move_aside(cwd, "memory")
        totals[name] = total_memory(command, cwd)
    index = [
        timed([PY, "-m", "pagefind", "--site", "output", "--silent"], paths["ours"])[0] for _ in range(runs)
    ]
    return {
        name: {"seconds": stats(r["s"]), "peak_mb": stats(r["mb"]), "peak_total_mb": totals[name]}
        for name, r in results.items()
    } | {"search_index_seconds": stats(index)}


def _edit(path: Path, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nEdited {marker}.\n", encoding="utf-8")


def measure_rebuild(paths: dict, runs: int) -> dict:
    out: dict[str, list[float]] = {"ours": [], "vanilla": []}
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    commands = {
        "ours": (paths["ours"], pelican("pelicanconf.py", paths["ours"] / "output")),
        "vanilla": (paths["vanilla"], pelican("vanillaconf.py", paths["vanilla"] / "output", *cache)),
    }
    for cwd, command in commands.values():
        timed(command, cwd)  # warm the content cache
    for i in range(runs):
        for name, (cwd, command) in commands.items():
            post = sorted((cwd / "content" / "posts").rglob("*.md"))[i]
            _edit(post, f"run {i}")
            out[name].append(timed(command, cwd)[0])
    return {name: stats(values) for name, values in out.items()}


def _edit_tag(path: Path, marker: str) -> None:
    """Give a post one more tag, in whichever metadata format it has."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.replace("tags: [", f'tags: ["benchmark {marker}", ', 1)
    else:
        text = text.replace("Tags: ", f"Tags: benchmark {marker}, ", 1)
    path.write_text(text, encoding="utf-8")


def _runs(samples: list[dict]) -> dict:
    return {
        "wall": stats([s["wall"] for s in samples]),
        "cpu": stats([s["cpu"] for s in samples]),
        "load": stats([s["load"] for s in samples]),
    }


def measure_author(paths: dict, runs: int) -> dict:
    """What an author waits for: ``invoke build`` (Pelican, then Pagefind) from nothing, after
    one body edit, after one tag edit, and with nothing changed; vanilla Pelican (no search
    index) beside it, its content cache on for the rebuilds. Wall and CPU time, alternating."""
    ours, vanilla = paths["ours"], paths["vanilla"]
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    commands = {
        "ours": (ours, [PY, "-m", "invoke", "build"]),
        "vanilla": (vanilla, pelican("vanillaconf.py", vanilla / "output", *cache)),
    }
    kinds = ("full build", "body edit", "tag edit", "nothing changed")
    samples: dict[str, dict[str, list]] = {k: {"ours": [], "vanilla": []} for k in kinds}
    for i in range(runs):
        for name, (cwd, command) in commands.items():  # alternating
            _move_aside(cwd, f"author-{i}")
            samples["full build"][name].append(timed_cpu(command, cwd))
            posts = sorted((cwd / "content" / "posts").rglob("*.md"))
            _edit(posts[len(posts) // 2 + i], f"author run {i}")
            samples["body edit"][name].append(timed_cpu(command, cwd))
            _edit_tag(posts[len(posts) // 3 + i], f"tag {i}")
            samples["tag edit"][name].append(timed_cpu(command, cwd))
            samples["nothing changed"][name].append(timed_cpu(command, cwd))
    return {kind: {name: _runs(v) for name, v in by.items()} for kind, by in samples.items()}


def measure_search_alone(paths: dict, runs: int) -> dict:
    """The search index's own share of ``invoke build``: the site as built, its index and
    whatever the build keeps for the index deleted, so the build redoes the index alone
    (Pelican finds nothing to do). Wall and CPU time."""
    ours = paths["ours"]
    samples = []
    for _ in range(runs):
        shutil.rmtree(ours / "output" / "pagefind", ignore_errors=True)
        for kept in [*(ours / "cache").glob("search*"), *ours.glob(".output.search*")]:
            shutil.rmtree(kept) if kept.is_dir() else kept.unlink()
        samples.append(timed_cpu([PY, "-m", "invoke", "build"], ours))
    return _runs(samples)


def measure_hugo(paths: dict, runs: int) -> dict | None:
    """Hugo (where the registries install it, e.g. Debian's ``hugo``) on the same posts, with
    plain templates (benchmarks/hugo): from nothing and after one body edit; no search index,
    no month or year pages. None when Hugo is not installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    site = paths["ours"].parent / "hugo"
    shutil.copytree(ROOT / "benchmarks" / "hugo", site)
    shutil.copytree(paths["ours"] / "content" / "posts", site / "content" / "posts")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True, check=True).stdout.split()[1]
    command = [hugo, "--quiet", "-d", "public"]
    samples: dict[str, list] = {"full build": [], "body edit": []}
    for i in range(runs):
        for folder in ("public", "resources"):
            shutil.rmtree(site / folder, ignore_errors=True)
        samples["full build"].append(timed_cpu(command, site))
        posts = sorted((site / "content" / "posts").rglob("*.md"))
        _edit(posts[len(posts) // 2 + i], f"hugo run {i}")
        samples["body edit"].append(timed_cpu(command, site))
    return {"version": version} | {kind: _runs(v) for kind, v in samples.items()}


def measure_privacy(paths: dict, runs: int) -> dict:
    """The posts' check (``python -m authoring check --no-site``): with no scan cache, with
    every post cached, and after one post is edited (that post alone is scanned again)."""
    cwd, command = paths["ours"], [PY, "-m", "authoring", "check", "--no-site"]
    cache = cwd / "cache" / "privacy-scan.json"
    cold, warm, one = [], [], []
    for i in range(runs):
        cache.unlink(missing_ok=True)
        cold.append(timed(command, cwd)[0])
        warm.append(timed(command, cwd)[0])
        _edit(sorted((cwd / "content" / "posts").rglob("*.md"))[i], f"privacy run {i}")
        one.append(timed(command, cwd)[0])
    return {"cold": stats(cold), "warm": stats(warm), "one_edited": stats(one)}


def privacy_scores() -> dict:
    """Recall and false alarms of the scan on each labelled corpus."""
    from authoring.privacy.score import load_corpus, score

    out = {}
    for folder in sorted((ROOT / "tests" / "privacy_corpus").iterdir()):
        if folder.is_dir():
            r = score(load_corpus(folder))
            out[folder.name] = {
                "recall": r.recall,
                "false_alarms": r.false_alarm_rate,
                "risky": r.risky,
                "safe": r.safe,
            }
    return out


def measure_preview(paths: dict, runs: int) -> dict:
    """Save a post, then time until the server answers with the new text.

    Ours is ``invoke serve``; vanilla Pelican's is its own ``--autoreload
    --listen`` with the content cache on.
    """
    out = {}
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    for name in ("ours", "vanilla"):
        port = free_port()
        listen = ["--autoreload", "--listen", "--bind", "127.0.0.1", "--port", str(port), *cache]
        command = (
            [PY, "-m", "invoke", "serve", "--port", str(port)]
            if name == "ours"
            else [*pelican("vanillaconf.py", paths["vanilla"] / "output"), *listen]
        )
        log = paths[name].parent / f"preview-{name}.log"
        try:
            out[name] = {"seconds": stats(_preview_latencies(paths[name], command, port, runs, log))}
        except TimeoutError as error:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{name} preview never served {error}; its log ends:\n{tail}") from error
    return out


def _preview_latencies(cwd: Path, command: list[str], port: int, runs: int, log: Path) -> list[float]:
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=sink, start_new_session=True)
    latencies = []
    try:
        post = sorted((cwd / "content" / "posts").rglob("*.md"))[-1]
        base = f"http://127.0.0.1:{port}/"
        _wait(base, lambda body: True, 600)
        page = next((cwd / "output").rglob(f"{post.stem}/index.html")).relative_to(cwd / "output")
        url = base + page.parent.as_posix() + "/"

        # Vanilla Pelican serves before its first build ends and misses a save
        # made during a build, so every save waits for a quiet server and then
        # for the build it started to finish.
        def save(marker: str, seconds: float) -> float:
            before = _builds(log)
            start = time.perf_counter()
            _edit(post, marker)
            _wait(url, lambda body: marker in body, seconds)
            latency = time.perf_counter() - start
            deadline = time.monotonic() + 120
            while _builds(log) <= before and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            return latency

        for attempt in range(60):
            try:
                save(f"warm-up {attempt} {time.time_ns()}", 10)
                break
            except TimeoutError:
                if attempt == 59:
                    raise
        for i in range(runs):
            latencies.append(save(f"preview {i} {time.time_ns()}", 120))
    finally:
        # Pelican's --listen serves from a child process: stop the whole group.
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    return latencies


def _builds(log: Path) -> int:
    """Builds a preview server has finished, from its log (Pelican's own line)."""
    return log.read_text(encoding="utf-8", errors="replace").count("Done: Processed")


def _wait(url: str, ready, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8", "replace")
            if ready(body):
                return body
        except (OSError, HTTPException):  # a page being written as it is read
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def page_weight(base: str, path: str) -> dict:
    """Bytes of a page and of everything it loads from the site (before compression)."""
    with urlopen(base + path) as response:
        html = response.read()
    soup = BeautifulSoup(html, "html.parser")
    assets = {
        urljoin(base + path, t.get("href") if t.name == "link" else t.get("src"))
        for t in soup.select("link[rel=stylesheet], script[src], img[src]")
    }
    sizes = {}
    for asset in sorted(assets):
        if asset.startswith(base):
            with urlopen(asset) as response:
                sizes[asset.removeprefix(base)] = len(response.read())
    return {"html": len(html), "assets": sizes, "total": len(html) + sum(sizes.values())}


def page_paths(site: Path) -> dict[str, str]:
    article = next(site.rglob("post-*/index.html")).relative_to(site).parent.as_posix() + "/"
    tag = sorted((site / "tag").iterdir())[0].name
    month = sorted(p for p in (site / "2015").iterdir() if p.is_dir() and p.name.isdigit())[0]
    return {"home": "", "article": article, "tag": f"tag/{tag}/", "month": f"2015/{month.name}/"}


def measure_pages(paths: dict) -> dict:
    out = {}
    for name in ("ours", "vanilla"):
        site = paths[name] / "output"
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        pages = page_paths(site)
        with serve(site) as base:
            out[name] = {"output_bytes": total} | {k: page_weight(base, v) for k, v in pages.items()}
    return out


def run_lighthouse(paths: dict, pages: dict) -> dict:
    tools = ROOT / "benchmarks" / ".tools"
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(tools), "lighthouse@12"], check=True, capture_output=True
        )
    scores = {}
    with serve(paths["ours"] / "output") as base:
        for name in ("home", "article", "tag", "month"):
            path = pages[name]
            flags = "--chrome-flags=--headless --no-sandbox --disable-gpu"
            command = [str(binary), base + path, "--output=json", "--quiet", "--form-factor=mobile", flags]
            env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
            report = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            categories = json.loads(report.stdout)["categories"]
            scores[name] = {k: round(v["score"] * 100) for k, v in categories.items()}
    return scores


def versions() -> dict:
    import markdown
    import pelican

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pelican": pelican.__version__,
        "markdown": markdown.__version__,
        "commit": commit.stdout.strip(),
        "machine": platform.machine(),
    }


def _total_mb(build: dict, name: str) -> str:
    total = build[name].get("peak_total_mb")
    return "–" if total is None else f"{total} MB"


def _share(r: dict, name: str) -> str:
    return f"{r['rebuild'][name]['median'] / r['build'][name]['seconds']['median']:.0%}"


def _css(pages: dict) -> str:
    # Each stylesheet once, however many pages load it.
    sheets = {}
    for page in pages.values():
        if isinstance(page, dict):
            sheets |= {k: v for k, v in page["assets"].items() if k.endswith(".css")}
    return f"{sum(sheets.values()) / 1000:.1f} KB"


def table(results: dict) -> str:
    def f(s: dict, unit: str = "s", digits: int = 2) -> str:
        return f"{s['median']:.{digits}f} {unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"

    lines = [
        "# Benchmark results",
        "",
        f"Machine: {results['versions']['cores']} cores, Python {results['versions']['python']}, "
        f"Pelican {results['versions']['pelican']}, Markdown {results['versions']['markdown']}, "
        f"commit {results['versions']['commit']}. Medians with min–max over {results['runs']} runs. "
        "Python keeps compiled modules between runs, as it does by default. "
        "`invoke build` rows: this project's with its Pagefind search index, vanilla Pelican's "
        "without one; CPU is user plus system time of the command and every process it waited for "
        f"(load average before the run: {results.get('load_before', '?')}).",
        "",
        "| posts | measure | this project | vanilla Pelican |",
        "| --- | --- | --- | --- |",
    ]
    for n, r in results["sizes"].items():
        b, rate = r["build"], r["import"]["posts_per_second"]
        ours_mb, vanilla_mb = f(b["ours"]["peak_mb"], "MB", 0), f(b["vanilla"]["peak_mb"], "MB", 0)
        lines.append(f"| {n} | import | {rate:.0f} posts/s, {f(r['import']['seconds'])} | – |")
        if "memory" in r["import"]:
            memory = r["import"]["memory"]
            lines.append(
                f"| {n} | import, output in memory (tmpfs) | "
                f"{memory['posts_per_second']:.0f} posts/s, {f(memory['seconds'])} | – |"
            )
        lines.append(
            f"| {n} | creating the same files on the disk, no importing | "
            f"{f(r['import']['disk_floor_seconds'])} | – |"
        )
        lines += [
            f"| {n} | full build | {f(b['ours']['seconds'])} | {f(b['vanilla']['seconds'])} |",
            f"| {n} | peak memory, largest process | {ours_mb} | {vanilla_mb} |",
            f"| {n} | peak memory, all processes together | {_total_mb(b, 'ours')} | "
            f"{_total_mb(b, 'vanilla')} |",
            f"| {n} | search index (Pagefind) | {f(b['search_index_seconds'])} | – |",
            f"| {n} | rebuild after one edit | {f(r['rebuild']['ours'])} | {f(r['rebuild']['vanilla'])} |",
            f"| {n} | rebuild ÷ full build (medians) | {_share(r, 'ours')} | {_share(r, 'vanilla')} |",
        ]
        if "author" in r:
            lines += _author_rows(n, r["author"], r.get("hugo"))
        if "preview" in r:
            ours, vanilla = r["preview"]["ours"]["seconds"], r["preview"]["vanilla"]["seconds"]
            lines.append(f"| {n} | preview latency | {f(ours)} | {f(vanilla)} |")
        if "privacy" in r:
            p = r["privacy"]
            lines += [
                f"| {n} | privacy check of every post, no scan cache (cold) | {f(p['cold'])} | – |",
                f"| {n} | privacy check, every post cached | {f(p['warm'])} | – |",
                f"| {n} | privacy check after one post is edited | {f(p['one_edited'])} | – |",
            ]
        pages = r["pages"]
        lines.append(
            f"| {n} | output size | {pages['ours']['output_bytes'] / 1e6:.1f} MB | "
            f"{pages['vanilla']['output_bytes'] / 1e6:.1f} MB |"
        )
        lines.append(f"| {n} | stylesheets | {_css(pages['ours'])} | {_css(pages['vanilla'])} |")
        for page in ("home", "article", "tag", "month"):
            lines.append(
                f"| {n} | {page} page with what it loads | {pages['ours'][page]['total'] / 1000:.1f} KB | "
                f"{pages['vanilla'][page]['total'] / 1000:.1f} KB |"
            )
        if "lighthouse" in r:
            for page, scores in r["lighthouse"].items():
                lines.append(f"| {n} | Lighthouse {page} (mobile) | {scores} | – |")
    if "privacy_scores" in results:
        lines += _corpus_rows(results)
    return "\n".join(lines) + "\n"


def _author_rows(n: int, author: dict, hugo: dict | None = None) -> list[str]:
    def cell(s: dict) -> str:
        wall, cpu = s["wall"], s["cpu"]
        return (
            f"{wall['median']:.2f} s wall ({wall['min']:.2f}–{wall['max']:.2f}), "
            f"{cpu['median']:.2f} s CPU ({cpu['min']:.2f}–{cpu['max']:.2f})"
        )

    rows = []
    full = author["full build"]
    for kind, by in author.items():
        label = "from nothing" if kind == "full build" else kind
        rows.append(
            f"| {n} | `invoke build` with search, {label} | {cell(by['ours'])} | {cell(by['vanilla'])} |"
        )
        if kind != "full build":
            shares = [
                f"{by[x]['wall']['median'] / full[x]['wall']['median']:.0%}" for x in ("ours", "vanilla")
            ]
            rows.append(f"| {n} | {kind} ÷ from nothing (wall medians) | {shares[0]} | {shares[1]} |")
    if hugo is not None:
        rows += [
            f"| {n} | Hugo {hugo['version']}, same posts, plain templates, no search or month pages, "
            f"{'from nothing' if kind == 'full build' else kind} | – | {cell(hugo[kind])} (Hugo) |"
            for kind in ("full build", "body edit")
        ]
    loads = [v for by in author.values() for x in by.values() for v in x["load"]["runs"]]
    rows.append(f"| {n} | load average (1 min) as these ran | {min(loads):.2f}–{max(loads):.2f} | |")
    return rows


def build_table(results: dict) -> str:
    lines = [
        "# `invoke build` benchmark",
        "",
        f"Machine: {results['versions']['cores']} cores, Python {results['versions']['python']}, "
        f"Pelican {results['versions']['pelican']}, commit {results['versions']['commit']}. Medians with "
        f"min–max over {results['runs']} runs; this project's build with its Pagefind search index, "
        "vanilla Pelican's without one; CPU is user plus system time of the command and every "
        f"process it waited for (load average before the run: {results.get('load_before', '?')}).",
        "",
        "| posts | measure | this project | vanilla Pelican |",
        "| --- | --- | --- | --- |",
    ]
    for n, r in results["sizes"].items():
        rows = _author_rows(n, r["author"])
        s = r["search_alone"]
        rows.insert(
            -1,
            f"| {n} | search index alone, from nothing (site built) | {s['wall']['median']:.2f} s wall "
            f"({s['wall']['min']:.2f}–{s['wall']['max']:.2f}), {s['cpu']['median']:.2f} s CPU "
            f"({s['cpu']['min']:.2f}–{s['cpu']['max']:.2f}) | – |",
        )
        lines += rows
    return "\n".join(lines) + "\n"


def _corpus_rows(results: dict) -> list[str]:
    rows = [
        "",
        "| privacy corpus | risky flagged (recall) | safe flagged (false alarms) |",
        "| --- | --- | --- |",
    ]
    for name, c in results["privacy_scores"].items():
        counts = f"{c['risky']} risky, {c['safe']} safe"
        rows.append(f"| {name} ({counts}) | {c['recall']:.1%} | {c['false_alarms']:.1%} |")
    return rows


def privacy_table(results: dict) -> str:
    def f(s: dict) -> str:
        return f"{s['median']:.2f} s ({s['min']:.2f}–{s['max']:.2f})"

    lines = [
        "# Privacy scan benchmark",
        "",
        f"Machine: {results['versions']['cores']} cores, Python {results['versions']['python']}, "
        f"commit {results['versions']['commit']}. Medians with min–max over {results['runs']} runs; "
        "each run is a whole `python -m authoring check --no-site`, start-up included.",
        "",
        "| posts | measure | time |",
        "| --- | --- | --- |",
    ]
    for n, r in results["sizes"].items():
        p = r["privacy"]
        lines += [
            f"| {n} | check of every post, no scan cache (cold) | {f(p['cold'])} |",
            f"| {n} | check, every post cached | {f(p['warm'])} |",
            f"| {n} | check after one post is edited | {f(p['one_edited'])} |",
        ]
    lines += _corpus_rows(results)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--preview-max", type=int, default=1000, help="measure preview latency up to this size"
    )
    parser.add_argument(
        "--lighthouse", action="store_true", help="also run Lighthouse 12 (installs it with npm)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--only-privacy", action="store_true", help="measure the privacy scan alone (writes privacy.md)"
    )
    parser.add_argument(
        "--without-privacy", action="store_true", help="leave the privacy scan out (it has --only-privacy)"
    )
    parser.add_argument(
        "--only-build",
        action="store_true",
        help="measure `invoke build` alone, with the search index's share (writes build.md)",
    )
    args = parser.parse_args(argv)
    # Measured as on an author's machine, where Python keeps compiled modules
    # (the project's plugins and importer among them) between runs; some
    # shells turn that off for everything they start.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    load = os.getloadavg()
    results = {"versions": versions(), "runs": args.runs, "seed": args.seed, "sizes": {}}
    results["load_before"] = f"{load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"
    results["privacy_scores"] = privacy_scores()
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            print(f"{n} posts: generating", flush=True)
            paths = setup(n, args.seed, Path(tmp))
            if args.only_privacy:
                print(f"{n} posts: privacy check", flush=True)
                results["sizes"][n] = {"privacy": measure_privacy(paths, args.runs)}
                continue
            if args.only_build:
                print(f"{n} posts: what an author waits for (invoke build)", flush=True)
                r = {"author": measure_author(paths, args.runs)}
                r["search_alone"] = measure_search_alone(paths, args.runs)
                results["sizes"][n] = r
                continue
            r = {"import": measure_import(paths, args.runs)}
            print(f"{n} posts: full builds", flush=True)
            r["build"] = measure_builds(paths, args.runs)
            r["pages"] = measure_pages(paths)
            print(f"{n} posts: rebuilds", flush=True)
            r["rebuild"] = measure_rebuild(paths, args.runs)
            print(f"{n} posts: what an author waits for (invoke build)", flush=True)
            r["author"] = measure_author(paths, args.runs)
            hugo = measure_hugo(paths, args.runs)
            if hugo is not None:
                r["hugo"] = hugo
            if not args.without_privacy:
                print(f"{n} posts: privacy check", flush=True)
                r["privacy"] = measure_privacy(paths, args.runs)
            if args.lighthouse:
                print(f"{n} posts: Lighthouse", flush=True)
                r["lighthouse"] = run_lighthouse(paths, page_paths(paths["ours"] / "output"))
            if n <= args.preview_max:
                print(f"{n} posts: preview latency", flush=True)
                r["preview"] = measure_preview(paths, args.runs)
            results["sizes"][n] = r
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only_privacy:
        (args.out / "privacy.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.out / "privacy.md").write_text(privacy_table(results), encoding="utf-8")
        print(privacy_table(results))
        return 0
    if args.only_build:
        (args.out / "build.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.out / "build.md").write_text(build_table(results), encoding="utf-8")
        print(build_table(results))
        return 0
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(table(results), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
