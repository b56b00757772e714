"""Share cards: the Open Graph image of each page, drawn with a CJK font in the page's script.

Cards are 1200×630 PNGs drawn by Pillow, with no network access. The font is Noto Sans CJK, which
the project's install steps put on a machine (Debian's fonts-noto-cjk); the face follows the
edition (SC for Simplified, TC for Taiwan, HK for Hong Kong), so Traditional text is drawn with
Traditional glyphs. The same card text and font give the same bytes, and a finished card is kept
in `.cache/cards/` (`generator.facts.cache`) by its text, fonts, the versions of the libraries that
draw and cut it, and a hash of the drawing code (DRAWING_CODE): a change to that code redraws every
card, with no version number to bump. Without the font, no card is drawn.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.editions.edition import script_of
from generator.facts.cache import DiskCache
from generator.site.line_breaks import words_of

SIZE = (1200, 630)
MARGIN = 80
PALETTE_COLOURS = 64
# The code a card's pixels depend on: drawing and wrapping, rjieba's words, the Simplified fold.
DRAWING_CODE = ("site/share_cards.py", "site/line_breaks.py", "editions/convert.py")
# The libraries that draw the card and cut its text into words.
DRAWING_LIBRARIES = ("pillow", "rjieba", "opencc")
FONT_DIRS_VARIABLE = "REPORT_CJK_FONT_DIRS"
DEFAULT_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts")
FONT_FILES = {"Bold": "NotoSansCJK-Bold.ttc", "Regular": "NotoSansCJK-Regular.ttc"}
# Characters that may not start a line (they stay on the line before).
NO_LINE_START = set("，。、；：？！）」』》〉”’…·%,.;:?!)]")
# Latin words (GPT-4, example.org/report) and the text between them; a word too wide for a line
# is cut at its slashes, else into single characters.
_LATIN_OR_NOT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/]*|[^A-Za-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*|.", re.S)

INK = "#1c1c28"
MUTED = "#5a5f6e"
ACCENT = "#3f51b5"
PAPER = "#ffffff"


@dataclass(frozen=True)
class Face:
    """One face of a font file (a .ttc holds several)."""

    path: str
    index: int

    def key(self) -> str:
        stat = Path(self.path).stat()
        return f"{self.path}:{self.index}:{stat.st_size}:{stat.st_mtime_ns}"


@dataclass(frozen=True)
class CardFonts:
    bold: Face
    regular: Face


@dataclass(frozen=True)
class Card:
    """What a card says; all text already in the edition's script."""

    lang: str
    kicker: str  # the site name, or the edition name on the home page
    title: str
    description: str
    footer: str  # edition and site address
    updated: str  # "更新于…" or empty


def _family(face: Face) -> str:
    try:
        return str(ImageFont.truetype(face.path, 20, index=face.index).getname()[0])
    except OSError:
        return ""


