"""Editions: one per script, each a full MkDocs build; the first is the site root.

The editions are listed once, in the report plugin's options in `mkdocs.yml`. Building the root
edition builds the others into sub-folders of its `site_dir` (also under `mkdocs serve`), each
with its own nav, search index, sitemap and `<html lang>`.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.config_options import Plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from generator.editions.edition import Edition

# The edition a nested build is making; unset for the root build.
_BUILDING: contextvars.ContextVar[str | None] = contextvars.ContextVar("edition", default=None)


def edition_being_built() -> str | None:
    """Language code of the edition a nested build is making, or None for the root build."""
    return _BUILDING.get()


@contextmanager
def _building(lang: str) -> Iterator[None]:
    token = _BUILDING.set(lang)
    try:
        yield
    finally:
        _BUILDING.reset(token)


@contextmanager
def _fresh_plugins() -> Iterator[None]:
    """Give a nested build its own plugin instances.

    MkDocs caches plugins that have on_startup (search and ours among them) on its config
    schema, for the whole process; a nested build would otherwise share the root build's
    search plugin, and the root would publish the nested build's search index as its own.
    """
    option = dict(MkDocsConfig._schema)["plugins"]
    assert isinstance(option, Plugins)
    saved = option.plugin_cache
    option.plugin_cache = {}
    try:
        yield
    finally:
        option.plugin_cache = saved


def build_edition(
    config_file: str,
    edition: Edition,
    site_dir: Path,
    command: Literal["build", "gh-deploy", "serve"],
    serve_url: str | None,
) -> None:
    """Build one non-root edition of the site described by `config_file` into `site_dir`.

    `command` is the root build's ("build" or "serve"); `serve_url` is known only after the
    preview's first build.
    """
    with _building(edition.lang), _fresh_plugins():
        config = load_config(config_file, site_dir=str(site_dir))
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config, serve_url=serve_url)
        finally:
            config.plugins.on_shutdown()


def link_between(from_edition: Edition, page_url: str, to_edition: Edition) -> str:
    """Page-relative link from a page of one edition to the same page of another."""
    here = from_edition.url_of(page_url)
    there = to_edition.url_of(page_url)
    return get_relative_url(there or "./", here or "./")
