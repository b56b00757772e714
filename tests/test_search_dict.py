"""Search's words: made of the words the Simplified edition's search cut, in every script."""

from __future__ import annotations

import subprocess
import sys
import types

from generator.editions.convert import converter_for
from generator.editions.search_dict import (
    converted_words,
    handed_words,
    handing_on,
    indexed_words,
    segmenter,
    words_in,
)
from generator.glue.search_words import cut_into_words, cut_search_entries, search_segmenter
from generator.site.preview_problems import empty_fact_base


def test_words_come_from_the_index_as_search_cut_it():
    entries = [
        {
            "location": "a.html",
            "title": "概念股\u200b名单",
            "text": "字节\u200b的\u200b视频\u200bSora\u200b模型\u200b（A股）",
        },
        {"location": "b.html", "title": "", "text": "Boximator\u200b页面"},
    ]
    assert indexed_words(entries) == {"概念股", "名单", "字节", "视频", "模型", "页面"}


def test_words_are_handed_on_only_within_the_block_and_cut_from_text_otherwise():
    assert handed_words() is None
    with handing_on({"页面"}):
        assert handed_words() == frozenset({"页面"})
        with handing_on(None):
            assert handed_words() is None
    assert handed_words() is None
    assert {"视频", "页面"} <= words_in(["这个页面上的视频"])


def test_only_words_the_edition_writes_differently_are_added():
    convert = converter_for(empty_fact_base(), "s2twp", "zh-Hant")
    added = converted_words({"页面", "算力", "视频"}, convert)
    assert sorted(added) == ["影片", "頁面"]
    assert all(frequency > 1 for frequency in added.values())


def test_a_traditional_edition_cuts_its_words_whole():
    """Without the report's words in its script, 頁面 falls apart and a search for it fails."""
    convert = converter_for(empty_fact_base(), "s2twp", "zh-Hant")
    text = "這個頁面上的影片"
    assert "頁面" not in segmenter((), converter_for(empty_fact_base(), None, "zh-Hans"))(text)
    cut = segmenter({"这个", "页面", "视频"}, convert)
    assert cut(text) == ["這個", "頁面", "上", "的", "影片"]


def test_search_entries_are_cut_the_way_material_cuts_them():
    """Han runs cut into words, U+200B around and between them; Latin text left as it is; a
    cut made before (by Material, where jieba is still installed) is not cut again."""
    cut = segmenter((), converter_for(empty_fact_base(), None, "zh-Hans"))
    text = "字节跳动的视频模型Sora页面，见 a-b.html"
    cut_once = cut_into_words(text, cut)
    assert cut_once == (
        "字节\u200b跳动\u200b的\u200b视频\u200b模型\u200bSora\u200b页面\u200b，\u200b见\u200b a-b.html"
    )
    assert cut_into_words(cut_once, cut) == cut_once


def test_no_run_imports_pkg_resources_or_warns():
    """jieba imported pkg_resources (and so pinned setuptools below 81), whose deprecation
    warning printed on every run; nothing the build loads does now."""
    probe = (
        "import sys, warnings; warnings.simplefilter('error');"
        "import generator.glue.plugin, material.plugins.search.plugin;"
        "sys.exit(int('pkg_resources' in sys.modules or 'jieba' in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]


class _Plugin:
    def __init__(self, enabled: bool) -> None:
        self.config = {"enabled": enabled}


class _Config:
    def __init__(self, enabled: bool) -> None:
        self.plugins = {"material/search": _Plugin(enabled)}
        self.docs_dir = "docs"


def test_without_search_no_words_are_cut():
    """With search turned off, an edition spends no time cutting the report into words."""
    from generator.facts.model import Report

    convert = converter_for(empty_fact_base(), "s2twp", "zh-Hant")
    off = search_segmenter(_Config(False), convert, empty_fact_base(), Report(), "站")
    assert off is None
    with handing_on({"页面"}):
        on = search_segmenter(_Config(True), convert, empty_fact_base(), Report(), "站")
    assert on is not None and "頁面" in on("這個頁面")


def test_search_titles_are_cut_into_words_as_well_as_texts():
    """A word of a page's title finds the page, as a word of its text does."""
    config = _Config(True)
    config.plugins["material/search"].search_index = types.SimpleNamespace(
        entries=[{"title": "视频模型", "text": "视频模型", "location": "a/"}]
    )
    cut_search_entries(config, segmenter((), converter_for(empty_fact_base(), None, "zh-Hans")))
    (entry,) = config.plugins["material/search"].search_index.entries
    assert entry["title"] == entry["text"] == "视频\u200b模型"
