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

from generator.editions.edition import conversion_of
from generator.editions.interface_vocabulary import interface_vocabulary
from generator.facts.export import SELECTOR
from generator.glue.page_tree import HEADING_END

# A character is Simplified-only when the edition's character-only OpenCC config changes it.
CHARACTER_CONFIG = {"zh-Hant": "s2tw", "zh-TW": "s2tw", "zh-HK": "s2hk"}
OPENCC_OF = {"zh-Hant": "s2twp", "zh-HK": "s2hk"}  # as mkdocs.yml and the zh-HK copy name them
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
    # A glyph the edition's base vocabulary decides (Hong Kong's press writes 說, s2hk 説) is
    # the edition's own form, not a Simplified one.
    decided = {
        form
        for opencc_config in OPENCC_OF.values()
        if conversion_of(opencc_config).glyphs == config
        for form in interface_vocabulary(opencc_config, glyphs_only=True).values()
        if len(form) == 1
    }
    return (
        frozenset(
            chr(code)
            for span in ranges
            for code in span
            if converter.convert(chr(code)) != chr(code)
        )
        - frozenset(ALLOWED_CHARACTERS)
        - decided
    )


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
        # A heading's last character is held with its ¶ in a span: read its word whole again.
        yield (
            relative,
            path.read_text(encoding="utf-8").replace(f'<span class="{HEADING_END}">', ""),
        )


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


@pytest.fixture(
    scope="module",
    params=[pytest.param(lang, marks=pytest.mark.site) for lang in ("zh-Hant", "zh-HK")],
)
def edition(request) -> tuple[str, Path]:
    if request.param == "zh-Hant":
        return "zh-Hant", request.getfixturevalue("built_site") / "zh-Hant"
    return "zh-HK", request.getfixturevalue("hong_kong_project") / "site" / "zh-HK"


EXAMPLE = "qinghe-ferry"
COURT_CASE = "mihoyo-leak-case"
# Every Traditional edition: the report's (zh-HK added by configuration only) and the examples'.
TRADITIONAL = [
    pytest.param("zh-Hant", None, marks=pytest.mark.site, id="zh-Hant"),
    pytest.param("zh-HK", None, marks=pytest.mark.site, id="zh-HK"),
    pytest.param("zh-TW", EXAMPLE, marks=pytest.mark.slow, id=f"{EXAMPLE}-zh-TW"),
    pytest.param("zh-HK", EXAMPLE, marks=pytest.mark.slow, id=f"{EXAMPLE}-zh-HK"),
    pytest.param("zh-Hant", COURT_CASE, marks=pytest.mark.slow, id=f"{COURT_CASE}-zh-Hant"),
]


@pytest.mark.parametrize(("lang", "example"), TRADITIONAL)
def test_every_file_of_a_traditional_edition_is_free_of_simplified(request, lang, example):
    """Pages, chart figures, search index, feeds and downloads, as readers see them."""
    if example:
        folder = request.getfixturevalue("built_report")(example) / "site" / lang
    elif lang == "zh-Hant":
        folder = request.getfixturevalue("built_site") / lang
    else:
        folder = request.getfixturevalue("hong_kong_project") / "site" / lang
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) > 20 and (folder / "search" / "search_index.json").is_file()
    # The charts' words (titles, labels, hover text) are in their figure data: read here too.
    assert any("data-figure=" in p.read_text(encoding="utf-8") for p in folder.glob("*.html"))
    assert simplified_in(folder, lang) == {}


def test_the_check_finds_a_simplified_string(tmp_path):
    (tmp_path / "page.html").write_text('<label title="切换到深色模式">', encoding="utf-8")
    (tmp_path / "ok.html").write_text("台灣的平台與阿里巴巴", encoding="utf-8")
    (tmp_path / "index.json").write_text('{"text": "\\u8fd9\\u91cc"}', encoding="utf-8")
    # A quote selector is written in the edition's glyphs too, like the quote beside it.
    (tmp_path / "facts.json").write_text('{"exact": "这里", "quote": "這裡"}', encoding="utf-8")
    assert list(simplified_in(tmp_path, "zh-Hant")) == ["facts.json", "index.json", "page.html"]


