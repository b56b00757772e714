"""Sharing and search-engine metadata: Open Graph tags and schema.org JSON-LD for each page.

Everything here lands in <head>, so every value is escaped for its context: attribute values with
html.escape, JSON-LD with `<`, `>` and `&` written as \\u escapes so no text can close the script.
"""

from __future__ import annotations

import html
import json
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
    """schema.org Article for the report, with the people and organizations it is about."""
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
        "@type": "Article",
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
) -> str:
    """Open Graph tags, the share card when there is one, and JSON-LD when given; escaped."""
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
    if json_ld is not None:
        tags.append(f'<script type="application/ld+json">{json_for_script(json_ld)}</script>')
    return "\n    ".join(tags)
