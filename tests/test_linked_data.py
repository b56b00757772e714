"""What dataset search, reference managers and archives read from the built pages: the JSON-LD
expanded as a JSON-LD processor (pyld) expands it, offline, and the Highwire `citation_*` tags."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_ENV, simplified_context
from pyld import jsonld

from generator.facts.load import load_fact_base
from generator.site.publication import Licence, Publication

ROOT = Path(__file__).parent.parent
SCHEMA = "http://schema.org/"
EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
# The part of schema.org's JSON-LD context the pages rely on, kept here so that the tests run
# offline: its vocabulary, and the properties it declares as addresses ("@type": "@id").
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        **{
            name: {"@id": f"schema:{name}", "@type": "@id"}
            for name in (
                "url",
                "contentUrl",
                "license",
                "publishingPrinciples",
                "archivedAt",
                "sameAs",
            )
        },
    }
}

# A report with an address and no build date, for the renderer-level tests.
PUBLICATION = Publication(
    "k", "报告", "编写组", "https://example.org/r/", None, "zh-Hans", Licence("CC BY 4.0", "L")
)


def _offline_loader(url: str, options: object = None) -> dict[str, object]:
    assert urlsplit(url).netloc == "schema.org", f"the test would fetch {url}"
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def expanded(page: Path) -> list[dict]:
    """Every JSON-LD block of a page, expanded: full IRIs, every value a list."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    nodes: list[dict] = []
    for script in soup.find_all("script", type="application/ld+json"):
        document = json.loads(script.string)
        nodes += jsonld.expand(document, {"documentLoader": _offline_loader})
    return nodes


def of_type(nodes: list[dict], kind: str) -> list[dict]:
    return [node for node in nodes if SCHEMA + kind in node.get("@type", [])]


def value(node: dict, name: str) -> object:
    """The one value of property `name` (its @value, or @id for an address)."""
    found = node[SCHEMA + name]
    assert len(found) == 1, (name, found)
    return found[0].get("@value", found[0].get("@id"))


def values(node: dict, name: str) -> list[object]:
    return [item.get("@value", item.get("@id", item)) for item in node.get(SCHEMA + name, [])]


def local(site: Path, site_url: str, address: str) -> Path:
    """The built file an absolute address of the site stands for."""
    assert address.startswith(site_url), address
    return site / address.removeprefix(site_url)


