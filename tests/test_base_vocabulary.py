"""The generator's own words, and the commonest news words, are right in the Taiwan and Hong Kong
editions without a report glossary; a report's own vocabulary still wins."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from commands import run_command

from generator.editions.convert import converter_for
from generator.facts.load import load_documents, load_fact_base, load_report
from generator.facts.model import VocabularyEntry
from generator.glue.starter import create_report
from generator.review.conversions import review
from generator.site.site_files import report_names

SMALL = Path(__file__).parent / "fixtures" / "small"
EDITIONS = [("s2twp", "zh-Hant"), ("s2hk", "zh-HK")]


@pytest.fixture(scope="module")
def new_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("new") / "report"
    create_report(project)
    return project


@pytest.mark.parametrize(("config", "lang"), EDITIONS)
def test_a_new_report_has_no_undecided_word_it_did_not_write(
    new_report: Path, config: str, lang: str
) -> None:
    """The review `conversions --strict` runs finds nothing undecided in the report `new`
    writes: every word the second opinion writes otherwise, in the generator's words and the
    starter's, is decided by the base vocabulary, with no vocabulary entry of the report's own."""
    data = new_report / "data"
    base, documents = load_documents(data, "data", grounding=False)
    assert base.vocabulary == []
    report = load_report(data, base, "data", report_names())
    changes = review(
        base,
        config,
        lang,
        new_report / "docs",
        documents=documents,
        second_opinion=True,
        report=report,
    )
    assert [c.line() for c in changes if c.kind == "differs"] == []
    assert any(c.kind == "decided" for c in changes), "the second opinion was consulted"


@pytest.mark.site
@pytest.mark.parametrize(("config", "lang"), EDITIONS)
def test_conversions_strict_passes_on_a_new_report(
    new_report: Path, config: str, lang: str
) -> None:
    command = ["-m", "generator", "conversions", "--strict", "--opencc", config, "--lang", lang]
    done = run_command(
        [sys.executable, *command],
        cwd=new_report,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("config", "lang", "written"),
    [
        ("s2twp", "zh-Hant", "產品發布會；類型；平台；折合約8億美元；消息人士；公布；宣布"),
        ("s2hk", "zh-HK", "產品發布會；類型；平台；折合約8億美元；消息人士；公布；宣布"),
    ],
)
def test_the_commonest_news_words_are_right_in_each_edition(
    config: str, lang: str, written: str
) -> None:
    convert = converter_for(load_fact_base(SMALL, grounding=False), config, lang)
    assert convert("产品发布会；类型；平台；折合约8亿美元；消息人士；公布；宣布") == written


def test_hong_kong_writes_its_press_forms() -> None:
    convert = converter_for(load_fact_base(SMALL, grounding=False), "s2hk", lang="zh-HK")
    assert convert("说明、订阅的用户、链接、里面、芯片") == "說明、訂閱的用戶、連結、裏面、芯片"


def test_a_report_vocabulary_entry_wins_over_the_base_one() -> None:
    base = load_fact_base(SMALL, grounding=False)
    own = VocabularyEntry(opencc="釋出", editions={"zh-Hant": "釋出"}, why="软件版本")
    convert = converter_for(base.model_copy(update={"vocabulary": [own]}), "s2twp", "zh-Hant")
    assert convert("发布新版本") == "釋出新版本"
    assert converter_for(base, "s2twp", "zh-Hant")("发布新版本") == "發布新版本"
