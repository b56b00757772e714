"""Per-paragraph fingerprints of a source: quotes can be verified without keeping its text.

An editor holds an archived copy of each source; `python -m generator fingerprint` turns the
lines of its body into `data/fingerprints/SOURCE.yml`. Per paragraph that file keeps:

- `grams`: a short hash of every overlapping GRAM-character window of the normalised text, in
  order. A quote verifies when its own window hashes appear contiguously in that list.
  Normalising keeps only Han characters, Latin letters (lower-cased) and digits, after NFKC, so
  punctuation, spaces and full/half-width forms neither hide nor fake a match.
- `numerals`: the numbers and dates as written (2月9日, 十多款, 157.68亿), and the relative
  time words (去年), so a record's numbers can be checked against them.
- `hedges`: each hedge word (据悉, 有消息称, 被视作, ...) with the stretch of normalised text it
  governs: the whole sentence for a sentence adverbial, the clause for a passive verb (被盛传).

How strong a match is. Each window hash keeps HASH_HEX hex digits, 12 bits: a window of text
other than the quoted one has the same hash with odds 1 in 4096. A quote of n normalised
characters has n - GRAM + 1 windows; at one position of a paragraph, a quote that is not there
matches by chance with odds 1 in 4096 ** (n - 2), and a paragraph of P positions gives it P tries.
With MIN_QUOTE = 5 (three windows, 36 bits) and the longest paragraph of the report's article
(about 170 positions; 84 on average), that is about one in 400 million per cited paragraph; a
search of every paragraph of that source (3,514 positions, as the "it is in paragraph N" hint
does) about one in 20 million. The earlier minimum of 4 characters (two windows, 24 bits) gave
about one in 100,000 per paragraph and one in 4,800 per source. A quote shorter than MIN_QUOTE
passes only when it is its whole paragraph (a by-line): one position, 1 in 16.8 million for four
characters. What windows cannot see: a quote right but for its first or last character differs
from the text in one window only, so it passes with odds 1 in 4096.

Few bits per window on purpose: consecutive windows share two characters, so each new window
leaves about 5,000 common characters to one of 4,096 hashes, and guessing the text back window by
window stays ambiguous; more bits would make the file a substitute for the text. Anyone able to
verify a short quote offline can, with work, test guesses; the file holds no sentence of the
source itself.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GRAM = 3
HASH_HEX = 3
MIN_QUOTE = 5  # normalised characters: three windows, 36 bits of evidence
METHOD = f"nfkc-han-latin-digit/{GRAM}-gram/sha256[:{HASH_HEX}]"
FOLDER = "fingerprints"

_KEEP = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffa-z0-9]")
_SENTENCE_END = set("。！？；!?;")
_CLAUSE_END = _SENTENCE_END | set("，,、：:——")

# Hedge word -> the stretch it governs. Sentence adverbials ("据悉，...") cover their sentence;
# passive reporting verbs ("被盛传将...") cover their clause only.
HEDGES: dict[str, str] = {
    "据悉": "sentence",
    "据称": "sentence",
    "据传": "sentence",
    "据报道": "sentence",
    "有消息指出": "sentence",
    "有消息称": "sentence",
    "消息人士": "sentence",
    "传闻": "sentence",
    "传言": "sentence",
    "被盛传": "clause",
    "被视作": "clause",
    "被视为": "clause",
    "被认为": "clause",
}

_CN_DIGIT = "零一二两三四五六七八九十百千万亿"
_UNIT = r"(?:个月|个小时|小时|分钟|美元|个|年|月|日|号|只|家|款|人|张|秒|天|周|倍|%)"
_NUMERAL_PATTERNS = [
    r"\d{4}年\d{1,2}月\d{1,2}日",
    r"\d{1,2}月\d{1,2}日",
    r"\d{4}年\d{1,2}月",
    r"\d{4}\s*[-–~至]\s*\d{4}年?",
    rf"\d+(?:\.\d+)?\s*[-–~至]\s*\d+(?:\.\d+)?[多余]?(?:万亿|亿|万|千|百)?{_UNIT}?",
    rf"\d+(?:\.\d+)?[多余]?(?:万亿|亿|万|千|百)?[多余]?{_UNIT}?",
    rf"[{_CN_DIGIT}]+[多余]?{_UNIT}",
    r"[上下]半年",
    r"[一二三四]季度",
    r"去年|今年|明年|前年",
]
_NUMERAL = re.compile("|".join(f"(?:{p})" for p in _NUMERAL_PATTERNS))
# Digits glued to Latin letters are names (A800, C4-200M), not numbers.
_IN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*[-]?\d+[A-Za-z]*")


def normalise(text: str) -> str:
    """The characters a quote is compared on: Han, Latin letters (lower-case) and digits."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(_KEEP.findall(folded))


def _digest(gram: str) -> str:
    return hashlib.sha256(gram.encode("utf-8")).hexdigest()[:HASH_HEX]


def gram_hashes(text: str) -> list[str]:
    """Hashes of every GRAM-character window of the normalised text, in order."""
    folded = normalise(text)
    return [_digest(folded[i : i + GRAM]) for i in range(len(folded) - GRAM + 1)]


