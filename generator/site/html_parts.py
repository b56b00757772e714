"""Elements of a finished page found by an HTML parser, with where each starts and ends.

A change to the page (a fact's date left out, a chart's tools added) is a splice at those
places, so every byte outside them stays as the page was written: no regular expression has to
guess at markup, and no re-serialisation rewrites the rest of the page. One parse of a page is
kept for the next question about the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from itertools import accumulate

# Elements without an end tag.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass(frozen=True)
class Part:
    """One element: its tag, attributes (unescaped) and offsets in the page's text."""

    tag: str
    attrs: dict[str, str]
    start: int  # the start tag's "<"
    opened: int  # just after the start tag
    closing: int = -1  # the end tag's "<" (-1: never closed)
    end: int = -1  # just after the end tag

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


@dataclass
class _Open:
    part: Part
    depth: int  # how many elements of its tag were open, itself included


class _Finder(HTMLParser):
    """Collects every element whose class attribute holds one of `wanted`."""

    def __init__(self, text: str, wanted: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.wanted = text, wanted
        self.found: list[Part] = []
        self.line_starts = [0, *accumulate(len(line) for line in self.text.splitlines(True))]
        self.depths: dict[str, int] = {}
        self.open: list[_Open] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.depths[tag] = self.depths.get(tag, 0) + 1
        values = {name: value or "" for name, value in attrs}
        if self.wanted & set(values.get("class", "").split()):
            start = self._offset()
            opened = start + len(self.get_starttag_text() or "")
            self.open.append(_Open(Part(tag, values, start, opened), self.depths[tag]))

    def handle_endtag(self, tag: str) -> None:
        depth = self.depths.get(tag, 0)
        if depth == 0:
            return
        self.depths[tag] = depth - 1
        for index in range(len(self.open) - 1, -1, -1):
            candidate = self.open[index]
            if candidate.part.tag == tag and candidate.depth == depth:
                closing = self._offset()
                end = self.text.find(">", closing) + 1
                part = candidate.part
                self.found.append(Part(part.tag, part.attrs, part.start, part.opened, closing, end))
                del self.open[index]
                break


@lru_cache(maxsize=8)
def parts_with_class(text: str, *classes: str) -> tuple[Part, ...]:
    """Every element of `text` with one of these classes, in page order (closed or not)."""
    finder = _Finder(text, frozenset(classes))
    finder.feed(text)
    finder.close()
    return tuple(sorted([*finder.found, *(o.part for o in finder.open)], key=lambda p: p.start))


def inside(part: Part, outer: Part) -> bool:
    """Whether `part` lies within `outer`'s content."""
    return outer.opened <= part.start and (outer.closing < 0 or part.end <= outer.closing)


def spliced(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, replacement) applied; edits must not overlap."""
    pieces: list[str] = []
    at = 0
    for start, end, replacement in sorted(edits):
        pieces += [text[at:start], replacement]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
