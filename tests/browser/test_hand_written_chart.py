"""A hand-written page that places a chart block loads plotly.js and draws the chart, in every
edition: whether a page needs plotly.js is read from the page as rendered, not from a list."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import built_at_address, chart_marks, serving

pytestmark = pytest.mark.browser

HAND_WRITTEN = "method.md"
CHART_SCRIPT = "assets/javascripts/report-charts.js"


def add_chart_to_hand_written_page(project: Path) -> None:
    """The hand-written method page also shows the timeline chart; it also holds an HTML block,
    a word marked as an example of conversion, and no description of its own."""
    page = project / "docs" / HAND_WRITTEN
    text = re.sub(r"^description: .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M)
    page.write_text(
        text
        + '\n例如 -{视频}- 一词。\n\n<div class="note">视频数据</div>\n'
        + "\n## 时间线一览\n\n{{ @chart:timeline }}\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def charted(tmp_path_factory) -> tuple[Path, str]:
    """A copy of the project with a chart on a hand-written page: (site/, address)."""
    return built_at_address(tmp_path_factory, "hand-written-chart", add_chart_to_hand_written_page)


@pytest.fixture(scope="session")
def charted_site(charted) -> Path:
    return charted[0]


@pytest.fixture(scope="session")
def charted_server(charted) -> Iterator[str]:
    site, url = charted
    with serving(site, int(urlsplit(url).port or 0)) as served:
        yield served


def test_a_hand_written_page_reads_right_in_both_editions(charted_site):
    """Its example marks are gone in the source edition too, its HTML block is converted, and
    with no description of its own it is described by the site's."""
    simplified = (charted_site / "method.html").read_text(encoding="utf-8")
    traditional = (charted_site / "zh-Hant" / "method.html").read_text(encoding="utf-8")
    assert "例如 视频 一词" in simplified and "-{" not in simplified
    assert '<div class="note">影片資料</div>' in traditional
    config = (Path(__file__).parent.parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    wanted = re.search(r"^site_description: (.*)$", config, re.M)
    described = re.search(r'<meta property="og:description" content="([^"]*)"', simplified)
    assert wanted and described and html.unescape(described.group(1)) == wanted.group(1)


@pytest.mark.parametrize("path", ["method.html", "zh-Hant/method.html"])
def test_a_chart_block_on_a_hand_written_page_is_drawn(context, charted_site, charted_server, path):
    html = (charted_site / path).read_text(encoding="utf-8")
    assert CHART_SCRIPT in html
    page = context.new_page()
    page.goto(charted_server + path, wait_until="load")
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
