"""The JSON Schemas editors use: current with the models, referenced by every data file, and right."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import regress

from generator.facts.kinds import DATA_FILES
from generator.facts.schema import schema_files, stale_schemas
from generator.facts.yaml_source import read_yaml

DATA = Path(__file__).parent.parent / "data"


def test_committed_schemas_match_the_models():
    assert stale_schemas(DATA) == [], "run: python -m generator schema"


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_each_data_file_points_editors_at_its_schema(name):
    first_line = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, f"{name} must start with its yaml-language-server schema line"
    assert (DATA / match.group(1)).resolve() == (
        DATA / "schema" / f"{Path(name).stem}.schema.json"
    ).resolve()


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_the_schema_accepts_the_real_data(name):
    schema = json.loads(schema_files()[f"schema/{Path(name).stem}.schema.json"])
    jsonschema.validate(read_yaml(DATA / name, name).data, schema)


def test_the_schema_rejects_an_unknown_key_and_a_wrong_type():
    schema = json.loads(schema_files()["schema/people.schema.json"])
    person = read_yaml(DATA / "people.yml", "people.yml").data
    person["people"][0]["nmae"] = "x"
    with pytest.raises(jsonschema.ValidationError, match="nmae"):
        jsonschema.validate(person, schema)
    person = read_yaml(DATA / "people.yml", "people.yml").data
    person["people"][0]["roles"][0]["attribution"] = "rumour"
    with pytest.raises(jsonschema.ValidationError, match="rumour"):
        jsonschema.validate(person, schema)


def _patterns(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


@pytest.mark.parametrize("relative", sorted(schema_files()))
def test_each_schema_is_valid_for_a_strict_validator(relative):
    schema = json.loads(schema_files()[relative])
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)  # against its own metaschema
    patterns = list(_patterns(schema))
    for pattern in patterns:
        regress.Regex(pattern, "u")  # as editors and check-jsonschema compile it: ECMA-262, unicode


def test_the_markup_free_pattern_means_the_same_in_both_engines():
    schema = json.loads(schema_files()["schema/people.schema.json"])
    pattern = next(p for p in _patterns(schema) if p.startswith("^[^<>"))
    ecma = regress.Regex(pattern, "u")
    for text, allowed in [("张楠", True), ('张"楠', False), ("张\\楠", False), ("<b>", False)]:
        assert (ecma.find(text) is not None) == allowed == bool(re.match(pattern, text)), text


def test_a_deleted_schema_file_is_stale(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "schema" / "events.schema.json").unlink()
    assert stale_schemas(tmp_path / "data") == ["schema/events.schema.json"]
