"""CONTRIBUTING.md: its worked example can be kept, its examples are valid, its tables are current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from commands import run_command
from conftest import ROOT, copy_project, python, run_mkdocs

from generator.facts.guide import MODELS, update
from generator.facts.load import load_fact_base
from generator.facts.problems import DataError
from generator.facts.yaml_source import read_yaml

GUIDE = ROOT / "CONTRIBUTING.md"
# The worked example goes after the last line of Jianying's first relation.
ANCHOR = "        target: jianying-business\n"
POSITION = re.compile(r":\d+:\d+: ")


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def worked_example() -> str:
    blocks = re.findall(r"^```yaml\n(.*?)^```", guide(), flags=re.MULTILINE | re.DOTALL)
    return str(blocks[0])


def keep_example(data: Path, example: str | None = None) -> None:
    """Put the worked example into `data/products.yml` where the guide says.

    A contributor may have kept it already: it is taken out first, so the copy is the data as
    it was before the example.
    """
    products = data / "products.yml"
    text = products.read_text(encoding="utf-8").replace(worked_example(), "")
    start = text.index(ANCHOR)
    end = text.index("        attribution: reported\n", start) + len(
        "        attribution: reported\n"
    )
    products.write_text(text[:end] + (example or worked_example()) + text[end:], encoding="utf-8")


def test_the_worked_example_adds_a_fact_not_yet_in_the_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    products = data / "products.yml"
    products.write_text(
        products.read_text(encoding="utf-8").replace(worked_example(), ""), encoding="utf-8"
    )
    before = {p.id: p for p in load_fact_base(data).products}["jianying"]
    assert not any(r.target == "sora" for r in before.relations)
    keep_example(data)
    after = {p.id: p for p in load_fact_base(data).products}["jianying"]
    added = after.relations[-1]
    assert (added.kind, added.target, added.attribution) == ("compared-with", "sora", "author")
    assert [c.paragraph for c in added.cite] == [27, 28]


def test_the_worked_example_can_be_kept_check_and_build_pass(tmp_path):
    project = copy_project(tmp_path / "project")
    keep_example(project / "data")
    check = run_command(
        [python(), "-m", "generator", "--data", "data", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("数据全部通过检查（来源 ")
    built = run_mkdocs(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    for page, word in (("products.html", "比较对象"), ("zh-Hant/products.html", "比較對象")):
        soup = BeautifulSoup((project / "site" / page).read_text(encoding="utf-8"), "html.parser")
        heading = soup.find(id="jianying")
        assert heading is not None
        section = heading.find_next("ul")
        assert section is not None and section.find("a", href=re.compile(r"#sora$")) is not None, (
            page
        )
        assert word in section.get_text()


def _example_errors() -> list[tuple[str, str, list[str]]]:
    found = re.findall(
        r"<!-- 示例错误：(.+?) => (.+?) -->\n```text\n(.*?)```", guide(), flags=re.DOTALL
    )
    return [(right, wrong, shown.splitlines()) for right, wrong, shown in found]


@pytest.mark.parametrize("right, wrong, shown", _example_errors(), ids=lambda x: str(x)[:20])
def test_the_error_examples_are_what_make_check_prints(tmp_path, right, wrong, shown):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    example = worked_example()
    assert right in example
    keep_example(data, example.replace(right, wrong, 1))
    with pytest.raises(DataError) as raised:
        load_fact_base(data, "data")
    printed = raised.value.report().splitlines()
    # Line numbers move as the data grows; the messages must not.
    assert [POSITION.sub(":L:C: ", line) for line in printed] == [
        POSITION.sub(":L:C: ", line) for line in shown
    ]


def test_there_are_error_examples():
    assert len(_example_errors()) >= 2


def _kind_examples() -> list[tuple[str, str]]:
    return re.findall(r"<!-- 示例：([a-z-]+) -->\n```yaml\n(.*?)```", guide(), flags=re.DOTALL)


@pytest.mark.parametrize("kind, example", _kind_examples(), ids=lambda x: str(x)[:12])
def test_each_field_guide_example_is_a_valid_record(tmp_path, kind, example):
    path = tmp_path / "example.yml"
    path.write_text(example, encoding="utf-8")
    (record,) = read_yaml(path, "example.yml").data
    MODELS[kind].model_validate(record)


def test_every_kind_of_record_has_an_example_and_a_field_table():
    examples = {kind for kind, _ in _kind_examples()}
    top_level = {"source", "organization", "person", "product", "event", "market-move"}
    assert top_level | {"figure", "claim", "forecast", "glossary"} <= examples
    for kind in MODELS:
        assert f"<!-- 生成:{kind} -->" in guide(), kind


def test_the_generated_tables_are_current():
    """The error table and field tables are regenerated from the code, so they cannot drift."""
    text = guide()
    assert "<!-- 生成:errors -->" in text
    assert update(text) == text, "run: .venv/bin/python -m generator guide"
