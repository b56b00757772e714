"""Derived values' formulas: read without eval, units shown but not computed, errors in Chinese."""

from __future__ import annotations

import pytest

from generator.facts.formula import FormulaError, check, evaluate, ids_in, shown


def test_ids_numbers_units_and_brackets() -> None:
    formula = "yearly-video ÷ (365 × 24 × 3600)秒"
    assert ids_in(formula) == ["yearly-video"]
    assert evaluate(formula, {"yearly-video": 31_536_000 * 2}) == 2
    assert evaluate("gpus × months × 720小时/月", {"gpus": 2, "months": 3}) == 4320
    assert evaluate("a - b + 1", {"a": 5, "b": 2}) == 4, (
        "ids keep their hyphens; minus needs spaces"
    )
    assert evaluate("（a + 1）× 2", {"a": 1}) == 4, "full-width brackets too"


def test_shown_to_a_reader() -> None:
    words = {"gpus": "1万张", "months": "1个月"}
    assert shown("gpus * months * 720小时/月", words) == "1万张 × 1个月 × 720小时/月"
    assert shown("v / (365 × 24)秒", {"v": "8亿秒"}) == "8亿秒 ÷ (365 × 24)秒"


@pytest.mark.parametrize(
    "formula, says",
    [
        ("a ÷ (b × 2", "括号没有配对"),
        ("a ×", "没写完"),
        ("a b", "读不下去"),
        ("__import__('os')", "不能有"),
        ("a ÷ 0", "除以零"),
    ],
)
def test_what_cannot_be_read_is_named(formula: str, says: str) -> None:
    with pytest.raises(FormulaError, match=says):
        check(formula)


def test_a_derived_figure_names_exactly_the_inputs_its_formula_uses(tmp_path) -> None:
    """An input the formula leaves out, and an id it uses without listing it, are both refused."""
    import shutil
    from pathlib import Path

    import pytest

    from generator.facts.load import load_fact_base
    from generator.facts.problems import DataError

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent.parent / "data", data)
    figures = data / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    old = "inputs: [sora-scale-training-gpus, sora-scale-training-time]"
    assert old in text
    figures.write_text(
        text.replace(old, "inputs: [sora-scale-training-gpus, youtube-yearly-new-video]"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load_fact_base(data)
    fields = sorted(p.field for p in raised.value.problems)
    assert len(fields) == 2, raised.value.report()
    assert any(f.endswith("formula") for f in fields) and any("inputs" in f for f in fields)