def index_words(site_dir: Path) -> set[str]:
    """The multi-character Chinese words the search index of the edition in `site_dir` holds."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        word
        for doc in docs["docs"]
        for word in (doc["title"] + "\u200b" + doc["text"]).split("\u200b")
        if len(word) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", word)
    }


def test_search_finds_whole_traditional_words(edition):
    """Traditional search cuts pages into the Traditional forms of the Simplified edition's words
    (頁面, 執行長), not into single characters: without its dictionary, about a quarter of the
    words fall apart and a reader's search for them finds nothing."""
    from generator.editions.convert import converter_for
    from generator.facts.load import load_fact_base

    lang, folder = edition
    project = folder.parent.parent
    convert = converter_for(load_fact_base(project / "data"), OPENCC_OF[lang], lang)
    changed = {word: convert(word) for word in index_words(folder.parent) if convert(word) != word}
    words = index_words(folder)
    missing = sorted(
        f"{word}→{converted}" for word, converted in changed.items() if converted not in words
    )
    assert len(changed) > 300
    assert len(missing) <= 0.05 * len(changed), missing[:40]
    assert "頁面" in words


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


@cache
def verified_quotes() -> tuple[str, ...]:
    """Every quote of the source the report's records carry (Simplified, as written)."""
    from generator.facts.fields import records
    from generator.facts.load import load_fact_base

    base = load_fact_base(Path(__file__).parent.parent / "data")
    return tuple(c.quote for _, r in records(base) for c in getattr(r, "cite", None) or [])


def _quotes_the_source(match: re.Match[str]) -> str:
    simplified = opencc.OpenCC("t2s").convert(match.group(1))
    return "" if any(simplified in quote for quote in verified_quotes()) else match.group(0)


def without_quotes(text: str) -> str:
    """`text` less the source's own words, which keep the source's wording: 原文：「…」, and a
    stretch of a verified quote that a sentence puts in quotation marks (作者推算「至少在…」)."""
    text = re.sub(r"原文：「[^」]*」", "", text)
    return re.sub(r"「([^「」『』]{2,})」", _quotes_the_source, text)


def as_the_source_writes(page: str) -> str:
    """A page less what it labels as the source's: quotes, the 原文 column, and the sentence
    naming the source's scale words."""
    page = re.sub(r'<td[^>]*data-label="原文"[^>]*>.*?</td>', "", without_quotes(page))
    return page.replace("量級詞（萬、億、萬億）", "")


def test_taiwan_number_words_everywhere(built_site):
    hant = built_site / "zh-Hant"
    compute = as_the_source_writes(read(hant, "compute.html"))
    assert "8兆美元" in compute and "萬億" not in compute
    timeline_chart = chart_text(read(hant, "timeline.html"))
    assert "8兆美元" in timeline_chart and "萬億" not in timeline_chart
    search = as_the_source_writes(
        readable(read(hant, "search/search_index.json")).replace("\u200b", "")
    ).replace("8萬億美元 8兆", "8兆")  # the search index's copy of the 原文 column
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


# Mainland words a Taiwan newsroom would not print, with what it writes instead. Quotes of the
# source keep the source's words and are left out of the check.
MAINLAND_WORDS = {
    "CEO": "執行長",
    "高管": "高層",
    "內測": "內部測試",
    "落地": "實際應用",
    "文生影片": "文字生成影片",
    "帖子": "貼文",
    "發帖": "發文",
    "題圖": "首圖",
    "頁頭": "頁首",
    "保駕護航": "提供後援",
    "提效降本": "提高效率、降低成本",
    "會否": "是否會",
    "二級市場": "次級市場",
    "二季度": "第二季",
    "視覺補丁": "視覺區塊",
    "文字標記": "詞元",
    "GPU時": "GPU小時",
    "戰略": "策略",
    "單元格": "儲存格",
    "每行一條記錄": "每列一筆紀錄",
    "構建網站": "建置網站",
    "壓縮包": "壓縮檔",
    "許可": "授權",
    "訂閱源": "訂閱",
    "拉取請求": "Pull Request",
    "懸停": "暫留",
    "拖動": "拖曳",
    "生成圖片": "產生圖片",
    "字節順序": "位元組順序",
}
# Brands whose names hold the mainland word (騰訊視頻 is how the brand writes itself), and
# examples of conversion (written -{…}-), which show the word being converted.
BRANDS = ("騰訊視頻", "西瓜視頻", "s2twp 會把『視頻』改成『影片』", "宣佈→宣布、平臺→平台")
# Glyphs Taiwan's papers do not print, in quotes either (quotes change glyphs, not words).
MAINLAND_GLYPHS = ("首箇", "宣佈", "公佈", "平臺", "臺階")


