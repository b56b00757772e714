"""Words for search: what cuts an edition's text into words, Traditional editions included.

Search cuts Chinese text into words with rjieba (a maintained binding of jieba-rs). Its
dictionary holds Simplified words only, so it cuts Traditional text badly (頁面 is never one
word). A converted edition gets a segmenter of its own: before its pages are indexed, we take the
words of the Simplified text of the whole report, convert each with the edition's converter, and
add the converted words to the segmenter's dictionary, each as frequent as its Simplified word.
That covers every word the edition can contain, and costs far less than converting jieba's whole
350,000-word dictionary on every build (about 0.1 s for this report's 1,600 words).

The Simplified words are usually known already: the Simplified edition is built first, and its
search has cut every page into words (U+200B between them). The root build hands those words to
the editions it builds; only an edition built without them cuts the text itself.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

import rjieba

from generator.editions.convert import ScriptConverter

# Text in, its words out (joined, they give the text back).
WordCutter = Callable[[str], list[str]]
WORD_BREAK = "\u200b"  # what search puts between the words it cut (as Material does)
# Words of the source script handed from the root build to the editions it builds.
_SOURCE_WORDS: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar(
    "source_words", default=None
)


def _is_word(token: str) -> bool:
    """A word of two or more Chinese characters: search cuts only runs of them into words."""
    return len(token) > 1 and all("\u4e00" <= char <= "\u9fff" for char in token)


def words_in(texts: Iterable[str]) -> set[str]:
    """The multi-character Chinese words of `texts`, as rjieba cuts them."""
    words: set[str] = set()
    for text in texts:
        words.update(word for word in rjieba.cut(text) if _is_word(word))
    return words


def indexed_words(entries: Iterable[Mapping[str, object]]) -> set[str]:
    """The multi-character Chinese words an edition's search index was cut into."""
    words: set[str] = set()
    for entry in entries:
        for field in ("title", "text"):
            value = entry.get(field)
            if isinstance(value, str):
                words.update(token for token in value.split(WORD_BREAK) if _is_word(token))
    return words


@contextmanager
def handing_on(words: Iterable[str] | None) -> Iterator[None]:
    """Within this block, builds find `words` with `handed_words` instead of cutting the text
    (None: there are none to hand on)."""
    token = _SOURCE_WORDS.set(None if words is None else frozenset(words))
    try:
        yield
    finally:
        _SOURCE_WORDS.reset(token)


def handed_words() -> frozenset[str] | None:
    """The source-script words the enclosing build handed on, or None."""
    return _SOURCE_WORDS.get()


def converted_words(words: Iterable[str], convert: ScriptConverter) -> dict[str, int]:
    """Converted form -> frequency, for every word whose converted form differs.

    The frequency is the one that makes rjieba keep the Simplified word whole (its dictionary
    frequency, or more for a word it only finds by guessing), so the converted form is cut as
    often as the word it stands for.
    """
    added: dict[str, int] = {}
    for word in sorted(words):
        converted = convert(word)
        if converted != word and " " not in converted:
            added[converted] = max(added.get(converted, 0), rjieba.suggest_freq(word))
    return added


def segmenter(words: Iterable[str], convert: ScriptConverter) -> WordCutter:
    """What cuts the edition's text into words: rjieba as it ships for the source script; for
    a converted edition, rjieba with the converted forms of `words` added to its dictionary."""
    if not convert.converts:
        return rjieba.cut
    cutter = rjieba.Jieba()
    for converted, frequency in converted_words(words, convert).items():
        cutter.add_word(converted, frequency, None)
    return cutter.cut
