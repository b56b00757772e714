"""Chart export details, embed pages and their <iframe> snippets, as built."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from test_site import CHART_PAGES, HANT

from generator.site.chart_share import charts_in, file_name, snippet, with_chart_tools

EDITIONS = {"zh-Hans": "", "zh-Hant": f"{HANT}/"}
SOURCE_LINES = {
    "zh-Hans": "资料来源：智能Pro《中文版Sora，难倒互联网大厂》等；整理：",
    "zh-Hant": "資料來源：智能Pro《中文版Sora，難倒互聯網大廠》等；整理：",
}


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_file_names_hold_no_character_a_file_system_refuses():
    assert file_name("事件时间线") == "事件时间线"
    assert file_name('股价: A/B "比较"?') == "股价- A-B -比较"
    assert file_name("///") == "chart"


def test_the_snippet_escapes_what_it_quotes():
    code = snippet("https://x.test/embed/a.html", '标题"><script>', 100)
    assert 'title="标题&quot;&gt;&lt;script&gt;"' in code and "<script>" not in code
    assert 'height="220"' in code


def test_tools_are_added_inside_each_chart_figure():
    page = (
        '<p>x</p><figure class="report-chart-wrap" id="chart-a">\n'
        '<div class="report-chart" role="group" aria-label="图 &amp; 表" style="height:300px"'
        ' data-figure="{}"><p class="report-chart__waiting">图</p></div>\n</figure>\n<table></table>'
    )
    (chart,) = charts_in(page)
    assert (chart.chart_id, chart.label, chart.height) == ("a", "图 & 表", 300)
    words = dict.fromkeys(("embed", "embed_help", "snippet", "copy", "copied", "copy_failed"), "字")
    shown = with_chart_tools(
        page,
        embed_src=lambda c: f"https://x.test/embed/{c}.html",
        source="来源",
        site="x.test",
        words=words,
    )
    figure = BeautifulSoup(shown, "html.parser").select_one("figure")
    assert figure["data-export-name"] == "图 & 表" and figure["data-export-source"] == "来源"
    code = figure.select_one("textarea").get_text()
    assert 'src="https://x.test/embed/a.html"' in code
    # The chart's text alternative still follows the figure directly.
    assert shown.rstrip().endswith("</details></figure>\n<table></table>")


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_chart_has_an_embed_page_its_snippet_points_at(built_site, site_url, lang):
    folder = built_site / EDITIONS[lang]
    found = 0
    for name in sorted(CHART_PAGES):
        page = soup_of(folder / name)
        for figure in page.select("figure.report-chart-wrap"):
            found += 1
            chart_id = figure["id"].removeprefix("chart-")
            code = figure.select_one("textarea.report-chart-share__code").get_text()
            src = re.search(r'src="([^"]+)"', code).group(1)
            assert src == f"{site_url}{EDITIONS[lang]}embed/{chart_id}.html"
            target = built_site / urlsplit(src).path.removeprefix(urlsplit(site_url).path)
            assert target.is_file(), src
            assert figure["data-export-source"].startswith(SOURCE_LINES[lang])
            label = figure.select_one(".report-chart")["aria-label"]
            assert figure["data-export-name"] == file_name(label)
            button = figure.select_one("button.report-chart-share__copy")
            assert button is not None and button["type"] == "button"
            embed = soup_of(target)
            assert embed.html["lang"] == lang
            assert embed.select_one("h1").get_text() == label
            assert (
                embed.select_one(".report-chart")["data-figure"]
                == (figure.select_one(".report-chart")["data-figure"])
            )
            assert (
                embed.select_one(".report-embed__source").get_text().startswith(SOURCE_LINES[lang])
            )
            back = embed.select_one(".report-embed__back a")["href"]
            assert back == f"{site_url}{EDITIONS[lang]}{name}#chart-{chart_id}"
            # Found by a search engine, an embed page sends it to the chart's page, described.
            assert embed.select_one("link[rel=canonical]")["href"] == back.split("#")[0]
            assert embed.select_one("meta[name=robots]") is None
            assert embed.select_one("meta[name=description]")["content"].startswith(label)
            assert embed.find("nav") is None and embed.select(".md-header") == []
    assert found == len(CHART_PAGES)


def test_embed_pages_stay_out_of_the_sitemap_and_search(built_site):
    for prefix in EDITIONS.values():
        assert "embed/" not in (built_site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        index = (built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "embed/" not in index and "<iframe" not in index and "&lt;iframe" not in index


def test_the_snippet_loads_lazily_and_a_relative_back_link_makes_no_canonical():
    from generator.site.chart_share import canonical_link

    assert 'loading="lazy"' in snippet("https://x.test/embed/a.html", "图", 100)
    assert canonical_link("../timeline.html#chart-x") == []
    assert canonical_link("https://x.test/timeline.html#chart-x") == [
        '<link rel="canonical" href="https://x.test/timeline.html">'
    ]


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_the_embed_pages_back_link_cannot_reach_back_into_the_frame(built_site, lang):
    for embed in sorted((built_site / EDITIONS[lang] / "embed").glob("*.html")):
        back = soup_of(embed).select_one(".report-embed__back a")
        assert back["target"] == "_blank" and "noopener" in back["rel"], embed
