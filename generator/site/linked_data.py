"""What each page of an edition tells dataset search, reference managers and archives.

Every page carries Highwire Press `citation_*` tags; the home page's report JSON-LD gains its
sources (`citation`), the corrections of the history (`correction`) and the page that says how it
is made (`publishingPrinciples`); the data page carries a schema.org `Dataset` whose
`distribution` lists every download. Dates are the build's (from git) or none: never the clock's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.facts.dates import parse_date
from generator.facts.fields import string_fields
from generator.facts.model import EDTF
from generator.site.bundle import bundle_name
from generator.site.context import PageContext
from generator.site.freshness import CHANGES_PAGE
from generator.site.metadata import LinkedData, citation_tags
from generator.site.pages import data

HOME_PAGE = "index.md"
# The hand-written page that says how the report is made, when the report has one.
PRINCIPLES_PAGE = "method.md"
FORMATS = {".zip": "application/zip", ".json": "application/json", ".csv": "text/csv"}


def _page_address(root: str, src_uri: str, flat: bool) -> str:
    """The address of another page of the edition, in the build's URL style (page.html or
    page/), from the edition's root."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return root
    return root + (f"{stem}.html" if flat else f"{stem}/")


def temporal_coverage(ctx: PageContext) -> str | None:
    """The span of the facts' dates as an ISO 8601 interval in years (as precise as every date
    is), `..` for an end no date closes; the sources' own dates are not facts and stay out."""
    earliest, latest, open_end = [], [], False
    for path, value, markers in string_fields(ctx.base):
        if EDTF not in markers or not value or path[0] == "sources":
            continue
        dates = parse_date(value)
        if dates.earliest is not None:
            earliest.append(dates.earliest.year)
        if dates.latest is None:
            open_end = True
        else:
            latest.append(dates.latest.year)
    if not earliest and not latest:
        return None
    start = str(min(earliest)) if earliest else ".."
    end = ".." if open_end or not latest else str(max(latest))
    return f"{start}/{end}"


def _sources(ctx: PageContext) -> list[dict[str, Any]]:
    """The report's sources as schema.org works: what its `citation` lists."""
    outlets = {o.id: o.name for o in ctx.base.organizations}
    works = []
    for source in ctx.base.sources:
        work: dict[str, Any] = {
            "@type": "CreativeWork",
            "name": source.title,
            "inLanguage": source.language,
        }
        if source.url:
            work["url"] = source.url
        if source.archive_url:
            work["archivedAt"] = source.archive_url
        if (day := source.published_day()) is not None:
            work["datePublished"] = day.isoformat()
        if source.outlet in outlets:
            work["publisher"] = {"@type": "Organization", "name": outlets[source.outlet]}
        works.append(work)
    return works


def _corrections(ctx: PageContext, changes_url: str) -> list[dict[str, Any]]:
    """Each correction of the history, newest first, as a CorrectionComment linking to it."""
    return [
        {
            "@type": "CorrectionComment",
            "text": ctx.ui(revision.correction),
            "datePublished": revision.time,
            "url": f"{changes_url}#{revision.anchor}",
        }
        for revision in reversed(ctx.history.revisions)
        if revision.correction
    ]


def _dataset(ctx: PageContext, page_url: str, downloads_url: str) -> dict[str, Any]:
    """The data page's Dataset: the edition's fact base, each download a DataDownload."""
    publication = ctx.publication
    assert publication is not None
    description, _ = ctx.page_texts(data.PAGE.uri.removesuffix(".md"), data.DESCRIPTION)
    coverage = temporal_coverage(ctx)
    common: dict[str, Any] = {
        "license": publication.data_licence.url,
        "creator": {"@type": "Organization", "name": publication.author},
        "inLanguage": ctx.lang,
        **({"temporalCoverage": coverage} if coverage else {}),
    }
    names = [bundle_name(publication), "facts.json", *sorted(ctx.export.csv)]
    dataset: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": publication.title,
        "description": f"{publication.title}：{description}",
        "url": page_url,
        "isAccessibleForFree": True,
        **common,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "encodingFormat": FORMATS[Path(name).suffix],
                "contentUrl": downloads_url + name,
                **common,
            }
            for name in names
        ],
    }
    if publication.issued is not None:
        dataset["datePublished"] = publication.issued.isoformat()
    return dataset


def page_linked_data(
    ctx: PageContext | None, src_uri: str, url: str | None, docs_dir: str | Path
) -> LinkedData:
    """What the page at `src_uri` (its address `url`, None without a site address) carries for
    harvesters; `docs_dir` holds the hand-written pages (the principles page among them).
    Without a context or a publication to describe there is nothing to add."""
    publication = ctx.publication if ctx is not None else None
    if ctx is None or publication is None:
        return LinkedData()
    issued = publication.issued.isoformat() if publication.issued else None
    citation = citation_tags(author=publication.author, lang=ctx.lang, day=issued, url=url)
    home = src_uri == HOME_PAGE
    # Other pages' addresses in this build's style: from the edition's root when the site has
    # an address, else relative to this page (page.html, or page/ one folder down).
    flat = url is None or url.endswith(".html")
    root = publication.url or ("" if flat else "../")
    report: dict[str, Any] = {}
    if home:
        report["citation"] = _sources(ctx)
        corrections = _corrections(ctx, _page_address(root, CHANGES_PAGE, flat))
        if corrections:
            report["correction"] = corrections
        if (Path(docs_dir) / PRINCIPLES_PAGE).is_file():
            report["publishingPrinciples"] = _page_address(root, PRINCIPLES_PAGE, flat)
    blocks: tuple[dict[str, Any], ...] = ()
    if src_uri == data.PAGE.uri:
        page_url = url or _page_address(root, src_uri, flat)
        blocks = (_dataset(ctx, page_url, f"{root}{data.DOWNLOAD_DIR}/"),)
    return LinkedData(
        citation=citation,
        citation_title=publication.title if home else None,
        report=report,
        blocks=blocks,
    )
