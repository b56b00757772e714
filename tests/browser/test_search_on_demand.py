"""Search downloads when a reader reaches for it: no index, worker or language script with a page,
and search still finds, highlights and works from the keyboard and on a phone."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HANT = "zh-Hant"
PHONE = {"width": 390, "height": 844}
SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.|/lunr/")


def search_requests(fetched: list[str]) -> list[str]:
    return [url for url in fetched if SEARCH_FILES.search(url)]


def watch(context) -> list[str]:
    """Every URL the context requests from now on, the search worker's own requests included."""
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(request.url))
    return fetched


def wait_for_results(page) -> list[str]:
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__link').length > 0", timeout=20_000
    )
    return page.locator(".md-search-result__article").all_inner_texts()


@pytest.mark.parametrize("path", ["sources.html", f"{HANT}/timeline.html"])
def test_a_page_loads_without_search_and_the_keyboard_shortcut_brings_it(
    context, site_server, path
):
    fetched = watch(context)
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    assert search_requests(fetched) == [], "search downloaded before anyone searched"

    page.keyboard.press("/")  # Material's shortcut focuses the search box
    query = "張楠" if path.startswith(HANT) else "张楠"
    page.keyboard.type(query, delay=50)
    page.locator("input.md-search__input").press("End")
    titles = wait_for_results(page)
    assert any(query in re.sub(r"\s+", "", title) for title in titles), titles[:5]
    assert any(url.endswith("/search/search_index.json") for url in fetched)


def test_a_phone_reader_tapping_search_gets_results(browser, site_server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        fetched = watch(context)
        page = context.new_page()
        page.goto(f"{site_server}{HANT}/people.html", wait_until="networkidle")
        assert search_requests(fetched) == []
        page.locator('label.md-header__button[for="__search"]').tap()
        page.keyboard.type("影片", delay=50)
        page.locator("input.md-search__input").press("End")
        titles = wait_for_results(page)
        assert any("影片" in title for title in titles), titles[:5]
        for result in page.locator(".md-search-result__link").evaluate_all(
            "links => links.map(link => new URL(link.href).pathname)"
        ):
            assert result.startswith(f"/{HANT}/"), result
    finally:
        context.close()


def test_arriving_from_a_search_result_highlights_the_words_at_once(context, site_server):
    fetched = watch(context)
    page = context.new_page()
    page.goto(f"{site_server}people.html?h=张楠", wait_until="load")
    page.wait_for_function(
        "() => document.querySelector('mark[data-md-highlight]')", timeout=20_000
    )
    assert "张楠" in page.locator("mark[data-md-highlight]").first.inner_text()
    assert any(url.endswith("/search/search_index.json") for url in fetched)


@pytest.mark.parametrize(
    ("path", "query"), [("index.html", "张楠"), (f"{HANT}/index.html", "張楠")]
)
def test_pasted_text_searches_without_a_key_press(context, site_server, path, query):
    # fill() sets the text and sends an input event but no key events: what a paste, dictation
    # or many phone keyboards' Chinese input does.
    page = context.new_page()
    page.goto(site_server + path, wait_until="load")
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    starting = meta.inner_text().strip()  # "initialising search", in the page's language
    box.click()
    page.wait_for_function(  # ready: the meta line now invites typing
        "starting => document.querySelector('.md-search-result__meta').innerText.trim() !== starting",
        arg=starting,
        timeout=20_000,
    )
    box.fill(query)
    titles = wait_for_results(page)
    assert any(query in re.sub(r"\s+", "", title) for title in titles), titles[:5]


def test_words_typed_before_the_index_arrives_are_searched_when_it_does(context, site_server):
    """A reader on a slow line types at once: the search runs when the index arrives, with no
    further key press (before, the words met an empty worker and the box said 'no results')."""
    held: list = []
    page = context.new_page()
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(site_server + "index.html", wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("张楠", delay=50)
    page.wait_for_function("() => document.activeElement.value === '张楠'")
    page.wait_for_timeout(300)  # the typed words have reached the worker before its index
    assert len(held) == 1, "the index was not asked for"
    held[0].continue_()
    titles = wait_for_results(page)
    assert any("张楠" in re.sub(r"\s+", "", title) for title in titles), titles[:5]
