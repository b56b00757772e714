"""A citation of a source with an address opens the source at its quote (a text fragment), with
Robust Links attributes; a source without one is cited as before, on the sources page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.editions.convert import convert_fact_base, converter_for
from generator.facts.load import cached_fact_base
from generator.site.pages import page_context
from generator.site.render import at_quote, text_fragment

ROOT = Path(__file__).parent.parent
OPENCC = {"zh-Hans": None, "zh-Hant": "s2twp"}
URL = "https://example.com/2024/sora.html"
ARCHIVE = "https://web.archive.org/web/20240226000000/https://example.com/2024/sora.html"


@pytest.fixture(scope="module")
def base():
    return cached_fact_base(ROOT / "data", "data")


def with_address(base, **address):
    """The fact base with its main source given an address, an archived copy or both."""
    first = base.sources[0].model_copy(update=address)
    return base.model_copy(update={"sources": [first, *base.sources[1:]]})


def rendered(base, lang: str, record_id: str = "bytedance") -> BeautifulSoup:
    """A fact's citation as the page shows it (Markdown as the site renders it)."""
    convert = converter_for(base, OPENCC[lang], lang)
    ctx = page_context(convert_fact_base(base, convert), convert, lang)
    fact = next(o for o in ctx.base.organizations if o.id == record_id)
    page = markdown.markdown(ctx.cite(fact), extensions=["attr_list", "md_in_html"])
    return BeautifulSoup(page, "html.parser")


def directive_words(href: str) -> str:
    """The words a browser looks for: the text directive's one term, percent-decoded."""
    _, _, directive = href.partition("#:~:text=")
    assert directive and "," not in directive and "&" not in directive, href
    return unquote(directive)


def test_the_directives_own_signs_are_escaped_in_the_quote():
    fragment = text_fragment("Gen-2, Sora & 可灵 100%")
    assert fragment == ":~:text=Gen%2D2%2C%20Sora%20%26%20%E5%8F%AF%E7%81%B5%20100%25"
    assert unquote(fragment.removeprefix(":~:text=")) == "Gen-2, Sora & 可灵 100%"
    # A page's own fragment stays; the directive follows it.
    assert at_quote("https://example.com/a#part", "字节") == (
        "https://example.com/a#part:~:text=%E5%AD%97%E8%8A%82"
    )


@pytest.mark.parametrize("lang", sorted(OPENCC))
def test_a_citation_opens_the_source_at_its_quote_in_the_sources_own_words(base, lang):
    source = base.sources[0]
    cites = next(o for o in base.organizations if o.id == "bytedance").cite
    shown = rendered(with_address(base, url=URL), lang)
    links = shown.select("a.cite-link")
    assert len(links) == len(cites)
    for link, cite in zip(links, cites, strict=True):
        assert link["href"].startswith(URL + "#:~:text=")
        # The source's own characters, also in the Traditional edition, whose quote beside the
        # link is in its glyphs: the fragment must match the text the source holds.
        assert directive_words(link["href"]) == cite.quote
        assert link.get_text() == f"¶{cite.paragraph}"
        assert link["data-originalurl"] == URL
        assert not link.has_attr("data-versionurl")  # no archived copy: none named
    quotes = [q.get_text() for q in shown.select(".cite-quote")]
    assert len(quotes) == len(cites)
    if lang == "zh-Hant":
        assert quotes[0] != f"原文：「{cites[0].quote}」"
    assert source.url is None  # the report's own source has no address (see the next test)


def test_robust_links_carry_the_archived_copy_and_its_day(base):
    shown = rendered(
        with_address(base, url=URL, archive_url=ARCHIVE, archived="2024-02-26"), "zh-Hans"
    )
    link = shown.select_one("a.cite-link")
    assert link["href"].startswith(URL + "#:~:text=")
    assert link["data-originalurl"] == URL
    assert link["data-versionurl"] == ARCHIVE
    assert link["data-versiondate"] == "2024-02-26"
    # A snapshot dated only to the month has no day to give: no invented one.
    month = rendered(
        with_address(base, url=URL, archive_url=ARCHIVE, archived="2024-02"), "zh-Hans"
    )
    assert not month.select_one("a.cite-link").has_attr("data-versiondate")


def test_an_archived_copy_alone_is_opened_at_the_quote(base):
    shown = rendered(with_address(base, archive_url=ARCHIVE, archived="2024-02-26"), "zh-Hans")
    link = shown.select_one("a.cite-link")
    assert link["href"].startswith(ARCHIVE + "#:~:text=")
    assert link["data-versionurl"] == ARCHIVE and not link.has_attr("data-originalurl")


@pytest.mark.parametrize("lang", sorted(OPENCC))
def test_a_source_without_address_is_cited_on_the_sources_page_as_before(base, lang):
    shown = rendered(base, lang)
    links = shown.select("a.cite-link")
    assert links
    for link in links:
        assert link["href"].startswith("sources.md#zhinengpro-2024-02-25-p"), link
        assert ":~:" not in link["href"]
        assert not [name for name in link.attrs if name.startswith("data-")]
