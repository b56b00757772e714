"""`make bench`: build, rebuild, page-weight and scaling figures of the report, in one table.

Not a test: it measures and prints. Everything runs on copies of mkdocs.yml, docs/ and data/ in a
temporary folder, with the project's own interpreter, so the working tree is never touched.

    .venv/bin/python tests/benchmark.py [--scales 10 100] [--history-commits 1000] [--keep]
    .venv/bin/python tests/benchmark.py --only history   # one part: builds, serve, transfer,
                                                         # browser, lighthouse, scaling, history
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bench_browser import chart_page_transfer, lighthouse_scores
from conftest import (  # the same copy of the build inputs the tests make
    chart_pages,
    copy_project,
    stop,
)

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
# Data files whose records are multiplied for the scaling runs (sources, market, forecasts and the
# glossary stay as they are: the copies cite the same sources).
SCALED = ("events", "claims", "figures", "products", "organizations", "people")
HANT = "zh-Hant"
LIMIT_NO_CHARTS = 200 * 1024
FILE_LIMIT = (
    2_000_000  # generator.facts.yaml_source.MAX_FILE_BYTES: the loader refuses bigger files
)
OVERHEAD_TARGET = 0.30
CHART_PAGE_TOTAL = 500 * 1024
CHART_PAGE_BEFORE = 120 * 1024
SCRIPT_SWITCH = 60 * 1024
LIGHTHOUSE_TARGET = 90
LIGHTHOUSE_OTHER_TARGET = 98  # accessibility, best practices, SEO: every page
PARTS = ["builds", "serve", "transfer", "browser", "lighthouse", "scaling", "history"]
# Every page that draws charts, and a text page for comparison.


# --- helpers -----------------------------------------------------------------------------------


def timed_build(project: Path, config: str = "mkdocs.yml", site_url: str | None = None) -> float:
    """Seconds for one `mkdocs build --strict` (a fresh interpreter, as `make build` runs it), for
    `site_url` when given."""
    start = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config],
        cwd=project,
        env={**ENV, "SITE_URL": site_url} if site_url else ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise SystemExit(f"build failed in {project}:\n{output[:1500]}\n...\n{output[-800:]}")
    return elapsed


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float, interval: float = 0.05) -> float | None:
    """Seconds until `url` serves a page containing `text`, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(interval)
    return None


# --- 1. cold build -------------------------------------------------------------------------------


def cold_build(work: Path, run: int = 0) -> tuple[float, Path]:
    """Seconds for a build of a fresh copy, and its site, built for an address on a free port:
    served there (bench_browser.published_port), its absolute links stay on the page's origin."""
    project = copy_project(work / f"cold-{run}")
    return timed_build(project, site_url=f"http://127.0.0.1:{free_port()}/"), project / "site"


# --- 2. rebuild under mkdocs serve ---------------------------------------------------------------


def serve_rebuild(work: Path) -> tuple[float | None, float | None]:
    """Seconds from a YAML edit until the Simplified and the Traditional page show it."""
    project = copy_project(work / "serve")
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        root = f"http://127.0.0.1:{port}"
        if wait_for(f"{root}/{HANT}/analysis.html", "概念股", 120) is None:
            return None, None
        time.sleep(1.5)  # let the watcher settle after the first build
        # A valid edit: free text no quote has to hold (a renamed person would fail the grounding
        # check, and the preview would show the problem instead of the page).
        claims = project / "data" / "claims.yml"
        text = claims.read_text(encoding="utf-8")
        start = time.perf_counter()
        claims.write_text(text.replace("    text: ", "    text: 测速标记", 1), encoding="utf-8")
        hans = wait_for(f"{root}/analysis.html", "测速标记", 120)
        hant = wait_for(f"{root}/{HANT}/analysis.html", "測速標記", 120)
        total = time.perf_counter() - start
        return hans, (total if hant is not None else None)
    finally:
        stop(server)


# --- 3. transferred bytes per page ---------------------------------------------------------------


