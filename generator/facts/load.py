"""Data files to fact model: strict YAML, schema validation, then cross-file checks.

Every problem in every file is collected and raised together as one `DataError`, each naming
file, line, column and field. Nothing downstream runs on data that did not pass.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.facts import formula
from generator.facts.base_branch import ids_on_base
from generator.facts.cache import files_digest
from generator.facts.categories import GROUPS, allowed
from generator.facts.dates import parse_date
from generator.facts.fields import PathKey, model_at, readable, records, string_fields
from generator.facts.grounding import check_grounding, read_fingerprints
from generator.facts.hygiene import script_problems
from generator.facts.kinds import DATA_FILES, KIND_OF_MODEL, KINDS, OPTIONAL_FILES, kind_words
from generator.facts.messages import code, did_you_mean, either, say, word
from generator.facts.model import (
    REPORT_FILE,
    CategoryOf,
    DerivedFigure,
    FactBase,
    Figure,
    Identified,
    Person,
    RefTo,
    Report,
    ReportFile,
    Role,
    Source,
)
from generator.facts.problems import DataError, Problem
from generator.facts.yaml_source import Positions, YamlDocument, read_yaml

_TYPE_WORDS = {
    str: "text",
    int: "number",
    float: "number",
    bool: "bool",
    list: "list",
    dict: "mapping",
    type(None): "nothing",
}


@dataclass(frozen=True)
class Located:
    """Where a record stands: its file, path in the file and the file's positions."""

    file: str
    path: PathKey
    positions: Positions

    def problem(self, sub: PathKey, message: str) -> Problem:
        path = (*self.path, *sub)
        line, column = self.positions.of(path)
        return Problem(self.file, line, column, readable(path, self.positions.ids), message)


def _got(value: Any) -> str:
    return word(_TYPE_WORDS.get(type(value), "text"))


def _quote_fix(loc: tuple[Any, ...], raw: str) -> str:
    quoted = "'" + raw.replace("'", "''") + "'"
    return code(f"{loc[-1]}: {quoted}" if isinstance(loc[-1], str) else quoted)


def _id_hint(value: str) -> str:
    fixed = re.sub(r"[^a-z0-9]+", "-", value.strip().lower()).strip("-")
    return say("did-you-mean", options=f"'{fixed}'") if fixed and fixed != value else ""


def _message(error: Any, model: type[BaseModel], positions: Positions) -> str:
    kind, loc = error["type"], tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        fields = list(getattr(model_at(model, loc[:-1]), "model_fields", {}))
        hint = did_you_mean(str(loc[-1]), fields) or say(
            "no-suggestion-field", options=", ".join(fields)
        )
        return say("unknown-field", name=loc[-1], hint=hint)
    if kind == "missing":
        return say("missing-field", name=loc[-1])
    if kind == "string_type" and isinstance(value, bool | int | float) and loc in positions.raw:
        raw = positions.raw[loc]
        return say(
            "bool-needs-quotes" if isinstance(value, bool) else "number-needs-quotes",
            raw=raw,
            fix=_quote_fix(loc, raw),
        )
    if kind == "string_type":
        return say("expected-text", got=_got(value))
    if kind in ("int_type", "int_from_float") and isinstance(value, float):
        return say("expected-whole-number", value=value)
    if kind in ("int_type", "float_type", "int_from_float", "int_parsing", "float_parsing"):
        return say("expected-number", got=_got(value))
    if kind == "bool_type":
        return say("expected-bool", got=_got(value))
    if kind == "list_type":
        return say("expected-list", got=_got(value))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return say("expected-mapping", got=_got(value))
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(ctx.get("pattern")):
        return say("bad-id", value=value, hint=_id_hint(str(value)))
    if kind == "string_pattern_mismatch" and str(ctx.get("pattern")).startswith("^#"):
        return say("bad-color", value=value)
    if kind == "string_pattern_mismatch":
        return say("markup-characters", value=value)
    if kind == "too_short":
        return say("too-short", count=ctx["min_length"])
    if kind == "string_too_short":
        return say("empty-text")
    if kind in ("too_long", "string_too_long"):
        return say("too-long", count=ctx["max_length"])
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return say(
            "at-least" if kind == "greater_than_equal" else "more-than",
            limit=f"{limit:g}",
            value=value,
        )
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx["expected"]))
        shown = ", ".join(f"'{option}'" for option in allowed)
        hint = did_you_mean(str(value), allowed)
        return say("not-allowed-value", value=value, allowed=shown, hint=hint)
    if kind == "value_error":
        return str(ctx["error"])
    return say("invalid-value", detail=error["msg"])


