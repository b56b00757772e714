"""A reader who follows a citation of a source with an address lands on the quoted words: the
browser scrolls to them and highlights them (a text fragment), in both editions."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import build_once, copy_project, free_port, run_mkdocs, serving

from generator.facts.fields import records
from generator.facts.load import load_fact_base

pytestmark = pytest.mark.browser

STAND_IN = "stand-in/article.html"
# The colour the stand-in paints what a text fragment matched (Chromium's ::target-text).
MARK = (255, 0, 255)
FILLER = "这一段是测试用的填充文字，与报告的事实无关。" * 12


def stand_in_article(project: Path) -> str:
    """A page standing in for the report's main source: one paragraph per numbered paragraph,
    each holding the quotes cited from it among Chinese filler, each far below the last."""
    base = load_fact_base(project / "data")
    source = base.sources[0]
    quoted: dict[int, list[str]] = {}
    for _, record in records(base):
        for cite in getattr(record, "cite", None) or []:
            if cite.source == source.id and cite.quote:
                quoted.setdefault(cite.paragraph, []).append(cite.quote)
    paragraphs = [
        f'<p id="p{p.n}">{html.escape(FILLER)}'
        + "".join(f"{html.escape(q)}，{html.escape(FILLER)}" for q in quoted.get(p.n, []))
        + "</p>"
        for p in source.paragraphs
    ]
    return (
        '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">'
        f"<title>{html.escape(source.title)}</title><style>"
        "p { margin-bottom: 120vh; font-size: 18px; line-height: 1.6; }"
        f"::target-text {{ background-color: rgb{MARK}; color: black; }}"
        "</style></head><body>" + "".join(paragraphs) + "</body></html>"
    )


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Iterator[str]:
    """The report built with its main source at an address on 127.0.0.1 (a stand-in page the
    site serves beside its pages), served there."""

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        sources = project / "data" / "sources.yml"
        text = sources.read_text(encoding="utf-8")
        first = re.search(r"^  - id: \S+\n", text, re.M)
        assert first is not None
        text = text[: first.end()] + f"    url: {url}{STAND_IN}\n" + text[first.end() :]
        sources.write_text(text, encoding="utf-8")
        article = project / "docs" / STAND_IN
        article.parent.mkdir(parents=True)
        article.write_text(stand_in_article(project), encoding="utf-8")
        (folder / "address").write_text(url, encoding="utf-8")
        result = run_mkdocs(project, "build", "--strict", site_url=url)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-3000:]}"

    folder = build_once(tmp_path_factory, "addressed-source", make)
    url = (folder / "address").read_text(encoding="utf-8")
    with serving(folder / "project" / "site", int(url.rsplit(":", 1)[1].strip("/"))) as served:
        yield served


def painted(image) -> int:
    """How many pixels of `image` are in the highlight colour."""
    colours = image.getcolors(image.width * image.height) or []
    return next((count for count, colour in colours if colour == MARK), 0)


QUOTE_IN_VIEW = """quote => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(quote);
        if (at < 0) { continue; }
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        const box = range.getBoundingClientRect();
        const lines = [...range.getClientRects()].map(r => [r.left, r.top, r.right, r.bottom]);
        return {top: box.top, bottom: box.bottom, lines, height: innerHeight, scrolled: scrollY};
    }
    return null;
}"""


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_following_a_citation_scrolls_to_and_highlights_the_quote(
    context, addressed_site, edition, tmp_path
):
    from PIL import Image

    page = context.new_page()
    page.goto(f"{addressed_site}{edition}organizations.html", wait_until="load")
    link = page.locator(f'a.cite-link[href^="{addressed_site}{STAND_IN}#:~:text="]').first
    href = link.get_attribute("href")
    assert href is not None
    quote = unquote(href.split(":~:text=", 1)[1])
    shown = link.locator("xpath=following-sibling::span[@class='cite-quote'][1]").inner_text()
    if (
        edition
    ):  # the Traditional edition shows the quote in its glyphs; the link finds the source's
        assert quote not in shown
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(f"{addressed_site}{STAND_IN}*")
    page.wait_for_function(
        f"() => {{ const b = ({QUOTE_IN_VIEW})({quote!r}); "
        "return b && b.scrolled > 0 && b.top >= 0 && b.bottom <= b.height; }"
    )
    box = page.evaluate(QUOTE_IN_VIEW, quote)
    shot = tmp_path / "landed.png"
    page.screenshot(path=str(shot))
    image = Image.open(shot).convert("RGB")
    scale = image.width / page.viewport_size["width"]
    # The quote's lines are painted in the highlight colour, and nothing else is.
    marked, area = 0, 0
    for line in box["lines"]:
        crop = image.crop(tuple(round(v * scale) for v in line))
        marked += painted(crop)
        area += crop.width * crop.height
    everywhere = painted(image)
    assert area and marked > area / 3, f"the quote {quote} is not highlighted"
    assert everywhere == marked, "text other than the quote is highlighted"
