"""Archived sources: each source says where a reader checks it once a link dies."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import pytest
from conftest import simplified_context

from generator.editions.convert import convert_fact_base, converter_for
from generator.facts.export import facts_csv
from generator.facts.load import cached_fact_base
from generator.site.pages import page_context, sources

ROOT = Path(__file__).parent.parent
# The OpenCC configuration of each edition, as mkdocs.yml sets it.
OPENCC = {"zh-Hans": None, "zh-Hant": "s2twp"}


@pytest.fixture(scope="module")
def base():
    return cached_fact_base(ROOT / "data", "data")


def test_an_archived_copy_is_linked_beside_the_original(base):
    first = base.sources[0].model_copy(
        update={
            "url": "https://example.com/article",
            "archive_url": "https://web.archive.org/web/2024/https://example.com/article",
            "archived": "2024-03",
        }
    )
    changed = base.model_copy(update={"sources": [first, *base.sources[1:]]})
    page = sources.render(simplified_context(changed))
    line = next(text for text in page.splitlines() if "原文链接" in text)
    assert "[原文链接](<https://example.com/article>)" in line
    assert (
        "[存档](<https://web.archive.org/web/2024/https://example.com/article>)"
        "{ .source-archive }（2024年3月）"
    ) in line
    assert line.index("原文链接") < line.index("存档")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh-Hans", ("无公开链接", "取得日期", "存档说明", "2024年11月17日")),
        ("zh-Hant", ("無公開連結", "取得日期", "存檔說明", "2024年11月17日")),
    ],
)
def test_sources_page_says_where_a_copy_without_address_is_kept(base, lang, words):
    convert = converter_for(base, OPENCC[lang], lang)
    page = sources.render(page_context(convert_fact_base(base, convert), convert, lang))
    text = html.unescape(page)
    for word in words:
        assert word in text, word
    assert "data/fingerprints/" in text


def test_the_sources_table_carries_the_archive_fields(base):
    table = facts_csv(base)["sources.csv"].lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(table)))
    for column in ("url", "archive_url", "archived", "retrieved", "archive_note"):
        assert column in rows[0], column
    assert rows[0]["retrieved"] == "2024-11-17"
    assert rows[0]["retrieved_earliest"] == "2024-11-17"
    assert "没有网址" in rows[0]["archive_note"]


def test_a_citation_links_its_sources_archived_copy_once(base):
    archive = "https://web.archive.org/web/2024/https://example.com/article"
    first = base.sources[0].model_copy(update={"archive_url": archive})
    changed = base.model_copy(update={"sources": [first, *base.sources[1:]]})
    ctx = simplified_context(changed)
    # A fact citing the same source in several paragraphs gets one archive link, not several.
    fact = next(o for o in changed.organizations if o.id == "bytedance")
    assert len([c for c in fact.cite if c.source == first.id]) >= 2
    shown = ctx.cite(fact)
    assert shown.count(f"[存档](<{archive}>){{ .cite-archive }}") == 1
    # Without an archived copy, no archive link.
    plain = simplified_context(base).cite(fact)
    assert "存档" not in plain


def test_the_sources_page_says_how_paragraphs_are_counted_and_when_a_date_is_unknown(base):
    undated = base.sources[0].model_copy(update={"published": None})
    changed = base.model_copy(update={"sources": [undated, *base.sources[1:]]})
    page = sources.render(simplified_context(changed))
    assert "发表日期不详" in page
    for source in base.sources:
        if source.numbering:
            assert f"段落编号：{source.numbering[:10]}" in page, source.id
