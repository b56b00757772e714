"""Share cards: each page's Open Graph image, named while its head is written, drawn at the end.

A page's card is known when its `<head>` is made (its title, description and date), but drawing
every card at once after the build uses every core and the cache of finished cards.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from generator.facts.history import Revision
from generator.glue.edition_run import EditionRun
from generator.site.freshness import day_words
from generator.site.share_cards import Card, CardCache


def card_url(
    page: Page,
    config: MkDocsConfig,
    run: EditionRun,
    title: str,
    description: str,
    updated: Revision | None,
) -> str | None:
    """Absolute URL of the page's card (drawn after the build), or None without one."""
    if not run.has_fonts or not config.site_url:
        return None
    uri = "share/" + page.file.dest_uri.removesuffix(".html").replace("/", "-") + ".png"
    ui = run.convert
    run.cards[uri] = Card(
        lang=run.edition.lang,
        kicker="" if page.is_homepage else config.site_name,
        title=config.site_name if page.is_homepage else title,
        description=description,
        footer=f"{run.edition.name} · {_host(config.site_url)}",
        updated=ui("更新于") + ui(day_words(updated)) if updated else "",
    )
    return config.site_url + uri


def write_cards(run: EditionRun, cache_dir: Path, site_dir: Path) -> None:
    """Draw (or take from the cache) every card the edition's pages named."""
    if run.has_fonts:
        CardCache(cache_dir).write_all(run.cards, site_dir)


def _host(site_url: str) -> str:
    """The site address as a card prints it: host and path, no scheme."""
    return site_url.split("://", 1)[-1].rstrip("/")
