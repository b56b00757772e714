"""The data and pages are written in the project's own words, not pasted from the source.

tests/fixtures/source-fingerprint.txt holds truncated SHA-256 hashes of every stretch of WINDOW
Chinese characters of the source article (everything else removed, so punctuation, names in
Latin letters and numbers neither hide nor cause a match), never the text itself. It was made with `fingerprint(article_text)` below from
the article body; regenerate it the same way when a source is added.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from generator.facts.load import load_fact_base
from generator.review.conversions import texts_of

ROOT = Path(__file__).parent.parent
FINGERPRINT = Path(__file__).parent / "fixtures" / "source-fingerprint.txt"
WINDOW = 16
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _stretches(text: str) -> list[str]:
    folded = _NOT_HAN.sub("", text)
    return [folded[i : i + WINDOW] for i in range(len(folded) - WINDOW + 1)]


def _digest(stretch: str) -> str:
    return hashlib.sha256(stretch.encode()).hexdigest()[:12]


def fingerprint(article: str) -> set[str]:
    return {_digest(stretch) for stretch in _stretches(article)}


def test_no_text_repeats_a_stretch_of_the_article():
    known = set(FINGERPRINT.read_text(encoding="ascii").split())
    assert len(known) > 3000
    base = load_fact_base(ROOT / "data")
    copied = [
        (place, stretch)
        for place, text in texts_of(base, ROOT / "docs")
        for stretch in _stretches(text)
        if _digest(stretch) in known
    ]
    assert copied == []


def test_the_check_catches_a_pasted_sentence():
    known = set(FINGERPRINT.read_text(encoding="ascii").split())
    # A sentence of the article, recognised from its hashes alone (the text is not stored).
    pasted = "在二级市场，Sora概念股连日走高，势头比起当初的ChatGPT概念股有过之而无不及"
    assert any(_digest(stretch) in known for stretch in _stretches(pasted))
