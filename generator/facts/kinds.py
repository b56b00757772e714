"""The data files and kinds of record, read from the model's declarations.

`FactBase` names each list's data file (`InFile`) and, for records with ids, their kind (`KindOf`),
as do the records that hold other records (a person's roles). Every registry of files and kinds
(what loading reads, which file holds a kind, what messages and the corrections page call it)
is derived here, so declaring a list is all a new kind of record needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_type_hints

from pydantic import BaseModel, Field, create_model

from generator.facts.fields import field_type
from generator.facts.messages import language, word
from generator.facts.model import FactBase, Identified, InFile, KindOf, Record


@dataclass(frozen=True)
class Kind:
    """One kind of record: its name, model, list, data file, holder and words."""

    name: str  # how references, messages and the fact diff name it: "role"
    model: type[Identified]
    list_key: str  # the list that holds it, in the fact base or in its holder: "roles"
    file: str  # the data file it is written in: "people.yml"
    holder: str | None  # the kind of record whose list holds it ("person"), None at the top
    zh: str  # its name for contributors, in messages and CONTRIBUTING
    en: str
    label: str  # its name for readers

    @property
    def word(self) -> str:
        """The kind's name for contributors in the messages' language."""
        return self.en if language() == "en" else self.zh


def _item_model(model: type[Record], name: str) -> Any:
    bare, _ = field_type(model, name)
    (item,) = get_args(bare)
    return item


def _marker(model: type[Record], name: str, marker_type: type[Any]) -> Any:
    return next((m for m in field_type(model, name)[1] if isinstance(m, marker_type)), None)


def _kinds_in(
    model: type[Record], files: dict[str, str], file: str | None, holder: str | None
) -> Iterator[Kind]:
    """The kinds listed in `model`'s fields (in `file`, or each list's own file at the top)."""
    for name in model.model_fields:
        mark = _marker(model, name, KindOf)
        if mark is None:
            continue
        item = _item_model(model, name)
        where = file or files[name]
        yield Kind(mark.name, item, name, where, holder, mark.zh, mark.en, mark.label)
        yield from _kinds_in(item, files, where, mark.name)


def _file_model(base: type[Record], file: str, marks: dict[str, InFile]) -> type[Record]:
    """The model of one data file's whole content: its lists, as the fact base declares them.

    An optional file's lists are empty when the file is absent, but a file that is there must
    hold them; the others keep the fact base's defaults.
    """
    hints = get_type_hints(base, include_extras=True)
    fields: dict[str, Any] = {}
    for name, mark in marks.items():
        if mark.name != file:
            continue
        info = base.model_fields[name]
        if info.is_required() or mark.optional:
            fields[name] = (hints[name], Field(description=info.description))
        else:
            fields[name] = (
                hints[name],
                Field(default_factory=list, description=info.description),
            )
    title = Path(file).stem.replace("_", " ").title().replace(" ", "") + "File"
    return create_model(title, __base__=Record, **fields)


@dataclass(frozen=True)
class Declared:
    """Every registry of files and kinds, read from one fact-base model."""

    file_of_list: dict[str, str]  # FactBase list -> the data file that holds it, in load order
    data_files: dict[str, type[Record]]  # data file -> the model of its content, in load order
    optional_files: frozenset[str]  # data files a report may leave out
    kinds: dict[str, Kind]  # every kind of record with an id, in the order of the data files


def declared(base: type[Record]) -> Declared:
    """Read the registries from `base`'s declarations; a list without a data file is an error."""
    marks: dict[str, InFile] = {}
    for name in base.model_fields:
        mark = _marker(base, name, InFile)
        if mark is None:
            raise TypeError(f"{base.__name__}.{name} names no data file (InFile)")
        marks[name] = mark
    files = {name: mark.name for name, mark in marks.items()}
    return Declared(
        file_of_list=files,
        data_files={file: _file_model(base, file, marks) for file in dict.fromkeys(files.values())},
        optional_files=frozenset(mark.name for mark in marks.values() if mark.optional),
        kinds={kind.name: kind for kind in _kinds_in(base, files, None, None)},
    )


_DECLARED = declared(FactBase)
FILE_OF_LIST = _DECLARED.file_of_list
DATA_FILES = _DECLARED.data_files
OPTIONAL_FILES = _DECLARED.optional_files
KINDS = _DECLARED.kinds
KIND_OF_MODEL: dict[type[BaseModel], Kind] = {kind.model: kind for kind in KINDS.values()}
# FactBase list -> the kind of record it holds (the glossary's lists hold none).
KIND_OF_LIST: dict[str, Kind] = {k.list_key: k for k in KINDS.values() if k.holder is None}


def kind_word(name: str) -> str:
    """The contributors' name of a kind (or of the glossary), in the messages' language."""
    kind = KINDS.get(name)
    return kind.word if kind is not None else word(name)


def list_word(list_key: str) -> str:
    """The contributors' name of what a FactBase list holds: 人物 for people."""
    kind = KIND_OF_LIST.get(list_key)
    return kind.word if kind is not None else word(list_key)


def kind_words(names: Iterable[str]) -> list[str]:
    """The contributors' names of these kinds, in the messages' language."""
    return [kind_word(name) for name in names]
