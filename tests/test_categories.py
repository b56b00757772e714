"""Categories belong to the report: kinds and statuses beyond the defaults, declared with their
words and colours in report.yml, and labels that follow what a record is."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.editions.convert import convert_fact_base, converter_for
from generator.facts.load import load_fact_base, load_report
from generator.facts.model import FactBase, Report
from generator.facts.problems import DataError
from generator.site.charts import CHART_BLOCKS
from generator.site.charts.timeline import timeline_figure
from generator.site.context import PageContext
from generator.site.pages import page_context
from generator.site.site_files import page_sources

SMALL = Path(__file__).parent / "fixtures" / "small"
DECLARED = """\
report:
  focus: bytedance
  categories:
    event_kind:
      earnings: {word: 财报, color: '#123456'}
"""


def _data(tmp_path: Path, report: str | None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    events = data / "events.yml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("kind: personnel", "kind: earnings", 1),
        encoding="utf-8",
    )
    if report is not None:
        (data / "report.yml").write_text(report, encoding="utf-8")
    return data


def _context(base: FactBase, report: Report, lang: str) -> PageContext:
    """An edition's context as the plugin makes it: data and report.yml both converted."""
    convert = converter_for(base, "s2twp" if lang == "zh-Hant" else None, lang)
    return page_context(
        convert_fact_base(base, convert),
        convert,
        lang,
        report=convert_fact_base(report, convert),
    )


@pytest.mark.parametrize(("lang", "word"), [("zh-Hans", "财报"), ("zh-Hant", "財報")])
def test_a_declared_event_kind_loads_and_shows_its_words_and_colour(
    tmp_path: Path, lang: str, word: str
) -> None:
    data = _data(tmp_path, DECLARED)
    base = load_fact_base(data)
    report = load_report(data, base)
    ctx = _context(base, report, lang)
    pages = dict(page_sources(ctx))
    assert f'<span class="fact-tag">{word}</span>' in pages["timeline.md"]
    assert "earnings" not in pages["timeline.md"]
    figure = timeline_figure(ctx)
    legend = [trace for trace in figure.data if (trace.meta or {}).get("legend")]
    declared = [trace for trace in legend if trace.meta["kind"] == "earnings"]
    assert [(trace.name, trace.marker.color) for trace in declared] == [(word, "#123456")]
    drawn = [t for t in figure.data if (t.meta or {}).get("kind") == "earnings"]
    assert all(trace.marker.color == "#123456" for trace in drawn)
    assert f"| {word} |" in CHART_BLOCKS["timeline"](ctx)


def test_an_undeclared_kind_is_refused_naming_file_line_field_and_the_fix(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path, None)
    with pytest.raises(DataError) as raised:
        load_fact_base(data)
    (problem,) = raised.value.problems
    text = str(problem)
    assert text.startswith(
        "data/events.yml:4:11: zhang-nan-resigns › kind: 'earnings' 不是可用的事件类型"
    )
    assert "results" in text and "lawsuit" in text, "the allowed kinds are listed"
    assert "report.categories.event_kind" in text and "`earnings: {word: …}`" in text


def test_a_wrong_colour_is_refused_with_the_form_to_write(tmp_path: Path) -> None:
    data = _data(tmp_path, DECLARED.replace("'#123456'", "green"))
    base = load_fact_base(data)
    with pytest.raises(DataError) as raised:
        load_report(data, base)
    (problem,) = raised.value.problems
    assert str(problem) == (
        "data/report.yml:5:35: report › categories › event_kind › earnings › color: 'green' "
        "不是颜色：写成 '#' 加六位十六进制数字，并加引号，例如 '#00897b'。"
    )


def test_a_kind_declared_for_another_group_is_still_refused(tmp_path: Path) -> None:
    data = _data(tmp_path, DECLARED.replace("event_kind", "figure_kind"))
    with pytest.raises(DataError):
        load_fact_base(data)


