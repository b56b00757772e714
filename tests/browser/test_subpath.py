"""The built site works when published under a sub-path, as GitHub Pages serves a project site."""

from __future__ import annotations

import contextlib
import http.server
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import built_at_address, serving
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PREFIX = "/sora-report/"


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below PREFIX; anything else is a 404, as on a project site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return "/nonexistent/"
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def subpath_server(tmp_path_factory) -> Iterator[str]:
    # Published there, as GitHub Pages sets SITE_URL.
    site, url = built_at_address(tmp_path_factory, "subpath", path=PREFIX)
    with serving(site, int(urlsplit(url).port or 0), _PrefixHandler):
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["index.html", "timeline.html", "zh-Hant/people.html", "zh-Hant/compute.html"]
)
def test_pages_load_everything_below_the_sub_path(browser, subpath_server, path):
    page = browser.new_page()
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).path.startswith(PREFIX) or failures.append(request.url)
        ),
    )
    page.goto(subpath_server + path, wait_until="networkidle")
    for chart in page.locator(".report-chart").all():
        chart.hover()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')].every(c => c.querySelector('.main-svg'))"
    )
    links = page.locator("a.md-select__link").evaluate_all("els => els.map(e => e.href)")
    # Search downloads its worker, language scripts and index when the reader reaches for it.
    page.locator("input.md-search__input").click()
    page.keyboard.type("字节" if "zh-Hant" not in path else "字節", delay=50)
    # A key released before the index has arrived searches nothing yet: release one again, as
    # a reader would, until results come (Material searches on key release).
    found = "() => document.querySelectorAll('.md-search-result__link').length > 0"
    for _ in range(20):
        page.locator("input.md-search__input").press("End")
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(found, timeout=2_000)
            break
    assert page.evaluate(found), f"{path}: search found nothing below the sub-path"
    page.close()
    assert failures == []
    assert all(urlsplit(link).path.startswith(PREFIX) for link in links), links
