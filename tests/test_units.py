"""Units and formulas: a scale word in a unit is shown once, % works in figures and formulas,
and prose never says 约 twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import simplified_context
from test_charts import _cited, small_base

from generator.editions.convert import ScriptConverter, convert_fact_base
from generator.facts.formula import FormulaError, evaluate, shown
from generator.site.derive import derive
from generator.site.pages import page_context
from generator.site.prose_refs import check_references, expand_references
from generator.site.render import md_text
from generator.site.site_files import page_sources

REVENUE = _cited(
    id="revenue",
    kind="money",
    label="季度营收",
    value=265,
    scale="亿",
    unit="美元",
    comparator="~",
    measures="营收",
)
MARGIN = _cited(
    id="margin", kind="other", label="毛利率", value=25, scale="", unit="%", measures="毛利率"
)


def _derived(formula: str, unit: str, inputs: list[str]) -> dict[str, object]:
    return {
        "id": "result",
        "label": "推算",
        "inputs": inputs,
        "formula": formula,
        "unit": unit,
        "reading": "示例",
    }


def _compute_page(*derived: dict[str, object]) -> str:
    base = small_base(figures=[REVENUE, MARGIN], derived=list(derived))
    ctx = simplified_context(base)
    markdown = dict(page_sources(ctx))["compute.md"]
    return expand_references(markdown, ctx, "compute.md")


def test_a_unit_with_a_scale_word_is_shown_once() -> None:
    page = _compute_page(_derived("revenue × 2", "亿美元", ["revenue"]))
    assert "约530亿美元" in page
    assert "亿亿" not in page
    # In the table too: the value carries the scale, the unit column the rest.
    assert "| 530亿 | 美元 |" in page
    base = small_base(figures=[REVENUE], derived=[_derived("revenue × 2", "万台", ["revenue"])])
    assert derive(base)[0].shown == "530亿台"


def test_a_traditional_edition_shows_the_scale_word_once_too() -> None:
    base = small_base(figures=[REVENUE], derived=[_derived("revenue × 2", "亿美元", ["revenue"])])
    convert = ScriptConverter("s2twp", "zh-Hant")
    ctx = page_context(convert_fact_base(base, convert), convert, "zh-Hant")  # as an edition is
    page = expand_references(dict(page_sources(ctx))["compute.md"], ctx, "compute.md")
    assert "530億美元" in page
    assert "億億" not in page


def test_percent_in_a_formula_is_a_hundredth() -> None:
    assert evaluate("a × 30%", {"a": 200}) == pytest.approx(60)
    assert evaluate("(a + 10)％ × 2", {"a": 40}) == pytest.approx(1)
    assert shown("a × 30%", {"a": "200亿美元"}) == "200亿美元 × 30%"
    with pytest.raises(FormulaError):
        evaluate("a × %", {"a": 1})


def test_a_percent_figure_counts_as_a_fraction_and_a_percent_result_is_shown_in_percent() -> None:
    base = small_base(
        figures=[REVENUE, MARGIN],
        derived=[_derived("revenue × margin", "亿美元", ["revenue", "margin"])],
    )
    [gross] = derive(base)
    assert gross.value == pytest.approx(265e8 * 0.25)
    assert gross.shown == "66.25亿美元"
    assert "265亿美元 × 25%" in gross.formula
    page = _compute_page(_derived("margin × 2", "%", ["margin"]))
    assert md_text("约50%") in page  # % is escaped in Markdown


def test_prose_never_says_about_twice(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    base = small_base()
    page = docs / "index.md"
    page.write_text(
        "# 概览\n\n一年新增约为{{ youtube-yearly-new-video.value }}。\n", encoding="utf-8"
    )
    [problem] = check_references(docs, base)
    assert (problem.file, problem.line) == ("docs/index.md", 3)
    assert "约157.68亿秒" in problem.message and "删去" in problem.message
    page.write_text("# 概览\n\n大约{{ youtube-yearly-new-video }}。\n", encoding="utf-8")
    assert len(check_references(docs, base)) == 1
    # Without 约 before it, or before a value that does not say 约, all is well.
    page.write_text(
        "# 概览\n\n一年新增为{{ youtube-yearly-new-video.value }}，约{{ sora-scale-training-gpus.value }}。\n",
        encoding="utf-8",
    )
    assert check_references(docs, base) == []
