"""Every code the model allows has words for readers, so no page can show a raw code."""

from __future__ import annotations

from typing import get_args

import pytest

from generator.facts import model
from generator.facts.categories import DEFAULTS
from generator.facts.dates import Precision
from generator.site import labels

PAIRS = [
    (labels.TOPIC_WORDS, model.ClaimTopic),
    (labels.COMPARATOR_WORDS, model.Comparator),
    (labels.COUNTRY_WORDS, model.Organization.model_fields["country"].annotation),
    (labels.RELATION_WORDS, model.Relation.model_fields["kind"].annotation),
    (labels.FORECAST_STATUS_WORDS, model.Forecast.model_fields["status"].annotation),
]


@pytest.mark.parametrize(("words", "codes"), PAIRS, ids=[str(codes) for _, codes in PAIRS])
def test_every_code_has_words(words, codes):
    assert set(words) == set(get_args(codes))


@pytest.mark.parametrize("group", list(DEFAULTS))
def test_every_default_category_has_words_and_the_charts_a_colour(group):
    """Kinds and statuses are the generator's defaults plus the report's own: every default has
    words, and the charts that colour by it (events, statuses) a colour of its own."""
    assert all(category.word for category in DEFAULTS[group].values())
    if group in ("event_kind", "product_status"):
        colors = [category.color for category in DEFAULTS[group].values()]
        assert None not in colors
        assert len(set(colors)) == len(colors)


def test_a_kind_code_means_one_thing_whatever_the_record():
    """The corrections page words a changed kind by its code alone: no two groups of kinds share
    a code with different words ("other" aside, which reads 其他 there)."""
    seen: dict[str, str] = {}
    for group in ("organization_kind", "product_kind", "event_kind", "figure_kind"):
        for code, category in DEFAULTS[group].items():
            if code != "other":
                assert seen.setdefault(code, category.word) == category.word, code


def test_every_attribution_and_precision_has_words():
    assert set(labels.ATTRIBUTION_WORDS) == set(model.Attribution)
    assert set(labels.ATTRIBUTION_MEANING) == set(model.Attribution)
    assert set(labels.PRECISION_WORDS) == set(Precision)
    assert set(labels.FIGURE_SOURCE_WORDS) == set(model.Attribution)


def test_every_field_a_change_can_touch_has_words_for_readers():
    """The corrections page and the feed word each changed field; none shows a YAML key."""
    from pydantic import BaseModel

    import generator.facts.model as model
    from generator.facts.kinds import DATA_FILES, KINDS
    from generator.site.labels import FIELD_WORDS

    files = {*DATA_FILES.values(), model.FactBase, model.ReportFile}  # lists of records, not fields
    names = {
        name
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel
        if value not in files
        for name in value.model_fields
    }
    lists = {kind.list_key for kind in KINDS.values()}  # worded by their kind
    assert sorted(names - FIELD_WORDS.keys() - lists) == []


def test_a_changed_field_is_worded_for_each_reader():
    from generator.review.fact_diff import contributor_path
    from generator.site.labels import field_words
    from generator.site.render import changed_value

    assert field_words("relations[0].kind") == "关系1·类型"
    assert field_words("inferred.date") == "推断依据·日期"
    assert field_words("paragraphs[20].gist") == "第21段·提要"
    assert field_words("unit_forms.zh-Hant") == "各版本单位写法·繁体版"
    assert contributor_path("relations[1].kind") == "relations 第2条 › kind"
    same = str
    assert changed_value("made_on", "../2024-02-25", same) == "不晚于2024年2月25日"
    assert changed_value("country", "CN", same) == "中国"
    assert changed_value("kind", "caveat", same) == "注意"
    assert changed_value("relations[0].kind", "part-of", same) == "所属"


def test_a_changed_citation_and_list_of_records_read_as_words():
    from generator.site.render import changed_value

    names = {"bytedance": "字节跳动", "dreamina": "Dreamina", "src": "《题》"}
    same = str
    cites = "src#29「优酷、哔哩哔哩」, src#30「大多尚未表态」"
    assert changed_value("cite", cites, same, names) == (
        "第29段“优酷、哔哩哔哩”；第30段“大多尚未表态”"
    )
    assert changed_value("involves", "bytedance, dreamina", same, names) == ("字节跳动、Dreamina")
    assert changed_value("arithmetic", "1 + 1 = 2, 2 × 3 = 6", same) == "1 + 1 = 2；2 × 3 = 6"


def test_a_quote_with_quotation_marks_of_its_own_keeps_all_its_words():
    from generator.site.render import changed_value

    cites = "src#10「如『豆包』、『话炉』」, src#9「扎堆上线」"
    assert changed_value("cite", cites, str) == "第10段“如『豆包』、『话炉』”；第9段“扎堆上线”"
