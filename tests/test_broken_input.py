"""Broken data: every mistake gets one clear message naming file, line, column, record and fix.

Each case in tests/broken/ edits one file of the small valid data set in tests/fixtures/small/
and lists the exact (Chinese) messages the loader must give. Cases that need bytes or size are
below, checked in English (REPORT_LANG=en), which stays available.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from commands import run_command

from generator.facts.load import load_fact_base
from generator.facts.problems import DataError

HERE = Path(__file__).parent
SMALL = HERE / "fixtures" / "small"
CASES = sorted((HERE / "broken").glob("*.yml"))


def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SMALL, target)
    return target


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_fact_base(data, "data")
    return [str(problem) for problem in raised.value.problems]


def test_the_small_data_set_is_valid():
    base = load_fact_base(SMALL)
    assert [p.id for p in base.people] == ["zhang-nan", "han-shangyou"]


def test_the_real_data_loads_and_every_reference_resolves():
    base = load_fact_base(HERE.parent / "data")
    assert len(base.sources[0].paragraphs) == 42
    assert {e.id for e in base.events} >= {"zhang-nan-resigns", "bytedance-denies-chinese-sora"}


def test_there_are_enough_cases():
    assert len(CASES) + len(BYTE_CASES) >= 60


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_case(tmp_path, case_file):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    data = data_copy(tmp_path)
    target = data / case["file"]
    if "content" in case:
        target.write_text(case["content"], encoding="utf-8")
    else:
        text = target.read_text(encoding="utf-8")
        assert case["find"] in text, f"{case_file.name}: 'find' is not in {case['file']}"
        target.write_text(text.replace(case["find"], case["replace"], 1), encoding="utf-8")
    assert problems_of(data) == case["expect"]


def _alias_bomb() -> bytes:
    lines = [
        "claims:",
        '  - a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ]
    lines += [
        f"    a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]"
        for n in range(1, 10)
    ]
    return "\n".join(lines).encode()


BYTE_CASES = {
    "not-utf8": (
        b"claims:\n  - id: x\n    text: \xb2\xe2\xca\xd4\n",
        "data/claims.yml:3:11: file is not valid UTF-8 text (save it as UTF-8)",
    ),
    "alias-bomb": (
        _alias_bomb(),
        "data/claims.yml:2:9: YAML anchors (&name) are not allowed; write the value out",
    ),
    "oversized": (
        b"claims:\n" + b"# padding\n" * 250_000,
        "data/claims.yml:1:1: file is 2,500,008 bytes; the limit is 2 MB",
    ),
    "deep-nesting": (
        b"claims:\n  - " + b"[" * 60 + b"]" * 60 + b"\n",
        "data/claims.yml:2:44: nested deeper than 40 levels",
    ),
    "nul-byte": (
        b"claims:\n  - id: x\x00\n",
        "data/claims.yml:2:10: control character U+0000 is not allowed in YAML; delete it",
    ),
}


@pytest.mark.parametrize("name", sorted(BYTE_CASES))
def test_byte_case(tmp_path, monkeypatch, name):
    monkeypatch.setenv("REPORT_LANG", "en")
    content, expected = BYTE_CASES[name]
    data = data_copy(tmp_path)
    (data / "claims.yml").write_bytes(content)
    assert problems_of(data) == [expected]


def test_missing_file(tmp_path):
    data = data_copy(tmp_path)
    (data / "figures.yml").unlink()
    assert problems_of(data) == ["data/figures.yml:1:1: 文件不存在：请从 main 分支恢复这个文件。"]


def test_a_byte_order_mark_is_accepted(tmp_path):
    data = data_copy(tmp_path)
    claims = data / "claims.yml"
    claims.write_bytes(b"\xef\xbb\xbf" + claims.read_bytes())
    assert load_fact_base(data).claims[0].id == "data-advantage"


def test_all_problems_are_reported_at_once(tmp_path):
    data = data_copy(tmp_path)
    for name, find, replace in (
        ("claims.yml", "attribution: author", "attribution: rumour"),
        ("events.yml", "kind: personnel", "kind: gossip"),
    ):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace(find, replace), encoding="utf-8")
    found = problems_of(data)
    assert [line.split(":")[0] for line in found] == ["data/claims.yml", "data/events.yml"]


def test_a_typo_in_one_file_does_not_cascade(tmp_path):
    """People who fail to load are not also reported as unknown wherever they are referenced."""
    data = data_copy(tmp_path)
    people = data / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8").replace(
            "    about: 示例人物。", "    abuot: 示例人物。"
        ),
        encoding="utf-8",
    )
    assert problems_of(data) == [
        "data/people.yml:2:5: zhang-nan › about: 缺少必填字段：加上 'about: ...'。",
        "data/people.yml:4:5: zhang-nan › abuot: 没有 'abuot' 这个字段。是不是想写 'about'？",
    ]


def check_command(data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_command(
        [sys.executable, "-m", "generator", "--data", str(data), "check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "REPORT_LANG": "", **env},
    )


def test_the_command_exits_non_zero_with_the_message_and_no_traceback(tmp_path):
    data = data_copy(tmp_path)
    claims = data / "claims.yml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("topic: data", "topic: gossip"), encoding="utf-8"
    )
    result = check_command(data)
    assert result.returncode == 1
    assert (
        f"{data}/claims.yml:3:12: data-advantage › topic: 'gossip' 不在可选范围内" in result.stderr
    )
    assert "数据里共有 1 处问题，这次什么都没有生成。" in result.stderr
    assert "Traceback" not in result.stderr
    english = check_command(data, REPORT_LANG="en")
    assert english.returncode == 1
    assert (
        f"{data}/claims.yml:3:12: data-advantage › topic: 'gossip' is not allowed here"
        in english.stderr
    )
    assert "1 problem(s) in the data; nothing was built." in english.stderr


def test_good_data_gives_one_chinese_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(HERE.parent / "data", data)
    result = check_command(data)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("数据全部通过检查（来源 ")
    assert result.stderr == ""


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


def test_a_duplicate_id_blames_the_record_new_on_this_branch(tmp_path):
    """The new record comes first in load order; the old one is still the one kept."""
    repo = tmp_path / "repo"
    data = data_copy(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "switch", "-q", "-c", "edit")
    people = data / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(
        text.replace("  - id: han-shangyou", "  - id: zhang-nan-resigns", 1), encoding="utf-8"
    )
    found = problems_of(data)
    assert len(found) == 1
    assert found[0].startswith("data/people.yml:29:9: zhang-nan-resigns › id: ")
    assert "已经被 data/events.yml:2:9 用过了（那条记录在 main 上就有）" in found[0]
    assert found[0].endswith("例如 zhang-nan-resigns-2。")


def test_without_git_a_duplicate_id_blames_the_later_record(tmp_path):
    data = data_copy(tmp_path)
    people = data / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(
        text.replace("  - id: han-shangyou", "  - id: zhang-nan-resigns", 1), encoding="utf-8"
    )
    (found,) = problems_of(data)
    assert found.startswith("data/events.yml:2:9: zhang-nan-resigns › id: ")
    assert "已经被 data/people.yml:29:9 用过了：" in found


def test_a_source_written_in_traditional_keeps_its_own_title(tmp_path):
    """Only the report's own Simplified text is checked for Traditional characters: a Taiwanese
    source's title is quoted as it is written."""
    data = data_copy(tmp_path)
    sources = data / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace("    title: 示例文章\n", "    title: 範例文章\n", 1)
    sources.write_text(text.replace("language: zh-Hans", "language: zh-Hant", 1), encoding="utf-8")
    assert load_fact_base(data).sources[0].title == "範例文章"


def test_what_looks_like_a_slip_inside_text_or_a_comment_is_left_alone():
    """Full-width punctuation is a slip only in YAML syntax: not in a comment, in block text
    (| or >), or after Chinese text inside a flow list."""
    from generator.facts.slips import find_slips

    text = (
        "# e.g. inputs: [a，b] is a slip\n"
        "claims:\n"
        "  - id: x\n"
        "    reading: |\n"
        "      source：新华社\n"
        "      — 引语\n"
        "    aliases: [字节跳动的AI，GPU芯片]\n"
    )
    assert find_slips(text) == []
    assert [s.line for s in find_slips("claims:\n  - id：x\n")] == [2]
