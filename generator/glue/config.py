"""The report plugin's options in `mkdocs.yml`, each validated where it is declared.

A mistake in `mkdocs.yml` becomes MkDocs' own one-line configuration error naming the key
(`plugins.report.editions[2].opencc`), never a traceback from OpenCC or Jinja later on.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.base import ValidationError

from generator.editions.convert import opencc_for
from generator.editions.edition import Edition

THEME_DIR = Path(__file__).parents[1] / "site" / "theme"
# OpenCC's configurations from Simplified Chinese, named in the hint of a mistyped one.
SIMPLIFIED_TO = ("s2t", "s2tw", "s2twp", "s2hk")


def _opencc_accepts(name: str) -> bool:
    try:
        opencc_for(name)  # loaded once: the edition's converter uses the same instance
    except RuntimeError:
        return False
    return True


@cache
def interface_languages() -> tuple[str, ...]:
    """Language codes with interface strings: Material's packs plus the report theme's own."""
    import material  # the theme is a dependency; imported here only to find its files

    folders = [
        Path(material.__file__).parent / "templates" / "partials" / "languages",
        THEME_DIR / "partials" / "languages",
    ]
    return tuple(sorted({page.stem for folder in folders for page in folder.glob("*.html")}))


class OpenCCConfig(opt.Optional[str]):
    """The name of an OpenCC configuration such as s2twp, checked by loading it."""

    def __init__(self) -> None:
        super().__init__(opt.Type(str))

    def run_validation(self, value: object) -> str | None:
        name = super().run_validation(value)
        if name is not None and not _opencc_accepts(name):
            choices = "、".join(SIMPLIFIED_TO)
            raise ValidationError(f"OpenCC 没有名为 '{name}' 的转换配置；从简体转换可用 {choices}")
        return name


class EditionLanguage(opt.Type[str]):
    """A language code the theme has interface strings for (zh-Hans, zh-Hant, zh-TW, zh-HK...)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        lang = super().run_validation(value)
        known = interface_languages()
        if lang not in known:
            chinese = "、".join(code for code in known if code.startswith("zh"))
            raise ValidationError(f"未知的语言代码 '{lang}'；可用的中文代码有 {chinese}")
        return lang


class EditionConfig(base.Config):
    """One edition: its language code, its name in the selector, its script and its folder."""

    lang = EditionLanguage()
    name = opt.Type(str)
    opencc = OpenCCConfig()
    path = opt.Type(str, default="")


class EditionList(opt.ListOfItems[EditionConfig]):
    """The editions, the root first; no two may share a language or a folder."""

    def __init__(self) -> None:
        super().__init__(opt.SubConfig(EditionConfig), default=[])

    def run_validation(self, value: object) -> list[EditionConfig]:
        for index, item in enumerate(value if isinstance(value, list) else []):
            try:
                self.option_type.run_validation(item)
            except ValidationError as error:
                # MkDocs says "Sub-option 'opencc': ..."; name the edition as well.
                message = re.sub(r"^Sub-option '(\w+)': ", rf"editions[{index}].\1: ", str(error))
                raise ValidationError(message) from None
        editions = super().run_validation(value)
        if not editions:
            raise ValidationError("至少列出一个版本（lang 与 name），第一个是网站根目录的版本")
        # Where each edition lives first: a second edition without a folder is told to add one.
        if editions[0]["path"].strip("/"):
            raise ValidationError("editions[0].path: 第一个版本放在网站根目录，请删去它的 path")
        for index, edition in enumerate(editions[1:], start=1):
            if not edition["path"].strip("/"):
                raise ValidationError(
                    f"editions[{index}].path: 除第一个版本外，每个版本都要有自己的文件夹，"
                    f"例如 path: {edition['lang']}"
                )
        for field in ("lang", "path"):
            seen: dict[str, int] = {}
            for index, edition in enumerate(editions):
                key = str(edition[field]).strip("/")
                if key in seen:
                    raise ValidationError(
                        f"editions[{index}].{field}: '{key}' 与 editions[{seen[key]}] 重复；"
                        "每个版本的 lang 和 path 都必须不同"
                    )
                seen[key] = index
        return editions


class LicenceConfig(base.Config):
    """The licence of the data and text: its short name and the address of its text."""

    name = opt.Type(str)
    url = opt.URL()


class ReportConfig(base.Config):
    """Options of the `report` plugin."""

    data_dir = opt.Dir(exists=True, default="data")
    citation_key = opt.Type(str, default="report")
    data_licence = opt.SubConfig(LicenceConfig)
    editions = EditionList()
    cache_dir = opt.Type(str, default=".cache")


def editions_of(report: ReportConfig) -> list[Edition]:
    """The editions the plugin's options list, the root first."""
    return [Edition(e.lang, e.name, e.opencc, e.path.strip("/")) for e in report.editions]
