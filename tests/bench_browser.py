"""Browser figures for `make bench`: bytes a reader's browser really transfers, and Lighthouse.

The built site is served from 127.0.0.1 the way a static host serves it: gzip for text, and a
Cache-Control max-age so a second page takes shared assets from the browser cache. Chromium is
Debian's (/usr/bin/chromium); Lighthouse is installed from the npm registry into .cache/ at bench
time (building and testing the site never need npm).
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from conftest import serving

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE_VERSION = "12.8.2"  # the last line that runs on Debian's node 20
COMPRESSED = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".csv"}
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile viewport
PLOTLY = "plotly-report.min.js"


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """gzip for text files, a cache lifetime for everything, no logging; every response's size
    (status line, headers and body) is added to `sent`, so what a page's search worker fetches
    counts as much as what the page fetches."""

    sent: ClassVar[list[tuple[str, int]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        packed = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if packed:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if packed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        headers = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        self.end_headers()
        self.sent.append((self.path, headers + len(body)))
        return io.BytesIO(body)


def static_host(
    site: Path, sent: list[tuple[str, int]] | None = None, port: int = 0
) -> AbstractContextManager[str]:
    """Base URL (ending in /) of a gzip-serving, cache-headed server for `site` on `port` (0: any
    free one); each response's (path, bytes) is appended to `sent` when given."""
    host = type("_CountingHost", (_StaticHost,), {"sent": sent if sent is not None else []})
    return serving(site, port, handler_class=host)


@dataclass
class Transfers:
    """Bytes the server sent per path since the last reset (the browser cache answers the rest)."""

    sent: list[tuple[str, int]] = field(default_factory=list)

    def total(self) -> int:
        return sum(size for _, size in self.sent)

    def of(self, needle: str) -> int:
        return sum(size for path, size in self.sent if needle in path)

    def reset(self) -> None:
        self.sent.clear()


def _last_anchor(site: Path, page: str) -> str:
    """The id of the page's last section heading: a reader arriving by a link to it."""
    ids = re.findall(r'<h2 id="([^"]+)"', (site / page).read_text(encoding="utf-8"))
    return ids[-1] if ids else ""


def _scroll_charts_into_view(page: object) -> None:
    """Bring each chart into view and reach for it, so plotly.js takes it over."""
    for chart in page.locator(".report-chart").all():  # type: ignore[attr-defined]
        chart.hover()
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(c => c.querySelector('.main-svg'))",
        timeout=60_000,
    )


@dataclass(frozen=True)
class ChartPageTransfer:
    page: str
    before: int  # arrived by a link far below the chart: nothing drawn yet
    plotly_before: int  # plotly.js bytes in `before` (0 when loading waits for the chart)
    after: int  # the chart scrolled into view and drawn
    search: int  # then the reader opens search and types a word
    switch: int  # then the same page in the other edition, charts drawn, from the warm cache


def chart_page_transfer(site: Path, page: str, other: str) -> ChartPageTransfer:
    """Transfer of `page` before and after its charts come into view, then of `other`."""
    from playwright.sync_api import sync_playwright

    log = Transfers()
    with static_host(site, log.sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            tab = context.new_page()
            anchor = _last_anchor(site, page)
            tab.goto(f"{base}{page}#{anchor}", wait_until="networkidle")
            tab.wait_for_timeout(1000)
            before, plotly_before = log.total(), log.of(PLOTLY)
            _scroll_charts_into_view(tab)
            tab.wait_for_load_state("networkidle")
            after = log.total()
            log.reset()
            tab.locator('label.md-header__button[for="__search"]').tap()
            tab.keyboard.type("Sora", delay=50)
            tab.wait_for_function(
                "() => document.querySelectorAll('.md-search-result__link').length > 0",
                timeout=60_000,
            )
            tab.wait_for_load_state("networkidle")
            search = log.total()
            log.reset()
            tab.goto(base + other, wait_until="networkidle")
            _scroll_charts_into_view(tab)
            tab.wait_for_load_state("networkidle")
            switch = log.total()
        finally:
            browser.close()
    return ChartPageTransfer(page, before, plotly_before, after, search, switch)


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class LighthouseScore:
    """Median of a page's runs (each category 0-100; performance None when Lighthouse did not
    run), and the audits that fell short in any run, by category."""

    page: str
    performance: float | None
    fcp_ms: float | None = None
    lcp_ms: float | None = None
    tbt_ms: float | None = None
    cls: float | None = None
    accessibility: float | None = None
    best_practices: float | None = None
    seo: float | None = None
    runs: tuple[float, ...] = ()  # each run's performance score
    load: float = 0.0  # one-minute load average after the last run
    problem: str = ""
    failing: tuple[str, ...] = ()  # "category: audit id" of each audit scored below 1


METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
)


