"""Hostile text from the data, opened in a real browser: no dialog opens, no link runs script."""

from __future__ import annotations

import pytest
from conftest import html_pages, serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_nothing_runs_in_the_browser(hostile_site, browser):
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(hostile_site) as base_url:
        try:
            for path in html_pages(hostile_site):
                relative = path.relative_to(hostile_site).as_posix()
                page.goto(f"{base_url}{relative}")
                page.wait_for_load_state("load")
                for link in page.locator("article a").all():
                    href = link.get_attribute("href") or ""
                    assert not href.lower().startswith(("javascript:", "data:")), relative
        finally:
            page.close()
    assert dialogs == []
