"""The generator's interface words that no page render records: stamps, feed, cards, tool bars.

Every string literal the generator hands to a converter (`ui("更新于")`, `self.convert("…")`)
and the word tables converted whole (plotly.js's tool bar, the 404 page, chart export) are
collected here, so the conversion review sees each word a reader of an edition can meet.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

GENERATOR_DIR = Path(__file__).parents[1]
# Names a converter goes by at its call sites.
CONVERTER_NAMES = {"ui", "convert"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def literal_ui_words() -> Iterator[tuple[str, str]]:
    """(generator/module.py:line, text) for each literal passed to a converter."""
    for path in sorted(GENERATOR_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _called_name(node) not in CONVERTER_NAMES:
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                place = f"generator/{path.relative_to(GENERATOR_DIR)}:{node.lineno}"
                yield place, first.value


def table_ui_words() -> Iterator[tuple[str, str]]:
    """(place, text) for the word tables an edition converts entry by entry."""
    from generator.site.chart_embed import PLOTLY_WORDS
    from generator.site.chart_share import TOOL_WORDS
    from generator.site.theme_words import UI_TEXT

    for english, chinese in sorted(PLOTLY_WORDS.items()):
        yield f"plotly.js {english}", chinese
    for key, text in sorted(TOOL_WORDS.items()):
        yield f"chart tools {key}", text
    for key, text in sorted(UI_TEXT.items()):
        yield f"theme {key}", text


def interface_words() -> Iterator[tuple[str, str]]:
    """Every interface word outside the recorded page texts."""
    yield from literal_ui_words()
    yield from table_ui_words()
