"""The built site works when published under a sub-path, as GitHub Pages serves a project site."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import built_at_address, serving, wait_for_charts

PREFIX = "/sora-report/"


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below PREFIX; anything else is a 404, as on a project site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return "/nonexistent/"
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
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
    page.on("requestfailed", lambda r: failures.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).path.startswith(PREFIX) or failures.append(request.url)
        ),
    )
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(urlsplit(request.url).path))
    page.goto(subpath_server + path, wait_until="networkidle")
    wait_for_charts(page)
    links = page.locator("a.md-select__link").evaluate_all("els => els.map(e => e.href)")
    # Search downloads its worker and index when the reader reaches for it: both from below
    # the sub-path (any request elsewhere, or failing, is in `failures`). Counted from the page's
    # start: the pointer left over the header by the charts may already have asked for them.
    page.locator("input.md-search__input").click()
    page.keyboard.type("字节" if "zh-Hant" not in path else "字節", delay=50)
    index = f"{PREFIX}{'zh-Hant/' if 'zh-Hant' in path else ''}search/search_index.json"
    for _ in range(100):
        if index in loaded and any("/workers/search." in name for name in loaded):
            break
        page.wait_for_timeout(200)
    assert index in loaded, loaded
    assert any("/workers/search." in name for name in loaded), loaded
    page.close()
    assert failures == []
    assert all(urlsplit(link).path.startswith(PREFIX) for link in links), links
