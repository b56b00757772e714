"""Hostile text from the data, opened in a real browser: no dialog opens, no link runs script."""

from __future__ import annotations

import re

import pytest
from conftest import html_pages, serving, wait_for_charts

pytestmark = pytest.mark.browser


# Every chart drawn by the preview, or by plotly.js once its drawing is complete (the attribute
# is set when plotly.js's promise resolves), as report-charts.js does it.
PREVIEWED = """() => [...document.querySelectorAll('.report-chart')]
    .every(chart => chart.querySelector('.report-chart__preview, .main-svg'))"""
DRAWN = """() => [...document.querySelectorAll('.report-chart')]
    .every(chart => chart.hasAttribute('data-free-ticks'))"""


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant"])
def test_nothing_runs_in_the_browser(hostile_site, browser, edition):
    """Every page of the edition opened, each chart drawn twice (the light preview in view, then
    plotly.js on reach): no dialog opens, and no link of the text leads to script."""
    hant = hostile_site / "zh-Hant"
    paths = [
        p for p in html_pages(hostile_site) if (edition == "zh-Hant") == p.is_relative_to(hant)
    ]
    assert paths
    dialogs: list[str] = []
    links: list[str] = []
    context = browser.new_context()
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(hostile_site) as base_url:
        try:
            for path in paths:
                relative = path.relative_to(hostile_site).as_posix()
                page.goto(f"{base_url}{relative}", wait_until="load")
                charts = page.locator(".report-chart").all()
                for chart in charts:
                    chart.scroll_into_view_if_needed()
                page.wait_for_function(PREVIEWED)
                for chart in charts:
                    chart.hover()
                page.wait_for_function(DRAWN)
                hrefs = page.locator("article a").evaluate_all(
                    "links => links.map(link => link.getAttribute('href') || '')"
                )
                links += [
                    f"{relative}: {href}"
                    for href in hrefs
                    if href.lower().startswith(("javascript:", "data:"))
                ]
        finally:
            context.close()
    assert links == []
    assert dialogs == []


def test_a_saved_chart_image_carries_hostile_text_as_text(hostile_site, browser, tmp_path):
    """The source line drawn into an exported image comes from the data: it opens no tag."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(hostile_site) as base_url:
        try:
            page.goto(f"{base_url}embed/market.html", wait_until="load")
            wait_for_charts(page)
            button = page.locator(".report-chart .modebar-btn")
            titles = button.evaluate_all("bs => bs.map(b => b.getAttribute('data-title') || '')")
            svg_button = button.nth(next(i for i, t in enumerate(titles) if "SVG" in t))
            with page.expect_download() as saved:
                svg_button.click(force=True)
            target = tmp_path / "chart.svg"
            saved.value.save_as(target)
        finally:
            context.close()
    svg = target.read_text(encoding="utf-8")
    lowered = svg.lower()
    for tag in ("<script", "<a ", "<img", "<iframe", "<foreignobject"):
        assert tag not in lowered, tag
    (source,) = [text for text in svg.split("<text")[1:] if "资料来源" in text]
    # The source's title ends in a payload: drawn as the characters it is made of.
    assert re.search(r"&(lt|#60);script&(gt|#62);alert", source.split("</text>")[0]), source
    assert dialogs == []
