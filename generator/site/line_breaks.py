"""Text broken into lines between words, never inside one (概念股, not 概<br>念股): chart labels
and share cards.

plotly.js breaks only where a label says `<br>`; the words come from rjieba (jieba-rs), which knows
Simplified words only, so Traditional text is cut where its Simplified fold is cut.
"""

from __future__ import annotations

import unicodedata

from generator.editions.convert import to_simplified


def words_of(text: str) -> list[str]:
    """`text` cut into words; joined, they give `text` back."""
    # Imported here: loading its dictionary takes a sixth of a second that `check` need not pay.
    import rjieba

    folded = to_simplified(text)
    cut = folded if len(folded) == len(text) else text
    words, start = [], 0
    for word in rjieba.cut(cut, hmm=True):
        words.append(text[start : start + len(word)])
        start += len(word)
    return words


def _is_punctuation(word: str) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in word)


def lines_of(text: str, width: int) -> list[str]:
    """`text` in lines of about `width` characters, broken only between words. A word longer
    than a line keeps a line of its own; punctuation stays at the end of the line before it."""
    lines: list[str] = []
    line = ""
    for word in words_of(text):
        fits = len(line) + len(word) <= width
        if line and not fits and not _is_punctuation(word):
            lines.append(line)
            line = word
        else:
            line += word
    return [*lines, line] if line else lines
