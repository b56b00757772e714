"""The Traditional search dictionary: made of the words the Simplified edition's search cut."""

from __future__ import annotations

from generator.editions.convert import converter_for
from generator.editions.search_dict import (
    converted_words,
    handed_words,
    handing_on,
    indexed_words,
    user_dictionary,
    words_in,
)
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


def test_only_words_the_edition_writes_differently_enter_the_dictionary():
    convert = converter_for(empty_fact_base(), "s2twp", "zh-Hant")
    lines = converted_words({"页面", "算力", "视频"}, convert)
    assert [line.split()[0] for line in lines] == ["影片", "頁面"]


def test_the_dictionary_is_kept_in_the_cache_and_made_without_one(tmp_path):
    convert = converter_for(empty_fact_base(), "s2twp", "zh-Hant")
    kept = user_dictionary({"页面", "视频"}, convert, tmp_path / "cache")
    assert kept.is_relative_to(tmp_path / "cache" / "jieba")
    assert kept.read_text(encoding="utf-8").split()[::2] == ["影片", "頁面"]
    assert user_dictionary({"视频", "页面"}, convert, tmp_path / "cache") == kept
    # A cache folder that cannot be made (a read-only checkout): a temporary file, same words.
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    made = user_dictionary({"页面", "视频"}, convert, blocked)
    assert made.read_text(encoding="utf-8") == kept.read_text(encoding="utf-8")
