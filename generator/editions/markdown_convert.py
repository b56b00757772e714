"""Converts hand-written Markdown between scripts while leaving all markup byte for byte.

markdown-it-py parses the page; its own inline `text` rule, wrapped through the public ruler, records exactly which
stretches of each paragraph, heading, list item or table cell are plain text. Only those (and the
text between tags of an HTML block) go through the converter: code, link and image targets,
HTML tags and attributes, autolinks, entities and escapes stay as written. Attribute lists
(`{#id}`) and fact references (`{{ id }}`) are Python-Markdown and project syntax that CommonMark
reads as text, so they are kept by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import text as text_rule
from markdown_it.token import Token

from generator.facts.fields import EXAMPLE

_TAG = re.compile(r"<[^<>]*>")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^{}]*\}|\{\{[^{}]*\}\}")
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^(\s*[A-Za-z0-9_-]+\s*:\s*)(.*)$")
# Python-Markdown admonitions and details: a marker line, then a body indented by four spaces,
# which CommonMark would read as an indented code block.
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?) ")
_BODY_INDENT = "    "
_MAX_NESTING = 4

Span = tuple[int, int]


@dataclass
class _Parse:
    """One run of the inline parser: its source and the stretches the text rule consumed."""

    src: str
    spans: list[Span] = field(default_factory=list)
    parent: _Parse | None = None


class _RecordingInline(ParserInline):
    """The inline parser, remembering each run's source and which run a nested one is inside."""

    def parse(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        # Image alt text is parsed by a nested run; remember whose text it is.
        stack: list[_Parse] = env.setdefault("inline_stack", [])
        run = _Parse(src, parent=stack[-1] if stack else None)
        env.setdefault("inline_runs", []).append(run)
        stack.append(run)
        try:
            return super().parse(src, md, env, tokens)
        finally:
            stack.pop()


def _record_text(state: StateInline, silent: bool) -> bool:
    """markdown-it's own `text` rule, noting the stretch of source it consumed."""
    start = state.pos
    matched = text_rule(state, silent)
    if matched and not silent:
        state.env["inline_stack"][-1].spans.append((start, state.pos))
    return matched


def _recording_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.inline = _RecordingInline()
    # The new inline parser starts with every rule; the preset names those CommonMark enables.
    md.configure("commonmark").enable("table")
    md.inline.ruler.at("text", _record_text)
    return md


def _top_level_runs(env: dict[str, Any]) -> list[_Parse]:
    """Runs of the block-level inline tokens, nested runs' spans folded into their parents."""
    runs: list[_Parse] = env.get("inline_runs", [])
    for run in runs:
        if run.parent is not None:
            offset = run.parent.src.find(run.src)
            if offset >= 0:
                run.parent.spans.extend((start + offset, end + offset) for start, end in run.spans)
    return [run for run in runs if run.parent is None]


_MD = _recording_parser()


def _locate_lines(
    content: str, lines: list[str], first: int, last: int, cursors: dict[int, int]
) -> list[tuple[int, int]]:
    """For each line of an inline token's content: (source line number, column where it starts)."""
    located = []
    line_no = first
    for piece in content.split("\n"):
        while line_no < last:
            column = lines[line_no].find(piece, cursors.get(line_no, 0)) if piece else -1
            if column != -1:
                cursors[line_no] = column + len(piece)
                located.append((line_no, column))
                line_no += 1
                break
            line_no += 1
        else:
            located.append((-1, -1))
    return located


def _convertible(lines: list[str], source: str) -> list[list[bool]]:
    """Per line, per character: True where the character is plain text to convert."""
    marks = [[False] * len(line) for line in lines]
    env: dict[str, Any] = {}
    tokens = _MD.parse(source, env)
    # The inline parser runs once per inline token, in document order.
    runs = iter(_top_level_runs(env))
    cursors: dict[int, int] = {}
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "html_block":
            for line_no in range(first, last):
                marks[line_no] = [True] * len(lines[line_no])
                for tag in _TAG.finditer(lines[line_no]):
                    marks[line_no][tag.start() : tag.end()] = [False] * (tag.end() - tag.start())
        elif token.type == "inline" and token.children is not None:
            starts = _locate_lines(token.content, lines, first, last, cursors)
            offsets = [0]
            for piece in token.content.split("\n"):
                offsets.append(offsets[-1] + len(piece) + 1)
            # The inline parser ran once per inline token, in document order.
            run = next(runs)
            assert run.src == token.content
            for start, end in run.spans:
                _mark_span(marks, starts, offsets, start, end)
    for line_no, line in enumerate(lines):
        for kept in _ATTR_LIST.finditer(line):
            marks[line_no][kept.start() : kept.end()] = [False] * (kept.end() - kept.start())
        # An example of conversion (-{视频}-) in text goes to the converter whole, marks and all,
        # so that it can keep it as written (the parser cuts text at its braces).
        for example in EXAMPLE.finditer(line):
            start, end = example.span()
            if all(marks[line_no][example.start(1) : example.end(1)]):
                marks[line_no][start:end] = [True] * (end - start)
    return marks


def _mark_span(
    marks: list[list[bool]], starts: list[tuple[int, int]], offsets: list[int], start: int, end: int
) -> None:
    for index, (line_no, column) in enumerate(starts):
        low, high = max(start, offsets[index]), min(end, offsets[index + 1] - 1)
        if line_no < 0 or low >= high:
            continue
        begin = column + low - offsets[index]
        marks[line_no][begin : begin + high - low] = [True] * (high - low)


def _convert_line(line: str, convertible: list[bool], convert: Callable[[str], str]) -> str:
    pieces: list[str] = []
    start = 0
    while start < len(line):
        end = start
        while end < len(line) and convertible[end] == convertible[start]:
            end += 1
        segment = line[start:end]
        pieces.append(convert(segment) if convertible[start] else segment)
        start = end
    return "".join(pieces)


def _convert_front_matter(block: str, convert: Callable[[str], str]) -> str:
    converted = []
    for line in block.splitlines(keepends=True):
        match = _FRONT_MATTER_LINE.match(line.rstrip("\n"))
        ending = "\n" if line.endswith("\n") else ""
        converted.append(match.group(1) + convert(match.group(2)) + ending if match else line)
    return "".join(converted)


def _admonition_bodies_outdented(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with every admonition body moved out by one indent (nested ones too), and how
    far each line moved, so that the body parses as the Markdown it is."""
    shifts = [0] * len(lines)
    for _ in range(_MAX_NESTING):
        moved, inside = False, False
        for index, line in enumerate(lines):
            if _ADMONITION.match(line):
                inside = True
            elif inside and line.startswith(_BODY_INDENT):
                lines[index] = line[len(_BODY_INDENT) :]
                shifts[index] += len(_BODY_INDENT)
                moved = True
            elif line.strip():
                inside = False
        if not moved:
            break
    return lines, shifts


def convert_markdown(source: str, convert: Callable[[str], str]) -> str:
    """`source` with its text converted and its markup unchanged."""
    front = ""
    match = _FRONT_MATTER.match(source)
    if match:
        front = "---\n" + _convert_front_matter(match.group(1), convert) + "---\n"
        source = source[match.end() :]
    lines = source.split("\n")
    parsed, shifts = _admonition_bodies_outdented(list(lines))
    marks = [
        [False] * shift + line_marks
        for shift, line_marks in zip(shifts, _convertible(parsed, "\n".join(parsed)), strict=True)
    ]
    body = "\n".join(
        _convert_line(line, line_marks, convert)
        for line, line_marks in zip(lines, marks, strict=True)
    )
    return front + body
