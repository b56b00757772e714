"""Cross-checks derived from sourced figures, as declared in the data: each keeps its formula and
is never passed off as sourced."""

from __future__ import annotations

from dataclasses import dataclass

from generator.facts import formula
from generator.facts.model import FactBase
from generator.site.render import amount_words, arithmetic_value, chinese_number, normalized


@dataclass(frozen=True)
class Derived:
    """A number computed from figures in the data."""

    id: str
    label: str
    value: float
    unit: str
    formula: str  # as a reader sees it: each input as its figure in words
    inputs: tuple[str, ...]
    reading: str

    @property
    def shown(self) -> str:
        """The value with its unit, a scale word the unit carries said once (530亿美元)."""
        return amount_words(self.value, self.unit)


def derive(base: FactBase) -> list[Derived]:
    """Every declared cross-check whose input figures are in the data, in data order."""
    figures = {figure.id: figure for figure in base.figures}
    derived: list[Derived] = []
    for item in base.derived:
        if not all(name in figures for name in item.inputs):
            continue
        values = {name: arithmetic_value(figures[name]) for name in item.inputs}
        words = {
            name: f"{chinese_number(normalized(figures[name]))}{figures[name].unit}"
            for name in item.inputs
        }
        derived.append(
            Derived(
                item.id,
                item.label,
                formula.evaluate(item.formula, values),
                item.unit,
                formula.shown(item.formula, words),
                tuple(item.inputs),
                item.reading,
            )
        )
    return derived
