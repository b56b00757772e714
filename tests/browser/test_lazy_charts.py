"""Charts draw as they near the viewport; plotly.js runs when the reader reaches for one; nothing moves."""

from __future__ import annotations

import re

import pytest
from conftest import DESKTOP, wait_for_charts, wait_for_previews

from generator.site.plotly_bundle import BUNDLE_URI

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def last_anchor(built_site, page: str) -> str:
    ids = re.findall(r'<h2 id="([^"]+)"', (built_site / page).read_text(encoding="utf-8"))
    return ids[-1]


def box_tops(page) -> dict[str, float]:
    return page.evaluate(
        """() => {
            const chart = document.querySelector('.report-chart');
            const table = chart.closest('figure').nextElementSibling;
            return {chart: chart.getBoundingClientRect().height,
                    table: table.getBoundingClientRect().top + scrollY};
        }"""
    )


@pytest.mark.parametrize("path", ["timeline.html", "zh-Hant/people.html"])
def test_charts_draw_in_view_and_plotly_runs_when_reached_moving_nothing(
    browser, built_site, site_server, path
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(f"{site_server}{path}#{last_anchor(built_site, path)}", wait_until="networkidle")
        page.wait_for_timeout(1500)
        assert not [url for url in fetched if url.endswith(BUNDLE_URI)], "fetched too early"
        waiting = page.locator(".report-chart__waiting").first
        assert waiting.inner_text() == page.locator(".report-chart").first.get_attribute(
            "aria-label"
        )
        before = box_tops(page)
        chart = page.locator(".report-chart").first
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => document.querySelector('.report-chart .report-chart__preview')", timeout=20_000
        )
        assert box_tops(page) == before, "the page moved when the preview was drawn"
        assert page.locator(".report-chart__waiting").count() == 0
        page.wait_for_timeout(1500)
        assert [url for url in fetched if url.endswith(BUNDLE_URI)], "not fetched in view"
        assert page.evaluate("() => typeof window.Plotly") == "undefined", "ran unasked"
        chart.tap()
        page.wait_for_function(
            "() => document.querySelector('.report-chart .main-svg')", timeout=20_000
        )
        assert box_tops(page) == before, "the page moved when plotly.js took over"
        assert page.locator(".report-chart__preview").count() == 0
    finally:
        context.close()


def test_keyboard_focus_hands_a_chart_to_plotly(browser, site_server):
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(f"{site_server}market.html", wait_until="load")
        page.locator(".report-chart").first.focus()
        page.wait_for_function(
            "() => document.querySelector('.report-chart .main-svg')", timeout=20_000
        )
    finally:
        page.close()


@pytest.mark.parametrize("path", ["timeline.html", "zh-Hant/timeline.html"])
def test_charts_draw_from_disk_with_the_shared_assets(browser, built_site, path):
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto((built_site / path).as_uri())
        wait_for_charts(page)
        styles = page.evaluate(
            "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => !!l.sheet)"
        )
        assert styles and all(styles), styles
    finally:
        page.close()


def test_a_drawn_preview_takes_the_new_palette_when_the_reader_toggles_it(browser, site_server):
    page = browser.new_page(viewport=DESKTOP)
    try:
        page.goto(site_server + "timeline.html", wait_until="load")
        wait_for_previews(page)
        ink = "() => getComputedStyle(document.querySelector('.report-chart__preview text')).fill"
        light = page.evaluate(ink)
        page.click("label[for=__palette_1]")
        page.wait_for_function(f"light => ({ink})() !== light", arg=light, timeout=10_000)
    finally:
        page.close()