def _validate_file(
    document: YamlDocument, model: type[BaseModel]
) -> tuple[BaseModel | None, list[Problem]]:
    if document.data is None:
        top = next(iter(model.model_fields))
        return None, [Problem(document.path, 1, 1, "", say("file-empty", top=top))]
    try:
        return model.model_validate(document.data), []
    except ValidationError as validation:
        problems = []
        for error in validation.errors():
            loc = tuple(error["loc"])
            line, column = document.positions.of(loc, key=error["type"] == "extra_forbidden")
            label = readable(loc, document.positions.ids)
            message = _message(error, model, document.positions)
            problems.append(Problem(document.path, line, column, label, message))
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
                problems.append(Problem(shown, 1, 1, "", say("file-missing")))
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
    parsed: dict[str, tuple[BaseModel, YamlDocument]], data_dir: Path
) -> tuple[dict[str, tuple[str, Located]], list[Problem]]:
    places: dict[str, list[tuple[str, str, Located]]] = {}  # id -> (kind, file name, where)
    for name, (record, document) in parsed.items():
        for path, item in records(record):
            kind = KIND_OF_MODEL.get(type(item))
            if kind is not None and isinstance(item, Identified):
                where = Located(document.path, path, document.positions)
                places.setdefault(item.id, []).append((kind.name, name, where))
    ids = {record_id: (found[0][0], found[0][2]) for record_id, found in places.items()}
    problems: list[Problem] = []
    base: tuple[str, dict[str, set[str]]] | None = None
    for record_id, found in places.items():
        if len(found) < 2:
            continue
        # Blame the record that is new relative to the base branch, when exactly one is old.
        base = base or ids_on_base(data_dir, list(DATA_FILES)) or ("", {})
        branch, held = base
        old = [place for place in found if record_id in held.get(place[1], set())]
        keep = old[0] if len(old) == 1 else found[0]
        ids[record_id] = (keep[0], keep[2])
        line, column = keep[2].positions.of((*keep[2].path, "id"))
        on_base = say("duplicate-id-base", base=branch) if len(old) == 1 else ""
        for place in found:
            if place is keep:
                continue
            message = say(
                "duplicate-id",
                id=record_id,
                first=f"{keep[2].file}:{line}:{column}",
                base=on_base,
                example=_unused_id(record_id, places),
            )
            problems.append(place[2].problem(("id",), message))
    return ids, problems


def _unused_id(record_id: str, taken: dict[str, Any]) -> str:
    number = 2
    while f"{record_id}-{number}" in taken:
        number += 1
    return f"{record_id}-{number}"


def _check_references(
    parsed: dict[str, tuple[BaseModel, YamlDocument]], ids: dict[str, tuple[str, Located]]
) -> list[Problem]:
    problems = []
    # A file that did not load has its own message; references into it cannot be judged.
    unread = {kind.name for kind in KINDS.values() if kind.file not in parsed}
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
            if found is not None and found[0] not in kinds:
                message = say(
                    "reference-wrong-kind",
                    value=value,
                    found=KINDS[found[0]].word,
                    kinds=either(kind_words(kinds)),
                )
                problems.append(where.problem(path, message))
            elif found is None:
                candidates = [key for key, (kind, _) in ids.items() if kind in kinds]
                hint = did_you_mean(value, candidates) or say(
                    "no-suggestion-id",
                    file=" / ".join(dict.fromkeys(KINDS[k].file for k in kinds)),
                )
                message = say(
                    "unknown-reference", kinds=either(kind_words(kinds)), value=value, hint=hint
                )
                problems.append(where.problem(path, message))
    return problems


