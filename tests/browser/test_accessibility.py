"""axe-core on every page of both editions, in the light and the dark palette: no violation.

axe-core is vendored under tests/vendor/axe-core/ (see refresh.sh there), so the suite needs
neither npm nor the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP
from test_pages import CHARTS, HANT, PAGE_PATHS, has_charts, wait_for_charts

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent.parent / "vendor" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map(v => ({
        rule: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary),
    }));
}"""


@pytest.fixture(params=["light", "dark"])
def scheme_context(request, browser) -> Iterator[object]:
    # The pages' Content-Security-Policy forbids injected scripts: lift it for axe alone.
    ctx = browser.new_context(
        viewport=DESKTOP, locale="zh-CN", color_scheme=request.param, bypass_csp=True
    )
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_axe_finds_no_violation(scheme_context, site_server, path):
    page = scheme_context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    if has_charts(path):
        wait_for_charts(page)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN_AXE) == [], path


@pytest.mark.parametrize("path", ["index.html", f"{HANT}/data.html"])
def test_links_in_running_text_are_underlined(scheme_context, site_server, path):
    page = scheme_context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    decorations = page.evaluate(
        """() => [...document.querySelectorAll('article p a, article li a')]
            .filter(a => !a.classList.contains('headerlink'))
            .map(a => getComputedStyle(a).textDecorationLine)"""
    )
    assert decorations and set(decorations) == {"underline"}, (path, decorations[:5])


def test_search_dialog_has_an_accessible_name(scheme_context, site_server):
    page = scheme_context.new_page()
    page.goto(site_server + f"{HANT}/index.html", wait_until="networkidle")
    dialog = page.get_by_role("dialog", name="搜尋", include_hidden=True)
    assert dialog.count() == 1


@pytest.mark.parametrize("path", [prefix + name for name in CHARTS for prefix in ("", f"{HANT}/")])
def test_axe_finds_no_violation_in_chart_previews(scheme_context, site_server, path):
    """The charts as a reader who never reaches for them sees them (plotly.js not run)."""
    page = scheme_context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    for chart in page.locator(".report-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(chart => chart.querySelector('.report-chart__preview'))"
    )
    page.evaluate(AXE.read_text(encoding="utf-8"))
    assert page.evaluate(RUN_AXE) == [], path
