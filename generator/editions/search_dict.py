"""Words for Traditional search: the Traditional forms of the words this report uses.

jieba ships Simplified words only, so it cuts Traditional text badly (頁面 is never one word).
Before the search plugin of a Traditional edition starts, we take the words of the Simplified
text of the whole report, convert each with the edition's converter, and hand the converted words
to jieba as a user dictionary. That covers every word the edition can contain, and costs far less
than converting and reloading jieba's whole 350,000-word dictionary on every build.

The Simplified words are usually known already: the Simplified edition is built first, and its
search plugin has cut every page into words (Material puts U+200B between them). The root build
hands those words to the editions it builds; only an edition built without them cuts the text
itself.

The dictionary is kept in `.cache/jieba/` by its content (`generator.facts.cache`); where the cache
cannot be written, it goes to a temporary folder removed when the build ends.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import jieba

from generator.editions.convert import ScriptConverter
from generator.facts.cache import DiskCache

# jieba announces every dictionary load on stderr; its warnings are enough.
jieba.setLogLevel(logging.WARNING)


def _is_word(token: str) -> bool:
    """A word of two or more Chinese characters: search cuts only runs of them into words."""
    return len(token) > 1 and all("\u4e00" <= char <= "\u9fff" for char in token)


# Words of the source script handed from the root build to the editions it builds.
_SOURCE_WORDS: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar(
    "source_words", default=None
)
WORD_BREAK = "\u200b"  # what Material's search puts between the words it cut
# The code that makes a dictionary's lines (their words are converted before they are cached).
_CODE = ("editions/search_dict.py",)


def words_in(texts: Iterable[str]) -> set[str]:
    """The multi-character Chinese words of `texts`, as jieba cuts them."""
    words: set[str] = set()
    for text in texts:
        words.update(word for word in jieba.cut(text) if _is_word(word))
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


def converted_words(words: Iterable[str], convert: ScriptConverter) -> list[str]:
    """`word frequency` lines for every word whose converted form differs."""
    lines = []
    for word in sorted(words):
        converted = convert(word)
        if converted != word and " " not in converted:
            lines.append(f"{converted} {jieba.dt.FREQ.get(word) or 3}")
    return lines


def user_dictionary(words: Iterable[str], convert: ScriptConverter, cache_dir: Path) -> Path:
    """A file holding the edition's user dictionary, for jieba to load."""
    content = "\n".join(converted_words(words, convert)) + "\n"
    cache = DiskCache(cache_dir, "jieba", _CODE, suffix=".txt")
    if cache.read(convert.lang, content) is not None:
        return cache.path(convert.lang, content)
    kept = cache.write(content.encode(), convert.lang, content)
    if kept is not None:
        return kept
    scratch = Path(_scratch_folder().name) / cache.path(convert.lang, content).name
    scratch.write_text(content, encoding="utf-8")
    return scratch


@functools.cache
def _scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """A folder for dictionaries the cache could not keep, removed when the process ends."""
    return tempfile.TemporaryDirectory(prefix="report-search-")
