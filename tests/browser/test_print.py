"""Printing a page: its text, citations, charts and chart tables, without navigation chrome."""

from __future__ import annotations

import pytest
from test_pages import HANT, wait_for_charts

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]


@pytest.mark.parametrize("drawn", ["plotly", "preview"])
@pytest.mark.parametrize("path", ["people.html", f"{HANT}/timeline.html", f"{HANT}/market.html"])
def test_chart_page_prints_citations_charts_and_tables_without_chrome(
    context, site_server, path, drawn
):
    """Printed with each chart as plotly.js drew it, or as the preview a reader who never
    reached for it sees."""
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    if drawn == "plotly":
        wait_for_charts(page)
    else:
        for chart in page.locator(".report-chart").all():
            chart.scroll_into_view_if_needed()
        page.locator(".report-chart__preview").first.wait_for(state="attached")
    page.emulate_media(media="print")
    page.wait_for_timeout(500)  # charts refit to the printed column
    for selector in CHROME:
        assert page.locator(selector).first.is_hidden(), (path, selector)
    cites = page.locator("article .cite")
    assert cites.count() > 0
    assert all(cites.nth(i).is_visible() for i in range(cites.count())), path
    figures = page.evaluate(
        """() => [...document.querySelectorAll('.report-chart-wrap')].map(wrap => {
            let table = wrap.nextElementSibling;
            if (table && !table.matches('table')) { table = table.querySelector('table'); }
            const svg = wrap.querySelector('.main-svg, .report-chart__preview');
            return {
                column: Math.round(wrap.getBoundingClientRect().width),
                chart: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
                table: table ? table.getBoundingClientRect().height > 0
                    && getComputedStyle(table).display !== 'none' : false,
            };
        })"""
    )
    assert figures, path
    for figure in figures:
        assert figure["table"], (path, figure)
        assert abs(figure["chart"] - figure["column"]) <= 1, (path, figure)  # fits the paper
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1


def test_data_page_prints_the_how_to_cite_box(context, site_server):
    page = context.new_page()
    page.goto(site_server + "data.html", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator("article .admonition.quote pre").first.is_visible()