def lighthouse_cli(cache: Path) -> Path | str:
    """Install Lighthouse into `cache` (once); its executable, or why it is not there."""
    executable = cache / "node_modules" / ".bin" / "lighthouse"
    if executable.exists():
        return executable
    if not shutil.which("npm"):
        return "npm not found: Lighthouse needs node and npm"
    cache.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(cache),
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not executable.exists():
        return "npm install lighthouse failed: " + result.stderr.strip()[-300:]
    return executable


def _failing_audits(report: dict[str, Any]) -> list[str]:
    """ "category: audit" of every audit that counts in a category other than performance (whose
    audits are timings, read from the metrics) and scored below 1."""
    failing = []
    for name in CATEGORIES[1:]:
        for ref in report["categories"][name]["auditRefs"]:
            score = report["audits"][ref["id"]].get("score")
            if ref.get("weight") and score is not None and score < 1:
                failing.append(f"{name}: {ref['id']}")
    return failing


def _lighthouse_once(
    cli: Path, url: str, report: Path
) -> tuple[tuple[float, ...], list[str]] | str:
    """((performance, FCP, LCP, TBT, CLS, accessibility, best practices, SEO), failing audits)
    of one run, or why there is none."""
    result = subprocess.run(
        [
            str(cli),
            url,
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not report.exists():
        return (result.stderr.strip() or "no report")[-200:]
    audits = json.loads(report.read_text(encoding="utf-8"))
    report.unlink()
    scores = [audits["categories"][name]["score"] for name in CATEGORIES]
    if None in scores:
        return "no score in " + ", ".join(
            n for n, s in zip(CATEGORIES, scores, strict=True) if s is None
        )
    numbers = [float(audits["audits"][key].get("numericValue") or 0) for key in METRICS]
    return (scores[0] * 100, *numbers, *(s * 100 for s in scores[1:])), _failing_audits(audits)


def published_port(site: Path) -> int:
    """The port of the address `site` was built for (its sitemap's first page): served there, its
    absolute links (the editions' sitemaps the language selector reads) stay on the same origin,
    as they do once deployed; 0 (any free port) when it has no sitemap."""
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return 0
    found = re.search(r"<loc>\s*(\S+?)\s*</loc>", sitemap.read_text(encoding="utf-8"))
    return (urlsplit(found.group(1)).port or 0) if found else 0


def lighthouse_scores(
    site: Path, pages: list[str], cache: Path, runs: int = 3
) -> list[LighthouseScore]:
    """Lighthouse's mobile audit in all four categories (its defaults: simulated slow 4G, 4x CPU),
    `runs` times per page; each figure is the median of the runs (performance is CPU-bound, so
    the load matters; the other categories do not depend on it)."""
    cli = lighthouse_cli(cache)
    if isinstance(cli, str):
        return [LighthouseScore(page, None, problem=cli) for page in pages]
    scores = []
    with static_host(site, port=published_port(site)) as base:
        for page in pages:
            measured = [
                _lighthouse_once(cli, base + page, cache / "report.json") for _ in range(runs)
            ]
            good = [m for m in measured if not isinstance(m, str)]
            if not good:
                scores.append(LighthouseScore(page, None, problem=str(measured[-1])))
                continue
            columns = zip(*(figures for figures, _ in good), strict=True)
            medians = [statistics.median(column) for column in columns]
            failing = sorted({audit for _, audits in good for audit in audits})
            scores.append(
                LighthouseScore(
                    page,
                    *medians,
                    runs=tuple(figures[0] for figures, _ in good),
                    load=os.getloadavg()[0],
                    failing=tuple(failing),
                )
            )
    return scores
