"""Script hygiene: Simplified data holds no Traditional-only character and no control character.

The Traditional edition is converted from the Simplified text, so a Traditional character typed by
mistake (引發 for 引发) shows up in the Simplified edition and hides from review. OpenCC's
Traditional-to-Simplified conversion of the whole text names every such character, in context.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc
from pydantic import BaseModel

from generator.facts.fields import PathKey, readable, string_fields
from generator.facts.messages import code, say
from generator.facts.model import TEXT, TRADITIONAL, Source
from generator.facts.problems import Problem
from generator.facts.yaml_source import Positions, YamlDocument

CONTEXT = 3  # characters shown on each side of a wrong one


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _position(positions: Positions, path: PathKey, value: str, index: int) -> tuple[int, int]:
    """Line and column of `value[index]` in the file, searching from where the value starts."""
    line, column = positions.of(path)
    wanted = value[index]
    skip = value[:index].count(wanted)
    for number in range(line - 1, len(positions.lines)):
        text = positions.lines[number]
        start = column - 1 if number == line - 1 else 0
        at = text.find(wanted, start)
        while at >= 0:
            if skip == 0:
                return number + 1, at + 1
            skip -= 1
            at = text.find(wanted, at + 1)
    return line, column


def _in_other_script(record: BaseModel, path: PathKey) -> bool:
    """Text of a source written in another script or language (its title, its gists)."""
    if len(path) < 2 or not isinstance(path[0], str) or not isinstance(path[1], int):
        return False
    listed = getattr(record, path[0], None)
    item = listed[path[1]] if isinstance(listed, list) and path[1] < len(listed) else None
    return isinstance(item, Source) and item.language != "zh-Hans"


def _text_problems(value: str) -> list[tuple[int, str]]:
    """(index in value, message) for every control or Traditional-only character."""
    found: list[tuple[int, str]] = []
    for index, char in enumerate(value):
        if unicodedata.category(char) == "Cc" and char != "\n":
            name = say("name-tab") if char == "\t" else say("name-control")
            found.append(
                (
                    index,
                    say(
                        "control-character-in-text",
                        name=name,
                        code=f"{ord(char):04X}",
                        index=index + 1,
                    ),
                )
            )
    simplified = str(_to_simplified().convert(value))
    if len(simplified) != len(value):
        simplified = "".join(str(_to_simplified().convert(char)) for char in value)
    for index, (char, fixed) in enumerate(zip(value, simplified, strict=False)):
        if char != fixed:
            low, high = max(0, index - CONTEXT), index + CONTEXT + 1
            wrong, right = value[low:high], value[low:index] + fixed + value[index + 1 : high]
            found.append(
                (
                    index,
                    say(
                        "traditional-character",
                        char=char,
                        simplified=fixed,
                        index=index + 1,
                        wrong=code(wrong),
                        right=code(right),
                    ),
                )
            )
    return found


def script_problems(parsed: dict[str, tuple[BaseModel, YamlDocument]]) -> list[Problem]:
    """Every Traditional-only or control character in the Simplified text of the loaded files."""
    problems: list[Problem] = []
    for record, document in parsed.values():
        positions = document.positions
        for path, value, markers in string_fields(record):
            if TEXT not in markers or TRADITIONAL in markers or _in_other_script(record, path):
                continue
            for index, message in _text_problems(value):
                line, column = _position(positions, path, value, index)
                label = readable(path, positions.ids)
                problems.append(Problem(document.path, line, column, label, message))
    return problems
