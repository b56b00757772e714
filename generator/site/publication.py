"""How to cite an edition of the report: its bibliographic facts and the citation formats.

Title, author and address come from mkdocs.yml (already in the edition's script); the date is the
build's SOURCE_DATE_EPOCH (the Makefile sets it from the last commit), else the last commit's
time, so that two builds of the same commit cite the same date. Outside git with neither, the date
is unknown: references leave it out (APA says 無日期), never the clock's day or 1970.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.editions.edition import script_of
from generator.facts.revisions import build_time


@dataclass(frozen=True)
class Licence:
    """A licence by its short name and the address of its text."""

    name: str
    url: str


@dataclass(frozen=True)
class Publication:
    """One edition of the report as a work to cite."""

    key: str  # citation key, also the bundle's file name stem
    title: str
    author: str
    url: str | None
    issued: date | None
    lang: str
    data_licence: Licence


def build_date(project_dir: Path) -> date | None:
    """The day the build describes (`revisions.build_time`), or None when it is unknown."""
    moment = build_time(project_dir)
    return moment.date() if moment is not None else None


def formatted(publication: Publication) -> str:
    """The reference as the edition's readers write one: GB/T 7714 for Simplified editions,
    APA in Chinese (full-width punctuation) for Traditional ones, as Taiwan's and Hong Kong's
    journals do."""
    if script_of(publication.lang).traditional:
        return apa_chinese(publication)
    return gb_t_7714(publication)


def gb_t_7714(publication: Publication) -> str:
    """A reference in the style of GB/T 7714-2015 for an online database: `作者. 题名[DB/OL]. (日期). 网址.`"""
    parts = [f"{publication.author}. {publication.title}[DB/OL]."]
    if publication.issued:
        parts.append(f"({publication.issued.isoformat()}).")
    if publication.url:
        parts.append(f"{publication.url}.")
    return " ".join(parts)


def apa_chinese(publication: Publication) -> str:
    """A reference as Taiwan's Chinese-language journals write APA: `作者（年）。《題名》。網址`."""
    year = f"（{publication.issued.year}）" if publication.issued else "（無日期）"
    reference = f"{publication.author}{year}。《{publication.title}》。"
    return reference + (publication.url or "")


_BIBTEX_SPECIAL = {c: "\\" + c for c in "&%$#_{}"} | {
    "~": r"\~{}",
    "^": r"\^{}",
    "\\": r"\textbackslash{}",
}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(publication: Publication) -> str:
    """A BibTeX @misc entry (read by BibTeX, biblatex, Zotero and most reference managers)."""
    fields = [
        ("author", publication.author),
        ("title", publication.title),
        *([("year", str(publication.issued.year))] if publication.issued else []),
        *([("date", publication.issued.isoformat())] if publication.issued else []),
        *([("url", publication.url)] if publication.url else []),
        ("language", publication.lang),
    ]
    lines = [f"@misc{{{publication.key},"]
    for name, value in fields:
        shown = value if name == "url" else _bibtex_text(value)
        lines.append(f"  {name} = {{{shown}}},")
    lines.append("}")
    return "\n".join(lines)


def csl_json(publication: Publication) -> str:
    """The same reference as CSL-JSON, the format of Zotero, Pandoc and citeproc."""
    item: dict[str, object] = {
        "id": publication.key,
        "type": "dataset",
        "title": publication.title,
        "author": [{"literal": publication.author}],
        "language": publication.lang,
        "license": publication.data_licence.url,
    }
    if publication.issued:
        day = publication.issued
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    if publication.url:
        item["URL"] = publication.url
    text = json.dumps([item], ensure_ascii=False, indent=2)
    # The date on one line, as people write it: "date-parts": [[2025, 1, 31]]
    return re.sub(r"\[\s*\[\s*([\d,\s]+?)\s*\]\s*\]", _one_line_date, text)


def _one_line_date(match: re.Match[str]) -> str:
    return "[[" + ", ".join(part.strip() for part in match.group(1).split(",")) + "]]"