def _cited(**fields: Any) -> dict[str, Any]:
    return {"cite": [{"source": "article", "paragraph": 1}], **fields}


def _base(figures: list[dict[str, Any]], products: list[dict[str, Any]]) -> FactBase:
    return FactBase.model_validate(
        {
            "sources": [
                {
                    "id": "article",
                    "title": "季度财报",
                    "outlet": "chipco",
                    "copy_read": "网页",
                    "url": "https://example.com/a",
                    "language": "zh-Hans",
                    "paragraphs": [{"n": 1, "gist": "提要"}],
                }
            ],
            "organizations": [
                _cited(
                    id="chipco",
                    name="芯片公司甲",
                    kind="chip-maker",
                    country="US",
                    about="公司",
                    attribution="reported",
                ),
                _cited(
                    id="bank",
                    name="某银行",
                    kind="broker",
                    country="US",
                    about="券商",
                    attribution="reported",
                ),
            ],
            "people": [],
            "products": products,
            "events": [],
            "market_moves": [],
            "figures": figures,
            "claims": [],
            "forecasts": [],
            "glossary": [],
        }
    )


def _figure(figure_id: str, attribution: str, who: str) -> dict[str, Any]:
    return _cited(
        id=figure_id,
        kind="money",
        label=figure_id,
        value=30,
        scale="亿",
        unit="美元",
        measures="季度营收",
        attribution=attribution,
        asserted_by=who,
    )


def _line_of(markdown: str, anchor: str) -> str:
    """The tag line under a record's heading."""
    after = markdown.split(f"{{ #{anchor} }}", 1)[1]
    return after.strip().splitlines()[0]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_a_company_reported_figure_is_not_labelled_an_estimate(lang: str) -> None:
    base = _base(
        [_figure("revenue", "official", "chipco"), _figure("forecast", "analyst", "bank")], []
    )
    pages = dict(page_sources(_context(base, Report(), lang)))
    reported, estimated = (
        _line_of(pages["compute.md"], "revenue"),
        _line_of(pages["compute.md"], "forecast"),
    )
    published, estimate = ("公布方", "估算方") if lang == "zh-Hans" else ("公布方", "數字出處")
    assert f"{published}：" in reported and "估算" not in reported
    assert f"{estimate}：" in estimated


def _product(product_id: str, kind: str, status: str = "released") -> dict[str, Any]:
    return _cited(
        id=product_id,
        name=product_id,
        kind=kind,
        focus_line=None,
        status=status,
        about="产品",
        attribution="reported",
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh-Hans", {"gpu": "已上市", "corpus": "已公开", "app": "已上线", "thing": "已推出"}),
        ("zh-Hant", {"gpu": "已上市", "corpus": "已公開", "app": "已推出", "thing": "已推出"}),
    ],
)
def test_a_released_status_reads_as_the_kind_of_product_is_released(
    lang: str, words: dict[str, str]
) -> None:
    """A chip goes on sale, a data set is made public, an app goes online (Taiwan: 推出); a kind
    that does not say reads a neutral word; a declared kind may say its own."""
    base = _base(
        [],
        [
            _product("gpu", "chip"),
            _product("corpus", "dataset"),
            _product("app", "chat-app"),
            _product("thing", "other"),
            _product("pill", "drug"),
        ],
    )
    report = Report.model_validate(
        {"categories": {"product_kind": {"drug": {"word": "药品", "released": "已获批上市"}}}}
    )
    markdown = dict(page_sources(_context(base, report, lang)))["products.md"]
    for product_id, word in words.items():
        assert f'<span class="fact-tag">{word}</span>' in _line_of(markdown, product_id), product_id
    pill = _line_of(markdown, "pill")
    if lang == "zh-Hans":  # Taiwan's press says 推出 for an app
        assert "上市时间不详" in _line_of(markdown, "gpu")
        assert "公开时间不详" in _line_of(markdown, "corpus")
        assert "上线时间不详" in _line_of(markdown, "app")
        assert "推出时间不详" in _line_of(markdown, "thing")
        assert "获批上市时间不详" in pill
    assert ("药品" if lang == "zh-Hans" else "藥品") in pill
    assert ("已获批上市" if lang == "zh-Hans" else "已獲批上市") in pill


