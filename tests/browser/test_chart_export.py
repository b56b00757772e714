"""Saving and embedding a chart in a real browser: the tool bar's PNG and SVG carry the chart's
name, title, source line and site address; the embed snippet is copied from the keyboard and its
address opens the embed page."""

from __future__ import annotations

import re

import pytest
from conftest import wait_for_charts
from test_pages import HANT, PageProblems

pytestmark = pytest.mark.browser

EXPECTED = {
    "hans": {
        "prefix": "",
        "name": "Sora概念股行情数量",
        "title": "Sora概念股行情",
        "source": "资料来源：智能Pro《中文版Sora，难倒互联网大厂》等",
        "buttons": {"png": "下载图表（PNG）", "svg": "下载图表（SVG）"},
        "copied": "已复制到剪贴板",
    },
    "hant": {
        "prefix": f"{HANT}/",
        "name": "Sora概念股行情數量",
        "title": "Sora概念股行情",
        "source": "資料來源：智能Pro《中文版Sora，難倒互聯網大廠》等",
        "buttons": {"png": "下載圖表（PNG）", "svg": "下載圖表（SVG）"},
        "copied": "已複製到剪貼簿",
    },
}


def _button(page, title: str):
    return page.locator(f".report-chart .modebar-btn[data-title='{title}']").first


@pytest.mark.parametrize("script", EXPECTED)
def test_the_tool_bar_saves_svg_and_png_named_and_labelled(context, site_server, script, tmp_path):
    expected = EXPECTED[script]
    page = context.new_page()
    problems = PageProblems(page, site_server)
    page.goto(f"{site_server}{expected['prefix']}market.html", wait_until="load")
    page.click("label[for=__palette_1]")  # a reader in the dark palette
    wait_for_charts(page)
    address = f"{site_server.split('://', 1)[1].rstrip('/')}/{expected['prefix']}".rstrip("/")
    with page.expect_download() as svg_download:
        _button(page, expected["buttons"]["svg"]).click(force=True)
    download = svg_download.value
    assert download.suggested_filename == f"{expected['name']}.svg"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    svg = saved.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    texts = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg)]
    assert expected["title"] in texts, texts
    assert any(t.startswith(expected["source"]) for t in texts), texts
    assert address in texts, (address, texts)
    # White paper, whatever the reader's palette, and the page's own chart is left as it was.
    # The paper: the first shape of the image (white text inside a bar is no paper).
    paper = re.search(r"^<svg[^>]*><rect [^>]*/>", svg)
    assert paper and "fill: rgb(255, 255, 255); fill-opacity: 1" in paper.group(0), svg[:300]
    assert page.locator(".report-chart .annotation-text", has_text=expected["source"]).count() == 0
    with page.expect_download() as png_download:
        _button(page, expected["buttons"]["png"]).click(force=True)
    png = png_download.value
    assert png.suggested_filename == f"{expected['name']}.png"
    png_path = tmp_path / png.suggested_filename
    png.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert problems.items == []


@pytest.mark.parametrize("script", EXPECTED)
def test_the_embed_snippet_is_copied_from_the_keyboard_and_opens(context, site_server, script):
    expected = EXPECTED[script]
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_server}{expected['prefix']}market.html", wait_until="load")
    share = page.locator("#chart-market .report-chart-share")
    share.locator("summary").focus()
    page.keyboard.press("Enter")
    button = share.locator(".report-chart-share__copy")
    assert button.is_visible()
    # Reachable with Tab from the box's own summary (past the snippet's text field).
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.activeElement.classList.contains('report-chart-share__copy')"
    )
    page.keyboard.press("Enter")
    status = share.locator(".report-chart-share__status")
    status.filter(has_text=expected["copied"]).wait_for()
    code = share.locator("textarea").input_value()
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    src = re.search(r'src="([^"]+)"', code).group(1)
    assert src.endswith(f"{expected['prefix']}embed/market.html")
    embed = context.new_page()
    problems = PageProblems(embed, site_server)
    response = embed.goto(src, wait_until="networkidle")
    assert response is not None and response.ok
    wait_for_charts(embed)
    # Two counts, and the hatched stretch past the one given only as a lower bound.
    assert embed.locator("g.trace.bars g.point path").count() == 3
    assert embed.locator(".report-embed__source").inner_text().startswith(expected["source"])
    assert problems.items == []
