"""Every page of both editions in a real headless Chromium, opened once on a desktop and once on
a phone with every check that applies made on that visit (page_checks.py): clean loads, charts,
axe-core in both palettes, phone layout; then language switching, search and corrections.
`SCREENSHOTS=1` saves full-page screenshots under screenshots/ for a human look."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DESKTOP, PHONE, chart_ids, chart_pages, wait_for_charts
from page_checks import (
    COLOUR_RULES,
    PageProblems,
    axe_violations,
    dark_palette,
    home_title_wraps,
    horizontal_overflow,
    links_not_underlined,
    plotly_drawn,
    previews_drawn,
    small_source_links,
    small_text,
    stays_on_white,
    tables_as_cards,
    tables_for_screen_readers,
    unnamed_search_dialog,
)

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


TABLE_PAGES = {"timeline.html", "products.html", "compute.html", "market.html"}
# Pages whose ¶ links are measured for tapping, and pages whose running-text links are looked at.
TAP_PAGES = {"index.html", "analysis.html", f"{HANT}/timeline.html"}
UNDERLINE_PAGES = {"index.html", f"{HANT}/data.html"}
# Pages with the how-to-cite box (its BibTeX and CSL-JSON are most of the home page's text).
CITE_BOX_PAGES = {"index.html", "data.html"}


def screenshot(page, kind: str, path: str) -> None:
    """A full-page screenshot under screenshots/ for a human look, when SCREENSHOTS=1."""
    if not os.environ.get("SCREENSHOTS"):
        return
    script = "hant" if path.startswith(HANT + "/") else "hans"
    name = path.removeprefix(HANT + "/").removesuffix(".html").replace("/", "-")
    target = SCREENSHOTS / kind / f"{script}-{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=target, full_page=True)


def report(path: str, found: dict[str, list]) -> str:
    """One failure message: the page, then each check that failed on it with what it saw."""
    lines = [f"{path}:"]
    for check, problems in found.items():
        lines += [f"  {check}: {problem}" for problem in problems]
    return "\n".join(lines)


def test_the_pages_tested_are_the_pages_built(built_site):
    built = sorted(
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if "assets" not in p.relative_to(built_site).parts
    )
    assert built == sorted(PAGE_PATHS)
    # The chart pages, as the built pages show them: a chart the list missed goes unchecked.
    charted = sorted(
        name
        for name in NAMES
        if 'class="report-chart' in (built_site / name).read_text(encoding="utf-8")
    )
    assert charted == sorted(CHARTS)


def site_page_on_a_desktop(page, path: str) -> dict[str, list]:
    """The checks of a site page: the whole page once, charts as the preview draws them; once
    plotly.js has taken the charts over, only the charts have changed, and only they are
    checked again."""
    found: dict[str, list] = {}
    if path.removeprefix(HANT + "/") in CHARTS:
        found["drawn before plotly.js"] = previews_drawn(page)
    found["axe"] = axe_violations(page)
    if path in UNDERLINE_PAGES:
        found["links underlined"] = links_not_underlined(page)
    if path in TAP_PAGES:
        found["¶ links to tap"] = small_source_links(page)
    if path == f"{HANT}/index.html":
        found["search dialog named"] = unnamed_search_dialog(page, "搜尋")
    with dark_palette(page) as switch:
        found["axe, dark"] = switch + axe_violations(page, COLOUR_RULES)
        if path in UNDERLINE_PAGES:
            found["links underlined, dark"] = links_not_underlined(page)
    if has_charts(path):
        found["drawn by plotly.js"] = plotly_drawn(page)
        found["axe, plotly.js charts"] = axe_violations(page, within=".report-chart")
        with dark_palette(page) as switch:
            found["axe, plotly.js charts, dark"] = switch + axe_violations(
                page, COLOUR_RULES, ".report-chart"
            )
    return found


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_on_a_desktop(browser, site_server, path):
    """One visit: loads cleanly, charts drawn by the preview and then by plotly.js, and axe-core
    finds no violation in either palette (an embed page: in its one, on white), before and after
    plotly.js takes the charts over."""
    ctx = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    ctx.set_default_timeout(20_000)
    page = ctx.new_page()
    problems = PageProblems(page, site_server)
    found: dict[str, list] = {}
    script = HANT + "/" if path.startswith(HANT + "/") else ""
    response = page.goto(site_server + path, wait_until="load")
    found["loads"] = [] if response is not None and response.ok else ["the page did not load"]
    if path.removeprefix(script).startswith("embed/"):
        # An embed page is its chart: drawn by the preview, then reached for and drawn by
        # plotly.js, it is checked whole once. It has one palette, the white of the paper.
        found["drawn before plotly.js"] = previews_drawn(page)
        found["drawn by plotly.js"] = plotly_drawn(page)
        found["axe"] = axe_violations(page)
        found["white in a dark system"] = stays_on_white(page)
    else:
        found.update(site_page_on_a_desktop(page, path))
    screenshot(page, "desktop", path)
    # Whatever the page still fetches after its checks (a prefetch) has come before it is judged.
    page.wait_for_load_state("networkidle")
    found["console and network"] = problems.items
    ctx.close()
    found = {check: items for check, items in found.items() if items}
    assert not found, report(path, found)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_on_a_phone(browser, site_server, path):
    """One visit at 390 px with touch: no sideways scrolling, no text too small to read (the
    how-to-cite box's code included), charts drawn, fact tables as cards that fit (and still
    tables to a screen reader), ¶ links big enough to tap, a title that takes only its own line,
    and no axe-core violation in the cards in either palette."""
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    ctx.set_default_timeout(20_000)
    page = ctx.new_page()
    problems = PageProblems(page, site_server)
    found: dict[str, list] = {}
    script = HANT + "/" if path.startswith(HANT + "/") else ""
    name = path.removeprefix(script)
    # What loads and fails to load is the desktop visit's to check; a phone's are its own errors.
    problems.ignore_aborted = True
    page.goto(site_server + path, wait_until="load")
    if has_charts(path):
        found["drawn by plotly.js"] = plotly_drawn(page)
    # Measured before the screenshot: a full-page screenshot resizes the window, and resizing
    # re-lays out what overflowed.
    found["fits the phone"] = horizontal_overflow(page, PHONE["width"])
    found["legible type"] = small_text(page)
    if name in CITE_BOX_PAGES and not page.locator("article .admonition.quote pre code").count():
        found["legible type"].append("no how-to-cite box with its code to measure")
    if name in TABLE_PAGES:
        found["tables as cards"] = tables_as_cards(page, PHONE["width"])
        found["axe, cards"] = axe_violations(page, within="article table")
        with dark_palette(page) as switch:
            found["axe, cards, dark"] = switch + axe_violations(page, COLOUR_RULES, "article table")
    if name == "timeline.html":
        found["tables to a screen reader"] = tables_for_screen_readers(page)
    if path in TAP_PAGES:
        found["¶ links to tap"] = small_source_links(page)
    if name == "index.html":
        found["title on its own line"] = home_title_wraps(page)
    screenshot(page, "phone", path)
    found["console and network"] = problems.items
    ctx.close()
    found = {check: items for check, items in found.items() if items}
    assert not found, report(path, found)


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
    page.goto(site_server + path, wait_until="load")
    wait_for_charts(page)
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
