"""Words for Traditional search: the Traditional forms of the words this report uses.

jieba ships Simplified words only, so it cuts Traditional text badly (頁面 is never one word).
Before the search plugin of a Traditional edition starts, we segment the Simplified text of the
whole report, convert each word with the edition's converter, and hand the converted words to
jieba as a user dictionary. That covers every word the edition can contain, and costs far less
than converting and reloading jieba's whole 350,000-word dictionary on every build.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

import jieba

from generator.editions.convert import ScriptConverter

# jieba announces every dictionary load on stderr; its warnings are enough.
jieba.setLogLevel(logging.WARNING)


def _has_han(word: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in word)


def converted_words(texts: Iterable[str], convert: ScriptConverter) -> list[str]:
    """`word frequency` lines for every multi-character word whose converted form differs."""
    words: set[str] = set()
    for text in texts:
        words.update(word for word in jieba.cut(text) if len(word) > 1 and _has_han(word))
    lines = []
    for word in sorted(words):
        converted = convert(word)
        if converted != word and " " not in converted:
            lines.append(f"{converted} {jieba.dt.FREQ.get(word) or 3}")
    return lines


def user_dictionary(texts: Iterable[str], convert: ScriptConverter, cache_dir: Path) -> Path:
    """Write the edition's user dictionary (named by its content) and return its path."""
    content = "\n".join(converted_words(texts, convert)) + "\n"
    digest = hashlib.sha256(content.encode()).hexdigest()[:16]
    target = cache_dir / f"jieba-user-{convert.lang}-{digest}.txt"
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_text(content, encoding="utf-8")
        partial.replace(target)
        # Each data edit under `mkdocs serve` makes a new one; keep only the current.
        for stale in cache_dir.glob(f"jieba-user-{convert.lang}-*.txt"):
            if stale != target:
                stale.unlink(missing_ok=True)
    return target