def _from_fontconfig(family: str, weight: str) -> Face | None:
    if shutil.which("fc-match") is None:
        return None
    done = subprocess.run(
        ["fc-match", "-f", "%{file}\n%{index}", f"{family}:style={weight}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) != 2 or not lines[1].isdigit():
        return None
    face = Face(lines[0], int(lines[1]))
    return face if _family(face) == family else None


def _from_folders(family: str, weight: str, folders: list[Path]) -> Face | None:
    for folder in folders:
        for path in sorted(folder.rglob(FONT_FILES[weight])) if folder.is_dir() else []:
            for index in range(10):
                face = Face(str(path), index)
                name = _family(face)
                if not name:
                    break
                if name == family:
                    return face
    return None


def find_fonts(lang: str) -> CardFonts | None:
    """Noto Sans CJK bold and regular in the edition's region, or None when not installed.

    REPORT_CJK_FONT_DIRS (folders, separated by the path separator) replaces the usual places.
    """
    family = f"Noto Sans CJK {script_of(lang).region}"
    chosen = os.environ.get(FONT_DIRS_VARIABLE)
    folders = [
        Path(p).expanduser()
        for p in (chosen or os.pathsep.join(DEFAULT_FONT_DIRS)).split(os.pathsep)
        if p
    ]
    faces = []
    for weight in ("Bold", "Regular"):
        face = None if chosen is not None else _from_fontconfig(family, weight)
        face = face or _from_folders(family, weight, folders)
        if face is None:
            return None
        faces.append(face)
    return CardFonts(*faces)


def _tokens(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Latin words (GPT-4, example.org) whole, Chinese cut into rjieba's words (出处 is never
    split), and a word wider than a line in characters."""
    tokens: list[str] = []
    for run in _LATIN_OR_NOT.findall(" ".join(text.split())):
        words = [run] if run[0].isascii() and run[0].isalnum() else words_of(run)
        for word in words:
            if font.getlength(word) > width:
                tokens += _TOKEN.findall(word)
            else:
                tokens.append(word)
    return tokens


def _greedy(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(text, font, width):
        starts_badly = token[0] in NO_LINE_START or token.isspace()
        if line and font.getlength(line + token) > width and not starts_badly:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line:
        lines.append(line)
    return lines


def wrap(
    text: str,
    font: ImageFont.FreeTypeFont,
    width: int,
    max_lines: int,
    at_colon: bool = False,
) -> list[str]:
    """Lines of `text` no wider than `width`, broken between words; `at_colon`: a title with a
    colon breaks after it when that takes no more lines (某某调查： / 一份有出处的事实报告)."""
    head, colon, rest = text.partition("：")
    lines = _greedy(text, font, width)
    if at_colon and colon and rest and font.getlength(head + colon) <= width:
        split = [head + colon, *_greedy(rest, font, width)]
        if len(split) <= max(len(lines), 1) and len(split) <= max_lines:
            lines = split
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    # A FreeType face is not safe to share between threads: each thread loads its own.
    return _font_of_thread(path, index, size, threading.get_ident())


@functools.lru_cache(maxsize=64)
def _font_of_thread(path: str, index: int, size: int, thread: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


def footer_width(updated: str, font: ImageFont.FreeTypeFont) -> int:
    """Room for the footer's edition and address: all the update date on its right leaves."""
    return SIZE[0] - 2 * MARGIN - (round(font.getlength(updated)) + 48 if updated else 0)


def draw_card(card: Card, fonts: CardFonts) -> bytes:
    """The card as PNG bytes; the same card and fonts always give the same bytes."""
    width, height = SIZE
    margin = MARGIN
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, height), fill=ACCENT)

    def font(face: Face, size: int) -> ImageFont.FreeTypeFont:
        return _font(face.path, face.index, size)

    kicker = font(fonts.bold, 34)
    body = font(fonts.regular, 36)
    small = font(fonts.regular, 28)
    text_width = width - 2 * margin
    footer_y = height - 84
    bottom = footer_y - 56  # the lowest baseline area the title and description may use
    y = 64
    for line in wrap(card.kicker, kicker, text_width, 2) if card.kicker else []:
        draw.text((margin, y), line, font=kicker, fill=ACCENT)
        y += 50
    y += 24 if card.kicker else 40
    # The largest title size that fits in two lines.
    for size in (96, 80, 64):
        title = font(fonts.bold, size)
        title_lines = wrap(card.title, title, text_width, 2, at_colon=True)
        if not title_lines[-1].endswith("…"):
            break
    for line in title_lines:
        draw.text((margin, y), line, font=title, fill=INK)
        y += round(size * 1.28)
    y += 28
    room = max(0, (bottom - y) // 52)
    for line in wrap(card.description, body, text_width, min(3, room)) if room else []:
        draw.text((margin, y), line, font=body, fill=MUTED)
        y += 52
    draw.line((margin, footer_y - 28, width - margin, footer_y - 28), fill="#d8dbe6", width=2)
    draw.text(
        (margin, footer_y),
        wrap(card.footer, small, footer_width(card.updated, small), 1)[0],
        font=small,
        fill=MUTED,
    )
    if card.updated:
        draw.text((width - margin, footer_y), card.updated, font=small, fill=MUTED, anchor="ra")
    buffer = io.BytesIO()
    # A card is a few inks and their anti-aliased edges: as 64 palette colours it is a third of
    # the bytes of a full-colour PNG, looks the same and encodes faster. Pillow's default
    # compression: `optimize` saves 3% of the bytes for 2.5 times the time.
    image.quantize(PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG")
    return buffer.getvalue()


class CardCache:
    """Finished cards on disk, by their text, fonts, libraries and drawing code."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache = DiskCache(cache_dir, "cards", DRAWING_CODE, suffix=".png")
        self.libraries = [version(name) for name in DRAWING_LIBRARIES]
        self.fonts: dict[str, CardFonts | None] = {}

    def write_all(self, cards: dict[str, Card], site_dir: Path) -> None:
        """Write each card to its path under `site_dir`, drawing the missing ones in parallel;
        a card whose script has no font installed is left out."""
        drawable = {uri: card for uri, card in cards.items() if self.fonts_of(card.lang)}
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            drawn = pool.map(self.card, drawable.values())
            for uri, png in zip(drawable, drawn, strict=True):
                target = site_dir / uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(png)

    def fonts_of(self, lang: str) -> CardFonts | None:
        """The script's faces, looked up once per build."""
        if lang not in self.fonts:
            self.fonts[lang] = find_fonts(lang)
        return self.fonts[lang]

    def card(self, card: Card) -> bytes:
        """The card drawn in its own script's face (a Traditional card in the TC face)."""
        fonts = self.fonts_of(card.lang)
        if fonts is None:
            raise LookupError(f"no Noto Sans CJK face for {card.lang}")
        inputs = (asdict(card), fonts.bold.key(), fonts.regular.key(), self.libraries)
        png = self.cache.read(*inputs)
        if png is None:
            png = draw_card(card, fonts)
            self.cache.write(png, *inputs)
        return png
