"""Tables of three or more columns, made ready to read as cards on a phone.

Each body cell gets its column's name (`data-label`, shown before the value when a row becomes a
card in report.css) and the table, its row groups, rows and cells their ARIA roles, so a table
laid out as blocks is still a table to a screen reader. Header cells keep their implicit role:
Material styles a `th[role=columnheader]` as a sort button. The HTML is what Python-Markdown
writes for a pipe table.
"""

from __future__ import annotations

import html
import re

MIN_COLUMNS = 3
CARDS_ATTRIBUTE = "data-cards"

TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
HEAD = re.compile(r"<thead>(?P<head>.*?)</thead>", re.S)
HEADER_CELL = re.compile(r"<th(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</th>", re.S)
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
BODY_CELL = re.compile(r"<td(?P<attrs>(?:\s[^>]*)?)>")
TAG = re.compile(r"<[^>]+>")

ROLES = (
    ("<thead>", '<thead role="rowgroup">'),
    ("<tbody>", '<tbody role="rowgroup">'),
    ("<tr>", '<tr role="row">'),
)


def _label(cell_html: str) -> str:
    """A header cell's text as an attribute value."""
    return html.escape(html.unescape(TAG.sub("", cell_html)).strip(), quote=True)


def _labelled_rows(body: str, labels: list[str]) -> str:
    def label_row(row: re.Match[str]) -> str:
        column = iter(labels)

        def label_cell(cell: re.Match[str]) -> str:
            name = next(column, "")
            return f'<td role="cell" data-label="{name}"{cell.group("attrs")}>'

        return f"<tr>{BODY_CELL.sub(label_cell, row.group('cells'))}</tr>"

    return ROW.sub(label_row, body)


def _card_table(table: re.Match[str]) -> str:
    body = table.group("body")
    head = HEAD.search(body)
    labels = (
        [_label(cell.group("text")) for cell in HEADER_CELL.finditer(head.group("head"))]
        if head
        else []
    )
    if len(labels) < MIN_COLUMNS:
        return table.group(0)
    assert head is not None
    rows = head.end()
    body = body[:rows] + _labelled_rows(body[rows:], labels)
    for plain, with_role in ROLES:
        body = body.replace(plain, with_role)
    return f'<table role="table" {CARDS_ATTRIBUTE}>{body}</table>'


def card_ready_tables(page_html: str) -> str:
    """The page's HTML with every table of three or more columns ready to become cards."""
    return TABLE.sub(_card_table, page_html)
