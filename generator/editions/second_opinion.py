"""A second converter beside OpenCC: where the two disagree, one of them is usually wrong.

zhconv-rs converts with MediaWiki's tables, which were written independently of OpenCC's. Only
the review tools use it, so it is an optional extra (`pip install -e '.[review]'`, which `make`
installs with the test tools) and is imported when a review first asks for it: a site build never
loads it, and `second_converter_missing` lets the review command say how to install it. Both
outputs are aligned to the Simplified text through its character-by-character conversion, each
differing stretch is widened to whole words (rjieba's), and the words are reported with both results.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import rjieba

from generator.editions.convert import ScriptConverter, corner_quotes
from generator.editions.edition import conversion_of

Opcodes = list[tuple[str, int, int, int, int]]


@dataclass(frozen=True)
class Disagreement:
    """A Simplified word that the edition's converter and zhconv-rs write differently."""

    source: str
    ours: str
    theirs: str
    start: int  # where `source` starts in the text it came from


SECOND_CONVERTER = "zhconv_rs"


def second_converter_missing() -> bool:
    """True when zhconv-rs cannot be imported (the `review` extra is not installed)."""
    try:
        importlib.import_module(SECOND_CONVERTER)
    except ImportError:
        return True
    return False


def second_opinion(text: str, opencc_config: str) -> str:
    """`text` as zhconv-rs writes it for the readers of `opencc_config`."""
    zhconv: Any = importlib.import_module(SECOND_CONVERTER).zhconv
    target: Any = conversion_of(opencc_config).second_opinion
    # Quote marks nest by our own rule (「『』」), which is no wording to second-guess.
    return corner_quotes(str(zhconv(text, target, False)))


def _opcodes(base: str, output: str) -> Opcodes:
    matcher = difflib.SequenceMatcher(a=base, b=output, autojunk=False)
    return [op for op in matcher.get_opcodes()]


def _changed(opcodes: Opcodes, length: int) -> set[int]:
    marked: set[int] = set()
    for tag, i1, i2, _, _ in opcodes:
        if tag != "equal":
            marked.update(range(max(0, i1 - (i1 == i2)), min(length, max(i2, i1 + 1))))
    return marked


def _widen(low: int, high: int, opcodes: Opcodes) -> tuple[int, int]:
    """Grow [low, high) until it cuts no changed stretch of the output."""
    for tag, i1, i2, _, _ in opcodes:
        if tag != "equal" and i1 < high and i2 > low:
            low, high = min(low, i1), max(high, i2)
    return low, high


def _segment(output: str, opcodes: Opcodes, low: int, high: int) -> str:
    """The part of `output` that stands for source characters [low, high)."""
    pieces = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            start, end = max(low, i1), min(high, i2)
            if start < end:
                pieces.append(output[j1 + start - i1 : j1 + end - i1])
        elif low <= i1 < high or (i1 == i2 == high and tag == "insert" and i1 > low):
            pieces.append(output[j1:j2])
    return "".join(pieces)


def _word_spans(text: str, positions: set[int]) -> Iterator[tuple[int, int]]:
    """Runs of whole words (rjieba's) of `text` that contain any of `positions`."""
    hit = [
        (start, end)
        for _, start, end in rjieba.tokenize(text)
        if any(start <= p < end for p in positions)
    ]
    run: tuple[int, int] | None = None
    for start, end in hit:
        if run is not None and run[1] == start:
            run = (run[0], end)
            continue
        if run is not None:
            yield run
        run = (start, end)
    if run is not None:
        yield run


def disagreements(text: str, ours: ScriptConverter) -> Iterator[Disagreement]:
    """Words of `text` that `ours` and zhconv-rs convert differently."""
    config = ours.opencc_config
    if not config or not text:
        return
    mine, theirs = ours(text), second_opinion(text, config)
    if mine == theirs:
        return
    base = str(ScriptConverter(conversion_of(config).glyphs, ours.lang).plain(text))
    if len(base) != len(text):
        yield Disagreement(text, mine, theirs, 0)
        return
    my_ops, their_ops = _opcodes(base, mine), _opcodes(base, theirs)
    marked = _changed(my_ops, len(text)) | _changed(their_ops, len(text))
    for low, high in _word_spans(text, marked):
        while True:
            wider = _widen(*_widen(low, high, my_ops), their_ops)
            if wider == (low, high):
                break
            low, high = wider
        mine_part = _segment(mine, my_ops, low, high)
        theirs_part = _segment(theirs, their_ops, low, high)
        if mine_part != theirs_part:
            yield Disagreement(text[low:high], mine_part, theirs_part, low)


def decided_by(disagreement: Disagreement, text: str, ours: ScriptConverter) -> str | None:
    """The glossary term or vocabulary word that settles a disagreement, if any does.

    A glossary term (or data name) decides what it covers in the text; a vocabulary entry
    decides the words it writes, including an entry that keeps OpenCC's word on purpose.
    """
    low, high = disagreement.start, disagreement.start + len(disagreement.source)
    for match in ours.term_pattern.finditer(text) if ours.term_pattern else []:
        if match.start() < high and match.end() > low:
            return match.group()
    converted = ours(text)
    for word, written in ours.vocabulary.items():
        # rjieba may cut the entry's word (短/视频): a part of it counts where the whole is written.
        part = disagreement.ours and disagreement.ours in written and written in converted
        # An entry that drops a word (訂閱源 → 訂閱) decides the word's absence.
        dropped = not disagreement.ours and disagreement.theirs in word and written in converted
        if written in disagreement.ours or part or dropped:
            return word
    return None
