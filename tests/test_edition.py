"""What follows from an edition's language and OpenCC config is known in one place."""

from __future__ import annotations

import pytest

from generator.editions.edition import Edition, conversion_of, converted_editions, script_of
from generator.glue.edition_builds import link_between
from generator.site.metadata import head_tags
from generator.site.publication import Licence, Publication, formatted


@pytest.mark.parametrize(
    ("lang", "region", "locale", "traditional"),
    [
        ("zh-Hans", "SC", "zh_CN", False),
        ("zh-Hant", "TC", "zh_TW", True),
        ("zh-TW", "TC", "zh_TW", True),
        ("zh-HK", "HK", "zh_HK", True),
        ("zh-Hant-TW", "TC", "zh_TW", True),
        ("en", "SC", "en", False),
    ],
)
def test_a_language_decides_face_locale_and_citation_style(
    lang: str, region: str, locale: str, traditional: bool
) -> None:
    script = script_of(lang)
    assert (script.region, script.og_locale, script.traditional) == (region, locale, traditional)
    assert script.fonts.startswith(f'"Noto Sans CJK {region}"')
    tags = head_tags(title="t", description="d", site_name="站", url=None, lang=lang, json_ld=None)
    assert f'property="og:locale" content="{locale}"' in tags
    publication = Publication("k", "题", "编者", None, None, lang, Licence("CC BY 4.0", "u"))
    # GB/T 7714 marks the work [DB/OL]; APA in Chinese puts its title in 《》.
    assert ("[DB/OL]" in formatted(publication)) is not traditional


def test_glyphs_only_and_second_opinion_follow_the_opencc_config() -> None:
    assert conversion_of("s2twp").glyphs == "s2tw"
    assert conversion_of("s2hk").glyphs == "s2hk"
    assert conversion_of("s2twp").second_opinion == "zh-TW"
    assert conversion_of("s2hk").second_opinion == "zh-HK"


def test_reviewers_read_every_converted_edition() -> None:
    editions = [
        Edition("zh-Hans", "简体", None, ""),
        Edition("zh-Hant", "繁體", "s2twp", "zh-Hant"),
        Edition("zh-HK", "香港", "s2hk", "zh-HK"),
    ]
    assert [e.lang for e in converted_editions(editions)] == ["zh-Hant", "zh-HK"]


def test_the_edition_selector_leads_to_the_same_page_in_the_other_edition():
    hans = Edition("zh-Hans", "简体中文", None, "")
    hant = Edition("zh-Hant", "繁體中文", "s2twp", "zh-Hant")
    assert link_between(hans, "timeline/", hant) == "../zh-Hant/timeline/"
    assert link_between(hant, "timeline/", hans) == "../../timeline/"
