"""Typing slips a Chinese input method leaves in YAML, found by name before the file is parsed.

A full-width colon, comma, dash or space, curly quotes and tabs all look right on screen but mean
something else (or nothing) to YAML. PyYAML's own message for them points at the wrong line and
names no fix, so each slip is found here and reported with the exact line to type instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.facts.messages import code, say

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_ITEM = r"(?:[-－—–−]\s+)*"
_CURLY = "“”‘’「」"
_DASHES = "－—–−"  # full-width hyphen, em dash, en dash, minus sign

_COLON = re.compile(rf"^(\s*{_ITEM})({_KEY})\s*：[ \u3000]*")
_DASH = re.compile(rf"^(\s*)([{_DASHES}])[ \u3000]+")
_CURLY_KEY = re.compile(rf"^(\s*{_ITEM})[{_CURLY}]({_KEY})[{_CURLY}]\s*[:：]\s*")
_CURLY_VALUE = re.compile(rf"^(\s*{_ITEM}{_KEY}:\s+)[{_CURLY}]([\x20-\x7e]*)[{_CURLY}]\s*$")
_SPACE_AFTER_SYNTAX = re.compile(rf"^(\s*{_ITEM}(?:{_KEY}:)?)\u3000")
_COMMA_IN_FLOW = re.compile(r"[A-Za-z0-9_\]}'\"-]\s*，\s*[A-Za-z0-9_\[{'\"-]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_BLOCK_START = re.compile(rf"^(\s*){_ITEM}{_KEY}:\s*[|>][-+0-9]*\s*(#.*)?$")


@dataclass(frozen=True)
class Slip:
    """One slip: 1-based line and column, and the message naming the fix."""

    line: int
    column: int
    message: str


def _quoted(text: str) -> str:
    return code(text)


def _fix(line: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    return _quoted(line), _quoted(line[:start] + replacement + line[end:])


def _slips_of_line(line: str) -> Iterator[tuple[int, str]]:
    """(0-based column, message) for each slip on one line outside block text."""
    if re.match(r"^ *\t", line):
        yield line.index("\t"), say("slip-tab-indent")
        return
    if match := _DASH.match(line):
        wrong, right = _fix(line, match.start(2), match.end(), "- ")
        yield (
            match.start(2),
            say("slip-fullwidth-hyphen", char=match.group(2), wrong=wrong, right=right),
        )
        return
    if match := _CURLY_KEY.match(line):
        key_end = match.end()
        wrong, right = _fix(line, match.end(1), key_end, f"{match.group(2)}: ")
        yield match.end(1), say("slip-smart-quote-key", wrong=wrong, right=right)
        return
    if match := _COLON.match(line):
        wrong, right = _fix(line, match.end(2), match.end(), ": ")
        yield line.index("：", match.end(2)), say("slip-fullwidth-colon", wrong=wrong, right=right)
        return
    if match := _SPACE_AFTER_SYNTAX.match(line):
        yield match.end(1), say("slip-fullwidth-space")
        return
    indent = len(line) - len(line.lstrip(" \u3000"))
    if "\u3000" in line[:indent]:
        yield line.index("\u3000"), say("slip-fullwidth-space")
        return
    if match := _CURLY_VALUE.match(line):
        inner = match.group(2).replace("'", "''")
        wrong, right = _fix(line, match.end(1), len(line.rstrip()), f"'{inner}'")
        yield match.end(1), say("slip-smart-quote-value", wrong=wrong, right=right)
        return
    flow = line.find("[") if "[" in line else line.find("{")
    match = _COMMA_IN_FLOW.search(line, flow) if flow >= 0 else None
    # Only between ids or keys: a comma after Chinese text is the text's own punctuation.
    if match and not _CJK.search(line, flow, match.start()):
        comma = line.index("，", match.start())
        wrong, right = _quoted(line), _quoted(line.replace("，", ", "))
        yield comma, say("slip-fullwidth-comma", wrong=wrong, right=right)


def find_slips(text: str) -> list[Slip]:
    """Every slip in the file, skipping comments and the text of block scalars (| and >)."""
    found: list[Slip] = []
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip(" \t\u3000")
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        for column, message in _slips_of_line(line):
            found.append(Slip(number, column + 1, message))
        if match := _BLOCK_START.match(line):
            block_indent = len(match.group(1))
    return found


def _content_column(line: str) -> int:
    """Column (0-based) where a line's key starts, after its indentation and list dashes."""
    rest = line.lstrip(" ")
    while rest.startswith("- "):
        rest = rest[2:].lstrip(" ")
    return len(line) - len(rest)


def deeper_than_previous(text: str, error_line: int) -> tuple[int, int, str] | None:
    """(previous line, extra columns, its key) when `error_line` is indented past its field.

    A line indented deeper than the field above it, which opens no block, is read by YAML as the
    rest of that field's value; its colon then gives "mapping values are not allowed".
    """
    lines = text.splitlines()
    if not 1 <= error_line <= len(lines):
        return None
    here = lines[error_line - 1]
    for number in range(error_line - 1, 0, -1):
        above = lines[number - 1]
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith(":"):
            return None
        key_column = _content_column(above)
        extra = (len(here) - len(here.lstrip(" "))) - key_column
        if extra <= 0:
            return None
        key = above[key_column:].split(":", 1)[0]
        return number, extra, key
    return None
