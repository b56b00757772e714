"""The arithmetic of a derived figure, as written in data: figure ids, numbers, units, + − × ÷.

`youtube-hours × 60分钟/小时` multiplies the figure `youtube-hours` by 60; a unit written after a
number or a closing bracket is shown to the reader and ignored by the arithmetic, except `%`,
which is a hundredth (`revenue × 30%`). Parsing never
evaluates Python: only these tokens exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.facts.messages import say

_TOKEN = re.compile(
    r"\s*(?:(?P<id>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<percent>[%％])"
    r"|(?P<unit>[^\x00-\x7f×÷−（）]+(?:/[^\x00-\x7f×÷−（）]+)*)"
    r"|(?P<op>[×÷+−*/\-])"
    r"|(?P<open>[(（])|(?P<close>[)）]))"
)
_SHOWN_OPS = {"*": "×", "/": "÷", "-": "−"}

# Scale words a unit may begin with, longest first (亿美元, 万台). 千, 百 and 十 alone are not
# among them: 千瓦时, 千克 and 百分点 are units of their own. Their Traditional forms too: a
# Traditional edition reads the unit after conversion (萬元), and says its scale once as well.
UNIT_SCALE_WORDS = (
    *("万亿", "千万", "百万", "十万", "亿", "万"),
    *("萬億", "千萬", "百萬", "十萬", "億", "萬"),
)
PERCENT_UNITS = ("%", "％")


def split_unit(unit: str) -> tuple[str, str]:
    """(scale word, unit): '亿美元' -> ('亿', '美元'); '千瓦时' -> ('', '千瓦时')."""
    for scale in UNIT_SCALE_WORDS:
        if unit.startswith(scale) and len(unit) > len(scale):
            return scale, unit[len(scale) :]
    return "", unit


class FormulaError(ValueError):
    """A formula that cannot be read; the message says what to write instead."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokens(formula: str) -> list[Token]:
    """The formula's tokens; raises FormulaError naming the first character it cannot read."""
    found: list[Token] = []
    position = 0
    text = formula.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise FormulaError(say("formula-character", char=text[position:].strip()[:1]))
        kind = match.lastgroup or ""
        found.append(Token(kind, match.group(kind)))
        position = match.end()
    return found


class _Parser:
    """Recursive descent over sum → product → factor, evaluating as it goes."""

    def __init__(self, items: list[Token], value_of: Callable[[str], float]) -> None:
        self.items = items
        self.index = 0
        self.value_of = value_of

    def peek(self) -> Token | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise FormulaError(say("formula-incomplete"))
        self.index += 1
        return token

    def skip_unit(self, value: float) -> float:
        """The value with the unit written after it: shown only, except % (a hundredth)."""
        token = self.peek()
        if token is not None and token.kind == "percent":
            self.index += 1
            return value / 100
        if token is not None and token.kind == "unit":
            self.index += 1
        return value

    def total(self) -> float:
        value = self.product()
        while (token := self.peek()) is not None and token.text in "+−-":
            self.take()
            other = self.product()
            value = value + other if token.text == "+" else value - other
        return value

    def product(self) -> float:
        value = self.factor()
        while (token := self.peek()) is not None and token.text in "×÷*/":
            self.take()
            other = self.factor()
            if token.text in "÷/":
                if other == 0:
                    raise FormulaError(say("formula-zero"))
                value /= other
            else:
                value *= other
        return value

    def factor(self) -> float:
        token = self.take()
        if token.kind == "number":
            return self.skip_unit(float(token.text))
        if token.kind == "id":
            return self.value_of(token.text)
        if token.kind == "open":
            value = self.total()
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise FormulaError(say("formula-bracket"))
            self.take()
            return self.skip_unit(value)
        raise FormulaError(say("formula-unexpected", token=token.text))


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """The formula's value with each figure id replaced by its value."""

    def value_of(name: str) -> float:
        if name not in values:
            raise FormulaError(say("formula-unknown-id", id=name))
        return values[name]

    parser = _Parser(tokens(formula), value_of)
    value = parser.total()
    if parser.peek() is not None:
        raise FormulaError(say("formula-unexpected", token=parser.take().text))
    return value


def ids_in(formula: str) -> list[str]:
    """The figure ids the formula uses, in order of first use."""
    return list(dict.fromkeys(t.text for t in tokens(formula) if t.kind == "id"))


def check(formula: str) -> str:
    """The formula if it reads (every id standing for 1); FormulaError otherwise."""
    evaluate(formula, {name: 1.0 for name in ids_in(formula)})
    return formula


def shown(formula: str, words: Mapping[str, str]) -> str:
    """The formula for a reader: each id as its figure in words, operators as × ÷ −."""
    parts: list[str] = []
    for token in tokens(formula):
        if token.kind == "id":
            parts.append(" " + words.get(token.text, token.text))
        elif token.kind == "op":
            parts.append(" " + _SHOWN_OPS.get(token.text, token.text))
        elif token.kind in ("unit", "close", "percent"):
            parts.append(")" if token.kind == "close" else token.text)
        elif token.kind == "open":
            parts.append(" (")
        else:
            parts.append(" " + token.text)
    return re.sub(r"\( ", "(", "".join(parts)).strip()
