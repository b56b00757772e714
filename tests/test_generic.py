"""The generator knows no report: no id, name or date of the one in data/ appears under generator/."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import simplified_context

from generator.facts.fields import records
from generator.facts.load import load_fact_base, load_report
from generator.facts.model import Organization, Person, Product

ROOT = Path(__file__).parent.parent
GENERATOR = ROOT / "generator"
DATA = ROOT / "data"

# Names in this report that are also ordinary words in code; each with where it is ordinary.
GENERIC_WORDS = {
    "360": "a number (tick spacing in days)",
    "meta": "the HTML <meta> element",
    "flow": "YAML's flow style",
    "microsoft": "font family names (Microsoft YaHei)",
}
# Phrases where a short name of this report is a common noun: 字节 is also "byte".
GENERIC_PHRASES = ("字节顺序", "} 字节")


def _names(record: object) -> list[str]:
    names = [getattr(record, f, None) for f in ("name", "name_en", "name_hant", "short")]
    names += list(getattr(record, "aliases", []) or [])
    names += list((getattr(record, "name_forms", {}) or {}).values())
    return [n for n in names if isinstance(n, str)]


def forbidden_terms() -> set[str]:
    """Every record id, every entity name and alias, and the as-of date, from data/ itself."""
    base = load_fact_base(DATA, grounding=False)
    report = load_report(DATA, base)
    terms: set[str] = set()
    for _, record in records(base):
        record_id = getattr(record, "id", None)
        if isinstance(record_id, str):
            terms.add(record_id)
        if isinstance(record, Organization | Person | Product):
            terms.update(_names(record))
    if report.as_of:
        year, month, day = (int(part) for part in report.as_of.split("-"))
        terms |= {report.as_of, f"{year}, {month}, {day}", f"{year}年{month}月{day}日"}
    return {t for t in terms if t.lower() not in GENERIC_WORDS}


def _pattern(term: str) -> re.Pattern[str]:
    if term.isascii():
        return re.compile(r"(?<![A-Za-z0-9_-])" + re.escape(term) + r"(?![A-Za-z0-9_-])", re.I)
    return re.compile(re.escape(term))


def test_forbidden_terms_come_from_the_data() -> None:
    terms = forbidden_terms()
    assert {"bytedance", "字节跳动", "2024-02-25"} <= terms
    assert len(terms) > 150, "every id and name of the report is forbidden, not a hand list"


def test_generator_mentions_nothing_of_this_report() -> None:
    patterns = [(term, _pattern(term)) for term in sorted(forbidden_terms())]
    found = []
    for path in sorted(GENERATOR.rglob("*")):
        # A vendored minified bundle is not ours to word; every other text file is read,
        # whatever its suffix (a starter's README.md.template, the theme's sitemap.xml).
        if not path.is_file() or "__pycache__" in path.parts or path.name.endswith(".min.js"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # an image or other binary file
        for phrase in GENERIC_PHRASES:
            text = text.replace(phrase, " ")
        folded = text.lower()
        for term, pattern in patterns:
            if term.lower() not in folded:
                continue
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {term}")
    assert not found, "the generator must not know this report:\n" + "\n".join(found)


def test_report_words_cannot_open_a_tag_on_any_page_or_chart() -> None:
    from generator.facts.model import PageTexts, Report
    from generator.site.charts import CHART_BLOCKS
    from generator.site.site_files import page_sources

    hostile = '<script>alert(1)</script>"'
    report = Report(
        focus="bytedance",
        focus_line=hostile,
        charts={name: hostile for name in CHART_BLOCKS},
        pages={
            "timeline": PageTexts(intro=hostile),
            "organizations": PageTexts(intro=hostile),
        },
    )
    base = load_fact_base(DATA, grounding=False)
    ctx = simplified_context(base, report=report)
    pages = dict(page_sources(ctx))
    assert "alert&#40;1&#41;" in pages["timeline.md"], "the intro is shown, escaped"
    assert "alert&#40;1&#41;" in pages["organizations.md"]
    for uri, markdown in pages.items():
        assert "<script>" not in markdown, uri
    for name, block in CHART_BLOCKS.items():
        assert "<script>" not in block(ctx), name


def test_page_titles_and_descriptions_hold_no_markup(tmp_path: Path) -> None:
    import shutil

    from generator.facts.problems import DataError

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    report = data / "report.yml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("description: Sora", "description: <b>Sora"), encoding="utf-8")
    base = load_fact_base(data, grounding=False)
    try:
        load_report(data, base)
    except DataError as error:
        (problem,) = error.problems
        assert "report.yml" in str(problem) and "description" in str(problem)
        assert "Markdown 或 HTML 符号" in str(problem)
    else:
        raise AssertionError("markup in a page description must be refused")