@pytest.mark.parametrize(("lang", "word"), [("zh-Hans", "财报"), ("zh-Hant", "財報")])
def test_the_corrections_page_words_a_declared_kind(tmp_path: Path, lang: str, word: str) -> None:
    """A record whose kind changed to (or from) the report's own shows the kind's word on the
    corrections page and in the feed, as a default kind's code does."""
    from generator.site.render import changed_value

    data = _data(tmp_path, DECLARED)
    base = load_fact_base(data)
    ctx = _context(base, load_report(data, base), lang)
    assert changed_value("events[0].kind", "earnings", ctx.ui, ctx.names, ctx.declared_words) == (
        word
    )
    assert changed_value("events[0].kind", "personnel", ctx.ui, ctx.names, ctx.declared_words) == (
        "人事"
    )


def _launched(product_id: str, kind: str, launched: str | None) -> dict[str, Any]:
    fields = _product(product_id, kind)
    fields.update(focus_line=True, launched=launched)
    return fields


# The characters of the products chart's words that the Traditional edition writes otherwise.
HANT = str.maketrans("产类时间状态详开横轴线", "產類時間狀態詳開橫軸線")


def _hant(text: str, lang: str) -> str:
    return text.translate(HANT) if lang == "zh-Hant" else text


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_the_products_chart_words_a_chip_and_a_data_set_as_they_come_out(lang: str) -> None:
    """A chip goes on sale (上市) and a data set is made public (公开): the products chart's axis
    note, hover and table say so, and a line-up of several kinds says the neutral 推出; nothing
    says 上线 (goes online) of them."""
    from generator.site.charts.products import products_figure

    def words(text: str) -> str:
        return _hant(text, lang)

    base = _base(
        [],
        [
            _launched("gpu", "chip", "2024-03"),
            _launched("corpus", "dataset", "2023"),
            _launched("npu", "chip", None),
            _launched("tokens", "dataset", None),
        ],
    )
    ctx = _context(base, Report(), lang)
    block = CHART_BLOCKS["products"](ctx)
    table = block[block.index("| ") :]
    assert words("| 产品 | 类型 | 推出时间 | 状态 |") in table
    assert words("上市时间不详") in _row(table, "npu")
    assert words("公开时间不详") in _row(table, "tokens")
    figure = products_figure(ctx)
    notes = figure.layout.title.subtitle.text
    assert words("横轴：推出时间") in notes
    hovers = " ".join(text for trace in figure.data for text in trace.hovertext)
    assert words("上市：") in hovers and words("公开：") in hovers
    assert words("上线") not in block + notes + hovers

    chips = _base([], [_launched("gpu", "chip", "2024-03"), _launched("npu", "chip", None)])
    ctx = _context(chips, Report(), lang)
    table = CHART_BLOCKS["products"](ctx)
    assert words("| 产品 | 类型 | 上市时间 | 状态 |") in table
    notes = products_figure(ctx).layout.title.subtitle.text
    assert words("横轴：上市时间") in notes and words("上市时间不详") in notes


def _row(table: str, product_id: str) -> str:
    return next(line for line in table.splitlines() if f"#{product_id}" in line)


def test_declared_kinds_without_a_colour_get_different_colours_and_other_stays_last():
    from generator.facts.categories import Category, merged

    codes = merged(
        "event_kind",
        {"other": Category("别的"), "hearing": Category("听证"), "recall": Category("召回")},
    )
    assert list(codes)[-1] == "other" and codes["other"].word == "别的"
    assert codes["hearing"].color != codes["recall"].color
