"""One copy of the theme's assets for every edition.

Every edition's theme assets (Material's bundles and styles, ours, plotly.js) are the same files,
so only the root edition writes them; the pages of the other editions point at the root's copy by
a page-relative URL. A reader who switches script then gets them from the browser's cache, and the
site still works under a sub-path and opened from disk.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.structure.files import Files

ASSETS = "assets/"


def drop_theme_assets(files: Files) -> None:
    """Remove the theme's asset files from a non-root edition's build."""
    for file in list(files):
        if file.src_uri.startswith(ASSETS) and not file.is_documentation_page():
            files.remove(file)


def share_root_assets(env: Environment, edition_path: str) -> None:
    """Make the `url` filter send `assets/...` of this edition to the root edition's copy."""
    original: Callable[[Context, str], str] = env.filters["url"]
    up = "../" * len([part for part in edition_path.split("/") if part])

    @pass_context
    def url(context: Context, value: str) -> str:
        if not str(value).startswith(ASSETS):
            return original(context, value)
        if context.get("page") is None:
            # Pages without a place in the site (404.html) get a URL from the edition's base.
            base = str(context.get("base_url") or ".")
            return posixpath.normpath(posixpath.join(base, up + str(value)))
        return up + original(context, value)

    env.filters["url"] = url
