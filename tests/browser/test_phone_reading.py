"""Reading the fact pages on a phone (390 px) in a real Chromium: tables as cards that fit the
screen, ¶ links big enough to tap, a page title that takes only its own lines."""

from __future__ import annotations

import pytest
from test_accessibility import AXE, RUN_AXE

pytestmark = pytest.mark.browser

HANT = "zh-Hant"
PHONE = {"width": 390, "height": 844}
TABLE_PAGES = ["timeline.html", "products.html", "compute.html", "market.html"]
SCRIPTS = ["", f"{HANT}/"]
MIN_TARGET = 24  # px: WCAG 2.2 success criterion 2.5.8, target size (minimum)


def open_page(ctx, url: str):
    page = ctx.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(200)
    return page


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("name", TABLE_PAGES)
def test_fact_tables_read_as_cards_that_fit_the_phone(phone, site_server, script, name):
    page = open_page(phone, site_server + script + name)
    tables = page.evaluate(
        """() => [...document.querySelectorAll('article table')]
            .filter(table => table.querySelectorAll('thead th').length >= 3)
            .map(table => {
              const box = table.getBoundingClientRect();
              const wrap = table.closest('.md-typeset__scrollwrap') || table;
              const rows = [...table.querySelectorAll('tbody tr')].map(row => {
                const cells = [...row.children];
                return {
                  first: cells[0].getBoundingClientRect().width,
                  labels: cells.slice(1).map(cell => getComputedStyle(cell, '::before').content),
                  names: cells.slice(1).map(cell => cell.dataset.label),
                };
              });
              return {left: box.left, right: box.right, width: box.width,
                      scroll: wrap.scrollWidth, client: wrap.clientWidth, rows};
            })"""
    )
    assert tables, f"{script}{name} has no table of three or more columns"
    for table in tables:
        assert table["left"] >= 0 and table["right"] <= PHONE["width"], table
        assert table["scroll"] <= table["client"] + 1, "the table scrolls sideways"
        for row in table["rows"]:
            # The first column is the card's title, as wide as the card: not 4 characters a line.
            assert row["first"] >= 0.9 * table["width"] - 40, row
            assert row["labels"] == [f'"{name}："' for name in row["names"]], row
            assert all(row["names"]), row


@pytest.mark.parametrize("script", SCRIPTS)
def test_fact_tables_are_still_tables_to_a_screen_reader(phone, site_server, script):
    page = open_page(phone, site_server + script + "timeline.html")
    snapshot = page.locator("article table").first.aria_snapshot()
    assert "- table" in snapshot and "- row" in snapshot and "- cell" in snapshot
    assert "columnheader" in snapshot or "- rowgroup" in snapshot


@pytest.mark.parametrize(("script", "scheme"), [("", "light"), (f"{HANT}/", "dark")])
@pytest.mark.parametrize("name", TABLE_PAGES)
def test_axe_finds_no_violation_in_the_cards(browser, site_server, name, script, scheme):
    ctx = browser.new_context(
        viewport=PHONE, is_mobile=True, color_scheme=scheme, locale="zh-CN", bypass_csp=True
    )
    try:
        page = open_page(ctx, site_server + script + name)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        assert page.evaluate(RUN_AXE) == [], script + name
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
@pytest.mark.parametrize("path", ["index.html", "analysis.html", f"{HANT}/timeline.html"])
def test_source_links_are_big_enough_to_tap(browser, site_server, path, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    try:
        page = open_page(ctx, site_server + path)
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('article a.cite-link')].map(link => {
                const box = link.getBoundingClientRect();
                return [link.textContent, box.width, box.height];
            })"""
        )
    finally:
        ctx.close()
    assert sizes, path
    small = [s for s in sizes if s[1] < MIN_TARGET - 0.01 or s[2] < MIN_TARGET - 0.01]
    assert small == [], small[:5]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_home_title_takes_only_its_own_line(phone, site_server, script):
    """The title fits one line at 390 px; its hidden ¶ permalink adds no blank line below."""
    page = open_page(phone, site_server + script + "index.html")
    title = page.evaluate(
        """() => {
            const h1 = document.querySelector('article h1');
            const text = document.createRange();
            text.selectNodeContents(h1.firstChild);
            return {height: h1.getBoundingClientRect().height,
                    text: text.getBoundingClientRect().height,
                    line: parseFloat(getComputedStyle(h1).lineHeight),
                    link: !!h1.querySelector('.headerlink')};
        }"""
    )
    assert title["link"], "the title lost its permalink"
    assert title["text"] <= title["line"] * 1.2, "the title itself wraps at 390 px"
    assert title["height"] <= title["line"] * 1.2, title
