"""The report's Plotly figures: marks match the data, dates span their bounds, scripts, safe embedding."""

from __future__ import annotations

import functools
import html
import itertools
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
from bs4 import BeautifulSoup

from generator.editions.convert import convert_fact_base, converter_for
from generator.facts.dates import Precision, parse_date
from generator.facts.model import FactBase
from generator.site import chain_block, charts
from generator.site.chain_block import compute_block
from generator.site.chart_embed import chart_html, figure_json
from generator.site.charts.layout import date_ticks
from generator.site.charts.spans import point_of, role_words
from generator.site.compute_chain import EditorNote, editor_notes
from generator.site.context import PageContext
from generator.site.derive import derive
from generator.site.line_breaks import lines_of, words_of
from generator.site.pages import page_context

ROOT = Path(__file__).parent.parent
CITE = [{"source": "article", "paragraph": 1}]
XSS_SCRIPT = "</script><script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'


def _cited(**fields: Any) -> dict[str, Any]:
    return {"cite": CITE, "attribution": "reported", **fields}


def small_base(**overrides: Any) -> FactBase:
    """A small but complete fact base covering every kind of date the charts draw."""
    data: dict[str, Any] = {
        "sources": [
            {
                "id": "article",
                "title": "文章",
                "outlet": "outlet",
                "published": "2024-02-25",
                "copy_read": "网页",
                "language": "zh-Hans",
                "paragraphs": [{"n": 1, "gist": "提要"}],
            }
        ],
        "organizations": [
            _cited(
                id="outlet", name="媒体", kind="media-outlet", country="CN", about="发布文章的媒体"
            ),
            _cited(
                id="bytedance", name="字节跳动", kind="tech-company", country="CN", about="公司"
            ),
        ],
        "people": [
            _cited(
                id="zhang",
                name="张楠",
                about="高管",
                roles=[
                    _cited(id="zhang-ceo", org="bytedance", title="集团CEO", end="2024-02-09"),
                    _cited(
                        id="zhang-head", org="bytedance", title="剪映负责人", start="2024-02-09"
                    ),
                ],
                moves=[
                    _cited(
                        id="zhang-move",
                        date="2024-02-09",
                        from_role="zhang-ceo",
                        to_role="zhang-head",
                        summary="调任",
                    )
                ],
            ),
            _cited(id="liang", name="梁汝波", about="CEO"),
        ],
        "products": [
            _cited(
                id="doubao",
                name="豆包",
                kind="chat-app",
                focus_line=True,
                launched="2023-41",
                status="released",
                about="对话应用",
            ),
            _cited(
                id="boximator",
                name="Boximator",
                kind="video-model",
                focus_line=True,
                status="in-development",
                about="视频模型",
            ),
            _cited(
                id="sora",
                name="Sora",
                kind="video-model",
                focus_line=False,
                launched="2024-02-15",
                status="announced",
                about="对手",
            ),
        ],
        "events": [
            _cited(id="e-day", date="2024-02-09", kind="personnel", title="张楠调任", summary="s"),
            _cited(id="e-half", date="2023-41", kind="product", title="上线产品", summary="s"),
            _cited(id="e-range", date="2018/2021", kind="research", title="起步", summary="s"),
            _cited(
                id="e-open", date="../2024-02-25", kind="strategy", title="组建团队", summary="s"
            ),
            _cited(id="e-month", date="2023-11", kind="statement", title="表态", summary="s"),
        ],
        "market_moves": [
            _cited(
                id="rally",
                date="2024-02-20",
                theme="Sora概念股",
                markets=["outlet"],
                summary="上涨",
                counts=[
                    _cited(id="up", measure="上涨个股数量", comparator=">", value=60, unit="只"),
                    _cited(
                        id="up40",
                        measure="涨幅40%以上的数量",
                        comparator="=",
                        value=5,
                        unit="家",
                        threshold={"comparator": ">=", "value": 40, "unit": "%"},
                    ),
                ],
            )
        ],
        "figures": [
            _cited(
                id="youtube-yearly-new-video",
                kind="data",
                label="一年新增视频时长",
                value=157.68,
                scale="亿",
                unit="秒",
                comparator="~",
                measures="时长",
            ),
            _cited(
                id="sora-scale-training-gpus",
                kind="compute",
                label="GPU数量",
                value=156.98,
                scale="万",
                unit="张",
                measures="GPU",
            ),
            _cited(
                id="sora-scale-training-time",
                kind="time",
                label="训练时间",
                value=1,
                scale="",
                unit="个月",
                measures="时间",
            ),
            _cited(
                id="wait",
                kind="time",
                label="等待时间",
                value=2,
                value_max=3,
                scale="",
                unit="个月",
                measures="时间",
            ),
        ],
        "derived": [
            {
                "id": "video-per-second",
                "label": "每秒新增视频时长",
                "inputs": ["youtube-yearly-new-video"],
                "formula": "youtube-yearly-new-video ÷ (365 × 24 × 3600)秒",
                "unit": "秒/秒",
                "reading": "按秒读",
            },
            {
                "id": "gpu-hours",
                "label": "GPU时数",
                "inputs": ["sora-scale-training-gpus", "sora-scale-training-time"],
                "formula": "sora-scale-training-gpus × sora-scale-training-time × 720小时/月",
                "unit": "GPU时",
                "reading": "按每月30天计算",
            },
        ],
        "claims": [],
        "forecasts": [],
        "glossary": [],
    }
    data.update(overrides)
    return FactBase.model_validate(data)


