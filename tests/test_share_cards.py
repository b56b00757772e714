"""Share cards: one PNG per page and edition, in the edition's CJK face, the same bytes every time,
linked with absolute og:image URLs; a machine without the font still builds."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, run_mkdocs
from PIL import Image, ImageColor, ImageFont
from test_site import all_pages, root_pages

from generator.facts import cache as cache_module
from generator.site import share_cards
from generator.site.line_breaks import words_of
from generator.site.share_cards import (
    ACCENT,
    DRAWING_CODE,
    INK,
    MARGIN,
    PAPER,
    SIZE,
    Card,
    CardCache,
    CardFonts,
    draw_card,
    find_fonts,
    footer_width,
    wrap,
)

HANT = "zh-Hant"
FONT_MISSING = "Noto Sans CJK not found: sudo apt-get install fonts-noto-cjk (make browser does)"
CARD = Card(
    lang="zh-Hant",
    kicker="中文版Sora競賽：一份有出處的事實報告",
    title="時間線",
    description="按時間排列的全部事件，每個日期都標明它的精確程度。",
    footer="繁體中文 · example.org/report",
    updated="更新於2024年3月10日",
)


def fonts(lang: str):
    found = find_fonts(lang)
    if found is None:
        pytest.fail(FONT_MISSING, pytrace=False)
    return found


def meta(page: BeautifulSoup, **attrs: str) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return None if tag is None else str(tag["content"])


def test_each_script_is_drawn_in_its_own_face():
    faces = {"zh-Hans": "SC", "zh-Hant": "TC", "zh-TW": "TC", "zh-HK": "HK"}
    for lang, family in ((lang, f"Noto Sans CJK {face}") for lang, face in faces.items()):
        found = fonts(lang)
        for face in (found.bold, found.regular):
            name = ImageFont.truetype(face.path, 20, index=face.index).getname()[0]
            assert name == family, (lang, face)


def test_a_card_is_the_same_bytes_every_time_and_the_right_size():
    first = draw_card(CARD, fonts("zh-Hant"))
    assert draw_card(CARD, fonts("zh-Hant")) == first
    assert Image.open(io.BytesIO(first)).size == SIZE


def test_a_card_is_light_and_keeps_its_colours():
    png = draw_card(CARD, fonts("zh-Hant"))
    assert len(png) < 45_000  # a full-colour PNG of a card is 1.5 to 3 times as big
    card = Image.open(io.BytesIO(png)).convert("RGB")

    def distance(pixel: tuple[int, int], colour: str) -> int:
        wanted = ImageColor.getrgb(colour)
        return max(abs(a - b) for a, b in zip(card.getpixel(pixel), wanted, strict=True))

    assert distance((10, 300), ACCENT) <= 6  # the bar on the left
    assert distance((600, 20), PAPER) <= 2
    darkest = min(
        (card.getpixel((x, y)) for x in range(0, 1200, 2) for y in range(0, 630, 2)), key=sum
    )
    assert max(abs(a - b) for a, b in zip(darkest, ImageColor.getrgb(INK), strict=True)) <= 12


def test_the_cache_returns_what_drawing_gives(tmp_path):
    cache = CardCache(tmp_path)
    drawn = cache.card(CARD)
    assert len(list((tmp_path / "cards").glob("*/*.png"))) == 1
    assert cache.card(CARD) == drawn == draw_card(CARD, fonts("zh-Hant"))


def test_a_card_is_drawn_in_its_own_scripts_face(tmp_path):
    """Whatever edition asks, a card's face follows the card's own script."""
    simplified = replace(CARD, lang="zh-Hans")
    cards = {"share/hant.png": CARD, "share/hans.png": simplified}
    CardCache(tmp_path / "cache").write_all(cards, tmp_path)
    assert (tmp_path / "share/hant.png").read_bytes() == draw_card(CARD, fonts("zh-Hant"))
    hans = (tmp_path / "share/hans.png").read_bytes()
    assert hans == draw_card(simplified, fonts("zh-Hans"))
    assert hans != draw_card(simplified, fonts("zh-Hant"))


def test_cards_no_build_used_for_a_week_are_forgotten(tmp_path):
    cache = CardCache(tmp_path)
    cache.cache.folder.mkdir(parents=True)
    old, recent = cache.cache.folder / "old.png", cache.cache.folder / "recent.png"
    old.write_bytes(b"x")
    recent.write_bytes(b"x")
    day = 24 * 3600
    now = time.time()
    os.utime(old, (now - 8 * day, now - 8 * day))
    os.utime(recent, (now - 6 * day, now - 6 * day))
    cache.write_all({"share/index.png": CARD}, tmp_path / "site")
    CardCache(tmp_path)  # the next build
    assert not old.exists() and recent.exists()
    assert (tmp_path / "site" / "share" / "index.png").is_file()


def test_a_card_is_redrawn_when_the_drawing_code_changes(tmp_path, monkeypatch):
    """No version number to bump: the cache knows the code that drew each card."""
    code = tmp_path / "generator"
    for name in DRAWING_CODE:
        (code / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(cache_module.CODE_ROOT / name, code / name)
    monkeypatch.setattr(cache_module, "CODE_ROOT", code)
    drawn: list[Card] = []

    def counted(card: Card, fonts: CardFonts) -> bytes:
        drawn.append(card)
        return draw_card(card, fonts)

    monkeypatch.setattr(share_cards, "draw_card", counted)
    first = CardCache(tmp_path / "cache").card(CARD)
    assert CardCache(tmp_path / "cache").card(CARD) == first
    assert len(drawn) == 1  # the next build reads it
    for name in DRAWING_CODE:
        with (code / name).open("a", encoding="utf-8") as changed:
            changed.write("\n# changed\n")
        assert CardCache(tmp_path / "cache").card(CARD) == first
        assert len(drawn) == 2 + DRAWING_CODE.index(name), name
    # The cards of the code before are gone: they will never be read again.
    assert len(list((tmp_path / "cache" / "cards").iterdir())) == 1


def test_wrapping_keeps_latin_words_whole_and_punctuation_off_line_starts():
    face = fonts("zh-Hans").regular
    font = ImageFont.truetype(face.path, 40, index=face.index)
    text = "字节跳动的视频生成大模型Boximator，对标OpenAI的Sora，据悉预计两到三个月后开放测试。"
    lines = wrap(text, font, 400, 10)
    assert "".join(lines) == text
    assert any("Boximator" in line for line in lines)
    assert not any(line[0] in "，。、" for line in lines)
    assert all(font.getlength(line) <= 400 + font.getlength("，") for line in lines)
    short = wrap(text, font, 400, 2)
    assert len(short) == 2 and short[-1].endswith("…")


def test_wrapping_breaks_between_words_and_after_a_title_colon():
    face = fonts("zh-Hant").bold
    title = ImageFont.truetype(face.path, 96, index=face.index)
    assert wrap("中文版Sora競賽：一份有出處的事實報告", title, 1040, 2, at_colon=True) == [
        "中文版Sora競賽：",
        "一份有出處的事實報告",
    ]
    body = ImageFont.truetype(face.path, 36, index=face.index)
    text = "從Boximator到即夢，字節跳動在影片生成上的產品、人事與市場反應，逐條註明出處。"
    lines = wrap(text, body, 400, 10)
    assert "".join(lines) == text and len(lines) > 2
    ends = {len("".join(lines[: i + 1])) for i in range(len(lines) - 1)}
    starts, position = set(), 0
    for word in words_of(text):
        starts.add(position)
        position += len(word)
    assert ends <= starts, (lines, "a line ends inside a word")


def test_every_page_has_an_absolute_og_image_of_its_own_card(built_site):
    for page in all_pages(built_site):
        if page.endswith("404.html"):
            continue
        parsed = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        image = meta(parsed, property="og:image")
        assert image is not None and image.startswith(("http://", "https://")), page
        site_url = meta(parsed, property="og:url") or ""
        edition_root = site_url.rsplit("/", 1)[0] + "/"
        assert image.startswith(edition_root), (page, image)
        path = (
            built_site / (HANT if page.startswith(HANT + "/") else "") / image[len(edition_root) :]
        )
        assert path.is_file(), (page, image)
        assert Image.open(path).size == SIZE
        assert meta(parsed, name="twitter:card") == "summary_large_image", page
        assert meta(parsed, name="twitter:image") == image, page
        assert meta(parsed, property="og:image:width") == str(SIZE[0])
        assert meta(parsed, property="og:image:height") == str(SIZE[1])
        assert meta(parsed, property="og:image:alt"), page


def _card_of(site: Path, page: str) -> Path:
    parsed = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    image = meta(parsed, property="og:image") or ""
    name = image.rsplit("/", 1)[-1]
    return site / (HANT if page.startswith(HANT + "/") else "") / "share" / name


def test_cards_differ_per_page_and_per_edition(built_site):
    digests = {
        page: hashlib.sha256(_card_of(built_site, page).read_bytes()).hexdigest()
        for page in all_pages(built_site)
        if not page.endswith("404.html")
    }
    assert len(set(digests.values())) == len(digests)
    for page in root_pages(built_site):
        if page != "404.html":
            assert digests[page] != digests[f"{HANT}/{page}"], page


def test_without_the_font_the_build_goes_on_without_cards(tmp_path):
    project = copy_project(tmp_path / "project")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    result = run_mkdocs(project, "build", "--strict", env={"REPORT_CJK_FONT_DIRS": str(empty)})
    assert result.returncode == 0, result.stderr
    # Chinese by default, like every message a contributor reads.
    assert result.stderr.count("不生成分享卡片") == 1, result.stderr
    assert "sudo apt-get install fonts-noto-cjk" in result.stderr
    site = project / "site"
    assert not (site / "share").exists() and not (site / HANT / "share").exists()
    index = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert meta(index, property="og:image") is None
    assert meta(index, name="twitter:card") == "summary"


def test_the_footer_shows_the_whole_address_beside_the_update_date():
    card = replace(CARD, footer="繁體中文 · example.org/report/zh-Hant")
    face = fonts("zh-Hant").regular
    small = ImageFont.truetype(face.path, 28, index=face.index)
    room = footer_width(card.updated, small)
    assert wrap(card.footer, small, room, 1) == [card.footer]
    # The room left for the address ends before the update date begins.
    assert room + small.getlength(card.updated) <= SIZE[0] - 2 * MARGIN


def test_wrapping_keeps_latin_names_and_addresses_whole():
    face = fonts("zh-Hans").regular
    font = ImageFont.truetype(face.path, 36, index=face.index)
    text = "对标GPT-4的模型与example.org/report/zh-Hant的地址在同一段文字里反复出现多次多次"
    # Every width at which the address fits on a line of its own.
    for width in range(round(font.getlength("example.org/report/zh-Hant")) + 1, 800, 20):
        lines = wrap(text, font, width, 10)
        assert "".join(lines) == text
        for whole in ("GPT-4", "example.org/report/zh-Hant"):
            assert any(whole in line for line in lines), (width, lines)


def _card_image(card: Card) -> Image.Image:
    return Image.open(io.BytesIO(draw_card(card, fonts("zh-Hant")))).convert("RGB")


def test_the_update_date_is_drawn_in_the_footer():
    corner = (SIZE[0] - MARGIN - 200, SIZE[1] - 84, SIZE[0] - MARGIN, SIZE[1] - 40)
    dated = _card_image(CARD).crop(corner)
    undated = _card_image(replace(CARD, updated="")).crop(corner)
    assert dated.tobytes() != undated.tobytes()


def test_a_title_too_long_for_the_largest_size_is_set_smaller_not_cut():
    def ink_bottom(card: Card) -> int:
        image, ink = _card_image(card), ImageColor.getrgb(INK)
        return max(
            y
            for y in range(0, SIZE[1] - 120, 2)
            for x in range(MARGIN, SIZE[0] - MARGIN, 4)
            if max(abs(a - b) for a, b in zip(image.getpixel((x, y)), ink, strict=True)) <= 24
        )

    two_lines = replace(CARD, title="中文版Sora競賽中的各家公司")
    long = replace(CARD, title="中文版Sora競賽中的各家公司、產品、人物與時間")
    bold = fonts("zh-Hant").bold
    big = ImageFont.truetype(bold.path, 96, index=bold.index)
    width = SIZE[0] - 2 * MARGIN
    assert len(wrap(two_lines.title, big, width, 2, at_colon=True)) == 2
    assert not wrap(two_lines.title, big, width, 2, at_colon=True)[-1].endswith("…")
    assert wrap(long.title, big, width, 2, at_colon=True)[-1].endswith("…")
    assert ink_bottom(long) < ink_bottom(two_lines) - 20
