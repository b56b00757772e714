"""Hostile text in every reader-facing field: nothing runs, nothing turns into markup."""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import run_mkdocs

from generator.fields import map_strings
from generator.load import load_fact_base
from generator.model import DATA_FILES, TEXT

ROOT = Path(__file__).parent.parent
PAYLOADS = [
    "甲<script>alert(1)</script>",
    "乙<img src=x onerror=alert(2)>",
    "丙</script><script>alert(3)</script>",
    "丁[点我](javascript:alert(4))",
    '戊"><svg onload=alert(5)>',
    "己![图](javascript:alert(6))",
    '庚<a href="data:text/html,<script>alert(7)</script>">链接</a>',
    "辛{: onclick=alert(8) }",
    "壬&lt;script&gt;alert(9)&lt;/script&gt;",
    "癸{{ zhang-nan }}<iframe src=javascript:alert(10)>",
    "子`code`*强调*_下划线_<b>粗</b>",
]
MARKERS = [
    "<script>alert",
    "onerror=alert",
    "onload=alert",
    "javascript:alert",
    "<iframe",
    "<svg",
    "<b>粗",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    base = load_fact_base(ROOT / "data")
    payloads = itertools.cycle(PAYLOADS)

    def poison(value: str, markers: tuple) -> str:
        return (
            value + next(payloads) if TEXT in markers and "name_hant" not in str(markers) else value
        )

    hostile = map_strings(base, poison)
    for name, model in DATA_FILES.items():
        content = {
            field: [item.model_dump(mode="json") for item in getattr(hostile, field)]
            for field in model.model_fields
        }
        (project / "data" / name).write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = run_mkdocs(project, "build", "--strict", "-d", "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_payloads_reach_the_pages_as_text(hostile_site):
    text = " ".join(
        BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for page in html_pages(hostile_site)
    )
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
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
    assert "&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in labels
    assert "</script>" not in labels


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_nothing_runs_in_the_browser(hostile_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in html_pages(hostile_site):
            relative = path.relative_to(hostile_site).as_posix()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{relative}")
            page.wait_for_load_state("load")
            for link in page.locator("article a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript:", "data:")), relative
    finally:
        page.close()
        server.shutdown()
    assert dialogs == []
