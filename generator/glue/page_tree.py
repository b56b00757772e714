"""Changes made to a page while Python-Markdown still holds it as a tree, before it is HTML.

Two changes, each where the element it needs exists:

- **Tables of three or more columns, ready to read as cards on a phone.** Each body cell gets
  its column's name (`data-label`, shown before the value when a row becomes a card in
  report.css) and the table, its row groups, rows and cells their ARIA roles, so a table laid
  out as blocks is still a table to a screen reader. Header cells keep their implicit role:
  Material styles a `th[role=columnheader]` as a sort button.
- **A heading's ¶ on the line of the heading's last character.** Python-Markdown's toc puts the
  ¶ right after the heading text; a title that just fills its line leaves the browser free to
  break before it, and the ¶ then sits alone on a blank line. The last character (or a short
  inline element the heading ends with: a name linked to its record, `code`) and the ¶ are held
  in one no-wrap span; a longer element is left free to wrap (held whole, it could be wider than
  a phone).

Both run after toc has added the ¶ and after escapes are restored, so they see the page's text.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX

MIN_COLUMNS = 3
CARDS_ATTRIBUTE = "data-cards"
HEADING_END = "heading-end"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inline elements short enough to hold with the ¶, by tag and longest text.
SHORT_ENDINGS = frozenset({"a", "code", "em", "strong", "span"})
SHORT_TEXT = 8
# After toc (5) and the restoring of escapes (0): the heading's ¶ exists and its text is final.
PRIORITY = -1


def _set_first(element: Element, **first: str) -> None:
    """Give `element` these attributes ahead of the ones it has (their order is the HTML's)."""
    kept = dict(element.attrib)
    element.attrib.clear()
    element.attrib.update(first)
    element.attrib.update(kept)


class TableCards(Treeprocessor):
    """Every table of three or more columns gets its column names and roles."""

    def run(self, root: Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            if table.attrib or head is None:
                continue
            labels = ["".join(cell.itertext()).strip() for cell in head.iter("th")]
            if len(labels) < MIN_COLUMNS:
                continue
            # Python-Markdown writes an attribute whose value is its name as the name alone.
            table.attrib.update({"role": "table", CARDS_ATTRIBUTE: CARDS_ATTRIBUTE})
            for group in table:
                if group.tag in ("thead", "tbody") and not group.attrib:
                    group.set("role", "rowgroup")
            for row in table.iter("tr"):
                if not row.attrib:
                    row.set("role", "row")
            for body in table.iter("tbody"):
                for row in body.iter("tr"):
                    names = iter(labels)
                    for cell in row.iter("td"):
                        _set_first(cell, role="cell", **{"data-label": next(names, "")})


class HeadingEnds(Treeprocessor):
    """Each heading's last character (or short last element) and its ¶ in one no-wrap span."""

    def run(self, root: Element) -> None:
        for heading in root.iter():
            if heading.tag in HEADINGS:
                _hold_end(heading)


def _hold_end(heading: Element) -> None:
    if not len(heading):
        return
    link = heading[-1]
    if link.tag != "a" or link.get("class") != "headerlink" or link.tail or len(link):
        return
    span = Element("span", {"class": HEADING_END})
    if len(heading) == 1 or heading[-2].tail:
        before = heading[-2] if len(heading) > 1 else None
        text = (before.tail if before is not None else heading.text) or ""
        # A break may fall at whitespace; a stashed piece of HTML (ending in ETX) is left alone.
        if not text or text[-1].isspace() or text.endswith(ETX):
            return
        if before is not None:
            before.tail = text[:-1]
        else:
            heading.text = text[:-1]
        span.text = text[-1]
    else:
        ending = heading[-2]
        words = ending.text or ""
        short = 1 <= len(words) <= SHORT_TEXT and not len(ending)
        if ending.tag not in SHORT_ENDINGS or not short:
            return
        heading.remove(ending)
        span.append(ending)
    heading.remove(link)
    span.append(link)
    heading.append(span)


class PageTree(Extension):
    """The report's changes to every page's tree (registered by the plugin)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(TableCards(md), "report-table-cards", PRIORITY)
        md.treeprocessors.register(HeadingEnds(md), "report-heading-ends", PRIORITY - 1)