def context(base: FactBase, lang: str = "zh-Hans") -> PageContext:
    """The edition's context: converted model and UI converter, as the plugin builds it."""
    convert = converter_for(base, "s2twp" if lang == "zh-Hant" else None, lang)
    return page_context(convert_fact_base(base, convert), convert, lang)


@functools.cache
def real_base() -> FactBase:
    """The report's data, loaded once: tests read it, never change it."""
    from generator.facts.load import load_fact_base

    return load_fact_base(ROOT / "data")


@functools.cache
def real_context(lang: str = "zh-Hans") -> PageContext:
    """The edition's context over the report's data, made once per edition."""
    return context(real_base(), lang)


@pytest.fixture(params=["small", "real"])
def base(request: pytest.FixtureRequest) -> FactBase:
    return small_base() if request.param == "small" else real_base()


def as_dict(figure: go.Figure) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(figure_json(figure))
    return result


def marks(figure: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each drawn mark by its record id: the trace it belongs to and its index there."""
    found: dict[str, dict[str, Any]] = {}
    for trace in figure["data"]:
        for index, record_id in enumerate(trace.get("customdata") or []):
            meta = trace.get("meta", {})
            if ("part" in meta or meta.get("move") == "range") and record_id in found:
                # A role drawn in stretches (held, uncertain; see people_parts), or a range
                # framed on each role's row.
                continue
            assert record_id not in found, f"{record_id} drawn twice"
            found[record_id] = {"trace": trace, "i": index}
    return found


def bar_bounds(trace: dict[str, Any], index: int) -> tuple[datetime, datetime]:
    start = datetime.fromisoformat(trace["base"][index])
    return start, start + timedelta(milliseconds=trace["x"][index])


def simplified_only(text: str) -> set[str]:
    """Characters of `text` that OpenCC writes differently in Traditional."""
    convert = converter_for(small_base(), "s2twp", "zh-Hant")
    return {char for char in text if convert.plain(char) != char}


# --- timeline -------------------------------------------------------------------------------


def test_timeline_has_one_mark_per_event_spanning_its_bounds(base: FactBase) -> None:
    figure = as_dict(charts.timeline_figure(context(base)))
    drawn = marks(figure)
    assert set(drawn) == {event.id for event in base.events}
    assert figure["layout"]["xaxis"]["type"] == "date"
    # The whole span: the overview axis when the view opens on a busy month, else the main axis.
    whole = figure["layout"].get("xaxis2") or figure["layout"]["xaxis"]
    axis_start = datetime.fromisoformat(whole["range"][0])
    for event in base.events:
        first_day = parse_date(event.date).earliest or parse_date(event.date).latest
        assert first_day is not None
        assert datetime.combine(first_day, datetime.min.time()) >= axis_start, (
            "every mark is in view"
        )
        parsed = parse_date(event.date)
        trace, index = drawn[event.id]["trace"], drawn[event.id]["i"]
        assert trace["meta"]["kind"] == event.kind
        if parsed.precision is Precision.DAY:
            assert trace["type"] == "scatter"
            assert trace["x"][index].startswith(event.date)
            continue
        if parsed.earliest is None:
            assert parsed.latest is not None
            assert trace["meta"]["style"] == "open"
            assert trace["type"] == "scatter" and trace["marker"]["symbol"] == "triangle-left"
            assert trace["x"][index].startswith(parsed.latest.isoformat()), (
                "drawn at the cut-off day"
            )
            continue
        assert trace["type"] == "bar" and trace["orientation"] == "h"
        start, end = bar_bounds(trace, index)
        assert parsed.latest is not None
        assert end == datetime.combine(parsed.latest + timedelta(days=1), datetime.min.time())
        assert trace["meta"]["style"] == "span"
        assert start == datetime.combine(parsed.earliest, datetime.min.time())


def test_timeline_opens_on_the_busiest_month_with_every_year_below() -> None:
    figure = as_dict(charts.timeline_figure(real_context()))
    main, overview = figure["layout"]["xaxis"], figure["layout"]["xaxis2"]
    first, last = (date.fromisoformat(day) for day in main["range"])
    assert (last - first).days <= 40, "the view opens on one month"
    assert date.fromisoformat(overview["range"][0]) < first - timedelta(days=365)
    opened = [
        e for e in real_base().events if first <= (parse_date(e.date).latest or first) <= last
    ]
    assert len(opened) >= len(real_base().events) / 2, "the opened month is the busy one"
    (shade,) = figure["layout"]["shapes"]
    assert (shade["x0"], shade["x1"]) == tuple(main["range"])
    overview_points = sum(len(t["x"]) for t in figure["data"] if t.get("meta", {}).get("overview"))
    assert overview_points == len(real_base().events)


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_timeline_shows_every_full_title_and_dates_rows_outside_the_view(lang: str) -> None:
    ctx = real_context(lang)
    figure = as_dict(charts.timeline_figure(ctx))
    texts = [html.unescape(a["text"]) for a in figure["layout"]["annotations"]]
    first, last = (date.fromisoformat(day) for day in figure["layout"]["xaxis"]["range"])
    for event in ctx.base.events:
        (text,) = [t for t in texts if t.startswith(event.title)]
        parsed = parse_date(event.date)
        outside = (parsed.latest or last) < first or (parsed.earliest or first) > last
        assert ("（" in text.removeprefix(event.title)) == outside, text
    assert not any("…" in t for t in texts)


def test_timeline_colours_by_kind_and_hover_has_date_words() -> None:
    figure = as_dict(charts.timeline_figure(context(small_base())))
    kinds = [t for t in figure["data"] if "kind" in t.get("meta", {})]
    colours = {t["meta"]["kind"]: t["marker"]["color"] for t in kinds}
    assert len(set(colours.values())) == len(colours)
    assert all(t["marker"]["color"] == colours[t["meta"]["kind"]] for t in kinds)
    hovers = [h for t in figure["data"] for h in t.get("hovertext") or []]
    assert any("2023年下半年" in h and "精确到半年" in h for h in hovers)
    assert any("不晚于2024年2月25日" in h for h in hovers)


def test_timeline_legend_is_colour_only_and_near_the_top() -> None:
    """The legend shows each category as a colour square (no ◀ or ◆ that could be read as
    precision), placed above the rows; the notes say shapes are the date's precision."""
    figure = as_dict(charts.timeline_figure(real_context()))
    shown = [t for t in figure["data"] if t.get("showlegend") is not False]
    assert {t["meta"]["kind"] for t in shown} == {e.kind for e in real_base().events}
    assert all(t["marker"]["symbol"] == "square" and t["x"] == [None] for t in shown), (
        "colour squares, no mark"
    )
    assert figure["layout"]["legend"]["y"] > 0.8 and figure["layout"]["legend"]["yanchor"] == "top"
    assert "形状只表示日期精确程度" in figure["layout"]["title"]["subtitle"]["text"]


def test_timeline_has_dates_above_and_below_with_the_same_explicit_ticks() -> None:
    layout = as_dict(charts.timeline_figure(real_context()))["layout"]
    main, top = layout["xaxis"], layout["xaxis3"]
    assert top["side"] == "top" and top["overlaying"] == "x" and top["matches"] == "x"
    assert main["tickmode"] == "array" and main["ticktext"][0].endswith("日")
    assert (top["tickvals"], top["ticktext"]) == (main["tickvals"], main["ticktext"])
    years = layout["xaxis2"]["ticktext"]
    assert len(years) == len(set(years)), "each year once on the overview"


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_every_timeline_row_outside_the_view_has_an_edge_note(lang: str) -> None:
    """A row whose event lies before (after) the opened month is not blank: "← 2023年" at the
    view's left edge (or "… →" at its right), in the edition's script."""
    # The report has no event after its busiest month: one is added, for the right edge.
    later = real_base().events[0].model_copy(update={"id": "later", "date": "2024-06"})
    ctx = context(real_base().model_copy(update={"events": [*real_base().events, later]}), lang)
    figure = as_dict(charts.timeline_figure(ctx))
    first, last = (date.fromisoformat(day) for day in figure["layout"]["xaxis"]["range"])
    edges = {a["y"]: a for a in figure["layout"]["annotations"] if a.get("name") == "edge"}
    for row, event in enumerate(charts.timeline.events_in_order(ctx)):
        parsed = parse_date(event.date)
        before = (parsed.latest or last) < first
        after = (parsed.earliest or first) > last
        assert (row in edges) == (before or after), event.id
        if before:
            note = edges[row]
            assert note["text"].startswith("← ") and note["x"] == first.isoformat()
            assert note["text"].endswith("年") or note["text"].endswith("月")
        if after:
            note = edges[row]
            assert note["text"] == "6月 →" and note["x"] == last.isoformat(), note
    assert edges, "the real report has events before its busiest month"


# --- people, products, market ---------------------------------------------------------------


def test_people_roles_and_moves() -> None:
    figure = as_dict(charts.people_figure(context(small_base())))
    drawn = marks(figure)
    assert {"zhang-ceo", "zhang-head", "zhang-move"} <= set(drawn)
    assert "liang" not in json.dumps(figure), "people without a dated role or move are left out"
    start, end = bar_bounds(drawn["zhang-head"]["trace"], drawn["zhang-head"]["i"])
    assert start.date() == date(2024, 2, 9)
    as_of = context(small_base()).as_of
    assert end.date() == as_of + timedelta(days=1), "open end runs to the article"
    move = drawn["zhang-move"]
    assert "集团CEO → 剪映负责人" in move["trace"]["hovertext"][move["i"]]


def people_parts(figure: dict[str, Any], role_id: str) -> list[tuple[date, date, str]]:
    """A role's drawn stretches: first day, day after the last, and "held" or "uncertain"."""
    found = []
    for trace in figure["data"]:
        for index, record_id in enumerate(trace.get("customdata") or []):
            if record_id == role_id:
                start, end = bar_bounds(trace, index)
                found.append((start.date(), end.date(), trace["meta"]["part"]))
    return sorted(found)


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_people_a_range_is_drawn_as_a_range_never_as_a_day(lang: str) -> None:
    """张楠's move is known only as 2/9–2/25: a box over every day of it, no point inside it;
    her new role is uncertain over that range and surely held only from its last day."""
    ctx = real_context(lang)
    figure = as_dict(charts.people_figure(ctx))
    drawn = marks(figure)
    move = drawn["zhang-nan-to-jianying"]
    assert move["trace"]["type"] == "bar" and move["trace"]["meta"] == {"move": "range"}
    assert bar_bounds(move["trace"], move["i"]) == (datetime(2024, 2, 9), datetime(2024, 2, 26))
    # Framed on both of her rows (the role she left and the one she took), each box on its bar.
    framed = [
        y
        for y, record_id in zip(move["trace"]["y"], move["trace"]["customdata"], strict=True)
        if record_id == "zhang-nan-to-jianying"
    ]
    rows = {
        record_id: y
        for trace in figure["data"]
        if "part" in trace.get("meta", {})
        for y, record_id in zip(trace["y"], trace["customdata"], strict=True)
    }
    assert framed == [rows["zhang-nan-douyin-group-ceo"], rows["zhang-nan-jianying-head"]]
    points = [
        datetime.fromisoformat(x)
        for t in figure["data"]
        if t["type"] == "scatter"
        for x in t["x"]
        if x
    ]
    assert not [p for p in points if datetime(2024, 2, 9) <= p < datetime(2024, 2, 25)]
    assert people_parts(figure, "zhang-nan-jianying-head") == [
        (date(2024, 2, 9), date(2024, 2, 25), "uncertain"),
        (date(2024, 2, 25), date(2024, 2, 26), "held"),
    ]
    # "No later than" is a ◀ at its cut-off day, not a diamond.
    qi = drawn["qi-junyuan-to-ai"]
    assert qi["trace"]["marker"]["symbol"] == "triangle-left"
    assert qi["trace"]["x"][qi["i"]].startswith("2024-02-25")


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_people_each_role_row_is_titled_with_person_and_role(lang: str) -> None:
    ctx = real_context(lang)
    figure = as_dict(charts.people_figure(ctx))
    titles = [html.unescape(a["text"]) for a in figure["layout"]["annotations"]]
    people = [p for p in ctx.base.people if p.moves or any(r.start or r.end for r in p.roles)]
    expected = [f"{p.name} · {r.title}" for p in people for r in p.roles]
    assert titles == expected
    assert len(set(titles)) == len(titles), "no two rows look alike"
    legend = {html.unescape(t["name"]) for t in figure["data"] if t.get("showlegend") is not False}
    assert ctx.ui("确知在任") in legend and ctx.ui("变动（只知道在框内某日）") in legend


def test_role_parts_are_solid_only_where_surely_held() -> None:
    from generator.site.charts.spans import RolePart, role_parts

    as_of, edge = date(2024, 2, 25), date(2023, 12, 1)
    assert role_parts("2024-02-09", None, as_of, edge) == [
        RolePart(date(2024, 2, 9), as_of, held=True)
    ]
    assert role_parts(None, "2024-02-09/2024-02-25", as_of, edge) == [
        RolePart(edge, as_of, held=False)
    ]
    assert role_parts("2024-01", "2024-02-09/2024-02-20", as_of, edge) == [
        RolePart(date(2024, 1, 1), date(2024, 1, 30), held=False),
        RolePart(date(2024, 1, 31), date(2024, 2, 9), held=True),
        RolePart(date(2024, 2, 10), date(2024, 2, 20), held=False),
    ]


def test_products_only_bytedance_lineup_and_undated_note() -> None:
    figure = as_dict(charts.products_figure(context(small_base())))
    assert set(marks(figure)) == {"doubao"}
    start, end = bar_bounds(marks(figure)["doubao"]["trace"], 0)
    assert (start.date(), end.date()) == (date(2023, 7, 1), date(2024, 1, 1))
    assert "已上线" in marks(figure)["doubao"]["trace"]["hovertext"][0]
    subtitle = figure["layout"]["title"]["subtitle"]["text"]
    assert "上线时间不详" in subtitle and "Boximator" in subtitle and "研发中" in subtitle


def test_market_counts_with_comparators_and_series() -> None:
    base = small_base()
    figure = as_dict(charts.market_figure(context(base)))
    bars, beyond = figure["data"]
    assert bars["x"] == [60, 5]
    assert bars["text"][0] == "超过60只"
    assert "≥40%" in html.unescape(bars["text"][1])
    # "More than 60" goes on past 60: a hatched stretch labelled 60+, never a bar ending at 60.
    assert beyond["meta"] == {"beyond": True} and beyond["base"] == [60] and beyond["x"][0] > 0
    assert beyond["y"] == [bars["y"][0]] and bars["text"][0].startswith("超过")
    axis = figure["layout"]["xaxis"]
    assert axis["range"][1] > 60 + beyond["x"][0] and axis["ticktext"] == ["0", "20", "40", "60"]
    assert beyond["marker"]["pattern"]["shape"] == "/"
    assert "下限" in figure["layout"]["title"]["subtitle"]["text"]
    series = {
        "id": "stock-a",
        "code": "300001.SZ",
        "name": "某股份",
        "market": "outlet",
        "points": [
            {"date": "2024-02-19", "value": 10.0, "unit": "元"},
            {"date": "2024-02-20", "value": 12.5, "unit": "元"},
        ],
        **_cited(),
    }
    moves = [base.market_moves[0].model_dump() | {"series": [series]}]
    with_series = as_dict(charts.market_figure(context(small_base(market_moves=moves))))
    lines = [t for t in with_series["data"] if t["type"] == "scatter"]
    assert len(lines) == 1 and lines[0]["y"] == [10.0, 12.5]
    assert lines[0]["xaxis"] == "x2" and with_series["layout"]["xaxis2"]["type"] == "date"
    assert "某股份" in charts.market_block(context(small_base(market_moves=moves)))


@pytest.mark.parametrize(
    ("label", "whole"),
    [
        ("当日A股、港股Sora概念股板块中股价上涨的个股数量", "概念股"),
        ("當日A股、港股Sora概念股族群中股價上漲的個股數量", "概念股"),
        ("其中股价涨幅在40%以上的企业数量", "企业"),
        ("其中股價漲幅在40%以上的企業數量", "企業"),
    ],
)
def test_label_lines_break_between_words_never_inside_one(label: str, whole: str) -> None:
    lines = lines_of(label, 12)
    assert "".join(lines) == label and len(lines) > 1
    assert any(whole in line for line in lines), lines
    assert all(len(line) <= 14 for line in lines), lines
    # Punctuation ends the line before it, never starts one.
    assert not any(line[0] in "、，。；：" for line in lines[1:]), lines


def test_market_tick_labels_keep_words_whole() -> None:
    # The report's own labels: the small base's are too short to wrap at all.
    figure = as_dict(charts.market_figure(real_context()))
    ticks = [html.unescape(str(t)) for t in figure["layout"]["yaxis"]["ticktext"]]
    assert any("<br>" in tick for tick in ticks), ticks
    for tick in ticks:
        pieces = tick.split("<br>")
        assert all(len(piece) <= 14 for piece in pieces), pieces
        # Every line break falls between two words of the label.
        ends = set(itertools.accumulate(len(word) for word in words_of("".join(pieces))))
        assert set(itertools.accumulate(len(piece) for piece in pieces)) <= ends, pieces


# --- compute --------------------------------------------------------------------------------


def chain(base: FactBase, lang: str = "zh-Hans") -> BeautifulSoup:
    return BeautifulSoup(compute_block(context(base, lang)), "html.parser")


def test_compute_is_a_chain_each_derived_value_after_its_inputs(base: FactBase) -> None:
    soup = chain(base)
    order = [li["id"].removeprefix("chain-") for li in soup.select("li.report-chain__step")]
    derived = derive(base)
    assert len(derived) == len(base.derived), "every declared cross-check is computed"
    figures = {f.id: f for f in base.figures}
    for item in derived:
        step = soup.select_one(f"#chain-{item.id}")
        assert "report-chain__step--derived" in step["class"]
        assert "本站推算" in step.get_text() and "公式" in step.get_text()
        for source in item.inputs:
            assert order.index(source) < order.index(item.id), "inputs come first"
    for record_id in order:
        if record_id in figures:
            fig = figures[record_id]
            step = soup.select_one(f"#chain-{record_id}")
            assert f"report-chain__step--{fig.attribution}" in step["class"]
            assert f"第{fig.cite[0].paragraph}段" in step.get_text()
            assert step.select_one(f".cite--{fig.attribution}") is not None


def test_compute_chain_step_labels_say_who_and_keep_the_written_value() -> None:
    text = chain(real_base()).get_text()
    assert "约157.68亿秒" in text and "156.98万张" in text
    assert "分析师研报 · 国信证券" in text
    assert "依据①" in text
    hant = chain(real_base(), "zh-Hant").get_text()
    assert not simplified_only(text) & set(hant)


def test_a_chain_step_shows_its_editors_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    note = EditorNote("单位可能有误", ("500 × 60 × 525,600 = 157.68亿",))
    notes = {"youtube-yearly-new-video": [note]}
    monkeypatch.setattr(chain_block, "editor_notes", lambda base: lambda i: notes.get(i, ()))
    soup = chain(small_base())
    step = soup.select_one("#chain-youtube-yearly-new-video")
    shown = step.select_one(".report-chain__note").get_text()
    assert "编者注·背景：单位可能有误" in shown and "525,600" in shown
    (derived,) = [
        li for li in soup.select("li.report-chain__step--derived") if "每秒" in li.get_text()
    ]
    assert "所依据的数字有编者注，见上方①" in derived.get_text()


def test_hostile_figure_text_stays_text_in_the_chain() -> None:
    for lang in ("zh-Hans", "zh-Hant"):
        out = compute_block(context(hostile_base(), lang))
        soup = BeautifulSoup(out, "html.parser")
        assert not soup.find_all(["script", "img"])
        assert "<script" not in out and "<img" not in out


def test_editor_notes_are_found_by_the_records_they_are_about() -> None:
    base = real_base()
    lookup = editor_notes(base)
    for note in base.notes:
        for record_id in note.about:
            assert EditorNote(note.title, tuple(note.arithmetic), note.kind) in lookup(record_id)
    assert list(lookup("no-such-record")) == []


def test_the_real_chain_shows_the_note_on_the_yearly_video_figure() -> None:
    base = real_base()
    about = {record_id for note in base.notes for record_id in note.about}
    soup = chain(base)
    for step in soup.select("li.report-chain__step"):
        record_id = step["id"].removeprefix("chain-")
        assert (step.select_one(".report-chain__note") is not None) == (
            record_id in about or "所依据的数字有编者注" in step.get_text()
        ), record_id
    hant = chain(base, "zh-Hant").get_text()
    assert "編者註" in hant or "編者注" in hant


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_a_pointer_to_an_editors_note_points_up_to_where_it_is(lang: str) -> None:
    """Notes sit under the figure they are about, which comes before every step built on it:
    a later step sends the reader up to that number, never "below"."""
    soup = chain(real_base(), lang)
    steps = soup.select("li.report-chain__step")
    noted = [i for i, step in enumerate(steps) if step.select_one(".report-chain__note strong")]
    pointers = [
        i
        for i, step in enumerate(steps)
        if "見上方" in step.get_text() or "见上方" in step.get_text()
    ]
    assert noted and pointers
    assert all(any(n < p for n in noted) for p in pointers)
    assert not any("下方" in step.get_text() and "编者注" in step.get_text() for step in steps)
    assert not any("下方" in step.get_text() and "編者" in step.get_text() for step in steps)


# --- layout, scripts, stability -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(charts.CHART_BLOCKS))
def test_layout_fits_phones_and_has_cjk_fonts(name: str) -> None:
    # Every edition's charts in its own script's face: Taiwan's and Hong Kong's included.
    faces = {"zh-Hans": "SC", "zh-Hant": "TC", "zh-TW": "TC", "zh-HK": "HK"}
    for lang, face in faces.items():
        figure = as_dict(getattr(charts, f"{name}_figure")(context(small_base(), lang)))
        layout = figure["layout"]
        assert "width" not in layout and layout["autosize"] is True
        assert layout["separators"] == ".,"
        assert layout["font"]["family"].startswith(f'"Noto Sans CJK {face}"'), lang
        assert layout["margin"]["l"] + layout["margin"]["r"] <= 40


def test_json_is_stable() -> None:
    first = [block(context(small_base())) for block in charts.CHART_BLOCKS.values()]
    second = [block(context(small_base())) for block in charts.CHART_BLOCKS.values()]
    assert first == second
    figure = as_dict(charts.timeline_figure(context(small_base())))
    assert "uid" not in json.dumps(figure)


# --- safe embedding -------------------------------------------------------------------------


def hostile_base() -> FactBase:
    base = small_base()
    events = [e.model_dump() for e in base.events]
    events[0]["title"] = XSS_SCRIPT
    events[1]["title"] = XSS_ATTR
    products = [p.model_dump() for p in base.products]
    products[0]["name"] = XSS_ATTR
    products[1]["name"] = XSS_SCRIPT
    figures = [f.model_dump() for f in base.figures]
    figures[0]["unit"] = XSS_SCRIPT
    people = [p.model_dump() for p in base.people]
    people[0]["name"] = XSS_SCRIPT
    people[0]["roles"][0]["title"] = XSS_ATTR
    moves = [m.model_dump() for m in base.market_moves]
    moves[0]["theme"] = XSS_SCRIPT
    moves[0]["counts"][0]["measure"] = XSS_ATTR
    return small_base(
        events=events, products=products, figures=figures, people=people, market_moves=moves
    )


def test_label_with_markup_stays_inert() -> None:
    figure = go.Figure(go.Bar(x=[1], y=[XSS_SCRIPT], name=XSS_ATTR))
    out = chart_html("x", figure, XSS_SCRIPT + XSS_ATTR, "alt")
    soup = BeautifulSoup(out, "html.parser")
    assert not soup.find_all(["script", "img"])
    (chart,) = soup.select(".report-chart")
    assert chart["aria-label"] == XSS_SCRIPT + XSS_ATTR
    assert chart["role"] == "group"  # "img" may hold no focusable parts; plotly adds some
    assert json.loads(str(chart["data-figure"]))["data"][0]["name"] == XSS_ATTR
    assert "<script" not in out and "<img" not in out


@pytest.mark.parametrize("name", sorted(charts.CHART_BLOCKS))
def test_hostile_data_stays_inert(name: str) -> None:
    for lang in ("zh-Hans", "zh-Hant"):
        out = charts.CHART_BLOCKS[name](context(hostile_base(), lang))
        soup = BeautifulSoup(out, "html.parser")
        assert not soup.find_all(["script", "img"])
        assert "<script" not in out and "<img" not in out
        for tag in soup.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], tag.name
        figure = json.loads(str(soup.select_one(".report-chart")["data-figure"]))
        # In the figure, data text is HTML-escaped: plotly.js shows it, never parses it as a tag.
        assert "<script" not in json.dumps(figure) and "<img" not in json.dumps(figure)


