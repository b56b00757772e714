"""Printing a page: its text, citations, charts and chart tables, without navigation chrome."""

from __future__ import annotations

import contextlib

import pytest
from conftest import wait_for_charts, wait_for_previews
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from test_pages import HANT

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top"]
DRAWN = ["preview", "plotly"]


def wait_for_paper_width(page) -> None:
    """Wait (up to 15 s: a loaded machine redraws slowly) until every drawn chart is drawn again
    for its box's printed width, its drawing complete; the checks that follow say what is wrong
    if it never is."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """() => [...document.querySelectorAll('.report-chart')].every(chart => {
                const svg = chart.querySelector('.main-svg, .report-chart__preview');
                return !svg
                    || (Math.abs(+svg.getAttribute('width') - chart.getBoundingClientRect().width) <= 1
                        && svg.querySelector('text') !== null);
            })""",
            timeout=15_000,
        )


FIGURES = """() => [...document.querySelectorAll('.report-chart-wrap')].map(wrap => {
    let table = wrap.nextElementSibling;
    if (table && !table.matches('table')) { table = table.querySelector('table'); }
    const svg = wrap.querySelector('.main-svg, .report-chart__preview');
    return {
        column: Math.round(wrap.getBoundingClientRect().width),
        whole: getComputedStyle(wrap).breakInside === 'avoid',
        chart: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
        table: table ? table.getBoundingClientRect().height > 0
            && getComputedStyle(table).display !== 'none' : false,
    };
})"""


def printed_problems(page) -> list[str]:
    """What is wrong with the page as printed now (the print layout applied)."""
    problems = [
        f"{selector} printed" for selector in CHROME if page.locator(selector).first.is_visible()
    ]
    cites = page.locator("article .cite")
    if cites.count() == 0:
        problems.append("no citation")
    if not all(cites.nth(i).is_visible() for i in range(cites.count())):
        problems.append("a citation is not printed")
    figures = page.evaluate(FIGURES)
    if not figures:
        problems.append("no chart")
    for figure in figures:
        if not figure["table"]:
            problems.append(f"a chart's table is not printed: {figure}")
        if not figure["whole"]:
            problems.append(f"a chart may be split across two sheets: {figure}")
        if abs(figure["chart"] - figure["column"]) > 1:  # fits the paper
            problems.append(f"a chart does not fit the paper: {figure}")
    pdf = page.pdf(format="A4")
    if not (pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1):
        problems.append("no PDF page")
    return problems


@pytest.mark.parametrize("path", ["people.html", f"{HANT}/timeline.html", f"{HANT}/market.html"])
def test_chart_page_prints_citations_charts_and_tables_without_chrome(
    print_context, site_server, path
):
    """Printed with each chart as the preview a reader who never reached for it sees, then as
    plotly.js drew it once the reader reached for it."""
    page = print_context.new_page()
    page.goto(site_server + path, wait_until="load")
    wait_for_previews(page)
    failures = []
    for drawn in DRAWN:
        if drawn == "plotly":
            page.emulate_media(media="screen")
            wait_for_charts(page)
        page.emulate_media(media="print")
        wait_for_paper_width(page)
        failures += [f"{path} {drawn}: {problem}" for problem in printed_problems(page)]
    assert failures == [], "\n".join(failures)


def test_data_page_prints_the_how_to_cite_box(print_context, site_server):
    page = print_context.new_page()
    page.goto(site_server + "data.html", wait_until="load")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator("article .admonition.quote pre").first.is_visible()
