"""Source fingerprints and the grounding checks: quotes verified without the source's text."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from commands import run_command

from generator.facts.commands import step_command
from generator.facts.fields import records
from generator.facts.fingerprint import GRAM, HASH_HEX, MIN_QUOTE, build, hedges_in, numerals_in
from generator.facts.grounding import SourceDays, date_written, year_only_inferred
from generator.facts.load import load_fact_base
from generator.facts.model import Cited
from generator.facts.problems import DataError

HERE = Path(__file__).parent
ROOT = HERE.parent
SMALL = HERE / "fixtures" / "small"
ARCHIVED = ROOT.parent / "shared" / "sources" / "000_a23ffce5bb7ff7bf.txt"
# Which lines of the archived copy each committed fingerprint was made from.
REAL_PRINTS = {"zhinengpro-2024-02-25": "25-102", "gudong-guli-post-2024-02-25": "1,14,20,24"}


def fingerprint_command(data: Path, source: str, copy: Path, lines: str | None = None) -> None:
    extra = ["--lines", lines] if lines else []
    run_command(
        [
            sys.executable,
            "-m",
            "generator",
            "--data",
            str(data),
            "fingerprint",
            source,
            str(copy),
            *extra,
        ],
        check=True,
        capture_output=True,
    )


def test_the_command_reproduces_the_small_fingerprint(tmp_path):
    fingerprint_command(tmp_path, "article", HERE / "fixtures" / "small-article.txt")
    made = (tmp_path / "fingerprints" / "article.yml").read_text(encoding="utf-8")
    assert made == (SMALL / "fingerprints" / "article.yml").read_text(encoding="utf-8")


@pytest.mark.skipif(
    not ARCHIVED.exists(), reason="the editors' archived copy is not beside the repo"
)
@pytest.mark.parametrize("source", sorted(REAL_PRINTS))
def test_the_committed_fingerprints_match_the_archived_copy(tmp_path, source):
    fingerprint_command(tmp_path, source, ARCHIVED, REAL_PRINTS[source])
    made = (tmp_path / "fingerprints" / f"{source}.yml").read_bytes()
    assert made == (ROOT / "data" / "fingerprints" / f"{source}.yml").read_bytes()


def test_a_fingerprint_holds_no_readable_text_of_the_source():
    for path in (ROOT / "data" / "fingerprints").glob("*.yml"):
        han_runs = re.findall(r"[\u4e00-\u9fff]+", path.read_text(encoding="utf-8"))
        # Only numerals as written (十多款, 2-3个月) and hedge words (有消息指出) appear.
        assert max((len(run) for run in han_runs), default=0) <= 5, path.name


def test_a_quote_matches_whatever_its_punctuation_and_width():
    paragraph = build("s", ["此前被盛传的字节跳动,就在20日辟谣,称差距很大。"]).paragraphs[1]
    assert paragraph.find("字节跳动，就在２０日辟谣") is not None
    assert paragraph.find("字节跳动就在21日辟谣") is None


def test_numerals_are_kept_as_written_and_names_are_not_numbers():
    text = "2月9日上线十多款产品，需2-3个月，约157.68亿秒，H100和webVid-10M，去年二季度前。"
    assert numerals_in(text) == ["2月9日", "十多款", "2-3个月", "157.68亿秒", "去年", "二季度"]


def test_a_hedge_governs_its_sentence_or_its_clause():
    hedges = hedges_in("据悉，团队有50人。此前被盛传将推出新品的公司，在20日辟谣。")
    assert [(h.word, h.start, h.end) for h in hedges] == [("据悉", 0, 8), ("被盛传", 8, 21)]


def test_a_source_without_fingerprint_is_named_with_the_command(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    shutil.rmtree(data / "fingerprints")
    with pytest.raises(DataError) as raised:
        load_fact_base(data, "data")
    assert [str(p) for p in raised.value.problems] == [
        "data/sources.yml:2:9: article › id: 来源 'article' 没有指纹"
        "（data/fingerprints/article.yml）：用存档的原文生成："
        f"{step_command('fingerprint')} article 存档.txt --lines 起-止"
    ], "the command as it works where the check runs"


def test_every_citation_of_the_report_carries_a_quote():
    base = load_fact_base(ROOT / "data")
    citations = [
        citation
        for group in (base.events, base.figures, base.claims, base.forecasts, base.notes)
        for record in group
        for citation in record.cite
    ]
    assert citations and all(c.quote for c in citations)


def test_the_known_doubts_have_editors_notes_resting_on_sourced_numbers():
    """The 157.68亿秒 note gives both readings' arithmetic and leans on no upload rate the site has
    no source for (the checker refuses a step starting from such a number)."""
    base = load_fact_base(ROOT / "data")
    minutes = next(n for n in base.notes if "youtube-yearly-new-video" in n.about)
    assert any("525,600" in step for step in minutes.arithmetic)
    assert minutes.relies_on is None and not minutes.arithmetic[0].startswith("500")
    assert "更像" not in minutes.title + minutes.text
    # The 40% rise: how many days it took is not in the article, and the note needs no outside rule
    # to say so.
    forty = next(n for n in base.notes if "sora-concept-stocks-up-40pct-count" in n.about)
    assert forty.relies_on is None and {c.paragraph for c in forty.cite} == {2}


def test_a_country_maker_or_parent_is_given_only_where_a_quote_states_it_or_says_why():
    """One rule for every record: 360, Baidu and the video platforms the article never places
    stay unknown; where the site infers (a unit's country, Sora's maker) it says why."""
    base = load_fact_base(ROOT / "data")
    unknown = {org.id for org in base.organizations if org.country == "unknown"}
    platforms = {"kuaishou", "iqiyi", "tencent-video", "youku", "bilibili", "mango-excellent-media"}
    assert {"qihoo-360", "baidu", "alibaba", "guosen-securities", "nvidia"} | platforms <= unknown
    products = {product.id: product for product in base.products}
    assert "maker" in products["sora"].inferred
    assert products["chatgpt"].maker is None and products["pixeldance"].maker is None
    inferred = {org.id for org in base.organizations if "country" in org.inferred}
    assert {"a-share-market", "hk-stock-market", "douyin-group"} <= inferred


def test_a_stated_inference_stands_in_for_a_quote(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    organizations = data / "organizations.yml"
    text = organizations.read_text(encoding="utf-8")
    placed = text.replace(
        "    country: unknown\n    about: 示例公司。",
        "    country: CN\n    inferred: {country: 示例理由。}\n    about: 示例公司。",
    )
    organizations.write_text(placed, encoding="utf-8")
    assert load_fact_base(data).organizations[1].country == "CN"
    organizations.write_text(placed.replace("    inferred: {country: 示例理由。}\n", ""))
    with pytest.raises(DataError):
        load_fact_base(data)


def test_a_quote_of_four_characters_passes_only_as_its_whole_paragraph():
    """Two windows (24 bits) at some hundred positions match by chance about once in 100,000;
    at the one position of a by-line they do once in 16.8 million."""
    by_line, body = build("s", ["谷动谷力", "谷动谷力论坛转载了这篇文章。"]).paragraphs.values()
    assert by_line.is_whole("谷动谷力") and not body.is_whole("谷动谷力")
    assert body.find("谷动谷力") == 0  # found, but too short to count as evidence there


def test_the_stated_odds_follow_from_the_scheme():
    """The figures the method page and fingerprint.py give, from the scheme's own constants."""
    windows = MIN_QUOTE - GRAM + 1
    per_position = (16**HASH_HEX) ** windows
    assert windows == 3 and 16**HASH_HEX == 4096
    assert round(per_position / 170, -8) == 400_000_000  # the longest paragraph
    assert round(per_position / 3514, -7) == 20_000_000  # every paragraph of the article
    assert "四亿分之一" in (ROOT / "docs" / "method.md").read_text(encoding="utf-8")