LOADED_RELS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "manifest"})


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.urls.append(str(found["src"]))
        elif (
            tag == "link"
            and found.get("href")
            and LOADED_RELS & set((found.get("rel") or "").split())
        ):
            self.urls.append(str(found["href"]))


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, page: str) -> tuple[int, int, list[tuple[str, int]]]:
    """(raw bytes, gzip bytes, [(asset, gzip bytes)]) for a page and the same-site assets it
    names in <script src> and <link href>."""
    html = (site / page).read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    base = "http://site.invalid/" + page
    raw, packed = len(html), gz_size(html)
    assets: list[tuple[str, int]] = []
    for url in dict.fromkeys(parser.urls):
        absolute = urljoin(base, url)
        if urlsplit(absolute).netloc != "site.invalid":
            assets.append((url + " (EXTERNAL)", 0))
            continue
        path = site / urlsplit(absolute).path.lstrip("/")
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            assets.append((path.relative_to(site).as_posix(), gz_size(data)))
            packed += assets[-1][1]
    return raw, packed, assets


# --- 4. scaling: a synthetic fact base N times the size -----------------------------------------


def _collect_ids(value: object, ids: set[str]) -> None:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            ids.add(value["id"])
        for item in value.values():
            _collect_ids(item, ids)
    elif isinstance(value, list):
        for item in value:
            _collect_ids(item, ids)


def _renamed(value: object, ids: set[str], suffix: str, defined: set[str]) -> object:
    """A deep copy of a record with every id it defines or references given `suffix` (a
    reference to a record that has no copy with that suffix keeps pointing at the original)."""
    if isinstance(value, dict):
        copied = {key: _renamed(item, ids, suffix, defined) for key, item in value.items()}
        if isinstance(value.get("formula"), str):  # a derived value names its inputs by id
            copied["formula"] = re.sub(
                r"[a-z0-9]+(?:-[a-z0-9]+)+",
                lambda m: str(_renamed(m.group(0), ids, suffix, defined)),
                value["formula"],
            )
        return copied
    if isinstance(value, list):
        return [_renamed(item, ids, suffix, defined) for item in value]
    if isinstance(value, str) and value in ids:
        return value + suffix if value + suffix in defined else value
    return value


def _flow_lines(records: list[object]) -> list[str]:
    """One flow-style YAML record per line (the most compact form the loader reads)."""
    return [
        "- "
        + yaml.safe_dump(
            record, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=True
        ).strip()
        for record in records
    ]


