"""What a reader would notice on one open page, as functions that return what went wrong.

The per-page tests in test_pages.py open each page once per kind of browser (a desktop, a
phone) and run every check that applies to it on that visit; each check returns a list of
problems (empty when all is well), so one failure report names the page and every check that
failed on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from conftest import chart_marks, wait_for_charts, wait_for_previews

AXE = Path(__file__).parent.parent / "vendor" / "axe-core" / "axe.min.js"
RUN_AXE = """async ([rules, within]) => {
    const options = {resultTypes: ['violations']};
    if (rules) { options.runOnly = rules; }
    const context = within ? {include: [[within]]} : document;
    const result = await axe.run(context, options);
    return result.violations.map(v => ({
        rule: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary),
    }));
}"""
# The rules whose outcome depends on the palette: the dark pass needs no others.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
MIN_TARGET = 24  # px: WCAG 2.2 success criterion 2.5.8, target size (minimum)
MIN_TEXT = 12  # px: the smallest text Lighthouse counts as legible on a phone


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


def axe_violations(page, rules: list[str] | None = None, within: str | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now: only `rules` when given, only the
    elements matching `within` (and what they hold) when given."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol, which the page's CSP does not govern.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return list(page.evaluate(RUN_AXE, [rules, within]))


@contextlib.contextmanager
def dark_palette(page) -> Iterator[list[str]]:
    """The page in the dark palette, switched by its toggle as a reader does, and back in the
    light one after. Yields the problems of the switch itself: the page itself must change."""
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    if not page.locator("label[for=__palette_1]").count():
        yield ["no palette toggle"]
        return
    page.click("label[for=__palette_1]")
    slate = page.evaluate("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = slate and page.evaluate(background) != light
    yield [] if dark else ["the page did not switch to the dark palette"]
    page.click("label[for=__palette_0]")


def stays_on_white(page) -> list[str]:
    """An embed page sits inside another publication's article, whose palette it cannot know: it
    keeps its white paper and dark ink when the reader's system is set to dark."""
    page.emulate_media(color_scheme="dark")
    try:
        colours = page.evaluate(
            """() => [getComputedStyle(document.body).backgroundColor,
                      getComputedStyle(document.body).color,
                      document.body.hasAttribute('data-md-color-scheme')]"""
        )
    finally:
        page.emulate_media(color_scheme="light")
    expected = ["rgb(255, 255, 255)", "rgb(34, 34, 34)", False]
    return [] if colours == expected else [f"paper, ink, palette in a dark system: {colours}"]


def marks_missing(marks: list[list[int]], drawing: str) -> list[str]:
    """What is wrong with the marks a drawing shows, [asked for, drawn] per chart."""
    if not marks:
        return ["no .report-chart"]
    if all(expected > 0 and drawn == expected for expected, drawn in marks):
        return []
    return [f"{drawing} marks [asked for, drawn]: {marks}"]


def previews_drawn(page) -> list[str]:
    """Each chart in view shows every mark and row title at once, without plotly.js having run."""
    wait_for_previews(page)
    problems = []
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
    if missing:
        problems.append(f"row titles missing from the preview: {missing}")
    if page.evaluate("() => typeof window.Plotly") != "undefined":
        problems.append("plotly.js ran before the reader reached for a chart")
    return problems + marks_missing(marks, "preview")


def plotly_drawn(page) -> list[str]:
    """Reached for, every chart is taken over by plotly.js and shows every mark."""
    wait_for_charts(page)
    problems = []
    marks = chart_marks(page)
    if page.locator(".report-chart__preview").count():
        problems.append("plotly.js left the preview")
    return problems + marks_missing(marks, "plotly.js")


def horizontal_overflow(page, width: int) -> list[str]:
    """The page fits `width` without sideways scrolling; else what sticks out."""
    # A mobile browser widens its layout viewport to fit content that overflows (and zooms out),
    # so window.innerWidth grows with the bug: compare with the device width as well.
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] <= min(widths["inner"], width) + 1:
        return []
    wide = page.evaluate(
        """width => [...document.querySelectorAll('.md-content *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .filter(e => !e.parentElement.closest('.md-content *')
                         || e.parentElement.getBoundingClientRect().right <= width + 1)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')
                 + ' right=' + Math.round(e.getBoundingClientRect().right))""",
        width,
    )
    return [f"scrolls sideways at {width} px: {widths}, {wide}"]


