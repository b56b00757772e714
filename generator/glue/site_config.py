"""The site's settings as mkdocs.yml holds them, for commands that run outside a build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from generator.review.pull_request import EditionLink


def edition_links(config_file: Path) -> tuple[list[EditionLink], Path]:
    """The site's editions (selector name, folder) and its docs folder, as mkdocs.yml lists them."""
    config = load_config(str(config_file))
    report = config.plugins["report"].config
    links = [EditionLink(e.name, e.path.strip("/")) for e in report.editions]
    return links, Path(config.docs_dir)
