"""The report chooses its pages and charts: report.yml's nav says which generated pages exist,
in what order and under what titles; a chart with nothing to draw is not drawn."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLES, copy_project, run_mkdocs, simplified_context
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from test_charts import _cited, small_base

from generator.editions.convert import ScriptConverter, converter_for
from generator.facts.load import load_report
from generator.facts.model import Report
from generator.facts.problems import DataError
from generator.glue.report_nav import fill_nav, nav_of, titled_from_report
from generator.site.chart_embed import holds_chart
from generator.site.pages import chosen_pages, page_context
from generator.site.prose_refs import check_references, expand_references
from generator.site.site_files import page_sources, report_names

EMPTY_CHART = "这份报道的数据里还没有可以画进这张图的记录。"
# The example report's nav, leaving out its people page (its report.yml retitles compute).
NAV = """\
  nav:
    - index.md
    - timeline
    - products
    - compute
    - market
    - 来源与方法: [sources, data, changes]
"""


def _report(**fields: object) -> Report:
    return Report.model_validate(fields)


def _pages(
    base_changes: dict[str, object], report: Report, convert: ScriptConverter | None = None
) -> dict[str, str]:
    """Each generated page of a small report, its references and blocks expanded."""
    base = small_base(**base_changes)
    ui = convert or ScriptConverter(None, "zh-Hans")
    ctx = page_context(base, ui, ui.lang, report=report)
    return {uri: expand_references(md, ctx, uri) for uri, md in page_sources(ctx)}


# --- which pages ---------------------------------------------------------------------------------


def test_a_page_left_out_of_the_nav_is_not_generated_and_order_follows_the_nav() -> None:
    report = _report(nav=["index.md", "products", "timeline", {"来源": ["sources", "data"]}])
    assert [page.uri for page in chosen_pages(report)] == [
        "products.md",
        "timeline.md",
        "sources.md",
        "data.md",
    ]
    assert sorted(_pages({}, report)) == ["data.md", "products.md", "sources.md", "timeline.md"]
    # Without nav, every page, as before.
    assert len(_pages({}, Report())) == len(report_names()["pages"])


def test_the_nav_takes_its_titles_from_report_yml() -> None:
    report = _report(
        pages={"compute": {"title": "电量与趟数"}},
        nav=["index.md", "compute", "timeline", {"来源与方法": ["sources", "method.md"]}],
    )
    assert nav_of(report) == [
        "index.md",
        {"电量与趟数": "compute.md"},
        {"时间线": "timeline.md"},
        {"来源与方法": [{"来源": "sources.md"}, "method.md"]},
    ]


def test_records_of_a_kind_without_a_page_are_named_without_a_link() -> None:
    report = _report(nav=["timeline", "sources"])  # no people page
    pages = _pages({}, report)
    assert "张楠调任" in pages["timeline.md"]
    assert "people.md" not in "".join(pages.values())
    ctx = simplified_context(small_base(), report=report)
    assert ctx.link("zhang") == "张楠"
    assert expand_references("见{{ zhang }}。", ctx, "index.md") == "见张楠。"
    # With the page, the same reference links to it.
    linked = simplified_context(small_base())
    assert expand_references("{{ zhang }}", linked, "index.md") == "[张楠](people.md#zhang)"


def test_references_to_records_without_a_page_pass_the_check(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("{{ zhang }}\n", encoding="utf-8")
    assert check_references(tmp_path, small_base(), _report(nav=["sources"])) == []
    # Asking for the link itself says there is none to give, and what there is.
    (tmp_path / "index.md").write_text("{{ zhang.link }}\n", encoding="utf-8")
    [problem] = check_references(tmp_path, small_base(), _report(nav=["sources"]))
    assert "link" in problem.message and "name" in problem.message


def _load(tmp_path: Path, nav: str) -> Report:
    (tmp_path / "report.yml").write_text(
        f"report:\n  focus: bytedance\n  nav:\n{nav}", encoding="utf-8"
    )
    return load_report(tmp_path, small_base(), "data", report_names())


def test_the_nav_names_pages_that_exist_and_keeps_the_sources_page(tmp_path: Path) -> None:
    with pytest.raises(DataError) as unknown:
        _load(tmp_path, "    - sources\n    - timelin\n    - changes\n")
    problem = unknown.value.problems[0]
    assert (problem.file, problem.line) == ("data/report.yml", 5)
    assert "没有叫 'timelin' 的页面" in problem.message and "timeline" in problem.message
    with pytest.raises(DataError) as left_out:
        _load(tmp_path, "    - timeline\n    - 来源: [changes]\n")
    [no_sources] = left_out.value.problems
    assert "nav 里少了 sources 页" in no_sources.message and "- sources" in no_sources.message
    with pytest.raises(DataError) as left_out:
        _load(tmp_path, "    - sources\n")
    assert "nav 里少了 changes 页" in left_out.value.problems[0].message
    nav = _load(tmp_path, "    - sources\n    - method.md\n    - changes\n").nav
    assert nav == ["sources", "method.md", "changes"]


def test_a_nav_in_both_files_is_refused_naming_the_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", EXAMPLES / "qinghe-ferry")
    config = load_config(str(project / "mkdocs.yml"))
    line = project.joinpath("mkdocs.yml").read_text(encoding="utf-8").splitlines().index("nav:") + 1
    with pytest.raises(PluginError) as twice:
        fill_nav(config, _report(nav=["sources"]), "data/report.yml")
    assert f"mkdocs.yml 第 {line} 行也有 nav" in str(twice.value)
    assert "删去 mkdocs.yml 里的 nav" in str(twice.value)


# --- charts with nothing to draw -----------------------------------------------------------------

UNDATED = _cited(id="p", name="P", kind="chat-app", focus_line=True, status="released", about="a")


@pytest.mark.parametrize(
    ("page", "changes"),
    [
        ("people.md", {"people": []}),
        ("products.md", {"products": []}),
        ("products.md", {"products": [UNDATED]}),
        ("market.md", {"market_moves": []}),
        ("timeline.md", {"events": []}),
    ],
)
def test_a_chart_with_nothing_to_draw_says_so_and_draws_nothing(
    page: str, changes: dict[str, object]
) -> None:
    full = _pages({}, Report())[page]
    assert holds_chart(full) and EMPTY_CHART not in full
    empty = _pages(changes, Report())[page]
    assert not holds_chart(empty)  # so the page loads no plotly.js
    assert EMPTY_CHART in empty
    hant = converter_for(small_base(**changes), "s2twp", "zh-Hant")
    traditional = _pages(changes, Report(), hant)[page]
    assert hant(EMPTY_CHART) in traditional and EMPTY_CHART not in traditional


def test_no_figures_no_empty_table() -> None:
    compute = _pages({"figures": [], "derived": []}, Report())["compute.md"]
    assert EMPTY_CHART in compute
    assert "| --- |" not in compute


# --- one real build -------------------------------------------------------------------------------


@pytest.mark.slow  # builds another report
def test_a_report_that_leaves_out_a_page_builds_strict(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", EXAMPLES / "qinghe-ferry")
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"\nnav:\n(  .*\n)+", "\n", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    report = project / "data" / "report.yml"
    report.write_text(report.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    # The overview's own links to the pages left out go too; its references need no change.
    index = project / "docs" / "index.md"
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    index.write_text(
        "".join(line for line in lines if "people.md" not in line and "forecasts.md" not in line),
        encoding="utf-8",
    )
    built = run_mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    site = project / "site"
    editions = (
        ("", "陈渡", ["时间线", "电量与趟数", "市场"]),
        ("zh-TW", "陳渡", ["時間軸", "電量與趟數", "市場"]),
        ("zh-HK", "陳渡", ["時間線", "電量與趟數", "市場"]),
    )
    for edition, chen, titles in editions:
        folder = site / edition
        assert not (folder / "people.html").exists()
        assert not (folder / "forecasts.html").exists()
        assert (folder / "timeline.html").exists()
        index = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        nav = index.select_one("nav.md-nav--primary")
        assert nav is not None
        shown = [link.get_text(" ", strip=True) for link in nav.select(".md-nav__link")]
        assert [title for title in shown if title in titles] == titles
        # The person and forecast the overview names are named, not linked to missing pages.
        overview = (folder / "index.html").read_text(encoding="utf-8")
        assert "people.html" not in overview and "forecasts.html" not in overview
        assert chen in overview
        market = (folder / "market.html").read_text(encoding="utf-8")
        assert "report-chart-empty" in market
        assert "report-charts.js" not in market
    assert "report-charts.js" in (site / "timeline.html").read_text(encoding="utf-8")
    shutil.rmtree(site)


def test_a_mkdocs_nav_shows_report_yml_titles_of_generated_pages(tmp_path: Path) -> None:
    """Without report.yml's nav, mkdocs.yml's nav still shows the title report.yml gives."""
    project = copy_project(tmp_path / "project", EXAMPLES / "qinghe-ferry")
    config = load_config(str(project / "mkdocs.yml"))
    docs, site = str(project / "docs"), str(tmp_path / "site")
    generated = File("compute.md", docs, site, use_directory_urls=False)
    generated.generated_by = "report"
    compute = Page("数字", generated, config)
    method = Page("方法", File("method.md", docs, site, use_directory_urls=False), config)
    section = Section("来源与方法", [method])
    titled_from_report(
        Navigation([compute, section], [compute, method]),
        _report(pages={"compute": {"title": "电量与趟数"}, "method": {"title": "不是生成页"}}),
    )
    assert (compute.title, method.title) == ("电量与趟数", "方法")


def test_a_focus_line_needs_a_focus_organization(tmp_path: Path) -> None:
    """A product marked focus_line is drawn as the focus's line: without report.focus, refused."""
    (tmp_path / "report.yml").write_text("report:\n  as_of: 2024-03\n", encoding="utf-8")
    assert any(p.focus_line for p in small_base().products)
    with pytest.raises(DataError) as raised:
        load_report(tmp_path, small_base(), "data")
    [problem] = raised.value.problems
    assert problem.field == "report" and "focus" in problem.message
