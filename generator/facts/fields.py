"""Walks a loaded record tree and yields each string field with its schema markers.

Used wherever a rule applies to "every reference" or "every text" in the model, so that adding a
field to `facts/model.py` is enough for it to be checked and converted.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from generator.facts.messages import word

PathKey = tuple[str | int, ...]

# An example of conversion in a text, kept as written by every edition: -{视频}- (the marks of
# Chinese Wikipedia's no-conversion syntax, which many Chinese writers know).
EXAMPLE = re.compile(r"-\{(.+?)\}-", re.DOTALL)


def without_example_marks(text: str) -> str:
    """`text` as the source edition shows it: every example's marks dropped (-{视频}- → 视频)."""
    return EXAMPLE.sub(lambda m: m.group(1), text) if "-{" in text else text


def _holds(option: Any, value: Any) -> bool:
    """Whether `value` is of the union member `option` (str, list or dict, maybe Annotated)."""
    while get_origin(option) is Annotated:
        option = get_args(option)[0]
    kind = get_origin(option) or option
    return isinstance(kind, type) and isinstance(value, kind)


def unwrap(annotation: Any, value: Any = None) -> tuple[Any, tuple[Any, ...]]:
    """Strip Annotated and Optional (and, for a union of several, the members `value` is not
    of), returning the bare type and the Annotated metadata."""
    metadata: tuple[Any, ...] = ()
    while True:
        if get_origin(annotation) is Annotated:
            base, *extra = get_args(annotation)
            metadata += tuple(extra)
            annotation = base
            continue
        if get_origin(annotation) in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(options) > 1:
                options = [arg for arg in options if _holds(arg, value)][:1] or options
            if len(options) == 1:
                annotation = options[0]
                continue
        return annotation, metadata


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(model: type[BaseModel]) -> dict[str, Any]:
    if model not in _HINTS:
        _HINTS[model] = get_type_hints(model, include_extras=True)
    return _HINTS[model]


def field_type(model: type[BaseModel], name: str) -> tuple[Any, tuple[Any, ...]]:
    """The bare type of one field of `model` and its Annotated markers (Optional removed)."""
    return unwrap(_hints(model)[name])


def string_fields(
    record: BaseModel, path: PathKey = ()
) -> Iterator[tuple[PathKey, str, tuple[Any, ...]]]:
    """Yield (path, value, markers) for every string in `record`, depth first, in field order."""
    for name in type(record).model_fields:
        yield from _walk(getattr(record, name), _hints(type(record))[name], (*path, name))


def _walk(
    value: Any, annotation: Any, path: PathKey
) -> Iterator[tuple[PathKey, str, tuple[Any, ...]]]:
    bare, metadata = unwrap(annotation, value)
    if value is None:
        return
    if isinstance(value, BaseModel):
        yield from string_fields(value, path)
    elif isinstance(value, str):
        yield path, value, metadata
    elif isinstance(value, list):
        (item_type,) = get_args(bare) or (Any,)
        for index, item in enumerate(value):
            yield from _walk(item, item_type, (*path, index))
    elif isinstance(value, dict):
        _, item_type = get_args(bare) or (Any, Any)
        for key, item in value.items():
            yield from _walk(item, item_type, (*path, key))


def map_strings(record: BaseModel, change: Callable[[str, tuple[Any, ...]], str]) -> Any:
    """A copy of `record` with every string replaced by `change(value, markers)`."""
    updates: dict[str, Any] = {}
    hints = _hints(type(record))
    for name in type(record).model_fields:
        updates[name] = _map(getattr(record, name), hints[name], change)
    return record.model_copy(update=updates)


def _map(value: Any, annotation: Any, change: Callable[[str, tuple[Any, ...]], str]) -> Any:
    bare, metadata = unwrap(annotation, value)
    if value is None:
        return None
    if isinstance(value, BaseModel):
        return map_strings(value, change)
    if isinstance(value, str):
        return change(value, metadata)
    if isinstance(value, list):
        (item_type,) = get_args(bare) or (Any,)
        return [_map(item, item_type, change) for item in value]
    if isinstance(value, dict):
        _, item_type = get_args(bare) or (Any, Any)
        return {key: _map(item, item_type, change) for key, item in value.items()}
    return value


def records(record: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, BaseModel]]:
    """Yield (path, record) for `record` and every record nested in it."""
    yield path, record
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                sub = (*path, name, index) if isinstance(value, list) else (*path, name)
                yield from records(item, sub)


def dotted(path: PathKey) -> str:
    """`('people', 3, 'roles', 0, 'org')` -> `people[3].roles[0].org`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def readable(path: PathKey, ids: dict[PathKey, str]) -> str:
    """A path a contributor can read: records by id, others counted from 1.

    `('events', 25, 'cite', 0, 'paragraph')` -> `wang-xiaoming-resigns › cite 第1条 › paragraph`.
    """
    parts: list[str] = []
    for end, part in enumerate(path, start=1):
        if not isinstance(part, int):
            parts.append(str(part))
            continue
        list_name = parts.pop() if parts else ""
        record_id = ids.get(path[:end])
        if record_id and end == 2:
            parts.append(record_id)
        elif record_id:
            parts.append(f"{list_name}: {record_id}")
        else:
            parts.append(f"{list_name} {word('item', n=part + 1)}".strip())
    return " › ".join(parts)


def model_at(model: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    """The record model found at `path` inside `model` (None when the path leaves the models)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        hint = _hints(current).get(str(part))
        if hint is None:
            return None
        bare, _ = unwrap(hint)
        while get_origin(bare) in (list, dict):
            bare, _ = unwrap(get_args(bare)[-1])
        current = bare
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None
