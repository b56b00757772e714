"""The compute figures as a chain of reasoning: each number the site derives, preceded by the
sourced figures it is computed from, every step saying who stands behind it.

A step is a sourced figure (the article's, an analyst's, ...) or a value this site derived; each
carries its attribution, citation or formula, and any editor's notes about the record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.facts.model import FactBase, Figure
from generator.site.derive import Derived, derive
from generator.site.labels import ATTRIBUTION_WORDS, COMPARATOR_WORDS
from generator.site.render import figure_value


@dataclass(frozen=True)
class EditorNote:
    """An editor's note as a chain step shows it: title, arithmetic step by step, and kind."""

    title: str
    arithmetic: tuple[str, ...] = ()
    kind: str = "context"  # a NoteKind


# Editor's notes about a record, by record id.
NoteLookup = Callable[[str], Sequence[EditorNote]]
DERIVED = "derived"
# (converter for the site's own words, display name of a record id)
Words = tuple[Callable[[str], str], Callable[[str], str]]


def no_notes(record_id: str) -> Sequence[EditorNote]:
    """The note lookup for a fact base without editor's notes."""
    return ()


def editor_notes(base: FactBase) -> NoteLookup:
    """Editor's notes (data/notes.yml) by the record ids each is about."""
    by_record: dict[str, list[EditorNote]] = {}
    for note in base.notes:
        shown = EditorNote(note.title, tuple(note.arithmetic), note.kind)
        for record_id in note.about:
            by_record.setdefault(record_id, []).append(shown)
    return lambda record_id: by_record.get(record_id, ())


@dataclass(frozen=True)
class Step:
    """One link of the chain, in the edition's script."""

    number: int
    record_id: str
    role: str  # an Attribution value, or DERIVED
    label: str
    value: str  # as the source writes it, or the derived value in Chinese units
    who: str  # attribution words, with the asserting party when named
    basis: str  # "第38段" for a sourced figure, the formula for a derived one
    reading: str  # what a derived value means; empty for sourced figures
    inputs: tuple[int, ...]  # step numbers a derived value is computed from
    notes: tuple[EditorNote, ...]
    measures: str


def _figure_step(number: int, figure: Figure, words: Words, notes: NoteLookup) -> Step:
    ui, names = words
    who = ui(ATTRIBUTION_WORDS[figure.attribution])
    if figure.asserted_by:
        who += " · " + names(figure.asserted_by)
    paragraphs = "、".join(ui(f"第{c.paragraph}段") for c in figure.cite)
    return Step(
        number=number,
        record_id=figure.id,
        role=str(figure.attribution),
        label=figure.label,
        value=ui(figure_value(figure)),
        who=who,
        basis=paragraphs,
        reading="",
        inputs=(),
        notes=tuple(notes(figure.id)),
        measures=figure.measures,
    )


def _derived_step(
    number: int, item: Derived, inputs: tuple[int, ...], ui: Callable[[str], str], notes: NoteLookup
) -> Step:
    return Step(
        number=number,
        record_id=item.id,
        role=DERIVED,
        label=ui(item.label),
        value=ui(COMPARATOR_WORDS["~"] + item.shown),
        who=ui("本站推算"),
        basis=ui(item.formula),
        reading=ui(item.reading),
        inputs=inputs,
        notes=tuple(notes(item.id)),
        measures=ui(item.reading),
    )


def chain_steps(base: FactBase, words: Words, notes: NoteLookup = no_notes) -> list[Step]:
    """Every derived value after the figures it is computed from, in derivation order.

    `base` is the edition's converted model; `words` is (the edition's converter for our own
    words, the display name of a record id).
    """
    ui = words[0]
    figures = {figure.id: figure for figure in base.figures}
    steps: list[Step] = []
    number_of: dict[str, int] = {}
    for item in derive(base):
        for figure_id in item.inputs:
            if figure_id not in number_of:
                number_of[figure_id] = len(steps) + 1
                steps.append(_figure_step(len(steps) + 1, figures[figure_id], words, notes))
        inputs = tuple(number_of[i] for i in item.inputs)
        steps.append(_derived_step(len(steps) + 1, item, inputs, ui, notes))
        number_of[item.id] = len(steps)
    return steps
