"""The site's settings as mkdocs.yml holds them, for commands that run outside a build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.editions.edition import Edition
from generator.facts.messages import say
from generator.glue.config import editions_of


def site_editions(config_file: Path) -> tuple[list[Edition], Path]:
    """The site's editions and its docs folder, as mkdocs.yml lists them.

    ValueError names the file when MkDocs refuses it (MkDocs has logged the reason).
    """
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        raise ValueError(say("site-config-broken", file=str(config_file))) from None
    return editions_of(config.plugins["report"].config), Path(config.docs_dir)