def build_day() -> str:
    epoch = int(BUILD_ENV["SOURCE_DATE_EPOCH"])
    return datetime.fromtimestamp(epoch, UTC).date().isoformat()


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_data_page_is_a_dataset_whose_downloads_a_harvester_can_fetch(built_site, site_url, lang):
    folder = EDITIONS[lang]
    nodes = expanded(built_site / folder / "data.html")
    (dataset,) = of_type(nodes, "Dataset")
    assert value(dataset, "url") == f"{site_url}{folder}data.html"
    assert value(dataset, "inLanguage") == lang
    assert value(dataset, "license") == "https://creativecommons.org/licenses/by/4.0/"
    assert value(dataset, "datePublished") == build_day()
    assert len(str(value(dataset, "description"))) >= 50  # Dataset Search wants 50 characters
    (creator,) = dataset[SCHEMA + "creator"]
    assert value(creator, "name")
    start, end = str(value(dataset, "temporalCoverage")).split("/")
    assert start <= "2024" <= end  # the source article's year lies within the facts' span
    downloads = dataset[SCHEMA + "distribution"]
    formats = {str(value(d, "encodingFormat")) for d in downloads}
    assert formats == {"application/zip", "application/json", "text/csv"}
    csvs = sorted((built_site / folder / "downloads").glob("*.csv"))
    assert len(downloads) == len(csvs) + 2
    for download in downloads:
        assert SCHEMA + "DataDownload" in download["@type"]
        assert local(built_site, site_url, str(value(download, "contentUrl"))).is_file()
        assert value(download, "license") == value(dataset, "license")
        assert value(download, "inLanguage") == lang
        assert value(download, "temporalCoverage") == value(dataset, "temporalCoverage")
        assert value(download["http://schema.org/creator"][0], "name") == value(creator, "name")


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_report_cites_its_sources_lists_corrections_and_its_principles(
    built_site, site_url, published_history, lang
):
    folder = EDITIONS[lang]
    (report,) = of_type(expanded(built_site / folder / "index.html"), "Report")
    assert value(report, "inLanguage") == lang
    base = load_fact_base(ROOT / "data")
    cited = report[SCHEMA + "citation"]
    assert len(cited) == len(base.sources)
    assert all(value(work, "name") for work in cited)
    principles = str(value(report, "publishingPrinciples"))
    assert local(built_site, site_url, principles) == built_site / folder / "method.html"
    (correction,) = report[SCHEMA + "correction"]
    assert SCHEMA + "CorrectionComment" in correction["@type"]
    assert str(value(correction, "datePublished")).startswith(published_history.correction_day)
    changes = str(value(correction, "url"))
    page, anchor = changes.split("#")
    assert local(built_site, site_url, page) == built_site / folder / "changes.html"
    changes_page = BeautifulSoup(
        (built_site / folder / "changes.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert changes_page.find(id=anchor) is not None
    if lang == "zh-Hans":
        assert value(correction, "text") == published_history.correction
    # The article it is based on has no day of publication in the data: none is made up.
    (based_on,) = report[SCHEMA + "isBasedOn"]
    assert SCHEMA + "datePublished" not in based_on


def _citation_tags(page: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tags: dict[str, list[str]] = {}
    for meta in soup.find_all("meta", attrs={"name": lambda n: n and n.startswith("citation_")}):
        tags.setdefault(meta["name"], []).append(meta["content"])
    return tags


@pytest.mark.parametrize("lang", sorted(EDITIONS))
def test_every_page_carries_the_citation_tags_reference_managers_import(built_site, site_url, lang):
    folder = EDITIONS[lang]
    pages = sorted((built_site / folder).glob("*.html"))
    assert len(pages) > 10
    for page in pages:
        if page.name == "404.html":
            continue
        tags = _citation_tags(page)
        assert tags.get("citation_language") == [lang], page
        assert len(tags.get("citation_title", [])) == 1, page
        assert len(tags.get("citation_author", [])) == 1, page
        assert tags["citation_publication_date"] == [build_day().replace("-", "/")], page
        assert tags["citation_public_url"] == [f"{site_url}{folder}{page.name}"], page
    home = _citation_tags(built_site / folder / "index.html")
    site_name = BeautifulSoup(
        (built_site / folder / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).find("meta", property="og:site_name")["content"]
    assert home["citation_title"] == [site_name]  # the home page is the report itself


def test_addresses_follow_the_builds_url_style_and_no_date_is_made_up():
    """A site built with page folders (data/) links its method page and downloads as that
    build serves them; without a build date, nothing is dated."""
    from generator.site.linked_data import page_linked_data

    ctx = simplified_context(
        load_fact_base(ROOT / "data"),
        publication=PUBLICATION,
    )
    home = page_linked_data(ctx, "index.md", "https://example.org/r/", ROOT / "docs")
    assert home.report["publishingPrinciples"] == "https://example.org/r/method/"
    assert "citation_publication_date" not in dict(home.citation)
    assert home.citation_title == "报告"
    data = page_linked_data(ctx, "data.md", "https://example.org/r/data/", ROOT / "docs")
    (dataset,) = data.blocks
    assert dataset["url"] == "https://example.org/r/data/"
    assert "datePublished" not in dataset
    addresses = {d["contentUrl"] for d in dataset["distribution"]}
    assert "https://example.org/r/downloads/facts.json" in addresses
    # A report without a method page names no principles.
    elsewhere = page_linked_data(ctx, "index.md", "https://example.org/r/", ROOT / "data")
    assert "publishingPrinciples" not in elsewhere.report


def test_each_cited_source_keeps_its_address_archive_day_and_publisher():
    """The report's `citation` lists each source as a work a harvester can find again."""
    from generator.site.linked_data import page_linked_data

    real = load_fact_base(ROOT / "data")
    archived = real.sources[0].model_copy(
        update={"archive_url": "https://web.archive.org/web/2024/https://example.com/a"}
    )
    base = real.model_copy(update={"sources": [archived, *real.sources[1:]]})
    ctx = simplified_context(base, publication=PUBLICATION)
    works = page_linked_data(ctx, "index.md", "https://example.org/r/", ROOT / "docs").report[
        "citation"
    ]
    outlets = {o.id: o.name for o in base.organizations}
    for source, work in zip(base.sources, works, strict=True):
        assert work.get("url") == source.url
        assert work.get("archivedAt") == source.archive_url
        day = source.published_day()
        assert work.get("datePublished") == (day.isoformat() if day else None)
        if source.outlet in outlets:
            assert work["publisher"]["name"] == outlets[source.outlet]
    assert any("archivedAt" in w for w in works) and any("publisher" in w for w in works)
    assert any("datePublished" in w for w in works)


def test_the_sources_own_dates_stay_out_of_the_temporal_coverage():
    from types import SimpleNamespace

    from generator.site.linked_data import temporal_coverage

    base = load_fact_base(ROOT / "data")
    before = temporal_coverage(SimpleNamespace(base=base))
    old = base.sources[0].model_copy(update={"published": "1990-01-01"})
    moved = base.model_copy(update={"sources": [old, *base.sources[1:]]})
    assert temporal_coverage(SimpleNamespace(base=moved)) == before


def test_json_ld_text_cannot_close_its_script_or_open_a_comment():
    from generator.site.metadata import json_for_script

    text = json_for_script({"name": "</script><!--<script>"})
    assert "<" not in text and ">" not in text