def _declared_codes(data_dir: Path, shown_dir: str) -> dict[str, list[str]]:
    """The category codes report.yml declares, by group, read leniently: a report.yml that does
    not load has its own message (`load_report`), and its codes still count here."""
    path = data_dir / REPORT_FILE
    if not path.exists():
        return {}
    try:
        data = read_yaml(path, f"{shown_dir}/{REPORT_FILE}").data
    except DataError:
        return {}
    report = data.get("report") if isinstance(data, dict) else None
    declared = report.get("categories") if isinstance(report, dict) else None
    if not isinstance(declared, dict):
        return {}
    return {
        str(group): [str(code) for code in codes]
        for group, codes in declared.items()
        if isinstance(codes, dict)
    }


def _check_categories(
    parsed: dict[str, tuple[BaseModel, YamlDocument]], declared: dict[str, list[str]], report: str
) -> list[Problem]:
    """A kind or status that is neither a default nor declared in report.yml is refused."""
    problems = []
    for record, document in parsed.values():
        where = Located(document.path, (), document.positions)
        for path, value, markers in string_fields(record):
            group = next((m.group for m in markers if isinstance(m, CategoryOf)), None)
            if group is None:
                continue
            codes = allowed(group, dict.fromkeys(declared.get(group, [])))
            if value in codes:
                continue
            message = say(
                "unknown-category",
                value=value,
                group=GROUPS[group],
                allowed="、".join(codes),
                hint=did_you_mean(value, codes),
                name=group,
                file=report,
                example=code(
                    f"{value.lower()}: {{word: …}}"
                    if value.isascii()
                    else f"my-kind: {{word: {value}}}"
                ),
            )
            problems.append(where.problem(path, message))
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
                            say(
                                "no-paragraph",
                                source=citation.source,
                                paragraph=citation.paragraph,
                                count=len(numbers),
                            ),
                        )
                    )
            if isinstance(item, Source):
                # A citation must stay checkable after a link dies: an address or a note.
                if not (item.url or item.archive_url or item.archive_note):
                    problems.append(where.problem(("archive_note",), say("source-no-address")))
                for index, paragraph in enumerate(item.paragraphs):
                    if paragraph.n != index + 1:
                        problems.append(
                            where.problem(
                                ("paragraphs", index, "n"),
                                say("paragraph-order", expected=index + 1),
                            )
                        )
            if isinstance(item, DerivedFigure):
                problems += _formula_problems(item, where)
            if isinstance(item, Figure):
                problems += _unit_problems(item, where)
            if isinstance(item, Role) and _ends_before_start(item):
                problems.append(
                    where.problem(
                        ("end",), say("role-ends-before-start", end=item.end, start=item.start)
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
                                    say("role-of-another-person", role=role_id),
                                )
                            )
                    if not move.from_role and not move.to_role:
                        problems.append(where.problem(("moves", index), say("move-needs-role")))
    return problems


def _unit_problems(item: Figure, where: Located) -> list[Problem]:
    """A figure's unit that begins with a scale word (亿美元): the scale belongs in `scale`, or
    it would be shown twice (530亿亿美元) and left out of the arithmetic."""
    unit_scale, rest = formula.split_unit(item.unit)
    if not unit_scale:
        return []
    if item.scale:
        message = say("unit-scale-twice", unit=item.unit, scale=item.scale, rest=rest)
    else:
        message = say("unit-has-scale", unit=item.unit, scale=unit_scale, rest=rest)
    return [where.problem(("unit",), message)]


def _formula_problems(item: DerivedFigure, where: Located) -> list[Problem]:
    used = formula.ids_in(item.formula)
    problems = [
        where.problem(("formula",), say("formula-unknown-id", id=name))
        for name in used
        if name not in item.inputs
    ]
    for index, name in enumerate(item.inputs):
        if name not in used:
            problems.append(where.problem(("inputs", index), say("formula-input-unused", id=name)))
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
    return load_documents(data_dir, shown_dir, grounding=grounding)[0]


