"""Strict YAML reading: plain data with the position of every value, nothing silently lost.

PyYAML keeps the last of two duplicate keys and expands aliases without limit, and YAML 1.1 reads
`no` as false and `2024-02-09` as a date object. This reader refuses duplicates, anchors and
aliases, keeps dates as strings, and records where each value stands so errors can name a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.facts.messages import code, say
from generator.facts.problems import DataError, Problem
from generator.facts.slips import deeper_than_previous, find_slips

MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]

# The tags the resolver gives plain data; any other means the file asked for one explicitly.
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")


@dataclass
class Positions:
    """Where each value (and each mapping key) of one file stands: 1-based line and column."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # The id of each list item that has one, to name records by id rather than by index.
    ids: dict[PathKey, str] = field(default_factory=dict)
    # Unquoted scalars read as numbers or true/false, as written (2023.10 stays "2023.10").
    raw: dict[PathKey, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def of(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that exists (for missing fields)."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


@dataclass
class YamlDocument:
    """A file's data as plain Python values, with the positions of its values."""

    path: str
    data: Any
    positions: Positions


class _RefusalError(Exception):
    def __init__(self, node: Node | None, message: str, mark: Any = None) -> None:
        self.node = node
        self.mark = mark or (node.start_mark if node is not None else None)
        super().__init__(message)


# libyaml (shipped in PyYAML's wheels) parses about ten times faster than pure Python.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> Node | None:
    """The document's node tree; anchors and aliases are refused before anything is composed."""
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise _RefusalError(None, say("yaml-alias"), event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _RefusalError(None, say("yaml-anchor"), event.start_mark)
        tag = getattr(event, "tag", None)  # set only when the file wrote one (!!str, !x, ...)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _RefusalError(None, say("yaml-tag", tag=shown), event.start_mark)
    node: Node | None = yaml.compose(text, Loader=_LOADER)
    return node


def _position(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.style in ("'", '"', "|", ">"):
        return text
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~", ""):
        return None
    if _INT.match(text):
        return int(text.replace("_", ""))
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text.replace("_", ""))
    return text


def _build(node: Node, path: PathKey, positions: Positions, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _RefusalError(node, say("yaml-too-deep", limit=MAX_DEPTH))
    positions.values[path] = _position(node.start_mark)
    if isinstance(node, ScalarNode):
        value = _scalar(node)
        if not isinstance(value, str) and value is not None:
            positions.raw[path] = node.value
        return value
    if node.tag not in _PLAIN_TAGS:  # an explicit tag such as !!python/object
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _RefusalError(node, say("yaml-tag", tag=shown))
    if isinstance(node, SequenceNode):
        return [
            _build(item, (*path, index), positions, depth + 1)
            for index, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _RefusalError(key_node, say("yaml-key-not-plain"))
            key = str(key_node.value)
            if key == "<<":
                raise _RefusalError(key_node, say("yaml-merge-key"))
            if key in result:
                first_line = positions.keys[(*path, key)][0]
                raise _RefusalError(key_node, say("yaml-duplicate-key", key=key, line=first_line))
            positions.keys[(*path, key)] = _position(key_node.start_mark)
            result[key] = _build(value_node, (*path, key), positions, depth + 1)
        record_id = result.get("id")
        if (
            path
            and isinstance(path[-1], int)
            and isinstance(record_id, str)
            and _ID.match(record_id)
        ):
            positions.ids[path] = record_id
        return result
    raise _RefusalError(node, say("yaml-unsupported"))


def _decode(path: Path, shown: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError([Problem(shown, line, column, "", say("file-not-utf8"))]) from None


def _example_quoted(line: str) -> str:
    key, _, value = line.strip().removeprefix("- ").partition(":")
    inner = value.strip().replace("'", "''")
    return code(f"{key}: '{inner}'")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message for PyYAML's error, pointing at the line to fix."""
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark) if mark else (1, 1)
    lines = text.splitlines()
    if "mapping values are not allowed" in problem:
        deeper = deeper_than_previous(text, line)
        if deeper is not None:
            above, extra, key = deeper
            return line, column, say("yaml-indent-deeper", line=above, extra=extra, key=key)
        shown = lines[line - 1] if line <= len(lines) else ""
        return line, column, say("yaml-mapping-values", example=_example_quoted(shown))
    if "could not find expected ':'" in problem and error.context_mark is not None:
        # PyYAML points past the line that lacks the colon; the key started on that line.
        return (*_position(error.context_mark), say("yaml-expected-colon"))
    if "quoted scalar" in context and error.context_mark is not None:
        quote = text[error.context_mark.index] if error.context_mark.index < len(text) else "'"
        return (*_position(error.context_mark), say("yaml-unclosed-quote", quote=quote))
    if "tab character" in problem:
        return line, column, say("yaml-tab")
    if "flow" in context:
        return (*_position(error.context_mark or mark), say("yaml-unclosed-bracket"))
    if "expected key" in problem or "expected <block end>" in problem:
        deeper = deeper_than_previous(text, line)
        if deeper is not None:
            above, extra, key = deeper
            return line, column, say("yaml-indent-deeper", line=above, extra=extra, key=key)
        return line, column, say("yaml-bad-indent")
    if "single document" in context:
        return line, column, say("yaml-two-documents")
    detail = f"{problem} ({context})" if problem and context else problem or context
    return line, column, say("yaml-other", detail=detail or "?")


def read_yaml(path: Path, shown: str) -> YamlDocument:
    """Read one YAML file strictly; raise DataError naming file and line on any problem."""
    try:
        size = path.stat().st_size
    except OSError as error:
        problem = say("file-unreadable", reason=error.strerror)
        raise DataError([Problem(shown, 1, 1, "", problem)]) from None
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_000_000
        problem = say("file-too-big", size=f"{size:,}", limit=limit)
        raise DataError([Problem(shown, 1, 1, "", problem)])
    text = _decode(path, shown, path.read_bytes())
    if text.startswith("\ufeff"):
        text = text[1:]
    slips = find_slips(text)
    if slips:
        raise DataError([Problem(shown, s.line, s.column, "", s.message) for s in slips])
    positions = Positions(lines=text.splitlines())
    try:
        root = _compose(text)
        data = _build(root, (), positions, 0) if root is not None else None
    except _RefusalError as refusal:
        line, column = _position(refusal.mark) if refusal.mark else (1, 1)
        raise DataError([Problem(shown, line, column, "", str(refusal))]) from None
    except yaml.MarkedYAMLError as error:
        line, column, message = _syntax_problem(error, text)
        raise DataError([Problem(shown, line, column, "", message)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        problem = say("yaml-control-char", code=f"{error.character:04X}")
        raise DataError([Problem(shown, line, column, "", problem)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(shown, 1, 1, "", say("yaml-other", detail=error))]) from None
    return YamlDocument(shown, data, positions)