def _without_quote_keys(node: object) -> object:
    if isinstance(node, dict):
        # A quote, and its TextQuoteSelector (the same words), are the source's wording.
        return {k: _without_quote_keys(v) for k, v in node.items() if k not in ("quote", SELECTOR)}
    if isinstance(node, list):
        return [_without_quote_keys(item) for item in node]
    return node


def words_outside_quotes(name: str, raw: str) -> str:
    """What a reader of file `name` meets in the edition's own words: no quote of the source."""
    if name.endswith(".csv"):
        rows = csv.DictReader(io.StringIO(raw.lstrip("\ufeff")))
        return without_quotes(
            "\n".join(
                " ".join(v for k, v in row.items() if k != "cite_quotes" and v) for row in rows
            )
        )
    if name.endswith(".json") and not name.startswith("search/"):
        return without_quotes(json.dumps(_without_quote_keys(json.loads(raw)), ensure_ascii=False))
    text = re.sub(r'<span class="cite-quote">.*?</span>', "", raw)
    return without_quotes(readable(text).replace("\u200b", ""))


def mainland_words_in(edition_dir: Path) -> dict[str, list[str]]:
    """File -> the mainland words found in it outside quotes, with some context."""
    found: dict[str, list[str]] = {}
    for name, raw in texts_in(edition_dir):
        text = words_outside_quotes(name, raw)
        for brand in BRANDS:
            text = text.replace(brand, "")
        hits = [
            text[max(0, m.start() - 8) : m.end() + 4]
            for word in [*MAINLAND_WORDS, "視頻"]
            for m in re.finditer(re.escape(word), text)
        ]
        if hits:
            found[name] = hits[:5]
    return found


def test_taiwan_words_outside_quotes_in_every_file(built_site):
    assert mainland_words_in(built_site / "zh-Hant") == {}


def test_the_word_check_sees_through_files_but_not_quotes(tmp_path):
    (tmp_path / "page.html").write_text(
        '<p>抖音集團CEO</p><span class="cite-quote">原文：「抖音集團CEO」</span>', encoding="utf-8"
    )
    (tmp_path / "ok.html").write_text(
        '<p>執行長與騰訊視頻</p><span class="cite-quote">原文：「內測『視頻』」</span>',
        encoding="utf-8",
    )
    (tmp_path / "t.csv").write_text("\ufeffid,text,cite_quotes\na,帖子,內測\n", encoding="utf-8")
    (tmp_path / "f.json").write_text('{"a": [{"quote": "高管", "t": "時間段"}]}', encoding="utf-8")
    (tmp_path / "g.json").write_text('{"a": [{"quote": "高管", "t": "高管"}]}', encoding="utf-8")
    assert sorted(mainland_words_in(tmp_path)) == ["g.json", "page.html", "t.csv"]


def test_quotes_keep_the_source_words_in_taiwan_glyphs(built_site):
    hant = built_site / "zh-Hant"
    quotes = [
        quote
        for name, raw in texts_in(hant)
        if name.endswith(".html")
        for quote in re.findall(r'<span class="cite-quote">(.*?)</span>', readable(raw))
    ]
    assert len(quotes) > 100
    text = "\n".join(quotes)
    # The source's words stay (CEO, 視頻), in the glyphs Taiwan prints.
    assert "抖音集團新任CEO" in text and "視頻" in text
    for glyphs in MAINLAND_GLYPHS:
        assert glyphs not in text, glyphs
    # Full-width punctuation inside a Chinese quote: 韓尚佑（抖音集團新任CEO）, 11月，剪映
    assert "韓尚佑（抖音集團新任CEO）" in text
    assert not [q for q in quotes if "," in q or "(" in q or ")" in q]
    for _, raw in texts_in(hant):
        text = readable(raw).replace("宣佈→宣布、平臺→平台", "")  # an example, as written
        for glyphs in MAINLAND_GLYPHS:
            assert glyphs not in text, glyphs


def test_quotes_inside_quotes_are_double_corner_brackets(built_site):
    hant = built_site / "zh-Hant"
    products = readable(read(hant, "products.html"))
    assert "原文：「劇情創作平台『BagelBell』」" in products
    events = readable(read(hant, "timeline.html"))
    assert "原文：「『Boximator』，終於浮出水面」" in events
    method = readable(read(hant, "method.html"))
    assert "「原文：『……』」" in method
    for name, raw in texts_in(hant):
        text = readable(raw)
        assert "「「" not in text and "」」" not in text, name
    # The Simplified edition quotes the source's marks as written.
    assert "原文：「剧情创作平台“BagelBell”」" in readable(read(built_site, "products.html"))


