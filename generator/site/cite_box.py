"""The how-to-cite box: a formatted reference, BibTeX and CSL-JSON for this edition."""

from __future__ import annotations

from collections.abc import Callable

from generator.site.publication import Publication, bibtex, csl_json, formatted
from generator.site.render import md_text


def _indented(text: str, depth: int) -> list[str]:
    return [" " * depth + line for line in text.splitlines()]


def cite_box(publication: Publication, ui: Callable[[str], str]) -> list[str]:
    """Markdown lines of a quote admonition holding the three citation formats."""
    return [
        f'!!! quote "{ui("如何引用")}"',
        "",
        "    " + md_text(formatted(publication)),
        "",
        "    **BibTeX**",
        "",
        *_indented(bibtex(publication), 8),
        "",
        "    **CSL-JSON**",
        "",
        *_indented(csl_json(publication), 8),
    ]
