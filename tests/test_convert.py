"""Conversion of this article's vocabulary, and Markdown markup passing through untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.editions.convert import ScriptConverter, convert_fact_base, converter_for
from generator.editions.markdown_convert import convert_markdown
from generator.facts.load import load_documents, load_fact_base
from generator.facts.messages import say
from generator.facts.model import GlossaryEntry
from generator.review.conversions import Change, conversions_in, review

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def base():
    return load_fact_base(DATA)


@pytest.fixture(scope="module")
def to_hant(base):
    return converter_for(base, "s2twp", "zh-Hant")


# (Simplified, expected Traditional for Taiwan readers) — all phrases from the article.
ARTICLE_CASES = [
    ("字节", "字節"),
    ("字节跳动", "字節跳動"),
    ("字节内部", "字節內部"),
    ("腾讯视频", "騰訊視頻"),
    ("西瓜视频", "西瓜視頻"),
    ("智能Pro", "智能Pro"),
    ("首个中文版Sora", "首個中文版Sora"),
    ("竞相冲刺", "競相衝刺"),
    ("超过60只个股飘红", "超過60檔個股上漲"),
    ("大概率会落后", "很可能會落後"),
    ("通过控制对象运动", "透過控制物體運動"),
    ("比较对象", "比較對象"),
    ("审阅通过后", "審閱通過後"),
    ("训练数据", "訓練資料"),
    ("时间线", "時間軸"),
    ("营销和变现", "行銷和獲利"),
    ("报道", "報導"),
    ("短视频行业", "短影音產業"),
    ("2023年第一季度", "2023年第一季"),
    ("筹措8万亿美元", "籌措8兆美元"),
    ("国内大公司", "中國大公司"),
    ("中国内地股票市场", "中國大陸股票市場"),
    ("“中文版Sora”与‘千模大战’", "「中文版Sora」與「千模大戰」"),
    ("“剧情创作平台“BagelBell”上线”", "「劇情創作平台『BagelBell』上線」"),
    ("有消息指出", "有消息指出"),
    ("互联网大厂", "網路大廠"),
    ("短视频", "短影音"),
    ("视频生成大模型", "影片生成大模型"),
    ("英伟达H100", "輝達H100"),
    ("硅谷巨头", "矽谷巨頭"),
    ("芯片", "晶片"),
    ("数据集", "資料集"),
    ("抖音集团CEO张楠", "抖音集團執行長張楠"),
    ("抖音集团原CEO", "抖音集團前執行長"),
    ("OpenAI CEO阿尔特曼", "OpenAI執行長奧特曼"),
    ("剪映", "剪映"),
    ("豆包", "豆包"),
    ("云雀", "雲雀"),
    ("飞书", "飛書"),
    ("今日头条", "今日頭條"),
    ("爱奇艺", "愛奇藝"),
    ("哔哩哔哩", "嗶哩嗶哩"),
    ("优酷", "優酷"),
    ("芒果超媒", "芒果超媒"),
    ("国信证券", "國信證券"),
    ("梁汝波", "梁汝波"),
    ("齐俊元", "齊俊元"),
    ("韩尚佑", "韓尚佑"),
    ("朱骏", "朱駿"),
    ("“活水”转岗岗位", "「活水」轉調職位"),
    ("岗位变动", "職務異動"),
    ("扩散模型", "擴散模型"),
    ("研报", "研報"),
    ("发布新模型", "發布新模型"),
    ("人工智能", "人工智慧"),
    ("剪映只提供基础服务", "剪映只提供基礎服務"),
]


@pytest.mark.parametrize(
    ("simplified", "expected"), ARTICLE_CASES, ids=[c[0] for c in ARTICLE_CASES]
)
def test_article_vocabulary(to_hant, simplified, expected):
    assert to_hant(simplified) == expected


def test_plain_opencc_gets_the_known_cases_wrong(to_hant):
    """The glossary earns its place: without it these read wrong to a Taiwan reader."""
    assert to_hant.plain("字节") == "位元組"
    assert to_hant.plain("腾讯视频") == "騰訊影片"
    assert to_hant.plain("智能Pro") == "智慧Pro"
    assert to_hant.plain("大概率") == "大機率"


def test_source_script_passes_through(base):
    assert converter_for(base, None, "zh-Hans")("字节视频") == "字节视频"


def test_locale_override_for_hong_kong(base):
    to_hk = converter_for(base, "s2hk", "zh-HK")
    assert to_hk("互联网大厂") == "互聯網大廠"
    assert to_hk("字节") == "字節"
    # Hong Kong keeps its own words where Taiwan's vocabulary differs, and quotes with 「」.
    assert to_hk("超过60只个股") == "超過60隻個股"
    assert to_hk("8万亿美元的报道") == "8萬億美元的報道"
    assert to_hk("“时间线”") == "「時間線」"


def test_vocabulary_never_touches_glossary_terms_or_names():
    vocabulary = {"視頻": "影片", "只": "檔"}
    glossary = [GlossaryEntry(simplified="腾讯视频", traditional="騰訊視頻", why="t")]
    convert = ScriptConverter("s2tw", "zh-Hant", glossary, {"张只": "張只"}, vocabulary)
    assert convert("腾讯视频和视频、张只") == "騰訊視頻和影片、張只"


def test_entity_name_forms_per_edition(base):
    assert converter_for(base, "s2twp", "zh-Hant")("谷歌和阿尔特曼") == "Google和奧特曼"
    assert converter_for(base, "s2hk", "zh-HK")("谷歌") == "谷歌"


def test_explicit_traditional_name_wins():
    convert = ScriptConverter("s2twp", "zh-Hant", names={"字节视频": "字節視頻X"})
    assert convert("看字节视频") == "看字節視頻X"


def test_longest_glossary_term_wins():
    glossary = [
        GlossaryEntry(simplified="视频", traditional="視頻", why="t"),
        GlossaryEntry(simplified="腾讯视频", traditional="騰訊視頻", why="t"),
    ]
    convert = ScriptConverter("s2twp", "zh-Hant", glossary)
    assert convert("腾讯视频的视频") == "騰訊視頻的視頻"


def test_model_conversion_touches_text_not_ids(base, to_hant):
    converted = convert_fact_base(base, to_hant)
    bytedance = next(o for o in converted.organizations if o.id == "bytedance")
    assert bytedance.name == "字節跳動"
    assert bytedance.id == "bytedance"
    assert converted.sources[0].published == base.sources[0].published
    assert converted.events[0].cite == base.events[0].cite
    # Ids and dates are ASCII, which no converter changes: a field that is not reader text and
    # holds Chinese shows that only text is converted.
    assert converted.glossary[0].simplified == base.glossary[0].simplified == "字节"
    assert converted.figures[0].scale == base.figures[0].scale


MARKUP_CASES = {
    "link target and title": (
        '看[字节视频](https://example.com/字节视频 "视频标题")',
        '看[字節影片](https://example.com/字节视频 "视频标题")',
    ),
    "inline code": ("代码 `视频` 与视频", "程式碼 `视频` 與影片"),
    "html attribute": ('<span title="视频">视频</span>', '<span title="视频">影片</span>'),
    "anchor link": ("见[人物](people.md#张楠)", "見[人物](people.md#张楠)"),
    "attribute list": ("## 视频 {#视频}", "## 影片 {#视频}"),
    "fact reference": ("{{ zhang-nan }}的视频", "{{ zhang-nan }}的影片"),
    "image": ("![视频截图](img/视频.png)", "![影片截圖](img/视频.png)"),
    "autolink": ("<https://例子.com/视频>", "<https://例子.com/视频>"),
}


@pytest.mark.parametrize("case", sorted(MARKUP_CASES))
def test_markup_passes_through(to_hant, case):
    source, expected = MARKUP_CASES[case]
    assert convert_markdown(source, to_hant) == expected


def test_fenced_block_and_front_matter(to_hant):
    source = "---\ntitle: 视频页面\nslug: 视频\n---\n# 视频\n\n```yaml\nname: 视频\n```\n\n    缩进代码 视频\n"
    converted = convert_markdown(source, to_hant)
    assert converted.startswith("---\ntitle: 影片頁面\n")
    assert "```yaml\nname: 视频\n```" in converted
    assert "    缩进代码 视频" in converted
    assert "# 影片" in converted


def test_tables_lists_and_quotes(to_hant):
    source = "| 视频 | 数据 |\n| --- | --- |\n| 软件 | 信息 |\n\n- 列表视频\n\n> 引用视频\n"
    assert (
        convert_markdown(source, to_hant)
        == "| 影片 | 資料 |\n| --- | --- |\n| 軟體 | 資訊 |\n\n- 清單影片\n\n> 引用影片\n"
    )


@pytest.fixture(scope="module")
def data_review(base):
    """The conversions of the data and the generated pages into the Taiwan edition."""
    return {(c.kind, c.source, c.result): c for c in review(base, "s2twp", "zh-Hant", None)}


@pytest.fixture(scope="module")
def second_opinion_review(base):
    """The conversions of the data, the pages and the hand-written docs, with every word the
    second converter writes differently."""
    return review(base, "s2twp", "zh-Hant", DATA.parent / "docs", second_opinion=True)


def test_review_lists_phrase_and_glossary_changes(data_review):
    changes = data_review
    video = changes[("phrase", "视频", "影片")]
    assert len(video.places) > 10
    assert any(place.startswith("claims.yml › ") for place in video.places)
    assert ("glossary", "字节", "字節") in changes
    # Nothing the glossary fixes is still reported as a phrase change.
    assert ("phrase", "字节", "位元組") not in changes


def test_heading_anchors_are_in_the_editions_script_and_mapped_across(base, to_hant):
    from types import SimpleNamespace

    from generator.site.slugs import anchor_map, slugify

    assert to_hant("资金与数据量") == "資金與資料量"
    assert slugify("資金與資料量", "-") == "資金與資料量"
    toc = [
        SimpleNamespace(id="資金與資料量", title="資金與資料量", children=[]),
        SimpleNamespace(id="bytedance", title="字節跳動", children=[]),
    ]
    to_source = anchor_map(toc, to_hant.sources_of.get, lambda text: text)
    assert to_source == {
        "%E8%B3%87%E9%87%91%E8%88%87%E8%B3%87%E6%96%99%E9%87%8F": "%E8%B5%84%E9%87%91%E4%B8%8E%E6%95%B0%E6%8D%AE%E9%87%8F"
    }
    toc_source = [SimpleNamespace(id="资金与数据量", title="资金与数据量", children=[])]
    from urllib.parse import unquote

    assert {
        unquote(k): unquote(v) for k, v in anchor_map(toc_source, lambda t: t, to_hant).items()
    } == {"资金与数据量": "資金與資料量"}


def test_review_covers_the_generators_own_page_words(data_review):
    changes = data_review
    kinds = changes[("glossary", "类型", "類型")]
    assert any(place.startswith("page ") for place in kinds.places)
    assert not any(result == "型別" for _, _, result in changes)


def test_review_covers_interface_words_outside_pages():
    """Update stamps, corrections, the feed and the plotly.js words kept by hand (those its own
    locales lack) are reviewed too."""
    from generator.site.ui_literals import interface_words

    reviewed = {(place.split(":")[0], text) for place, text in interface_words()}
    assert ("generator/site/freshness.py", "更新于") in reviewed
    assert ("generator/site/feed.py", "更正") in reviewed
    assert ("plotly.js Download plot as JSON", "下载图表（JSON）") in reviewed


def test_every_disagreement_with_the_second_converter_is_decided(second_opinion_review):
    changes = second_opinion_review
    decided = [c for c in changes if c.kind == "decided"]
    assert len(decided) > 30
    assert [c.line() for c in changes if c.kind == "differs"] == []


def test_an_undecided_disagreement_is_listed_with_its_line(base, tmp_path):
    from generator.editions.second_opinion import decided_by, disagreements

    to_hant = converter_for(base, "s2twp", "zh-Hant")
    found = list(
        disagreements("大公司竞相冲刺，推出首个中文版Sora。", ScriptConverter("s2twp", "zh-Hant"))
    )
    assert [(d.source, d.ours, d.theirs) for d in found] == [
        ("冲刺", "沖刺", "衝刺"),
        ("首个", "首箇", "首個"),
    ]
    # With the report's tables the two converters agree on this sentence.
    assert list(disagreements("大公司竞相冲刺，推出首个中文版Sora。", to_hant)) == []
    video = next(disagreements("训练数据", to_hant))
    assert (video.source, video.ours, video.theirs) == ("数据", "資料", "數據")
    assert decided_by(video, "训练数据", to_hant) == "資料"
    loaded, documents = load_documents(DATA)
    # Without the report's glossary and vocabulary, nothing settles the disagreements: each is
    # listed as `differs`, at its file and line.
    bare = loaded.model_copy(update={"glossary": [], "vocabulary": []})
    changes = review(
        bare, "s2twp", "zh-Hant", None, pages=False, documents=documents, second_opinion=True
    )
    places = [place for c in changes if c.kind == "differs" for place in c.places]
    assert places
    assert all(re.fullmatch(r".*data/\w+\.yml:\d+", place) for place in places), places


def test_admonition_bodies_are_text_and_code_stays_code(to_hant):
    source = (
        '!!! note "视频说明"\n\n    正文里的视频\n\n    !!! tip "内层"\n\n'
        "        内层视频，`代码视频`\n\n段落\n\n    缩进代码 视频\n"
    )
    converted = convert_markdown(source, to_hant)
    assert "    正文裡的影片\n" in converted, "an admonition's body is converted in place"
    assert "        內層影片，`代码视频`\n" in converted, "nested bodies too, code kept"
    assert converted.endswith("    缩进代码 视频\n"), "an indented code block stays as written"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“外“内”外”", "「外『内』外」"),
        ("“一“二“三”二”一”", "「一『二「三」二』一」"),
        ("原文：「平台「BagelBell」」", "原文：「平台『BagelBell』」"),
        ("（“原文：「……」”）", "（「原文：『……』」）"),
        ("it’s “OpenAI’s”", "it’s 「OpenAI’s」"),
        ("多出的”", "多出的」"),
    ],
)
def test_quotation_marks_nest_by_depth(text, expected):
    from generator.editions.convert import corner_quotes

    assert corner_quotes(text) == expected


def test_a_quote_wrapped_in_brackets_takes_them_one_level_down():
    from generator.editions.convert import inside_corner_brackets

    assert inside_corner_brackets("平台「BagelBell」") == "平台『BagelBell』"
    assert inside_corner_brackets("平台“BagelBell”") == "平台“BagelBell”"


def test_quotes_change_glyphs_and_punctuation_never_words(to_hant):
    assert to_hant.glyphs("韩尚佑(抖音集团新任CEO)") == "韓尚佑（抖音集團新任CEO）"
    assert to_hant.glyphs("去年11月,剪映就悄悄内测") == "去年11月，剪映就悄悄內測"
    # A thousands separator stays; a quote with no Chinese keeps its ASCII punctuation.
    assert to_hant.glyphs("共1,000张,够了") == "共1,000張，夠了"
    assert to_hant.glyphs("Stable Video (SVD), v1") == "Stable Video (SVD), v1"
    # Glyph variants apply in quotes too, wording does not.
    assert to_hant.glyphs("首个宣布的平台“Boximator”") == "首個宣布的平台「Boximator」"
    assert to_hant.glyphs("公布了视频") == "公布了視頻"
    assert to_hant("公布了视频") == "公布了影片"


def test_interface_words_have_taiwan_forms_and_the_report_wins(base):
    from generator.facts.model import VocabularyEntry

    to_hant = converter_for(base, "s2twp", "zh-Hant")
    assert to_hant("每行一条记录；`id` 列与锚点相同") == "每列一筆紀錄；`id` 欄與錨點相同"
    assert to_hant("一个单元格") == "一個儲存格"
    assert to_hant("采用 CC BY 4.0 许可") == "採用 CC BY 4.0 授權"
    # Hong Kong keeps OpenCC's interface words; a report's own entry overrides the generator's.
    assert converter_for(base, "s2hk", "zh-HK")("单元格") == "單元格"
    override = VocabularyEntry(opencc="單元格", editions={"zh-Hant": "格子"}, why="t")
    own = base.model_copy(update={"vocabulary": [*base.vocabulary, override]})
    assert converter_for(own, "s2twp", "zh-Hant")("单元格") == "格子"


def test_an_edition_may_count_a_figure_in_its_own_unit(base, to_hant):
    converted = convert_fact_base(base, to_hant)
    gpus = next(f for f in converted.figures if f.unit_forms)
    assert gpus.unit == gpus.unit_forms["zh-Hant"]
    source = next(f for f in base.figures if f.id == gpus.id)
    assert source.unit != gpus.unit
    to_hk = converter_for(base, "s2hk", "zh-HK")
    assert (
        next(f for f in convert_fact_base(base, to_hk).figures if f.id == gpus.id).unit != gpus.unit
    )


def test_a_source_title_keeps_its_words_wherever_it_is_cited(to_hant, base):
    """The headline is a title: 互联网 stays 互聯網 (prose says 網路), in 《》 or alone."""
    title = base.sources[0].title
    assert "互联网" in title
    assert to_hant(title) == "中文版Sora，難倒互聯網大廠"
    assert (
        to_hant(f"资料来源：智能Pro《{title}》等")
        == "資料來源：智能Pro《中文版Sora，難倒互聯網大廠》等"
    )
    assert to_hant("互联网大厂") == "網路大廠"


def test_a_quoted_stretch_of_a_verified_quote_keeps_the_source_words(to_hant):
    """原文写作“8万亿美元” is true in every edition; unquoted, the site's own words are Taiwan's."""
    assert to_hant("原文写作“8万亿美元”") == "原文寫作「8萬億美元」"
    assert to_hant("他计划筹集8万亿美元") == "他計畫籌集8兆美元"
    assert to_hant("文中说“超过60只个股飘红”") == "文中說「超過60隻個股飄紅」"


def test_a_measure_word_after_a_numeral_is_resolved_inside_quotes(to_hant):
    assert to_hant.glyphs("超过60只个股飘红") == "超過60隻個股飄紅"
    assert to_hant.glyphs("3只有") == "3只有"  # the adverb "only" stays 只
    assert to_hant.glyphs("只有") == "只有"


def test_an_example_of_conversion_is_never_converted(to_hant, base):
    assert (
        to_hant("例如“s2twp 会把‘-{视频}-’改成‘影片’”") == "例如「s2twp 會把『視頻』改成『影片』」"
    )
    assert to_hant("（-{宣佈→宣布、平臺→平台}-）") == "（宣佈→宣布、平臺→平台）"
    assert to_hant("量级词（-{万、亿、万亿}-）") == "量級詞（萬、億、萬億）"
    # Without the marks, the same text is converted like any other.
    assert to_hant("（宣佈→宣布）") == "（宣布→宣布）"
    # The source edition shows the example without its marks, in fields and in Markdown.
    simplified = converter_for(base, None, "zh-Hans")
    assert simplified("把-{视频}-改成影片") == "把视频改成影片"
    assert convert_markdown("把 -{视频}- 改成 `-{x}-`", to_hant) == "把 視頻 改成 `-{x}-`"
    assert convert_markdown("把 -{视频}- 改成 `-{x}-`", simplified) == "把 视频 改成 `-{x}-`"
    marked = base.model_copy(
        update={"claims": [base.claims[0].model_copy(update={"text": "把-{视频}-改成影片"})]}
    )
    assert convert_fact_base(marked, simplified).claims[0].text == "把视频改成影片"
    assert convert_fact_base(marked, to_hant).claims[0].text == "把視頻改成影片"


def test_text_inside_an_html_block_is_converted(to_hant):
    """A hand-written page's <div> or <details> is read in the edition's script too."""
    assert convert_markdown('<div class="note">视频数据</div>\n', to_hant) == (
        '<div class="note">影片資料</div>\n'
    )


def test_a_review_line_says_how_many_places_it_leaves_out():
    places = [f"claims.yml › c{n}" for n in range(6)]
    line = Change("视频", "影片", "phrase", places).line()
    assert line.endswith(say("review-more-places", count=2))


def test_the_new_text_review_marks_glossary_terms(base):
    """A term the glossary decides is shown as decided, apart from OpenCC's own changes."""
    changes = conversions_in([("claims.yml:1", "字节跳动发布了新模型")], base, "s2twp", "zh-Hant")
    assert ("glossary", "字节") in {(c.kind, c.source) for c in changes}