def numerals_in(text: str) -> list[str]:
    """Numbers, dates and relative time words as written, in order, names excluded."""
    folded = unicodedata.normalize("NFKC", text)
    masked = _IN_NAME.sub(lambda m: "_" * len(m.group()), folded)
    return [m.group().replace(" ", "") for m in _NUMERAL.finditer(masked)]


@dataclass(frozen=True)
class Hedge:
    """A hedge word and the normalised-character stretch [start, end) it governs."""

    word: str
    start: int
    end: int


def _stretches(text: str, ends: set[str]) -> list[tuple[int, int, str]]:
    """(normalised start, normalised end, raw text) of each sentence or clause."""
    result = []
    position, raw, begin = 0, "", 0
    for char in unicodedata.normalize("NFKC", text):
        raw += char
        position += len(normalise(char))
        if char in ends:
            result.append((begin, position, raw))
            begin, raw = position, ""
    if raw:
        result.append((begin, position, raw))
    return result


def hedges_in(text: str) -> list[Hedge]:
    """Every hedge word of the paragraph with the stretch it governs."""
    found = []
    for word, scope in HEDGES.items():
        ends = _SENTENCE_END if scope == "sentence" else _CLAUSE_END
        for start, end, raw in _stretches(text, ends):
            if word in raw:
                found.append(Hedge(word, start, end))
    return sorted(found, key=lambda h: (h.start, h.word))


@dataclass(frozen=True)
class ParagraphPrint:
    """What is kept of one paragraph: window hashes, numerals and hedges."""

    n: int
    grams: tuple[str, ...]
    numerals: tuple[str, ...]
    hedges: tuple[Hedge, ...]

    def find(self, quote: str) -> int | None:
        """Normalised start of `quote` in the paragraph, or None when it does not occur."""
        wanted = gram_hashes(quote)
        if not wanted:
            return None
        size = len(wanted)
        for start in range(len(self.grams) - size + 1):
            if list(self.grams[start : start + size]) == wanted:
                return start
        return None

    def is_whole(self, quote: str) -> bool:
        """True when `quote` is the whole paragraph (a heading or a by-line shorter than
        MIN_QUOTE may be quoted whole: one position, so the odds stay those of its windows)."""
        wanted = gram_hashes(quote)
        return bool(wanted) and list(self.grams) == wanted

    def hedges_over(self, start: int, length: int) -> list[str]:
        """Hedge words whose stretch overlaps normalised [start, start + length)."""
        return [h.word for h in self.hedges if h.start < start + length and start < h.end]


@dataclass(frozen=True)
class SourcePrint:
    """The fingerprint of one source, paragraph by paragraph."""

    source: str
    method: str
    paragraphs: dict[int, ParagraphPrint]


def build(source_id: str, paragraphs: Sequence[str]) -> SourcePrint:
    """Fingerprint the given paragraphs (numbered from 1, in order)."""
    prints = {
        n: ParagraphPrint(
            n, tuple(gram_hashes(text)), tuple(numerals_in(text)), tuple(hedges_in(text))
        )
        for n, text in enumerate(paragraphs, start=1)
    }
    return SourcePrint(source_id, METHOD, prints)


def select_lines(text: str, spec: str) -> list[str]:
    """Non-empty lines of `text` picked by `spec` ('25-102', '1,14,20', ...), 1-based."""
    lines = text.splitlines()
    picked: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        picked += range(int(first), int(last or first) + 1)
    return [lines[i - 1].strip() for i in picked if 0 < i <= len(lines) and lines[i - 1].strip()]


def _flow(items: Iterable[str]) -> str:
    return "[" + ", ".join(f"'{item}'" for item in items) + "]"


def dump(print_: SourcePrint) -> str:
    """The fingerprint as the YAML file committed under data/fingerprints/."""
    lines = [
        "# Generated by `python -m generator fingerprint` from an archived copy; do not edit.",
        f"source: {print_.source}",
        f"method: '{print_.method}'",
        "paragraphs:",
    ]
    for paragraph in print_.paragraphs.values():
        hedges = ", ".join(
            f"{{word: {h.word}, start: {h.start}, end: {h.end}}}" for h in paragraph.hedges
        )
        lines += [
            f"  - n: {paragraph.n}",
            f"    grams: '{' '.join(paragraph.grams)}'",
            f"    numerals: {_flow(paragraph.numerals)}",
            f"    hedges: [{hedges}]",
        ]
    return "\n".join(lines) + "\n"


def parse(data: Any) -> SourcePrint:
    """A fingerprint from the plain data of its YAML file (already read strictly)."""
    paragraphs = {}
    for item in data["paragraphs"]:
        paragraphs[int(item["n"])] = ParagraphPrint(
            int(item["n"]),
            tuple(str(item["grams"]).split()),
            tuple(str(n) for n in item["numerals"]),
            tuple(Hedge(str(h["word"]), int(h["start"]), int(h["end"])) for h in item["hedges"]),
        )
    return SourcePrint(str(data["source"]), str(data["method"]), paragraphs)


def fingerprint_path(data_dir: Path, source_id: str) -> Path:
    return data_dir / FOLDER / f"{source_id}.yml"
