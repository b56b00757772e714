"""Mistakes in mkdocs.yml: one line naming the key, no traceback, and the last good site/ kept."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from commands import run_command
from conftest import BUILD_ENV, python
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.glue.config import interface_languages

PREFIX = "Plugin 'report' option "
CASES = {
    "opencc-unknown": (
        ("editions", 1, "opencc", "s2bogus"),
        "editions[1].opencc: OpenCC 没有名为 's2bogus' 的转换配置；从简体转换可用 s2t、s2tw、s2twp、s2hk",
    ),
    "lang-unknown": (
        ("editions", 1, "lang", "zh-Bogus"),
        "editions[1].lang: 未知的语言代码 'zh-Bogus'；可用的中文代码有 zh、zh-HK、zh-Hans、zh-Hant、zh-TW",
    ),
    "lang-duplicate": (
        ("editions", 1, "lang", "zh-Hans"),
        "editions[1].lang: 'zh-Hans' 与 editions[0] 重复；每个版本的 lang 和 path 都必须不同",
    ),
    "path-duplicate-root": (
        ("editions", 1, "path", ""),
        "editions[1].path: 除第一个版本外，每个版本都要有自己的文件夹，例如 path: zh-Hant",
    ),
    "root-with-path": (
        ("editions", 0, "path", "zh-Hans"),
        "editions[0].path: 第一个版本放在网站根目录，请删去它的 path",
    ),
    "name-number": (
        ("editions", 1, "name", 3),
        "editions[1].name: Expected type: <class 'str'> but received: <class 'int'>",
    ),
}


def _with_options(project, edit) -> None:
    """Rewrite the report plugin's block of mkdocs.yml after `edit` changed its options."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("  report:\n")
    end = text.index("  search:\n", start)
    options = yaml.safe_load(textwrap.dedent(text[start:end]))["report"]
    edit(options)
    block = yaml.safe_dump({"report": options}, allow_unicode=True, sort_keys=False)
    indented = "".join(f"  {line}\n" for line in block.splitlines())
    (project / "mkdocs.yml").write_text(text[:start] + indented + text[end:], encoding="utf-8")


def _config_error(project) -> None:
    with pytest.raises(Abort):
        load_config(str(project / "mkdocs.yml"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_mistyped_edition_names_its_key(make_project, case, caplog):
    (key, index, field, value), expected = CASES[case]
    project = make_project(case)

    def edit(options):
        options[key][index][field] = value

    _with_options(project, edit)
    _config_error(project)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"{PREFIX}'editions': {expected}" in logged


def test_no_editions_at_all(make_project, caplog):
    project = make_project("no-editions")
    _with_options(project, lambda options: options.update(editions=[]))
    _config_error(project)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "至少列出一个版本（lang 与 name），第一个是网站根目录的版本" in logged


def test_a_missing_data_folder_is_named(make_project, caplog):
    project = make_project("no-data")
    _with_options(project, lambda options: options.update(data_dir="facts"))
    _config_error(project)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert (
        f"{PREFIX}'data_dir': The path '{project / 'facts'}' isn't an existing directory" in logged
    )


def test_the_languages_offered_are_the_theme_packs():
    languages = interface_languages()
    assert {"zh", "zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "en"} <= set(languages)


def test_the_build_command_stops_in_one_line_and_keeps_the_site(make_project):
    project = make_project("keeps-site")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("last good", encoding="utf-8")

    def edit(options):
        options["editions"][1]["opencc"] = "s2bogus"

    _with_options(project, edit)
    result = run_command(
        [python(), "-m", "generator", "build"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "editions[1].opencc: OpenCC 没有名为 's2bogus'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "last good"
