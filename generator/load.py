"""Data files to fact model: strict YAML, schema validation, then cross-file checks.

Every problem in every file is collected and raised together as one `DataError`, each naming
file, line, column and field. Nothing downstream runs on data that did not pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from generator.dates import parse_date
from generator.fields import PathKey, dotted, records, string_fields
from generator.grounding import check_grounding, read_fingerprints
from generator.model import (
    DATA_FILES,
    OPTIONAL_FILES,
    Claim,
    Event,
    FactBase,
    Figure,
    Forecast,
    MarketCount,
    MarketMove,
    Move,
    Note,
    Organization,
    Person,
    Product,
    RefTo,
    Role,
    Source,
    StockSeries,
)
from generator.problems import DataError, Problem
from generator.yaml_source import Positions, YamlDocument, read_yaml

KIND_OF_RECORD: dict[type[BaseModel], str] = {
    Source: "source",
    Organization: "organization",
    Person: "person",
    Role: "role",
    Move: "move",
    Product: "product",
    Event: "event",
    MarketMove: "market-move",
    MarketCount: "market-count",
    StockSeries: "stock-series",
    Figure: "figure",
    Claim: "claim",
    Forecast: "forecast",
    Note: "note",
}

# Which data file holds each kind of record.
FILE_OF_KIND = {
    "source": "sources.yml",
    "organization": "organizations.yml",
    "person": "people.yml",
    "role": "people.yml",
    "move": "people.yml",
    "product": "products.yml",
    "event": "events.yml",
    "market-move": "market.yml",
    "market-count": "market.yml",
    "stock-series": "market.yml",
    "figure": "figures.yml",
    "claim": "claims.yml",
    "forecast": "forecasts.yml",
    "note": "notes.yml",
}

_TYPE_WORDS = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing",
}


@dataclass(frozen=True)
class Located:
    """Where a record stands: its file, path in the file and the file's positions."""

    file: str
    path: PathKey
    positions: Positions

    def problem(self, sub: PathKey, message: str) -> Problem:
        line, column = self.positions.of((*self.path, *sub))
        return Problem(self.file, line, column, dotted((*self.path, *sub)), message)


def _got(value: Any) -> str:
    return _TYPE_WORDS.get(type(value), type(value).__name__)


def _message(error: Any, data: Any) -> str:
    kind, loc = error["type"], error["loc"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return f"unknown field '{loc[-1]}'"
    if kind == "missing":
        return "required field is missing"
    if kind in ("string_type",):
        return f"expected text, got {_got(value)}"
    if kind in ("int_type", "int_from_float") and isinstance(value, float):
        return f"expected a whole number, got {value}"
    if kind in ("int_type", "float_type", "int_from_float"):
        return f"expected a number, got {_got(value)}"
    if kind == "bool_type":
        return f"expected true or false, got {_got(value)}"
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = "a list" if kind == "list_type" else "a mapping of fields"
        return f"expected {expected}, got {_got(value)}"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(error.get("ctx", {}).get("pattern")):
        return (
            f"'{value}' is not an id: use lower-case ASCII words joined by hyphens (e.g. zhang-nan)"
        )
    if kind == "string_pattern_mismatch":
        return f"'{value}' may not contain Markdown or HTML characters (< > & quotes brackets * _ # | ! ~ = :)"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)"
    if kind in ("greater_than_equal", "greater_than"):
        limit = error["ctx"].get("ge", error["ctx"].get("gt"))
        word = "at least" if kind == "greater_than_equal" else "more than"
        return f"must be {word} {limit:g}, got {value}"
    if kind in ("literal_error", "enum"):
        allowed = error["ctx"]["expected"]
        return f"'{value}' is not allowed here; expected {allowed}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    message = str(error["msg"])
    return message[0].lower() + message[1:]


def _validate_file(
    document: YamlDocument, model: type[BaseModel]
) -> tuple[BaseModel | None, list[Problem]]:
    if document.data is None:
        top = next(iter(model.model_fields))
        return None, [
            Problem(document.path, 1, 1, "", f"file is empty; it must start with '{top}:'")
        ]
    try:
        return model.model_validate(document.data), []
    except ValidationError as validation:
        problems = []
        for error in validation.errors():
            loc = tuple(error["loc"])
            line, column = document.positions.of(loc, key=error["type"] == "extra_forbidden")
            problems.append(
                Problem(document.path, line, column, dotted(loc), _message(error, document.data))
            )
        return None, problems


def _read_all(
    data_dir: Path, shown_dir: str
) -> tuple[dict[str, tuple[BaseModel, YamlDocument]], list[Problem]]:
    parsed: dict[str, tuple[BaseModel, YamlDocument]] = {}
    problems: list[Problem] = []
    for name, model in DATA_FILES.items():
        shown = f"{shown_dir}/{name}"
        path = data_dir / name
        if not path.exists():
            if name not in OPTIONAL_FILES:
                problems.append(Problem(shown, 1, 1, "", "file is missing"))
            continue
        try:
            document = read_yaml(path, shown)
        except DataError as error:
            problems.extend(error.problems)
            continue
        record, found = _validate_file(document, model)
        problems.extend(found)
        if record is not None:
            parsed[name] = (record, document)
    return parsed, problems


def _index_ids(
    parsed: dict[str, tuple[BaseModel, YamlDocument]],
) -> tuple[dict[str, tuple[str, Located]], list[Problem]]:
    ids: dict[str, tuple[str, Located]] = {}
    problems: list[Problem] = []
    for record, document in parsed.values():
        for path, item in records(record):
            kind = KIND_OF_RECORD.get(type(item))
            if kind is None:
                continue
            where = Located(document.path, path, document.positions)
            record_id: str = cast(Any, item).id
            if record_id in ids:
                first = ids[record_id][1]
                line, column = first.positions.of((*first.path, "id"))
                problems.append(
                    where.problem(
                        ("id",),
                        f"duplicate id '{record_id}' (first used at {first.file}:{line}:{column})",
                    )
                )
            else:
                ids[record_id] = (kind, where)
    return ids, problems