def value_tags(page: str) -> list[tuple[str, str]]:
    """(figure as written, its value tag) of each figure on the compute page."""
    pairs = re.findall(
        r'<span class="fact-figure">(.*?)</span> <span class="fact-tag">(.*?)</span>', page
    )
    return [(readable(figure), readable(tag)) for figure, tag in pairs]


@pytest.mark.parametrize("folder", ["", "zh-Hant"])
def test_value_tags_say_what_their_figure_says(built_site, folder):
    tags = dict(value_tags(read(built_site / folder, "compute.html")))
    assert len(tags) >= 7
    for figure, tag in tags.items():
        # A range stays a range, a bound a bound; the numbers are the figure's own.
        assert re.findall(r"\d+(?:\.\d+)?", figure) == re.findall(r"\d+(?:\.\d+)?", tag)
        assert ("–" in figure) == ("至" in tag), (figure, tag)
        assert figure.startswith(("超過", "超过")) == tag.startswith("＞"), (figure, tag)
        # No space between a number and its unit in Chinese text.
        assert not re.search(r"[\d萬万億亿兆] \S", tag), tag
    gpus = "156.98萬顆" if folder else "156.98万张"
    assert f"= {gpus}" in tags.values()


def test_gpus_are_counted_in_ke_everywhere(built_site):
    hant = built_site / "zh-Hant"
    assert "156.98萬顆" in without_quotes(readable(read(hant, "compute.html")))
    figures = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(read(hant, "downloads/figures.csv").lstrip("\ufeff")))
    }
    assert figures["sora-scale-training-gpus"]["unit"] == "顆"
    derived = read(hant, "downloads/derived.csv")
    assert "156.98萬顆" in derived and "萬張" not in derived
    assert "GPU小時" in derived
    simplified = {
        row["id"]: row
        for row in csv.DictReader(
            io.StringIO(read(built_site, "downloads/figures.csv").lstrip("\ufeff"))
        )
    }
    assert simplified["sora-scale-training-gpus"]["unit"] == "张"


def test_taiwan_citation_feed_and_chart_credit(built_site):
    hant = built_site / "zh-Hant"
    data = readable(read(hant, "data.html"))
    assert (
        "中文版Sora競賽報告編輯小組（2023）。《中文版Sora競賽：一份有出處的事實報告》。http" in data
    )
    assert "[DB/OL]" not in data
    assert "[DB/OL]" in readable(read(built_site, "data.html"))
    feed = read(hant, "feed.xml")
    assert "<title>中文版Sora競賽：一份有出處的事實報告｜更正與修訂</title>" in feed
    market = readable(read(hant, "market.html"))
    assert "；整理：《中文版Sora競賽：一份有出處的事實報告》" in market
    assert "整理：《中文版Sora竞赛：一份有出处的事实报告》" in readable(
        read(built_site, "market.html")
    )


def test_table_words_and_links_on_taiwan_pages(built_site):
    hant = built_site / "zh-Hant"
    data = re.sub(r"<[^>]+>", "", readable(read(hant, "data.html")))
    assert "每列一筆紀錄" in data and "id 欄" in data and "cite_quotes 欄" in data
    assert "帶位元組順序標記（BOM）" in data and "儲存格" in data and "授權與引用" in data
    assert "市場、算力與數字" in re.sub(r"<[^>]+>", "", readable(read(hant, "index.html")))
    method = re.sub(r"<[^>]+>", "", readable(read(hant, "method.html")))
    assert "指令" in method and "Pull Request（PR）" in method
    assert "上圖先顯示事件最密集的一個月" in chart_text(read(hant, "timeline.html"))
    assert "可左右拖曳上圖" in re.sub(r"<[^>]+>", "", readable(read(hant, "timeline.html")))
    people = chart_text(read(hant, "people.html"))
    assert "高層人事異動時間軸" in readable(read(hant, "people.html")) and "高層異動" in people


