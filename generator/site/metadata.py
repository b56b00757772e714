"""Sharing and search-engine metadata: Open Graph tags, schema.org JSON-LD and Highwire Press
`citation_*` tags (what Zotero and scholarly search engines import) for each page.

Everything here lands in <head>, so every value is escaped for its context: attribute values with
html.escape, JSON-LD with `<`, `>` and `&` written as \\u escapes so no text can close the script.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from generator.editions.edition import script_of
from generator.facts.model import FactBase
from generator.site.share_cards import SIZE as CARD_SIZE

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(data: Any) -> str:
    """JSON that is safe inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def report_json_ld(
    base: FactBase, page_url: str, lang: str, headline: str, description: str
) -> dict[str, Any]:
    """schema.org Report (an Article) for the report, with the people and organizations it is
    about and the article it is based on."""
    source = base.sources[0] if base.sources else None
    outlet = next((o for o in base.organizations if source and o.id == source.outlet), None)
    about: list[dict[str, Any]] = [
        {
            "@type": "Person",
            "@id": f"#{p.id}",
            "name": p.name,
            **({"alternateName": p.name_en} if p.name_en else {}),
        }
        for p in base.people
    ]
    about += [
        {
            "@type": "Organization",
            "@id": f"#{o.id}",
            "name": o.name,
            **({"alternateName": o.name_en} if o.name_en else {}),
        }
        for o in base.organizations
        if o.kind
        in ("tech-company", "ai-lab", "chip-maker", "broker", "streaming-platform", "media-outlet")
    ]
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": headline,
        "description": description,
        "inLanguage": lang,
        "url": page_url,
        "about": about,
    }
    if source:
        article["isBasedOn"] = {
            "@type": "NewsArticle",
            "headline": source.title,
            # schema.org wants a day: a publication known only as "not later than" has none.
            **({"datePublished": str(day)} if (day := source.published_day()) else {}),
            **({"publisher": {"@type": "Organization", "name": outlet.name}} if outlet else {}),
        }
    return article


@dataclass(frozen=True)
class LinkedData:
    """What a page tells harvesters beyond its sharing tags: Highwire `citation_*` tags (the
    title aside: the page's, unless `citation_title` names the work), properties the report's
    JSON-LD gains (`report`: its sources, corrections, principles) and more JSON-LD documents
    (`blocks`: the data page's Dataset)."""

    citation: tuple[tuple[str, str], ...] = ()
    citation_title: str | None = None
    report: dict[str, Any] = field(default_factory=dict)
    blocks: tuple[dict[str, Any], ...] = ()


def citation_tags(
    *, author: str, lang: str, day: str | None, url: str | None
) -> tuple[tuple[str, str], ...]:
    """Highwire Press tags but the title: the date only when it is known (never the clock's)."""
    tags = [("citation_author", author)]
    if day:
        tags.append(("citation_publication_date", day.replace("-", "/")))
    tags.append(("citation_language", lang))
    if url:
        tags.append(("citation_public_url", url))
    return tuple(tags)


def head_tags(
    *,
    title: str,
    description: str,
    site_name: str,
    url: str | None,
    lang: str,
    json_ld: dict[str, Any] | None,
    image: str | None = None,
    image_alt: str = "",
    linked: LinkedData | None = None,
) -> str:
    """Open Graph tags, the share card when there is one, JSON-LD when given, and what `linked`
    adds (citation tags, the report's further properties, more JSON-LD); escaped."""
    locale = script_of(lang).og_locale
    pairs = [
        ("og:type", "article"),
        ("og:title", title),
        ("og:description", description),
        ("og:site_name", site_name),
        ("og:locale", locale),
    ]
    if url:
        pairs.append(("og:url", url))
    if image:
        pairs += [
            ("og:image", image),
            ("og:image:type", "image/png"),
            ("og:image:width", str(CARD_SIZE[0])),
            ("og:image:height", str(CARD_SIZE[1])),
            ("og:image:alt", image_alt),
        ]
    tags = [
        f'<meta property="{name}" content="{html.escape(value, quote=True)}">'
        for name, value in pairs
    ]
    card = "summary_large_image" if image else "summary"
    tags.append(f'<meta name="twitter:card" content="{card}">')
    if image:
        tags.append(f'<meta name="twitter:image" content="{html.escape(image, quote=True)}">')
    if linked is not None:
        cited = [("citation_title", linked.citation_title or title), *linked.citation]
        tags += [
            f'<meta name="{name}" content="{html.escape(value, quote=True)}">'
            for name, value in cited
        ]
        if json_ld is not None:
            json_ld = {**json_ld, **linked.report}
    documents = [json_ld] if json_ld is not None else []
    documents += list(linked.blocks) if linked is not None else []
    for document in documents:
        tags.append(f'<script type="application/ld+json">{json_for_script(document)}</script>')
    return "\n    ".join(tags)
