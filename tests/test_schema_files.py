"""The JSON Schemas editors use: current with the models, referenced by every data file, and right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.model import DATA_FILES
from generator.schema import schema_files, stale_schemas
from generator.yaml_source import read_yaml

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