@pytest.mark.slow  # builds another configuration of the report
def test_a_traditional_first_edition_cuts_its_own_search_words(make_project):
    """With the Traditional edition at the site root, no Simplified search has run before it:
    it finds its dictionary's words in the report's text itself, and its search still cuts
    whole Traditional words."""
    from conftest import run_mkdocs

    from generator.editions.convert import converter_for
    from generator.facts.load import load_fact_base

    project = make_project("traditional-root")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    simplified = "      - lang: zh-Hans\n        name: 简体中文\n"
    traditional = "      - lang: zh-Hant\n        name: 繁體中文\n        opencc: s2twp\n"
    assert simplified + traditional + "        path: zh-Hant\n" in text
    config.write_text(
        text.replace(
            simplified + traditional + "        path: zh-Hant\n",
            traditional + simplified + "        path: zh-Hans\n",
        ),
        encoding="utf-8",
    )
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    assert '<html lang="zh-Hant"' in (site / "index.html").read_text(encoding="utf-8")
    convert = converter_for(load_fact_base(project / "data"), "s2twp", "zh-Hant")
    source_words = index_words(site / "zh-Hans")
    changed = {word: convert(word) for word in source_words if convert(word) != word}
    words = index_words(site)
    missing = [word for word, converted in changed.items() if converted not in words]
    assert len(changed) > 300
    assert len(missing) <= 0.05 * len(changed), sorted(missing)[:40]


@pytest.mark.slow  # builds another configuration of the report
def test_without_search_no_search_words_are_made(make_project):
    """With search turned off, a Traditional edition builds without a search index, and no
    segmenter is made for it (see test_search_dict)."""
    from conftest import run_mkdocs

    project = make_project("no-search")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  search:\n    lang: zh\n" in text
    config.write_text(
        text.replace("  search:\n    lang: zh\n", "  search:\n    enabled: false\n    lang: zh\n"),
        encoding="utf-8",
    )
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    assert (project / "site" / "zh-Hant" / "index.html").is_file()
    assert not (project / "site" / "zh-Hant" / "search" / "search_index.json").exists()


def test_the_source_keeps_its_own_words_in_the_taiwan_edition(built_site):
    """What is the source's (its headline, a quote, the 原文 column) changes glyphs, never words;
    a quote's measure word is still 隻; an example of conversion reads as written."""
    hant = built_site / "zh-Hant"
    everything = "\n".join(readable(raw) for _, raw in texts_in(hant))
    assert "難倒互聯網大廠" in everything and "網路大廠" not in everything
    assert "60只" not in everything
    assert "原文：「超過60隻個股飄紅」" in readable(read(hant, "market.html"))
    compute = readable(read(hant, "compute.html"))
    column = re.findall(r'<td[^>]*data-label="原文"[^>]*>(.*?)</td>', compute)
    assert "8萬億美元" in column and "156.98萬張" in column
    assert "量級詞（萬、億、萬億）" in compute
    with zipfile.ZipFile(next((hant / "downloads").glob("*.zip"))) as bundle:
        schema = next(n for n in bundle.namelist() if n.endswith("glossary.schema.json"))
        glossary = bundle.read(schema).decode("utf-8")
    assert "s2twp 會把『視頻』改成『影片』" in glossary
    assert "宣佈→宣布、平臺→平台" in glossary
    # The source edition shows the examples without their marks.
    with zipfile.ZipFile(next((built_site / "downloads").glob("*.zip"))) as bundle:
        schema = next(n for n in bundle.namelist() if n.endswith("glossary.schema.json"))
        simplified = bundle.read(schema).decode("utf-8")
    assert "s2twp 会把‘视频’改成‘影片’" in simplified and "-{" not in simplified


def test_decided_taiwan_forms_in_the_sites_own_words(built_site):
    """Forms a Taiwan copy desk decided (CONTRIBUTING, 台湾审稿): none of the mainland ones is
    left outside quotes."""
    hant = built_site / "zh-Hant"
    decided = {
        "時長": "長度／時數",
        "變現": "獲利",
        "對話應用，": "聊天應用程式",
        "透過控制物件": "透過控制物體",
        "已上線": "已推出",
        "估算方": "數字出處",
        "研發方": "開發者",
        "開發方": "開發者",
        "概覽": "總覽",
        "涉及：": "相關：",
        "正在初始化": "搜尋功能載入中",
        "網站生成工具": "本站以…建置",
        "語言程式碼": "語言標籤",
        "股票程式碼": "股票代號",
        "時間視窗": "一段期間",
        "編寫組": "編輯小組",
        "計劃": "計畫",
    }
    left = {}
    for name, raw in texts_in(hant):
        text = words_outside_quotes(name, raw)
        hits = [word for word in decided if word in text]
        if hits:
            left[name] = hits
    assert left == {}
