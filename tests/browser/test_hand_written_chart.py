"""A hand-written page that places a chart block loads plotly.js and draws the chart, in every
edition: whether a page needs plotly.js is read from the page as rendered, not from a list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import chart_marks, free_port, run_mkdocs, serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HAND_WRITTEN = "method.md"
CHART_SCRIPT = "assets/javascripts/report-charts.js"


@pytest.fixture(scope="module")
def charted_url() -> str:
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="module")
def charted_site(make_project, charted_url) -> Path:
    """A copy of the project whose hand-written method page also shows the timeline chart."""
    project = make_project("hand-written-chart")
    page = project / "docs" / HAND_WRITTEN
    page.write_text(
        page.read_text(encoding="utf-8") + "\n## 时间线一览\n\n{{ @chart:timeline }}\n",
        encoding="utf-8",
    )
    result = run_mkdocs(project, "build", "--strict", site_url=charted_url)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def charted_server(charted_site, charted_url) -> Iterator[str]:
    with serving(charted_site, int(urlsplit(charted_url).port or 0)) as url:
        yield url


@pytest.mark.parametrize("path", ["method.html", "zh-Hant/method.html"])
def test_a_chart_block_on_a_hand_written_page_is_drawn(context, charted_site, charted_server, path):
    html = (charted_site / path).read_text(encoding="utf-8")
    assert CHART_SCRIPT in html
    page = context.new_page()
    page.goto(charted_server + path, wait_until="networkidle")
    # The chart sits at the end of a long page: its preview comes once it is scrolled to, and
    # plotly.js once the reader reaches for it.
    page.locator(".report-chart").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.report-chart .report-chart__preview')")
    previewed = chart_marks(page, "preview")
    assert all(expected > 0 and drawn == expected for expected, drawn in previewed), previewed
    page.locator(".report-chart").first.hover()
    page.wait_for_function("() => document.querySelector('.report-chart .main-svg')")
    marks = chart_marks(page)
    assert len(marks) == 1, marks
    assert all(expected > 0 and drawn == expected for expected, drawn in marks), (path, marks)


def test_a_page_without_a_chart_loads_no_chart_script(charted_site):
    for path in ["sources.html", "compute.html", "index.html", "zh-Hant/sources.html"]:
        assert CHART_SCRIPT not in (charted_site / path).read_text(encoding="utf-8"), path
