"""The message catalogue: every message has a Chinese text, and code writes no message inline."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator.facts.messages import CATALOGUE, WORDS, closest, placeholders, say

GENERATOR = Path(__file__).parent.parent / "generator"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_has_chinese_and_english_with_the_same_placeholders():
    wrong = []
    for key, text in sorted(CATALOGUE.items()):
        if not CJK.search(text.zh):
            wrong.append(f"{key}: the Chinese text has no Chinese")
        if not text.en.strip():
            wrong.append(f"{key}: no English text")
        if placeholders(text.zh) != placeholders(text.en):
            wrong.append(f"{key}: placeholders {placeholders(text.zh)} != {placeholders(text.en)}")
    assert not wrong, "\n".join(wrong)


def test_every_word_has_both_languages():
    for key, text in WORDS.items():
        assert text.zh and text.en, key


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


MODULES = sorted(GENERATOR.rglob("*.py"))


def test_messages_come_from_the_catalogue():
    """A problem's message is never a literal: a new message goes into the catalogue."""
    wrong = []
    for path in MODULES:
        where = path.relative_to(GENERATOR.parent)
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = _name(call)
            message = None
            if name == "Problem" and len(call.args) >= 5:
                message = call.args[4]
            elif name == "problem" and len(call.args) >= 2:
                message = call.args[1]
            elif name in ("DateError", "ValueError", "_RefusalError") and call.args:
                # _RefusalError(node, message, mark=None): the message is the second argument.
                message = call.args[1] if name == "_RefusalError" else call.args[0]
            if isinstance(message, ast.Constant | ast.JoinedStr):
                wrong.append(
                    f"{where}:{call.lineno}: write the message into generator/facts/messages.py "
                    "and call say()"
                )
            key = call.args[0] if name == "say" and call.args else None
            if isinstance(key, ast.Constant) and key.value not in CATALOGUE:
                wrong.append(f"{where}:{call.lineno}: {key.value!r} is no message key")
    assert not wrong, "\n".join(wrong)


def test_every_catalogue_message_is_used():
    used: set[str] = set()
    for path in MODULES:
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if _name(call) == "say" and call.args:
                used |= {
                    str(node.value)
                    for node in ast.walk(call.args[0])
                    if isinstance(node, ast.Constant)
                }
    assert set(CATALOGUE) - used == set()


def test_english_is_chosen_by_report_lang(monkeypatch):
    monkeypatch.setenv("REPORT_LANG", "en")
    assert say("file-missing").startswith("file is missing")
    monkeypatch.setenv("REPORT_LANG", "zh")
    assert say("file-missing").startswith("文件不存在")
    monkeypatch.delenv("REPORT_LANG")
    assert say("file-missing").startswith("文件不存在")


def test_closest_matches():
    assert closest("bytedanse", ["bytedance", "baidu", "kuaishou"]) == ["bytedance"]
    assert closest("xyz", ["bytedance"]) == []
    assert closest("兆", ["", "万亿"]) == []


def test_build_notices_speak_the_contributors_language(monkeypatch):
    from generator.glue.plugin import missing_history_line

    monkeypatch.delenv("REPORT_LANG", raising=False)
    assert "git fetch --unshallow" in missing_history_line("shallow")
    assert "修订历史" in missing_history_line("no-git")
    assert "fonts-noto-cjk" in say("cards-no-font") and "分享卡片" in say("cards-no-font")
    monkeypatch.setenv("REPORT_LANG", "en")
    assert missing_history_line("no-commits") == (
        "report: no revision history (the data folder has no commits yet); pages show no change dates"
    )
    assert say("cards-no-font").startswith("report: share cards skipped")


def test_a_wrong_id_that_is_part_of_a_real_one_is_suggested():
    from generator.facts.messages import closest

    assert closest("sora", ["openai-sora-2-turbo", "bytedance"]) == ["openai-sora-2-turbo"]
