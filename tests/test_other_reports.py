"""Other reports, same generator: the one `generator new` starts, and the example under examples/.

Each is built once per session by the `built_report` factory in conftest.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLES, run_generator
from test_generic import forbidden_terms

from generator.facts.fields import records
from generator.facts.load import load_fact_base

EXAMPLE = "qinghe-ferry"
# The example's editions: folder under site/ (root first), <html lang>, and how it writes things.
EDITIONS = {
    "": {"lang": "zh-Hans", "battery": "2,400千瓦时", "per_trip": "600千瓦时/趟", "chen": "陈渡"},
    "zh-TW": {
        "lang": "zh-TW",
        "battery": "2,400千瓦時",
        "per_trip": "600千瓦時/趟",
        "chen": "陳渡",
    },
    "zh-HK": {
        "lang": "zh-HK",
        "battery": "2,400千瓦時",
        "per_trip": "600千瓦時/趟",
        "chen": "陳渡",
    },
}


def page(site: Path, edition: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / edition / name).read_text(encoding="utf-8"), "html.parser")


# --- generator new -----------------------------------------------------------------------------


@pytest.mark.slow  # builds another report
def test_a_new_report_passes_check_and_builds(built_report) -> None:
    project = built_report("new")
    checked = run_generator("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("数据全部通过检查"), "one Chinese line"
    home = page(project / "site", "", "index.html")
    assert "约12万名用户" in home.get_text(), "the hand-written page takes its figure from the data"
    hant = page(project / "site", "zh-Hant", "index.html").get_text()
    assert "約12萬名" in hant and "示例科技公司" in hant
    cited = page(project / "site", "", "products.html").select_one(
        "#sample-assistant ~ p a.cite-link"
    )
    assert cited is not None and "sources.html#sample-article-p2" in cited["href"]


def test_new_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("已有内容", encoding="utf-8")
    refused = run_generator("new", str(tmp_path), cwd=tmp_path)
    assert refused.returncode == 1
    assert "不是空文件夹" in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


# --- the example report -----------------------------------------------------------------------


def test_the_example_passes_check_with_its_own_schemas() -> None:
    checked = run_generator(
        "--data", str(EXAMPLES / EXAMPLE / "data"), "check", cwd=EXAMPLES / EXAMPLE
    )
    assert checked.returncode == 0, checked.stderr


def test_the_example_shares_nothing_with_the_first_report() -> None:
    folder = EXAMPLES / EXAMPLE
    texts = [p for p in folder.rglob("*") if p.is_file() and "schema" not in p.parts]
    words = "\n".join(p.read_text(encoding="utf-8") for p in texts)
    shared = sorted(term for term in forbidden_terms() if re.search(re.escape(term), words))
    assert shared == [], "the example must not reuse the first report's ids, names or date"
    sources = (folder / "data" / "sources.yml").read_text(encoding="utf-8")
    assert "为演示而虚构的示例文章" in sources, "its source says it is an invented sample"


@pytest.mark.slow  # builds the example
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_each_edition_shows_a_fact_with_its_citation(built_report, edition: str) -> None:
    site = built_report(EXAMPLE) / "site"
    words = EDITIONS[edition]
    compute = page(site, edition, "compute.html")
    assert compute.html["lang"] == words["lang"]
    heading = compute.select_one("#qinghe-one-battery")
    figure = heading.find_next("span", class_="fact-figure")
    assert figure.get_text() == words["battery"], "the figure in its own unit"
    link = heading.find_next("a", class_="cite-link")
    assert link["href"] == "sources.html#qinghe-evening-2023-09-18-p3"
    assert link.get_text() == "¶3"
    derived = compute.select_one("#energy-per-round-trip").find_next("span", class_="fact-figure")
    assert derived.get_text() == words["per_trip"], "the declared cross-check, computed"


@pytest.mark.slow  # builds the example
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_each_edition_draws_its_people_chart(built_report, edition: str) -> None:
    site = built_report(EXAMPLE) / "site"
    chart = page(site, edition, "people.html").select_one("#chart-people .report-chart")
    figure = json.loads(chart["data-figure"])
    ids = {i for trace in figure["data"] for i in trace.get("customdata", [])}
    assert {"chen-du-port-head", "chen-du-transport-deputy", "chen-du-to-port"} <= ids
    assert EDITIONS[edition]["chen"] in json.dumps(figure, ensure_ascii=False)
    # The role still held runs to the report's as-of day (report.yml), not to any other date.
    # Drawn in stretches: uncertain over the quarter it started in, then surely held.
    parts = sorted(
        (trace["base"][i], trace["x"][i], trace["meta"]["part"])
        for trace in figure["data"]
        for i, record_id in enumerate(trace.get("customdata", []))
        if record_id == "chen-du-port-head"
    )
    assert parts[0][0] == "2022-10-01", "a quarter starts on its first day"
    assert [part for _, _, part in parts] == ["uncertain", "held"]
    days = (date(2023, 9, 18) - date(2022, 10, 1)).days + 1
    assert sum(length for _, length, _ in parts) == days * 24 * 3600 * 1000


@pytest.mark.slow  # builds the example
def test_taiwan_and_hong_kong_keep_their_own_words(built_report) -> None:
    site = built_report(EXAMPLE) / "site"
    taiwan = page(site, "zh-TW", "index.html").get_text()
    hong_kong = page(site, "zh-HK", "index.html").get_text()
    assert "這份報導" in taiwan and "這份報道" in hong_kong, "the vocabulary table is per edition"


@pytest.mark.slow  # builds the example
def test_the_example_never_mentions_the_first_report(built_report) -> None:
    site = built_report(EXAMPLE) / "site"
    text = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "字节跳动" not in text and "bytedance" not in text.lower()


# --- the example from a real article (a court case) --------------------------------------------

COURT_CASE = "mihoyo-leak-case"
# Its two editions: folder under site/, <html lang>, and how each writes the court and the sums.
COURT_EDITIONS = {
    "": {"lang": "zh-Hans", "court": "上海市徐汇区人民法院", "sum": "约6万元", "kind": "游戏角色"},
    "zh-Hant": {
        "lang": "zh-Hant",
        "court": "上海市徐匯區人民法院",
        "sum": "約6萬元",
        "kind": "遊戲角色",
    },
}


def test_the_court_case_example_keeps_only_fingerprints_and_short_quotes() -> None:
    folder = EXAMPLES / COURT_CASE
    assert not [p.name for p in folder.rglob("*.txt")], "the article's text is never committed"
    prints = sorted(p.name for p in (folder / "data" / "fingerprints").iterdir())
    assert prints == ["fyun-mihoyo-2023-04-28.yml"]
    # Every quote as the loader reads it, however the YAML writes it.
    base = load_fact_base(folder / "data", grounding=False)
    quotes = [c.quote for _, r in records(base) for c in getattr(r, "cite", None) or [] if c.quote]
    assert len(quotes) >= 12
    assert [q for q in quotes if len(re.findall(r"[\u4e00-\u9fff]", q)) > 15] == []
    sources = (folder / "data" / "sources.yml").read_text(encoding="utf-8")
    assert "url: https://td.fyun.cc/detail/" in sources and "published: '2023-04-28'" in sources


@pytest.mark.slow  # runs check and conversions --strict on the example
def test_the_court_case_example_passes_check_and_strict_conversions() -> None:
    folder = EXAMPLES / COURT_CASE
    checked = run_generator("check", cwd=folder)
    assert checked.returncode == 0, checked.stderr
    assert (
        "机构 4" in checked.stdout and "数字 4" in checked.stdout and "推算值 1" in checked.stdout
    )
    reviewed = run_generator("conversions", "--strict", cwd=folder)
    assert reviewed.returncode == 0, reviewed.stdout + reviewed.stderr


@pytest.mark.slow  # builds the example
@pytest.mark.parametrize("edition", list(COURT_EDITIONS))
def test_the_court_case_shows_its_ruling_in_each_edition(built_report, edition: str) -> None:
    site = built_report(COURT_CASE) / "site"
    words = COURT_EDITIONS[edition]
    compute = page(site, edition, "compute.html")
    assert compute.html["lang"] == words["lang"]
    figure = compute.select_one("#ji-damages").find_next("span", class_="fact-figure")
    assert figure.get_text() in ("2.5万元", "2.5萬元"), "value, scale and unit as written"
    link = compute.select_one("#ji-damages").find_next("a", class_="cite-link")
    # A source with an address: the link opens the article at the quoted words.
    assert link["href"].startswith("https://td.fyun.cc/detail/") and "#:~:text=" in link["href"]
    assert link.get_text() == "¶7"
    text = compute.get_text()
    assert words["sum"] in text and "萬萬" not in text and "万万" not in text
    timeline = page(site, edition, "timeline.html").get_text()
    assert words["court"] in timeline and "2023年4月24日" in timeline
    assert "没有写年份" in timeline or "沒有寫年份" in timeline, "the inferred year says why"
    products = page(site, edition, "products.html").get_text()
    assert words["kind"] in products, "a kind the report declares, in the edition's script"
    home = page(site, edition, "index.html")
    assert "米哈游诉泄露角色案" in home.title.get_text() or "米哈遊訴洩露角色案" in (
        home.title.get_text()
    )
    # report.yml's nav leaves out the pages its data does not fill.
    assert not (site / edition / "people.html").exists()
    assert not (site / edition / "market.html").exists()
    assert (site / edition / "analysis.html").exists()
