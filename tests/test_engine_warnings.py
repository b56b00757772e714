"""MkDocs' link warnings about a hand-written page are followed by a Chinese hint with file, line
and fix (a broken link stops a strict build, so the contributor must find it)."""

from __future__ import annotations

import logging

import pytest

from generator.glue.engine_warnings import PAGES_LOGGER, hint_link_warnings

PAGE = (
    "# 方法\n\n正文。\n\n见[时间线](timeline.md#no-such-day)、[别处](elsewhere)和[旧页](old.md)。\n"
)


@pytest.fixture
def warned(tmp_path, caplog):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "method.md").write_text(PAGE, encoding="utf-8")
    hint_link_warnings(docs, ["index.md", "method.md", "timeline.md"])
    logger = logging.getLogger(PAGES_LOGGER)

    def warn(message: str) -> str:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger=PAGES_LOGGER):
            logger.warning(message)
        (record,) = caplog.records
        return record.getMessage()

    return warn


def test_a_missing_page_names_line_and_the_pages_there_are(warned):
    shown = warned(
        "Doc file 'method.md' contains a link 'old.md', but the target is not found among "
        "documentation files."
    )
    assert shown.startswith("Doc file 'method.md'")  # MkDocs' own words stay, for searching
    assert "docs/method.md:5：链接“old.md”指向的页面不存在" in shown
    assert "index.md、method.md、timeline.md" in shown


def test_mkdocs_guess_is_offered_when_it_has_one(warned):
    shown = warned(
        "Doc file 'method.md' contains a link 'old.md', but the target is not found among "
        "documentation files. Did you mean 'timeline.md'?"
    )
    assert "（timeline.md）" in shown


def test_a_missing_anchor_and_an_unrecognized_link_get_their_own_fix(warned):
    anchor = warned(
        "Doc file 'method.md' contains a link 'timeline.md#no-such-day', but the doc "
        "'timeline.md' does not contain an anchor '#no-such-day'."
    )
    assert "docs/method.md:5：链接“timeline.md#no-such-day”的 # 后面那一段" in anchor
    unrecognized = warned(
        "Doc file 'method.md' contains an unrecognized relative link 'elsewhere', it was left as is."
    )
    assert "docs/method.md:5：链接“elsewhere”既不是 .md 文件也不是完整网址" in unrecognized


def test_other_warnings_pass_unchanged(warned):
    assert warned("something else entirely") == "something else entirely"
