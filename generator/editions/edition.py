"""An edition of the report, and everything that follows from its language and OpenCC config.

`mkdocs.yml` lists the editions (language, name in the selector, OpenCC config, folder); the rest
is known from those and kept here, once: the script's region (the font's face, the Open Graph
locale, how readers cite), the name of the edition in words, and which OpenCC config converts
glyphs alone and which target the second converter writes. Every module asks an `Edition`, or
`script_of` for a language alone; none keeps its own table of languages.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """What an edition's language decides."""

    region: str  # the CJK font's regional face: SC, TC or HK
    og_locale: str  # Open Graph's locale (zh_TW)
    traditional: bool  # written in Traditional characters; readers cite as Taiwan's journals do
    word: str  # the edition in words, as the corrections page names it (台湾版)

    @property
    def fonts(self) -> str:
        """CSS font stack of the script's face: charts draw with it."""
        windows = "Microsoft JhengHei" if self.traditional else "Microsoft YaHei"
        faces = [f"Noto Sans CJK {self.region}", f"Noto Sans {self.region}"]
        faces += [f"Source Han Sans {self.region}", f"PingFang {self.region}", windows]
        return ", ".join(f'"{face}"' for face in faces) + ", sans-serif"


SCRIPTS = {
    "zh-Hans": Script("SC", "zh_CN", False, "简体版"),
    "zh-CN": Script("SC", "zh_CN", False, "大陆版"),
    "zh-SG": Script("SC", "zh_SG", False, "新加坡版"),
    "zh-Hant": Script("TC", "zh_TW", True, "繁体版"),
    "zh-TW": Script("TC", "zh_TW", True, "台湾版"),
    "zh-HK": Script("HK", "zh_HK", True, "香港版"),
    "zh-MO": Script("HK", "zh_MO", True, "澳门版"),
}


def script_of(lang: str) -> Script:
    """The script of a language code (`zh-Hant-TW` as `zh-Hant`); Simplified when unknown."""
    parts = lang.split("-")
    for size in range(len(parts), 0, -1):
        found = SCRIPTS.get("-".join(parts[:size]))
        if found is not None:
            return found
    simplified = SCRIPTS["zh-Hans"]
    return Script(simplified.region, lang.replace("-", "_"), False, lang)


@dataclass(frozen=True)
class Conversion:
    """What an OpenCC config decides beside its own conversion."""

    glyphs: str  # the config that converts characters alone, without regional wording
    second_opinion: str  # the target the second converter (zhconv-rs) writes for comparison


CONVERSIONS = {
    "s2twp": Conversion("s2tw", "zh-TW"),
    "s2tw": Conversion("s2tw", "zh-TW"),
    "s2hk": Conversion("s2hk", "zh-HK"),
    "s2t": Conversion("s2t", "zh-Hant"),
}


def conversion_of(opencc_config: str) -> Conversion:
    """What follows from an OpenCC config; a config not listed converts glyphs as itself."""
    return CONVERSIONS.get(opencc_config, Conversion(opencc_config, "zh-Hant"))


@dataclass(frozen=True)
class Edition:
    """One script of the site: language code, selector name, OpenCC config, URL folder."""

    lang: str
    name: str
    opencc: str | None
    path: str  # "" for the root edition, else a folder name such as "zh-Hant"

    @property
    def converted(self) -> bool:
        """True for an edition converted from the Simplified source."""
        return self.opencc is not None

    def url_of(self, page_url: str) -> str:
        """Site-root-relative URL of a page of this edition (page_url as MkDocs gives it)."""
        return posixpath.join(self.path, page_url) if self.path else page_url


def converted_editions(editions: list[Edition]) -> list[Edition]:
    """The editions a reviewer reads new text in: every one converted from the source."""
    return [edition for edition in editions if edition.converted]


# The editions a new report may start with (`python -m generator new --editions`): each
# language's name in the selector and the OpenCC config that writes it from the Simplified
# source (none: the site root, written as the source is).
STARTING_EDITIONS: dict[str, tuple[str, str | None]] = {
    "zh-Hans": ("简体中文", None),
    "zh-Hant": ("繁體中文", "s2twp"),
    "zh-TW": ("臺灣正體", "s2twp"),
    "zh-HK": ("香港繁體", "s2hk"),
}


def starting_edition(lang: str) -> Edition:
    """The edition `lang` names in a new report (KeyError when it is not one of them): the
    Simplified one at the site root, a converted one in its own folder."""
    name, opencc = STARTING_EDITIONS[lang]
    return Edition(lang, name, opencc, lang if opencc else "")
