"""A jieba dictionary for Traditional search: jieba's own words plus their converted forms.

jieba ships Simplified words only, so it cuts Traditional text badly (頁面 is never one word).
Converting its dictionary with the edition's converter and merging it with the original lets the
search index of a Traditional edition find the words readers type.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jieba

from generator.convert import ScriptConverter

# jieba announces every dictionary load on stderr; its warnings are enough.
jieba.setLogLevel(logging.WARNING)


def merged_dictionary(convert: ScriptConverter, cache_dir: Path) -> Path:
    """Write (once per converter config) and return the merged dictionary file."""
    target = cache_dir / f"jieba-{convert.lang}-{convert.opencc_config}.txt"
    if target.exists():
        return target
    source = Path(jieba.__file__).parent / "dict.txt"
    original = source.read_text(encoding="utf-8").splitlines()
    words = {line.split(" ", 1)[0] for line in original}
    merged = list(original)
    converted = convert.plain("\n".join(line.split(" ", 1)[0] for line in original)).splitlines()
    for line, word in zip(original, converted, strict=True):
        if word not in words:
            words.add(word)
            merged.append(word + " " + line.split(" ", 1)[1])
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    partial.write_text("\n".join(merged) + "\n", encoding="utf-8")
    partial.replace(target)
    return target
