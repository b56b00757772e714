"""What each page's template gets: the other editions of the page, its sharing metadata, its date.

Per page, because the selector and hreflang links point at the same page in each edition, and
the sharing metadata describes this page. The selector stays page-relative (the site works from
disk and under a sub-path); the hreflang links in `<head>` are absolute.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.glue.edition_builds import link_between
from generator.glue.edition_run import EditionRun
from generator.glue.share_card_files import card_url
from generator.site.freshness import page_stamp
from generator.site.linked_data import page_linked_data
from generator.site.metadata import head_tags, report_json_ld
from generator.site.slugs import anchor_map


def fill_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, run: EditionRun
) -> None:
    """Set the page's edition links, hreflang, head tags (and its share card) and date stamp."""
    config.extra["alternate"] = [
        {
            "name": run.convert(other.name),
            "lang": other.lang,
            "relative": link_between(run.edition, page.url, other),
            "anchors": json.dumps(
                anchor_map(page.toc, run.source_of, run.other_converters[other.lang]),
                ensure_ascii=False,
                sort_keys=True,
            ),
        }
        for other in run.editions
    ]
    roots = config.extra["edition_roots"]
    hreflang = [{"lang": root["lang"], "href": root["url"] + page.url} for root in roots]
    if roots:  # readers whose language is neither edition's get the first edition
        hreflang.append({"lang": "x-default", "href": roots[0]["url"] + page.url})
    config.extra["hreflang"] = hreflang
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    url = page.canonical_url
    json_ld = (
        report_json_ld(run.base, url or page.url, run.edition.lang, title, description)
        if page.is_homepage
        else None
    )
    updated = run.page_revision(page.file)
    image = card_url(page, config, run, title, description, updated)
    context["report_head"] = head_tags(  # type: ignore[typeddict-unknown-key]
        title=title,
        description=description,
        site_name=config.site_name,
        url=url,
        lang=run.edition.lang,
        json_ld=json_ld,
        image=image,
        image_alt=f"{title} - {config.site_name}",
        linked=page_linked_data(run.ctx, page.file.src_uri, url, str(run.docs_dir)),
    )
    usual_day = page.meta.get("usual_fact_day")
    context["report_updated"] = page_stamp(updated, run.convert, usual_day)  # type: ignore[typeddict-unknown-key]
