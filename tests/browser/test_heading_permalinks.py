"""A heading's permalink never wraps alone onto a line of its own, at any heading length."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

HANT = "zh-Hant"

# Each heading is narrowed pixel by pixel from its one-line width, across the point where the
# ¶ stops fitting: wherever a title ends, the ¶ must stay with its last character.
LONE_PERMALINKS = """() => {
    const lastCharacter = (heading, link) => {
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        let last = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!link.contains(node) && node.textContent.trim()) { last = node; }
        }
        const range = document.createRange();
        range.setStart(last, last.textContent.length - 1);
        range.setEnd(last, last.textContent.length);
        return range.getBoundingClientRect();
    };
    const alone = [];
    const links = [...document.querySelectorAll('.md-content a.headerlink')];
    for (const link of links) {
        const heading = link.closest('h1, h2, h3, h4, h5, h6');
        heading.style.width = 'max-content';
        heading.style.whiteSpace = 'nowrap';
        const full = heading.getBoundingClientRect().width;
        heading.style.whiteSpace = '';
        for (let cut = 1; cut <= 60; cut++) {
            heading.style.width = `${full - cut}px`;
            const text = lastCharacter(heading, link), mark = link.getBoundingClientRect();
            if (mark.top > text.top + text.height / 2) { alone.push([heading.id, cut]); break; }
        }
        heading.style.width = '';
    }
    return {headings: links.length, alone};
}"""


@pytest.mark.parametrize("path", ["timeline.html", f"{HANT}/people.html", "method.html"])
def test_a_heading_permalink_stays_with_the_title(context, site_server, path):
    page = context.new_page()
    open_page(page, site_server + path)
    found = page.evaluate(LONE_PERMALINKS)
    assert found["headings"] > 5
    assert found["alone"] == [], (path, found["alone"][:10])


def open_page(page, address: str) -> None:
    """Open `address` with its styles and fonts in place: headings are laid out as read."""
    page.goto(address, wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")


# The heading is hovered or linked to, and its ¶ has finished any transition it started.
SETTLED = """id => {
    const heading = document.getElementById(id);
    return heading.matches(':hover, :target')
        && heading.querySelector('.headerlink').getAnimations().length === 0;
}"""


def settle(page, heading_id: str) -> None:
    """Wait (up to 2 s) until the heading is hovered or linked to and its ¶ stopped changing;
    the check that follows says what is wrong if it never does."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(SETTLED, arg=heading_id, timeout=2_000)


def opacity(page, heading_id: str) -> float:
    return float(
        page.evaluate(
            "id => getComputedStyle(document.getElementById(id).querySelector('.headerlink'))"
            ".opacity",
            heading_id,
        )
    )


@pytest.mark.parametrize("path", ["timeline.html", f"{HANT}/people.html"])
def test_a_hovered_or_linked_heading_shows_its_permalink(context, site_server, path):
    page = context.new_page()
    open_page(page, site_server + path)
    ids = page.evaluate(
        "() => [...document.querySelectorAll('.md-content h2[id]')].map(h => h.id).slice(1, 3)"
    )
    hovered, linked = ids
    assert opacity(page, hovered) == 0, "hidden until the reader reaches for it"
    # The pointer on the heading's first character, far from the ¶ at its end.
    heading = page.locator(f"[id='{hovered}']")
    heading.scroll_into_view_if_needed()
    box = heading.bounding_box()
    page.mouse.move(box["x"] + 8, box["y"] + box["height"] / 2)
    settle(page, hovered)
    assert opacity(page, hovered) == 1, "shown while the pointer is on its heading"
    page.mouse.move(0, 0)
    page.goto(f"{site_server}{path}#{linked}")
    settle(page, linked)
    assert opacity(page, linked) == 1, "shown on the heading a link leads to"


# Each shown ¶ (focused, or `ids`: the headings as they are) against its heading's characters.
COVERED_TEXT = """(ids) => {
    const covered = [];
    for (const link of document.querySelectorAll('.md-content a.headerlink')) {
        const heading = link.closest('h1, h2, h3, h4, h5, h6');
        if (ids && !ids.includes(heading.id)) { continue; }
        if (!ids) {
            link.focus();
            // Shown by a transition: read its end, not its first frame (opacity 0).
            link.getAnimations().forEach(animation => animation.finish());
        }
        if (+getComputedStyle(link).opacity === 0) { continue; }
        const mark = link.getBoundingClientRect();
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (link.contains(node)) { continue; }
            for (let i = 0; i < node.textContent.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const r = range.getBoundingClientRect();
                if (r.width && r.left < mark.right - 1 && mark.left < r.right - 1
                    && r.top < mark.bottom - 1 && mark.top < r.bottom - 1) {
                    covered.push([heading.id, node.textContent[i]]);
                }
            }
        }
        if (!ids) { link.blur(); }
    }
    return covered;
}"""


@pytest.mark.parametrize("path", ["timeline.html", f"{HANT}/timeline.html", "method.html"])
def test_a_focused_permalink_covers_no_heading_text_on_a_phone(phone, site_server, path):
    page = phone.new_page()
    open_page(page, site_server + path)
    assert page.evaluate(COVERED_TEXT, None) == []
    # A tap leaves its heading hovered: its ¶ must not cover the text either.
    ids = page.evaluate(
        "() => [...document.querySelectorAll('.md-content h2[id]')].map(h => h.id).slice(0, 8)"
    )
    for heading_id in ids:
        heading = page.locator(f"[id='{heading_id}']")
        heading.scroll_into_view_if_needed()
        box = heading.bounding_box()
        page.touchscreen.tap(box["x"] + 6, box["y"] + 8)
        settle(page, heading_id)
        assert page.evaluate(COVERED_TEXT, [heading_id]) == [], heading_id