COPY_ONLY = SourceDays(exists_by=date(2024, 2, 25), published=None)
PUBLISHED = SourceDays(exists_by=date(2024, 2, 25), published=date(2024, 2, 25))


@pytest.mark.parametrize(
    ("value", "numerals"),
    [
        ("2024-02-09", ["2月9日"]),  # a day without its year
        ("2023-11", ["去年", "11月"]),  # 去年 is read from a publication year
        ("2023-41", ["去年", "下半年"]),
        ("2023", ["去年"]),
    ],
)
def test_a_year_the_text_does_not_write_is_an_inference(value, numerals):
    assert not date_written(value, numerals, COPY_ONLY)
    assert year_only_inferred(value, numerals, COPY_ONLY)
    assert date_written(value, [*numerals, "2023年", "2024年2月9日"], COPY_ONLY)


def test_a_copy_date_bounds_a_span_but_is_no_publication_day():
    """A repost of 25 February says the text existed by then; not that anything happened then."""
    assert date_written("../2024-02-25", [], COPY_ONLY)
    assert date_written("2024-02", [], COPY_ONLY)
    assert not date_written("2024-02-25", [], COPY_ONLY)
    assert date_written("2024-02-25", [], PUBLISHED)
    assert not year_only_inferred("2024-02-25", [], COPY_ONLY)


def test_every_date_of_the_report_whose_year_is_unwritten_says_why():
    """The article writes 2月9日, 2月20日, 去年11月, 去年下半年: each of those records says
    where its year comes from."""
    base = load_fact_base(ROOT / "data")
    dated = {
        record.id: record
        for _, record in records(base)
        if isinstance(record, Cited) and getattr(record, "id", None)
    }
    for record_id, field in [
        ("zhang-nan-resigns", "date"),
        ("sora-concept-rally-2024-02-20", "date"),
        ("dreamina-internal-test", "date"),
        ("bytedance-ai-products-launch", "date"),
        ("zhang-nan-to-jianying", "announced"),
        ("skylark", "launched"),
    ]:
        assert "2024年2月25日" in dated[record_id].inferred[field], record_id
    assert all(f.made_on.startswith("../") for f in base.forecasts)


def test_a_relation_names_its_other_end_or_says_why(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    products = data / "products.yml"
    text = products.read_text(encoding="utf-8")
    unnamed = text.replace(
        "quote: '训练数据来自WebVid-10M'}]\n        attribution: insider",
        "quote: '还要2-3个月才开放测试'}]\n        attribution: insider",
    )
    assert unnamed != text
    products.write_text(unnamed, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_fact_base(data)
    [problem] = raised.value.problems
    assert "relations 第1条 › target" in str(problem) and "'webvid'" in str(problem)
    inferred = unnamed.replace(
        "        attribution: insider",
        "        inferred: {target: 示例理由。}\n        attribution: insider",
    )
    products.write_text(inferred, encoding="utf-8")
    assert load_fact_base(data).products[0].relations[0].inferred