def load_documents(
    data_dir: Path, shown_dir: str = "data", *, grounding: bool = True
) -> tuple[FactBase, dict[str, YamlDocument]]:
    """`load_fact_base`, with each list's document (list name -> document) for locating values."""
    parsed, problems = _read_all(data_dir, shown_dir)
    ids, id_problems = _index_ids(parsed, data_dir)
    problems += id_problems
    problems += script_problems(parsed)
    problems += _check_references(parsed, ids)
    problems += _check_categories(
        parsed, _declared_codes(data_dir, shown_dir), f"{shown_dir}/{REPORT_FILE}"
    )
    sources = {
        item.id: item
        for record, _ in parsed.values()
        for _, item in records(record)
        if isinstance(item, Source)
    }
    problems += _check_rules(parsed, ids, sources)
    if grounding:
        prints, print_problems = read_fingerprints(data_dir, shown_dir, sources)
        problems += print_problems
        problems += check_grounding(parsed, sources, prints, shown_dir)
    if problems:
        raise DataError(problems)
    merged: dict[str, Any] = {}
    documents: dict[str, YamlDocument] = {}
    for record, document in parsed.values():
        merged.update({name: getattr(record, name) for name in type(record).model_fields})
        documents.update({name: document for name in type(record).model_fields})
    return FactBase(**merged), documents


_CACHE: dict[tuple[str, str], tuple[str, FactBase]] = {}


def _fingerprint(data_dir: Path) -> str:
    """A hash of the data files' contents: an edit is seen even within the second of the last
    load, when a file's time may not have changed."""
    prints = sorted(data_dir.glob("fingerprints/*.yml"))
    return files_digest([*(data_dir / name for name in DATA_FILES), *prints], data_dir)


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


def _nav_problems(
    nav: list[str | dict[str, list[str]]], pages: set[str], where: Located
) -> list[Problem]:
    """report.yml's nav: every generated page it names exists, and the pages others link to
    are there (the sources, which every citation cites; the changes, which corrections cite)."""
    problems: list[Problem] = []
    listed: set[str] = set()
    for index, item in enumerate(nav):
        entries = (
            [((index,), item)]
            if isinstance(item, str)
            else [
                ((index, title, inner), name)
                for title, group in item.items()
                for inner, name in enumerate(group)
            ]
        )
        for path, name in entries:
            listed.add(name)
            if not name.endswith(".md") and name not in pages:
                message = say("report-page-unknown", page=name, options="、".join(sorted(pages)))
                problems.append(where.problem(("nav", *path), message))
    needed = {"sources": say("nav-why-sources"), "changes": say("nav-why-changes")}
    for page, why in needed.items():
        if page in pages and page not in listed:
            problems.append(where.problem(("nav",), say("nav-needs-page", page=page, why=why)))
    return problems


def load_report(
    data_dir: Path,
    base: FactBase,
    shown_dir: str = "data",
    names: Mapping[str, Collection[str]] | None = None,
) -> Report:
    """The report's own settings from report.yml (generic ones when it is absent), checked
    against the fact base and, with `names`, against the pages and charts that exist
    (`{"pages": …, "charts": …}`); raises DataError naming file, line and field."""
    path = data_dir / REPORT_FILE
    if not path.exists():
        return Report()
    document = read_yaml(path, f"{shown_dir}/{REPORT_FILE}")
    parsed, problems = _validate_file(document, ReportFile)
    if not isinstance(parsed, ReportFile):
        raise DataError(problems)
    report = parsed.report
    where = Located(document.path, ("report",), document.positions)
    organizations = [org.id for org in base.organizations]
    if report.focus is not None and report.focus not in organizations:
        hint = did_you_mean(report.focus, organizations) or say(
            "no-suggestion-id", file=KINDS["organization"].file
        )
        message = say(
            "unknown-reference",
            kinds=either(kind_words(["organization"])),
            value=report.focus,
            hint=hint,
        )
        problems.append(where.problem(("focus",), message))
    for field, known in (names or {}).items():
        for key in getattr(report, field):
            if key not in known:
                message = say("report-page-unknown", page=key, options="、".join(sorted(known)))
                problems.append(where.problem((field, key), message))
    if report.nav is not None and names:
        problems += _nav_problems(report.nav, set(names.get("pages", ())), where)
    if report.focus is None and any(product.focus_line for product in base.products):
        problems.append(where.problem((), say("focus-line-without-focus")))
    if problems:
        raise DataError(problems)
    return report
