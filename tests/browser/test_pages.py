"""Every page of both editions in a real headless Chromium: clean loads, language switching,
search, phone layout, charts, and full-page screenshots under screenshots/ for a human look."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import chart_ids, chart_marks, chart_pages, wait_for_charts

from generator.site.pages import generated_pages

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent.parent
SCREENSHOTS = ROOT / "screenshots"
HANT = "zh-Hant"
DOCS = sorted(p.with_suffix(".html").name for p in (ROOT / "docs").glob("*.md"))
NAMES = sorted(
    {*DOCS, *(page.uri.replace(".md", ".html") for page in generated_pages()), "404.html"}
)
CHARTS = chart_pages()
# Each chart's embed page.
EMBEDS = [f"embed/{chart_id}.html" for chart_id in chart_ids()]
PAGE_PATHS = [*NAMES, *EMBEDS, *(f"{HANT}/{name}" for name in [*NAMES, *EMBEDS])]


def has_charts(path: str) -> bool:
    """True for a page that draws charts: a chart page or an embed page."""
    return path.removeprefix(HANT + "/") in [*CHARTS, *EMBEDS]


PHONE = {"width": 390, "height": 844}


class PageProblems:
    """Everything that went wrong while a page loaded."""

    def __init__(self, page, base: str) -> None:
        self.items: list[str] = []
        self.base = base
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.items.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type == "error":
            self.items.append(f"console error: {message.text} ({message.location.get('url')})")

    ignore_aborted = False

    def _failed(self, request) -> None:
        if self.ignore_aborted and request.failure == "net::ERR_ABORTED":
            return
        self.items.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.items.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.hostname != "127.0.0.1":
            self.items.append(f"request to another host: {request.url}")


def screenshot_path(kind: str, path: str) -> Path:
    script = "hant" if path.startswith(HANT + "/") else "hans"
    name = path.removeprefix(HANT + "/").removesuffix(".html").replace("/", "-")
    target = SCREENSHOTS / kind / f"{script}-{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def test_the_pages_tested_are_the_pages_built(built_site):
    built = sorted(
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if "assets" not in p.relative_to(built_site).parts
    )
    assert built == sorted(PAGE_PATHS)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_loads_cleanly_on_desktop(context, site_server, path):
    page = context.new_page()
    problems = PageProblems(page, site_server)
    response = page.goto(site_server + path, wait_until="networkidle")
    assert response is not None and response.ok, path
    if has_charts(path):
        wait_for_charts(page)
    page.wait_for_timeout(300)  # late console errors from deferred scripts
    page.screenshot(path=screenshot_path("desktop", path), full_page=True)
    assert problems.items == [], path


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_fits_a_phone_without_horizontal_scroll(phone, site_server, path):
    page = phone.new_page()
    problems = PageProblems(page, site_server)
    page.goto(site_server + path, wait_until="networkidle")
    if has_charts(path):
        wait_for_charts(page)
    page.wait_for_timeout(300)
    # A mobile browser widens its layout viewport to fit content that overflows (and zooms out),
    # so window.innerWidth grows with the bug: compare with the device width as well.
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    widths["device"] = PHONE["width"]
    wide = page.evaluate(
        """width => [...document.querySelectorAll('.md-content *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .filter(e => !e.parentElement.closest('.md-content *')
                         || e.parentElement.getBoundingClientRect().right <= width + 1)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')
                 + ' right=' + Math.round(e.getBoundingClientRect().right))""",
        PHONE["width"],
    )
    # Measured before the screenshot: a full-page screenshot resizes the window, and resizing
    # re-lays out what overflowed.
    page.screenshot(path=screenshot_path("phone", path), full_page=True)
    assert widths["scroll"] <= min(widths["inner"], PHONE["width"]) + 1, (path, widths, wide)
    assert problems.items == [], path


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_is_drawn_before_plotly_runs(context, site_server, name, script):
    """In view, each chart shows every mark at once, without plotly.js having run."""
    path = f"{HANT}/{name}" if script == "hant" else name
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    for chart in page.locator(".report-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(chart => chart.querySelector('.report-chart__preview'))",
        timeout=20_000,
    )
    marks = chart_marks(page, "preview")
    # Every row title (the timeline's full event names) is in the preview, as plain text.
    missing = page.evaluate(
        """() => [...document.querySelectorAll('.report-chart')].flatMap(chart => {
            const shown = [...chart.querySelectorAll('.report-chart__preview text')]
                .map(text => text.textContent);
            const decode = document.createElement('textarea');
            return (JSON.parse(chart.dataset.figure).layout.annotations || []).map(note => {
                decode.innerHTML = note.text;
                return decode.value;
            }).filter(title => !shown.includes(title));
        })"""
    )
    assert missing == [], (path, missing)
    assert page.evaluate("() => typeof window.Plotly") == "undefined", path
    assert marks, f"{path}: no .report-chart"
    assert all(expected > 0 and drawn == expected for expected, drawn in marks), (path, marks)


@pytest.mark.parametrize("script", ["hans", "hant"])
@pytest.mark.parametrize("name", [*CHARTS, *EMBEDS])
def test_every_chart_is_drawn(context, site_server, name, script):
    path = f"{HANT}/{name}" if script == "hant" else name
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    wait_for_charts(page)
    marks = chart_marks(page)
    assert not page.locator(".report-chart__preview").count(), "plotly.js left the preview"
    assert marks, f"{path}: no .report-chart"
    assert all(expected > 0 and drawn == expected for expected, drawn in marks), (path, marks)


def open_language_menu_and_pick(page, lang: str) -> None:
    page.hover(".md-header .md-select button")
    link = page.locator(f".md-header .md-select a.md-select__link[hreflang='{lang}']")
    link.wait_for(state="visible")
    with page.expect_navigation(wait_until="networkidle"):
        link.click()


def test_language_selector_switches_edition_on_the_same_page(context, site_server):
    page = context.new_page()
    problems = PageProblems(page, site_server)
    # Leaving a page cancels its unfinished downloads (plotly.js on this one): not a fault.
    problems.ignore_aborted = True
    page.goto(site_server + "people.html", wait_until="networkidle")
    open_language_menu_and_pick(page, HANT)
    assert urlsplit(page.url).path == f"/{HANT}/people.html"
    assert page.locator("html").get_attribute("lang") == HANT
    open_language_menu_and_pick(page, "zh-Hans")
    assert urlsplit(page.url).path == "/people.html"
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert problems.items == []


def search(page, query: str) -> tuple[str, list[str]]:
    """Type `query` into Material's search box; return the result summary and result paths."""
    box = page.locator("input.md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    idle = meta.inner_text()  # "type to start searching", in the page's language
    # keyboard.type inserts CJK text without key events; a real IME ends composition with a key
    # release, which is what Material's search listens for.
    page.keyboard.type(query, delay=50)
    box.press("End")
    page.wait_for_function(
        "idle => document.querySelector('.md-search-result__meta').innerText.trim() !== idle",
        arg=idle.strip(),
        timeout=20_000,
    )
    links = page.locator(".md-search-result__link")
    paths = [urlsplit(href).path for href in links.evaluate_all("els => els.map(e => e.href)")]
    return meta.inner_text(), paths


@pytest.mark.parametrize(
    ("path", "query", "inside_hant"),
    [
        (f"{HANT}/people.html", "張楠", True),
        ("people.html", "张楠", False),
        # Words whose Traditional form is a different word (视频 -> 影片, 芯片 -> 晶片).
        (f"{HANT}/index.html", "影片", True),
        (f"{HANT}/compute.html", "晶片", True),
    ],
)
def test_search_finds_pages_of_the_same_edition(context, site_server, path, query, inside_hant):
    page = context.new_page()
    problems = PageProblems(page, site_server)
    page.goto(site_server + path, wait_until="networkidle")
    summary, found = search(page, query)
    assert found, f"no results for {query} on {path}: {summary}"
    for result in found:
        assert result.startswith(f"/{HANT}/") == inside_hant, (query, found)
    titles = page.locator(".md-search-result__article").all_inner_texts()
    assert any(query in re.sub(r"\s+", "", title) for title in titles), (query, titles[:5])
    assert problems.items == []


@pytest.mark.parametrize("edition", ["", f"{HANT}/"])
def test_a_correction_on_a_fact_leads_to_its_entry_on_the_corrections_page(
    context, site_server, published_history, edition
):
    page = context.new_page()
    problems = PageProblems(page, site_server)
    problems.ignore_aborted = True
    page.goto(
        f"{site_server}{edition}timeline.html#{published_history.corrected_id}",
        wait_until="networkidle",
    )
    notice = page.locator(".fact-correction")
    assert notice.count() == 1
    assert notice.is_visible()
    box = notice.bounding_box()
    assert box is not None and box["width"] > 200, "the notice stands on its own line"
    with page.expect_navigation(wait_until="networkidle"):
        notice.locator("a").click()
    assert urlsplit(page.url).path == f"/{edition}changes.html"
    anchor = urlsplit(page.url).fragment
    heading = page.locator(f"h2#{anchor}")
    assert heading.is_visible()
    # Scrolled to the entry (polled: on a busy machine layout may settle after the jump).
    page.wait_for_function(
        "id => document.getElementById(id).getBoundingClientRect().top < 400",
        arg=anchor,
        timeout=5_000,
    )
    assert page.locator("del").first.is_visible() and page.locator("ins").first.is_visible()
    assert problems.items == []


def test_section_anchors_follow_the_edition_and_the_selector_keeps_the_section(
    context, site_server
):
    page = context.new_page()
    problems = PageProblems(page, site_server)
    problems.ignore_aborted = True
    page.goto(site_server + f"{HANT}/compute.html", wait_until="networkidle")
    # A reader clicks the heading's permalink: the address bar shows the Traditional heading.
    page.locator("h2#資金 a.headerlink").click()
    assert unquote(urlsplit(page.url).fragment) == "資金"
    for target, path, anchor in (
        ("zh-Hans", "/compute.html", "资金"),
        (HANT, f"/{HANT}/compute.html", "資金"),
    ):
        # Material's navigation tracking rewrites the address whenever the viewport moves (a
        # hover over the menu is enough): put the reader's section in it and click at once.
        landed: list[str] = []
        page.on("framenavigated", lambda frame, seen=landed: seen.append(unquote(frame.url)))
        page.evaluate(
            """([anchor, lang]) => {
                history.replaceState(null, '', '#' + anchor);
                document.querySelector(`a.md-select__link[hreflang='${lang}']`).click();
            }""",
            ["資金" if target == "zh-Hans" else "资金", target],
        )
        page.wait_for_url(lambda url, path=path: urlsplit(url).path == path)
        page.wait_for_load_state("networkidle")
        arrived = [url for url in landed if urlsplit(url).path == path]
        assert arrived and urlsplit(arrived[0]).fragment == anchor, landed
        assert_at_top(page, f"h2#{anchor}")
    assert problems.items == []


def assert_at_top(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    assert box is not None and 0 <= box["y"] < 200, (selector, box)


@pytest.mark.parametrize(
    ("path", "expected"),
    [(f"{HANT}/timeline.html", "下載圖表（PNG）"), ("timeline.html", "下载图表（PNG）")],
)
def test_chart_toolbar_speaks_the_editions_script(context, site_server, path, expected):
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    page.locator(".report-chart").first.hover()
    page.locator(".report-chart .modebar-btn").first.wait_for(state="attached")
    titles = page.locator(".report-chart .modebar-btn").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('data-title'))"
    )
    assert expected in titles, titles
    english = [
        t
        for t in titles
        if re.search(r"[A-Za-z]{3,}", (t or "").replace("PNG", "").replace("SVG", ""))
    ]
    assert english == [], english
