"""A heading's permalink never wraps alone onto a line of its own, at any heading length."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

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
    page.goto(site_server + path, wait_until="networkidle")
    found = page.evaluate(LONE_PERMALINKS)
    assert found["headings"] > 5
    assert found["alone"] == [], (path, found["alone"][:10])