def test_hostile_text_is_shown_as_written() -> None:
    figure = as_dict(charts.timeline_figure(context(hostile_base())))
    titles = [a["text"] for a in figure["layout"]["annotations"]]
    assert any(html.unescape(t).startswith(XSS_SCRIPT) for t in titles)


def test_weekly_date_ticks_fall_on_sundays() -> None:
    ticks = date_ticks(context(small_base()), date(2024, 3, 5), date(2024, 4, 10))
    days = [date.fromisoformat(day) for day in ticks["tickvals"]]
    assert len(days) > 1 and all(day.weekday() == 6 for day in days), days


def test_an_at_least_count_is_drawn_going_on_past_its_value() -> None:
    """ "At least N" is no "exactly N": its bar carries a stretch beyond N."""
    base = small_base()
    move = base.market_moves[0]
    counts = [c.model_copy(update={"comparator": ">="}) if c.id == "up" else c for c in move.counts]
    moved = move.model_copy(update={"counts": counts})
    figure = as_dict(
        charts.market_figure(context(base.model_copy(update={"market_moves": [moved]})))
    )
    assert any(trace.get("meta") == {"beyond": True} for trace in figure["data"])


def test_a_month_is_marked_at_its_middle() -> None:
    assert point_of("2024-03", date(2024, 12, 31)) == date(2024, 3, 16)


def test_a_role_still_held_is_worded_in_the_edition() -> None:
    assert role_words("2024-01-05", None, lambda text: "《" + text + "》")[1].startswith("《")


def test_a_derived_step_says_what_it_means_and_a_range_keeps_both_ends() -> None:
    base = real_base()
    soup = chain(base)
    for item in derive(base):
        if item.reading:
            reading = soup.select_one(f"#chain-{item.id} .report-chain__reading")
            assert reading is not None and reading.get_text() == item.reading, item.id
    ranged = [fig for fig in base.figures if fig.value_max is not None]
    assert ranged
    table = compute_block(context(base, "zh-Hans"))
    for fig in ranged:
        (row,) = [
            line for line in table.splitlines() if f"#{fig.id})" in line and line.startswith("|")
        ]
        assert "–" in row.split("|")[3], row
