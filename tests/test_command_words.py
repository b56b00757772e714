"""Every command speaks Chinese: its help, argparse's own words and the review commands' errors."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.glue.cli import build_parser, main

ROOT = Path(__file__).parent.parent
COMMANDS = [
    "check",
    "new",
    "schema",
    "conversions",
    "fingerprint",
    "diff",
    "pr-comment",
    "guide",
    "build",
]
# Names of things a Chinese text writes as they are spelled (formats, tools, a field).
NAMES = {"JSON", "Schema", "OpenCC", "Markdown", "GitHub", "CI", "git", "id", "UTF-8", "zhconv-rs"}
EDITION_CODES = {"zh-Hans", "zh-Hant", "zh-HK", "zh-TW"}
ASCII_RUN = re.compile(r"[A-Za-z0-9_./:$\-]+")
CODE_MARK = re.compile(r"[_/$0-9]|^-|\.(yml|md|json|txt)$")


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def _command_line_names() -> set[str]:
    """What the texts may write in Latin letters: the program, commands, flags, metavars and
    default values."""
    names = {"python", "-m", "generator", *COMMANDS, *NAMES, *EDITION_CODES}
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            names.update(action.option_strings)
            if isinstance(action.metavar, str):
                names.add(action.metavar)
            names.add(action.dest.upper())
            if isinstance(action.default, str):
                names.add(action.default)
    return names


def english_words(text: str, allowed: set[str]) -> list[str]:
    """Latin-letter words of `text` that are neither code, a path, a value nor an allowed name."""
    found = []
    for run in ASCII_RUN.findall(text):
        token = run.strip(".:")
        if not token or token in allowed or CODE_MARK.search(token):
            continue
        if re.search("[A-Za-z]", token):
            found.append(token)
    return found


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out + err


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORT_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_chinese(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run([command, "--help"] if command else ["--help"], capsys)
    assert code == 0
    assert text.startswith("用法：python -m generator")
    assert "选项" in text and "显示这段说明，然后退出" in text
    assert re.search("[\u4e00-\u9fff]{4}", text.split("\n\n")[1]), "a Chinese description"
    assert english_words(text, _command_line_names()) == [], text


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "还少写了 命令"),
        (["new"], "还少写了 FOLDER"),
        (["fingerprint"], "还少写了 SOURCE, COPY"),
        (["diff"], "还少写了 BASE"),
        (["pr-comment"], "还少写了 EVENT_JSON"),
        (["chekc"], "没有 'chekc' 这一项"),
        (["check", "--bogus"], "不认识的参数 --bogus"),
        (["fingerprint", "a", "b", "--lines"], "参数 --lines：后面要写一个值"),
    ],
)
def test_argument_errors_are_chinese_and_name_the_fix(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = _run(argv, capsys)
    assert code == 2
    assert says in text
    assert "用法见 python -m generator" in text
    assert english_words(text, _command_line_names() | set(argv)) == [], text


def test_english_stays_available(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPORT_LANG", "en")
    code, text = _run(["fingerprint"], capsys)
    assert code == 2 and "the following arguments are required: SOURCE, COPY" in text


def test_review_commands_outside_git_say_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "qinghe-ferry" / "data", data)
    edition = ["--opencc", "s2twp", "--lang", "zh-Hant"]
    for argv in (["conversions", "--since", "HEAD", *edition], ["diff", "HEAD", *edition]):
        assert main(["--data", str(data), *argv]) == 1
        err = capsys.readouterr().err
        assert "不在 git 仓库里" in err and "git init" in err, err
        commands_to_type = {"init", "add", "commit", "HEAD"}
        assert english_words(err, _command_line_names() | commands_to_type) == [], err


def test_pr_comment_names_a_wrong_event_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "event.json"
    assert main(["pr-comment", str(missing)]) == 1
    assert "找不到事件文件" in capsys.readouterr().err
    missing.write_text(json.dumps({"action": "opened"}), encoding="utf-8")
    assert main(["pr-comment", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "不是 pull_request 事件" in err and "$GITHUB_EVENT_PATH" in err
