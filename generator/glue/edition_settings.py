"""An edition's MkDocs settings: its language, words and address, in its own script.

What `mkdocs.yml` writes once in Simplified (site name, description, palette names, the ¶'s
title) is converted for the edition; the interface words the theme's templates print are handed
to them; the edition's address and every edition's root (for hreflang) are set.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from generator.editions.convert import ScriptConverter
from generator.editions.edition import Edition, script_of
from generator.site.chart_embed import plotly_words
from generator.site.chart_share import export_words_json, tool_words
from generator.site.plotly_bundle import locale_file_name, plotly_locale
from generator.site.theme_words import UI_TEXT


def configure_edition(
    config: MkDocsConfig, edition: Edition, editions: list[Edition], convert: ScriptConverter
) -> None:
    """Set the edition's language, interface words, converted names and address."""
    config.theme["language"] = edition.lang
    config.extra["report_ui"] = {
        **{key: convert(text) for key, text in UI_TEXT.items()},
        "plotly_words": plotly_words(convert),
        "plotly_locale": plotly_locale(script_of(edition.lang).og_locale),
        "plotly_locale_file": locale_file_name(plotly_locale(script_of(edition.lang).og_locale)),
        "chart_export": export_words_json(tool_words(convert)),
    }
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink"):
        toc["permalink_title"] = convert(toc.get("permalink_title") or UI_TEXT["permalink"])
    config.site_name = convert(config.site_name)
    # Material prints the palette toggles' names as written in mkdocs.yml.
    for scheme in config.theme.get("palette") or []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if toggle and toggle.get("name"):
            toggle["name"] = convert(toggle["name"])
    for name in ("site_description", "site_author", "copyright"):
        if config[name]:
            config[name] = convert(config[name])
    root_url = (config.site_url or "").rstrip("/")
    # Search engines want absolute alternates: in <head> and in each edition's sitemap.
    config.extra["edition_roots"] = [
        {"lang": e.lang, "url": f"{root_url}/{e.path + '/' if e.path else ''}"}
        for e in editions
        if root_url
    ]
    if edition.path:
        config.site_url = f"{root_url}/{edition.path}/" if root_url else None