def _check_references(
    parsed: dict[str, tuple[BaseModel, YamlDocument]], ids: dict[str, tuple[str, Located]]
) -> list[Problem]:
    problems = []
    # A file that did not load has its own message; references into it cannot be judged.
    unread = {kind for kind, file in FILE_OF_KIND.items() if file not in parsed}
    for record, document in parsed.values():
        where = Located(document.path, (), document.positions)
        for path, value, markers in string_fields(record):
            targets = [marker for marker in markers if isinstance(marker, RefTo)]
            if not targets:
                continue
            kinds = targets[0].kinds
            found = ids.get(value)
            if found is None and unread & set(kinds):
                continue
            if found is None or found[0] not in kinds:
                wanted = " or ".join(kinds)
                extra = f" (it is a {found[0]})" if found else ""
                problems.append(where.problem(path, f"unknown {wanted} '{value}'{extra}"))
    return problems


def _check_rules(
    parsed: dict[str, tuple[BaseModel, YamlDocument]],
    ids: dict[str, tuple[str, Located]],
    sources: dict[str, Source],
) -> list[Problem]:
    problems = []
    for record, document in parsed.values():
        for path, item in records(record):
            where = Located(document.path, path, document.positions)
            cites = getattr(item, "cite", None) or []
            for index, citation in enumerate(cites):
                source = sources.get(citation.source)
                # A source with misnumbered paragraphs gets its own message instead.
                if source is None or not _numbered_in_order(source):
                    continue
                numbers = {p.n for p in source.paragraphs}
                if citation.paragraph not in numbers:
                    problems.append(
                        where.problem(
                            ("cite", index, "paragraph"),
                            f"source '{citation.source}' has no paragraph {citation.paragraph} (it has {len(numbers)})",
                        )
                    )
            if isinstance(item, Source):
                for index, paragraph in enumerate(item.paragraphs):
                    if paragraph.n != index + 1:
                        problems.append(
                            where.problem(
                                ("paragraphs", index, "n"),
                                f"paragraphs must be numbered 1, 2, 3, ... in order; expected {index + 1}",
                            )
                        )
            if isinstance(item, Role) and _ends_before_start(item):
                problems.append(
                    where.problem(
                        ("end",), f"role ends ({item.end}) before it starts ({item.start})"
                    )
                )
            if isinstance(item, Person):
                own_roles = {role.id for role in item.roles}
                for index, move in enumerate(item.moves):
                    for side in ("from_role", "to_role"):
                        role_id = getattr(move, side)
                        if role_id and role_id in ids and role_id not in own_roles:
                            problems.append(
                                where.problem(
                                    ("moves", index, side),
                                    f"role '{role_id}' belongs to another person",
                                )
                            )
                    if not move.from_role and not move.to_role:
                        problems.append(
                            where.problem(
                                ("moves", index), "a move needs from_role, to_role or both"
                            )
                        )
    return problems


def _numbered_in_order(source: Source) -> bool:
    return [p.n for p in source.paragraphs] == list(range(1, len(source.paragraphs) + 1))


def _ends_before_start(role: Role) -> bool:
    if not role.start or not role.end:
        return False
    end, start = parse_date(role.end).latest, parse_date(role.start).earliest
    return end is not None and start is not None and end < start


def load_fact_base(data_dir: Path, shown_dir: str = "data", *, grounding: bool = True) -> FactBase:
    """Load and check every data file; raise DataError listing every problem found.

    `grounding=False` skips the checks against the sources' fingerprints (quotes, hedges, names,
    date precision): for reading old revisions of the data, which predate them.
    """
    parsed, problems = _read_all(data_dir, shown_dir)
    ids, id_problems = _index_ids(parsed)
    problems += id_problems
    problems += _check_references(parsed, ids)
    sources = {s.id: s for s in getattr(parsed.get("sources.yml", (None,))[0], "sources", [])}
    problems += _check_rules(parsed, ids, sources)
    if grounding:
        prints, print_problems = read_fingerprints(data_dir, shown_dir, sources)
        problems += print_problems
        problems += check_grounding(parsed, sources, prints, shown_dir)
    if problems:
        raise DataError(problems)
    merged: dict[str, Any] = {}
    for record, _ in parsed.values():
        merged.update({name: getattr(record, name) for name in type(record).model_fields})
    return FactBase(**merged)


_CACHE: dict[tuple[str, str], tuple[tuple[tuple[str, int, int], ...], FactBase]] = {}


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    stats = []
    prints = sorted(p.relative_to(data_dir).as_posix() for p in data_dir.glob("fingerprints/*.yml"))
    for name in [*DATA_FILES, *prints]:
        try:
            stat = (data_dir / name).stat()
        except OSError:
            stats.append((name, -1, -1))
        else:
            stats.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def cached_fact_base(data_dir: Path, shown_dir: str = "data") -> FactBase:
    """`load_fact_base`, reused while no data file changed (the editions of one build share it)."""
    key = (str(data_dir.resolve()), shown_dir)
    fingerprint = _fingerprint(data_dir)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == fingerprint:
        return hit[1]
    base = load_fact_base(data_dir, shown_dir)
    _CACHE[key] = (fingerprint, base)
    return base


def last_good_fact_base(data_dir: Path, shown_dir: str = "data") -> FactBase | None:
    """The fact base of the last load of `data_dir` that succeeded in this process, if any."""
    hit = _CACHE.get((str(data_dir.resolve()), shown_dir))
    return hit[1] if hit is not None else None
