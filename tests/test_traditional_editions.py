"""Traditional editions as their readers meet them: every file free of Simplified-only characters,
Taiwan's number words, quotes, vocabulary and UI strings in pages, charts, search and downloads."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import opencc
import pytest

# A character is Simplified-only when the edition's character-only OpenCC config changes it.
CHARACTER_CONFIG = {"zh-Hant": "s2tw", "zh-TW": "s2tw", "zh-HK": "s2hk"}
# Reviewed: what OpenCC changes when converting one character alone, but is right in these
# editions' text.
ALLOWED_CHARACTERS = {
    "台": "台灣, 平台: how Taiwan and Hong Kong papers write it (OpenCC's standard form is 臺)",
}
ALLOWED_WORDS = {
    "阿里巴巴": "Alibaba's registered name in Taiwan too; 里 only becomes 裡 in 這裡/那裡",
    "陸游": "a person's name (surname 陸, given name 游); 游 is the Traditional form in names",
}
# Third-party code with no reader-facing text: search stop-word tables, plotly's locale tables.
VENDOR_CODE = ("assets/javascripts/lunr/", "assets/javascripts/plotly.min.js")
BINARY = {".gz", ".png", ".jpg", ".svg", ".ico", ".woff", ".woff2"}


@cache
def simplified_only(config: str) -> frozenset[str]:
    converter = opencc.OpenCC(config)
    ranges = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000))
    return frozenset(
        chr(code) for span in ranges for code in span if converter.convert(chr(code)) != chr(code)
    ) - frozenset(ALLOWED_CHARACTERS)


def readable(text: str) -> str:
    """Text with JSON \\u escapes and HTML character references written out, as readers see it."""
    unescaped = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(unescaped)


def texts_in(edition_dir: Path) -> Iterator[tuple[str, str]]:
    """(relative name, text) of every text file of an edition, and of every file in its zips."""
    for path in sorted(edition_dir.rglob("*")):
        relative = path.relative_to(edition_dir).as_posix()
        if not path.is_file() or path.suffix in BINARY or relative.startswith(VENDOR_CODE):
            continue
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as bundle:
                for member in bundle.namelist():
                    if Path(member).suffix not in BINARY:
                        yield f"{relative}:{member}", bundle.read(member).decode("utf-8")
            continue
        yield relative, path.read_text(encoding="utf-8")


def simplified_in(edition_dir: Path, lang: str) -> dict[str, str]:
    """File (relative) -> the Simplified-only characters in it, with some context."""
    found: dict[str, str] = {}
    banned = simplified_only(CHARACTER_CONFIG[lang])
    for relative, raw in texts_in(edition_dir):
        text = readable(raw)
        for word in ALLOWED_WORDS:
            text = text.replace(word, "")
        hits = [i for i, char in enumerate(text) if char in banned]
        if hits:
            found[relative] = " | ".join(text[max(0, i - 12) : i + 4] for i in hits[:5])
    return found


@pytest.fixture(scope="module", params=["zh-Hant", "zh-HK"])
def edition(request) -> tuple[str, Path]:
    if request.param == "zh-Hant":
        return "zh-Hant", request.getfixturevalue("built_site") / "zh-Hant"
    return "zh-HK", request.getfixturevalue("hong_kong_project") / "site" / "zh-HK"


def test_every_file_of_a_traditional_edition_is_free_of_simplified(edition):
    lang, folder = edition
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) > 20 and (folder / "search" / "search_index.json").is_file()
    assert simplified_in(folder, lang) == {}


def test_the_check_finds_a_simplified_string(tmp_path):
    (tmp_path / "page.html").write_text('<label title="切换到深色模式">', encoding="utf-8")
    (tmp_path / "ok.html").write_text("台灣的平台與阿里巴巴", encoding="utf-8")
    (tmp_path / "index.json").write_text('{"text": "\\u8fd9\\u91cc"}', encoding="utf-8")
    assert list(simplified_in(tmp_path, "zh-Hant")) == ["index.json", "page.html"]


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def chart_text(page: str) -> str:
    """Every string of the page's chart figures (ticks, hover text, titles), unescaped."""
    start = 0
    texts = []
    while (start := page.find('data-figure="', start)) != -1:
        end = page.index('"', start + 13)
        texts.append(
            json.dumps(json.loads(html.unescape(page[start + 13 : end])), ensure_ascii=False)
        )
        start = end
    assert texts, "no chart on the page"
    return "\n".join(texts)


def without_quotes(text: str) -> str:
    """`text` less the source's own words (原文：「…」), which keep the source's wording."""
    return re.sub(r"原文：「[^」]*」", "", text)


def test_taiwan_number_words_everywhere(built_site):
    hant = built_site / "zh-Hant"
    compute = without_quotes(read(hant, "compute.html"))
    assert "8兆美元" in compute and "萬億" not in compute
    timeline_chart = chart_text(read(hant, "timeline.html"))
    assert "8兆美元" in timeline_chart and "萬億" not in timeline_chart
    search = without_quotes(readable(read(hant, "search/search_index.json")).replace("\u200b", ""))
    assert "8兆美元" in search and "萬億" not in search
    figures = list(csv.DictReader(io.StringIO(read(hant, "downloads/figures.csv"))))
    assert {row["scale"] for row in figures} >= {"兆", "億", "萬"}
    facts = json.loads(read(hant, "downloads/facts.json"))
    assert "兆" in {figure["scale"] for figure in facts["figures"]}
    # The source edition keeps the source's words, and so do quotes in every edition.
    assert "8万亿美元" in read(built_site, "compute.html")
    assert "原文：「計劃籌集8萬億美元" in read(hant, "compute.html")


def test_corner_quotes_and_newsroom_words(built_site):
    hant = built_site / "zh-Hant"
    index = read(hant, "index.html")
    assert "「中文版Sora」" in index and "“" not in index
    nav = read(hant, "timeline.html")
    assert "時間軸" in nav and "時間線" not in nav
    organizations = without_quotes(read(hant, "organizations.html"))
    assert "Google" in organizations and "谷歌" not in organizations
    assert "串流平台" in organizations and "中國大陸股票市場" in organizations
    market = read(hant, "market.html")
    assert "60檔個股" in market


def test_theme_strings_are_taiwan_strings(built_site):
    page = readable(read(built_site / "zh-Hant", "people.html"))
    assert "切換到深色模式" in page and "切換到淺色模式" in page
    assert "導覽列" in page and "找到 1 個符合的項目" in page
    assert "輸入關鍵字開始搜尋" in page and "導航" not in page
    assert '<html lang="zh-Hant"' in page
    assert "簡體中文" in page
    not_found = read(built_site / "zh-Hant", "404.html")
    assert "找不到這個頁面" in not_found


def test_downloads_of_a_traditional_edition_hold_facts_only(built_site):
    facts = json.loads(read(built_site / "zh-Hant", "downloads/facts.json"))
    assert "glossary" not in facts and "vocabulary" not in facts
    source_facts = json.loads(read(built_site, "downloads/facts.json"))
    assert source_facts["glossary"] and source_facts["vocabulary"]


def test_hong_kong_keeps_its_own_words(hong_kong_project):
    hk = hong_kong_project / "site" / "zh-HK"
    compute = read(hk, "compute.html")
    assert "8萬億美元" in compute and "兆" not in compute
    assert "「中文版Sora」" in read(hk, "index.html")
    assert "60隻個股" in read(hk, "market.html")
    assert "谷歌" in read(hk, "organizations.html")
