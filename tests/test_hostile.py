"""Hostile text in every reader-facing field: nothing runs, nothing turns into markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import html_pages

ROOT = Path(__file__).parent.parent
MARKERS = [
    "<script>alert",
    "onerror=alert",
    "onload=alert",
    "javascript:alert",
    "<iframe",
    "<svg",
    "<b>粗",
]


def test_payloads_reach_the_pages_as_text(hostile_site):
    text = " ".join(
        BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for page in html_pages(hostile_site)
    )
    assert "<script>alert(一)</script>" in text
    assert "<img src=x onerror=alert(二)>" in text
    assert "{{ zhang-nan }}" in text  # a fact reference in data stays text


@pytest.mark.parametrize("tree", ["", "zh-Hant"])
def test_no_payload_becomes_markup(hostile_site, tree):
    for page in html_pages(hostile_site / tree if tree else hostile_site):
        if tree == "" and "zh-Hant" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            body = script.string or ""
            assert "alert(" not in body or script.get("type") == "application/ld+json", page
        for element in soup.find_all(True):
            assert element.name not in ("iframe", "svg") or not element.find_parent("article"), page
            for attribute, value in element.attrs.items():
                joined = " ".join(value) if isinstance(value, list) else str(value)
                assert not attribute.startswith("on"), f"{page}: {element.name} has {attribute}"
                if attribute in ("href", "src"):
                    assert not joined.strip().lower().startswith(("javascript:", "data:")), (
                        f"{page}: {joined}"
                    )
        article = soup.find("article")
        if article is not None:
            assert not article.find("b"), page


def test_chart_payloads_stay_inside_the_attribute(hostile_site):
    soup = BeautifulSoup(
        (hostile_site / "timeline.html").read_text(encoding="utf-8"), "html.parser"
    )
    (chart,) = soup.select(".report-chart[data-figure]")
    figure = json.loads(chart["data-figure"])
    labels = json.dumps(figure["data"], ensure_ascii=False)
    # Plotly reads tags in labels, so data text is entity-escaped inside the figure as well.
    assert "&lt;/script&gt;&lt;script&gt;alert(三)&lt;/script&gt;" in labels
    assert "</script>" not in labels