def multiply_data(data: Path, factor: int) -> tuple[int, dict[str, int]]:
    """Make every scaled data file hold `factor` copies of its records, each copy with fresh ids
    whose references point into the same copy. A file that would pass the loader's 2 MB limit
    gets as many copies as fit. Returns (records written, {file: copies} for capped files)."""
    loaded = {}
    for name in SCALED:
        path = data / f"{name}.yml"
        loaded[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids_of: dict[str, set[str]] = {}
    for name, document in loaded.items():
        ids_of[name] = set()
        _collect_ids(document, ids_of[name])
    ids = set().union(*ids_of.values())
    copies_of: dict[str, int] = {}
    for name, document in loaded.items():
        records = [record for listed in document.values() for record in listed]
        # the copies' ids are a few bytes longer (-x100): leave a tenth for them
        per_copy = len("\n".join(_flow_lines(records)).encode()) * 1.1
        copies_of[name] = max(1, min(factor, int((FILE_LIMIT - 2_000) // per_copy)))
    defined = {
        f"{record_id}-x{n}"
        for name, count in copies_of.items()
        for record_id in ids_of[name]
        for n in range(2, count + 1)
    }
    total = 0
    for name, document in loaded.items():
        path = data / f"{name}.yml"
        header = path.read_text(encoding="utf-8").splitlines()[0]
        body = ""
        # A file may hold more than one list (figures.yml: figures and derived values).
        for key, originals in document.items():
            copies = list(originals)
            for n in range(2, copies_of[name] + 1):
                copies += [_renamed(record, ids, f"-x{n}", defined) for record in originals]
            total += len(copies)
            body += f"{key}:\n" + "\n".join(_flow_lines(copies)) + "\n"
        path.write_text(header + "\n" + body, encoding="utf-8")
    return total, {name: n for name, n in copies_of.items() if n < factor}


def scaled_build(work: Path, factor: int) -> tuple[float, int, int, dict[str, int]]:
    """(seconds, pages, records, capped files) of a cold build with the fact base x`factor`."""
    project = copy_project(work / f"x{factor}")
    records, capped = multiply_data(project / "data", factor)
    seconds = timed_build(project)
    return seconds, len(html_pages(project / "site")), records, capped


# --- 5. plain mkdocs-material of the same size ---------------------------------------------------


def _finished_markdown(lang: str, opencc: str | None, docs: Path) -> None:
    """Write one edition's pages as our plugin hands them to MkDocs: converted, references filled."""
    from generator.editions.convert import convert_fact_base, converter_for
    from generator.editions.markdown_convert import convert_markdown
    from generator.facts.load import load_fact_base
    from generator.site.pages import page_context
    from generator.site.prose_refs import expand_references
    from generator.site.site_files import page_sources

    base = load_fact_base(ROOT / "data")
    convert = converter_for(base, opencc, lang)
    ctx = page_context(convert_fact_base(base, convert), convert, lang)
    pages = dict(page_sources(ctx))
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        pages[page.relative_to(ROOT / "docs").as_posix()] = convert_markdown(text, convert)
    for uri, markdown in pages.items():
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expand_references(markdown, ctx, uri), encoding="utf-8")
    assets = docs / "assets"
    shutil.copytree(ROOT / "generator" / "site" / "theme" / "assets", assets)


def plain_build(work: Path, run: int = 0) -> float:
    """Seconds for plain mkdocs-material to build exactly our pages, one build per edition.

    Each edition's finished Markdown (what our plugin hands to MkDocs) is written out as plain
    files and built without the report plugin, with the same theme, search and extensions, so
    the difference to our build is what the plugin itself costs: loading and checking the data,
    converting, generating pages and charts, and the policy on every page.
    """
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("!ENV", "")
        .replace("!!python/name:", "")
    )
    total = 0.0
    for lang, opencc, theme_language in (("zh-Hans", None, "zh"), ("zh-Hant", "s2twp", "zh-Hant")):
        project = work / f"plain-{lang}-{run}"
        _finished_markdown(lang, opencc, project / "docs")
        plain = {
            "site_name": config["site_name"],
            "site_url": "http://127.0.0.1:8000/",
            "use_directory_urls": False,
            "nav": config["nav"],
            "theme": {**config["theme"], "language": theme_language},
            "plugins": {"search": {"lang": "zh"}},
            "extra_css": ["assets/stylesheets/report.css"],
            "markdown_extensions": [
                e for e in config["markdown_extensions"] if not isinstance(e, dict)
            ]
            + ["toc"],
        }
        (project / "mkdocs.yml").write_text(
            yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8"
        )
        total += timed_build(project)
    return total


# --- 6. history: the cost of each data commit ---------------------------------------------------

HISTORY_TARGET = 5.0  # seconds a warm build with HISTORY_COMMITS commits may add
HISTORY_COMMITS = 1000
HISTORY_START = 1_700_000_000  # the first simulated commit's time; one commit an hour after it
EDITED_SUFFIX = "（修订）"


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    done = subprocess.run(
        ["git", "-c", "user.name=编辑部", "-c", "user.email=desk@example.org", *args],
        cwd=folder,
        env=env,
        input=stdin,
        capture_output=True,
        check=True,
    )
    return done.stdout


def _data(text: bytes) -> bytes:
    return b"data %d\n" % len(text) + text + b"\n"


def simulated_history(work: Path, commits: int) -> Path:
    """A copy of the project whose git history is a first publication and then `commits` small
    changes to data/ (each one claim's text, with a reason line), written by `git fast-import`."""
    project = copy_project(work / f"history-{commits}")
    claims_path = project / "data" / "claims.yml"
    lines = claims_path.read_text(encoding="utf-8").split("\n")
    texts = [n for n, line in enumerate(lines) if line.startswith("    text: ")]
    stream = io.BytesIO()

    def commit(n: int, message: str, files: dict[str, bytes]) -> None:
        when = HISTORY_START + n * 3600
        stream.write(b"commit refs/heads/main\nmark :%d\n" % (n + 1))
        stream.write(f"committer 编辑部 <desk@example.org> {when} +0800\n".encode())
        stream.write(_data(message.encode()))
        if n:
            stream.write(b"from :%d\n" % n)
        for name, content in files.items():
            stream.write(f"M 100644 inline {name}\n".encode() + _data(content))

    everything = {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }
    commit(0, "首次发布", everything)
    for n in range(1, commits + 1):
        line = texts[n % len(texts)]
        edited = lines[line].endswith(EDITED_SUFFIX)
        lines[line] = (
            lines[line].removesuffix(EDITED_SUFFIX) if edited else lines[line] + EDITED_SUFFIX
        )
        content = "\n".join(lines).encode()
        commit(
            n, f"修订第 {n} 条\n\n说明：按原文调整措辞（第 {n} 次）。", {"data/claims.yml": content}
        )
    claims_path.write_bytes(content if commits else claims_path.read_bytes())
    _git(project, "init", "-q", "-b", "main")
    _git(project, "fast-import", "--quiet", stdin=stream.getvalue())
    _git(project, "reset", "-q", "--hard", "main")
    return project


def repository_copy(work: Path) -> Path | None:
    """A clone of this checkout at its HEAD (its real history), or None outside git."""
    try:
        head = _git(ROOT, "rev-parse", "HEAD").decode().strip()
    except (subprocess.CalledProcessError, OSError):
        return None
    clone = work / "clone"
    _git(work, "clone", "-q", "--no-checkout", str(ROOT), str(clone))
    _git(clone, "checkout", "-q", "--detach", head)
    return clone


def data_commits(project: Path) -> int:
    out = _git(project, "log", "--first-parent", "--format=%H", "HEAD", "--", "data")
    return len(out.split())


def cpu_timed_build(project: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one build, git's processes included. CPU time hardly
    depends on what else the machine runs; on a machine to itself the two are about equal."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed_build(project)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _seconds(runs: list[tuple[float, float]]) -> str:
    wall = statistics.median(t for t, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    return f"{wall:.2f} s wall / {cpu:.2f} s CPU"


def history_rows(work: Path, commits: int, warm_runs: int, row: Callable[..., None]) -> None:
    """Cold and warm builds with this repository's history and with `commits` simulated data
    commits, against builds of the same project with no history (no .git): a warm build and a
    build without history run in turn, so a busy moment slows both alike. Medians are printed,
    wall-clock and CPU time; the extra cost is the CPU time's (the wall clock's on a shared
    machine says more about the others' load)."""
    projects: list[tuple[str, Path]] = []
    clone = repository_copy(work)
    if clone is not None:
        projects.append(("this repository", clone))
    if commits:
        start = time.perf_counter()
        simulated = simulated_history(work, commits)
        made = time.perf_counter() - start
        print(f"  (simulated {commits} commits in {made:.1f} s)", file=sys.stderr, flush=True)
        projects.append(("simulated", simulated))
    for name, project in projects:
        count = data_commits(project)
        bare = copy_project(work / f"no-history-{project.name}", project)
        nones = [cpu_timed_build(bare)]
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = cpu_timed_build(project)
        warms = []
        for _ in range(warm_runs):
            warms.append(cpu_timed_build(project))
            nones.append(cpu_timed_build(bare))
        none_cpu = statistics.median(c for _, c in nones)
        row(
            f"history, {name}: build without history (no .git)",
            f"{_seconds(nones)} median of {len(nones)}",
        )
        extra = cold[1] - none_cpu
        row(
            f"history, {name} ({count} data commits): cold build, no cache",
            f"{_seconds([cold])}: +{extra:.2f} s CPU over no history, "
            f"{extra / count * 1000:,.0f} ms per data commit",
        )
        extra = statistics.median(c for _, c in warms) - none_cpu
        row(
            f"history, {name}: warm build, cache kept",
            f"{_seconds(warms)} median of {len(warms)}: +{extra:.2f} s CPU over no history, "
            f"{extra / count * 1000:,.1f} ms per data commit",
            f"target <= +{HISTORY_TARGET:.0f} s: {verdict(extra <= HISTORY_TARGET)}"
            if count >= HISTORY_COMMITS
            else "",
        )


# --- the table -----------------------------------------------------------------------------------


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def browser_rows(site: Path, row: Callable[..., None]) -> None:
    """Chart-page transfer in Chromium: before and after the chart is in view, and a switch."""
    for page, other in (
        ("timeline.html", f"{HANT}/timeline.html"),
        (f"{HANT}/timeline.html", "timeline.html"),
    ):
        seen = chart_page_transfer(site, page, other)
        row(
            f"browser, {page} reached by a link below its chart",
            f"{kb(seen.before)} (plotly.js in it: {kb(seen.plotly_before)})",
            f"target <= {kb(CHART_PAGE_BEFORE)}: {verdict(seen.before <= CHART_PAGE_BEFORE)}",
        )
        row(
            f"browser, {page} once its chart scrolled into view (total)",
            kb(seen.after),
            f"target <= {kb(CHART_PAGE_TOTAL)}: {verdict(seen.after <= CHART_PAGE_TOTAL)}",
        )
        row("browser, then the reader opens search (index, worker, lunr)", kb(seen.search))
        row(
            f"browser, then the script switch to {other}: downloaded again",
            kb(seen.switch),
            f"target <= {kb(SCRIPT_SWITCH)}: {verdict(seen.switch <= SCRIPT_SWITCH)}",
        )


def lighthouse_rows(site: Path, pages: list[str], runs: int, row: Callable[..., None]) -> None:
    """Lighthouse mobile, all four categories, of each page in each edition, median of `runs`;
    the audits that fell short in any run are named."""
    if not pages:
        return
    paths = [prefix + page for page in pages for prefix in ("", f"{HANT}/")]
    for score in lighthouse_scores(site, paths, ROOT / ".cache" / "lighthouse", runs):
        chart = score.page.removeprefix(f"{HANT}/") in chart_pages()
        if score.performance is None:
            row(f"Lighthouse mobile, {score.page}", f"not measured: {score.problem}")
            continue
        each = "/".join(f"{run:.0f}" for run in score.runs)
        row(
            f"Lighthouse mobile performance, {score.page}",
            f"{score.performance:.0f} (runs {each}; FCP {(score.fcp_ms or 0) / 1000:.1f} s, "
            f"LCP {(score.lcp_ms or 0) / 1000:.1f} s, TBT {score.tbt_ms or 0:,.0f} ms, "
            f"CLS {score.cls or 0:.3f}; load average {score.load:.1f})",
            f"target >= {LIGHTHOUSE_TARGET}: {verdict(score.performance >= LIGHTHOUSE_TARGET)}"
            if chart
            else "",
        )
        others = {
            "accessibility": score.accessibility or 0,
            "best practices": score.best_practices or 0,
            "SEO": score.seo or 0,
        }
        short = "; short: " + ", ".join(score.failing) if score.failing else ""
        row(
            f"Lighthouse mobile accessibility / best practices / SEO, {score.page}",
            " / ".join(f"{value:.0f}" for value in others.values()) + short,
            f"target >= {LIGHTHOUSE_OTHER_TARGET} each: "
            + verdict(min(others.values()) >= LIGHTHOUSE_OTHER_TARGET),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--lighthouse-pages",
        nargs="*",
        default=[*chart_pages(), "index.html", "data.html"],
        help="pages audited in each edition (none: skip Lighthouse)",
    )
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="runs per page; the median is printed"
    )
    parser.add_argument(
        "--build-runs",
        type=int,
        default=3,
        help="cold builds, ours and plain mkdocs-material side by side; medians are printed",
    )
    parser.add_argument(
        "--history-commits",
        type=int,
        default=HISTORY_COMMITS,
        help="data commits of the simulated history (0: only this repository's history)",
    )
    parser.add_argument(
        "--history-runs", type=int, default=3, help="warm builds per history; the median is printed"
    )
    parser.add_argument(
        "--only", nargs="*", choices=PARTS, default=PARTS, help="run only these parts"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="report-bench-"))
    rows: list[tuple[str, str, str]] = []

    def row(what: str, figure: str, target: str = "") -> None:
        rows.append((what, figure, target))
        print(f"  {what}: {figure}  {target}".rstrip(), file=sys.stderr, flush=True)

    try:
        print(f"benchmarking in {work}", file=sys.stderr)
        needs_site = {"builds", "transfer", "browser", "lighthouse", "scaling"} & set(args.only)
        if needs_site:
            cold, site = build_rows(work, args.build_runs, row)
        if "serve" in args.only:
            serve_rows(work, row)
        if "transfer" in args.only:
            transfer_rows(site, row)
        if "browser" in args.only:
            browser_rows(site, row)
        if "lighthouse" in args.only:
            lighthouse_rows(site, args.lighthouse_pages, args.lighthouse_runs, row)
        if "scaling" in args.only:
            scaling_rows(work, args.scales, cold, row)
        if "history" in args.only:
            history_rows(work, args.history_commits, max(1, args.history_runs), row)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    if not rows:
        return 0
    width = max(len(what) for what, _, _ in rows)
    value_width = max(len(figure) for _, figure, _ in rows)
    print()
    print(f"{'measure':<{width}}  {'figure':<{value_width}}  target")
    print(f"{'-' * width}  {'-' * value_width}  ------")
    for what, figure, target in rows:
        print(f"{what:<{width}}  {figure:<{value_width}}  {target}")
    return 0


def build_rows(work: Path, build_runs: int, row: Callable[..., None]) -> tuple[float, Path]:
    """Our cold build and plain mkdocs-material's; (our median seconds, a built site)."""
    # Ours and plain side by side, run after run, so a busy moment slows both alike.
    ours: list[float] = []
    plains: list[float] = []
    for run in range(max(1, build_runs)):
        seconds, site = cold_build(work, run)
        ours.append(seconds)
        plains.append(plain_build(work, run))
    cold, plain = statistics.median(ours), statistics.median(plains)
    pages = len(html_pages(site))
    runs = "/".join(f"{t:.2f}" for t in ours)
    row(
        "cold build, both editions",
        f"{cold:.2f} s median (runs {runs}; {pages} pages, {pages / cold:.1f} pages/s)",
    )
    overhead = cold / plain - 1
    plain_runs = "/".join(f"{t:.2f}" for t in plains)
    row(
        f"plain mkdocs-material, the same {pages} pages (two builds)",
        f"{plain:.2f} s median (runs {plain_runs}; ours/plain = {cold / plain:.2f}, "
        f"overhead {overhead:+.0%})",
        f"target overhead <= {OVERHEAD_TARGET:.0%}: {verdict(overhead <= OVERHEAD_TARGET)}",
    )
    return cold, site


def serve_rows(work: Path, row: Callable[..., None]) -> None:
    hans, hant = serve_rebuild(work)
    row(
        "mkdocs serve: YAML edit -> Simplified page updated",
        f"{hans:.2f} s" if hans is not None else "did not update within 120 s",
    )
    row(
        "mkdocs serve: YAML edit -> Traditional page updated",
        f"{hant:.2f} s" if hant is not None else "did not update within 120 s",
    )


def transfer_rows(site: Path, row: Callable[..., None]) -> None:
    for page, charts in (("sources.html", False), ("timeline.html", True)):
        for prefix in ("", f"{HANT}/"):
            raw, packed, assets = page_weight(site, prefix + page)
            biggest = max(assets, key=lambda item: item[1], default=("-", 0))
            target = (
                f"target < {kb(LIMIT_NO_CHARTS)}: {verdict(packed < LIMIT_NO_CHARTS)}"
                if not charts
                else ""
            )
            row(
                f"transfer, {'chart' if charts else 'no-chart'} page {prefix}{page}",
                f"{kb(packed)} gzip ({kb(raw)} raw, {len(assets)} assets; "
                f"largest {biggest[0]} {kb(biggest[1])})",
                target,
            )
    index = site / "search" / "search_index.json"
    row(
        "  + fetched when the reader opens search: search/search_index.json",
        f"{kb(gz_size(index.read_bytes()))} gzip",
    )


def scaling_rows(work: Path, scales: list[int], baseline: float, row: Callable[..., None]) -> None:
    for factor in scales:
        seconds, built_pages, records, capped = scaled_build(work, factor)
        ratio = seconds / baseline
        note = "".join(
            f"; {name} capped at x{n} by the 2 MB file limit" for name, n in capped.items()
        )
        row(
            f"fact base x{factor} ({records} records{note})",
            f"{seconds:.2f} s, {built_pages / seconds:.1f} pages/s, "
            f"{records / seconds:.0f} records/s, x{ratio:.1f} the 1x time",
            f"linear would be <= x{factor}: {verdict(ratio <= factor * 1.1)}",
        )


if __name__ == "__main__":
    sys.exit(main())