def tables_as_cards(page, width: int) -> list[str]:
    """Fact tables of three or more columns read as cards that fit the phone."""
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
    if not tables:
        return ["no table of three or more columns"]
    problems = []
    for table in tables:
        if not (table["left"] >= 0 and table["right"] <= width):
            problems.append(f"a table is wider than the phone: {table}")
        if table["scroll"] > table["client"] + 1:
            problems.append("a table scrolls sideways")
        for row in table["rows"]:
            # The first column is the card's title, as wide as the card: not 4 characters a line.
            if row["first"] < 0.9 * table["width"] - 40:
                problems.append(f"a card's title is squeezed: {row}")
            if row["labels"] != [f'"{name}："' for name in row["names"]] or not all(row["names"]):
                problems.append(f"a card's cells are not labelled with their columns: {row}")
    return problems


def tables_for_screen_readers(page) -> list[str]:
    """Shown as cards, a fact table is still a table with rows and cells to a screen reader."""
    snapshot = page.locator("article table").first.aria_snapshot()
    table = "- table" in snapshot and "- row" in snapshot and "- cell" in snapshot
    # Its column names too: a header row hidden by display: none is gone from the snapshot.
    headed = "columnheader" in snapshot
    return (
        [] if table and headed else [f"the first table is no table to a screen reader: {snapshot}"]
    )


def small_source_links(page) -> list[str]:
    """¶ links big enough to tap (WCAG 2.2 target size)."""
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('article a.cite-link')].map(link => {
            const box = link.getBoundingClientRect();
            return [link.textContent, box.width, box.height];
        })"""
    )
    if not sizes:
        return ["no ¶ link"]
    small = [s for s in sizes if s[1] < MIN_TARGET - 0.01 or s[2] < MIN_TARGET - 0.01]
    return [f"¶ links smaller than {MIN_TARGET} px: {small[:5]}"] if small else []


def small_text(page, within: str = "article") -> list[str]:
    """Every shown text in `within` (an embed page's <main> when it has none; charts' drawings
    aside) at least MIN_TEXT px: what Lighthouse calls legible on a phone; else the smallest
    pieces, with their size and first words."""
    small = page.evaluate(
        """([within, least]) => {
            const texts = document.createTreeWalker(
                document.querySelector(within) || document.querySelector('main'),
                NodeFilter.SHOW_TEXT);
            const small = [];
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                const element = text.parentElement;
                if (!text.textContent.trim() || element.closest('svg')
                    || !element.getClientRects().length) continue;
                const size = parseFloat(getComputedStyle(element).fontSize);
                if (size < least) small.push(
                    [element.tagName.toLowerCase(), size, text.textContent.trim().slice(0, 30)]);
            }
            return small;
        }""",
        [within, MIN_TEXT],
    )
    return [f"text smaller than {MIN_TEXT} px: {small[:5]}"] if small else []


def home_title_wraps(page) -> list[str]:
    """The title fits one line; its hidden ¶ permalink adds no blank line below."""
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
    problems = []
    if not title["link"]:
        problems.append("the title lost its permalink")
    if title["text"] > title["line"] * 1.2:
        problems.append(f"the title itself wraps: {title}")
    elif title["height"] > title["line"] * 1.2:
        problems.append(f"the title takes more than its line: {title}")
    return problems


def links_not_underlined(page) -> list[str]:
    """Links in running text are underlined (told apart by more than colour)."""
    decorations = page.evaluate(
        """() => [...document.querySelectorAll('article p a, article li a')]
            .filter(a => !a.classList.contains('headerlink'))
            .map(a => getComputedStyle(a).textDecorationLine)"""
    )
    if decorations and set(decorations) == {"underline"}:
        return []
    return [f"links in running text not underlined: {decorations[:5]}"]


def unnamed_search_dialog(page, name: str) -> list[str]:
    """The search dialog has an accessible name in the page's script."""
    found = page.get_by_role("dialog", name=name, include_hidden=True).count()
    return [] if found == 1 else [f"no search dialog named {name!r}"]
