"""The plotly.js partial bundle the chart pages load: where it lives and what it must hold.

The bundle is vendored in the theme (built by `make plotly-bundle` from plotly.js's sources on the
npm registry); it holds exactly the trace types our charts draw, at the plotly.js version the
installed plotly package bundles, so figures built in Python draw the same in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from plotly.offline import get_plotlyjs_version

# The trace types the charts in generator/site/charts/ draw; tests check every figure against this list.
BUNDLED_TRACES = ("bar", "scatter")
BUNDLE_URI = "assets/javascripts/plotly-report.min.js"
BUNDLE_FILE = Path(__file__).parent / "theme" / BUNDLE_URI
_HEADER_VERSION = re.compile(r"plotly\.js \(report partial bundle: ([a-z, ]+) - minified\) v(\S+)")
# plotly.js's own Chinese locales (its dist/plotly-locale-*.js), vendored next to the bundle at the
# same version, by the Open Graph locale of the edition that loads each. plotly.js's zh-HK has
# date formats but no words, so Hong Kong and Macao take zh-TW's Traditional words.
PLOTLY_LOCALES = {
    "zh_CN": "zh-CN",
    "zh_SG": "zh-CN",
    "zh_TW": "zh-TW",
    "zh_HK": "zh-TW",
    "zh_MO": "zh-TW",
}
LOCALE_DIR = BUNDLE_FILE.parent
_LOCALE_HEADER = re.compile(r"plotly\.js locale (\S+) v(\S+)")


def expected_version() -> str:
    """The plotly.js version inside the installed plotly package."""
    return str(get_plotlyjs_version())


def bundle_header(path: Path = BUNDLE_FILE) -> tuple[tuple[str, ...], str]:
    """(trace types, version) the vendored bundle's header names; ((), "") without a header."""
    with path.open(encoding="utf-8") as bundle:
        head = bundle.read(400)
    found = _HEADER_VERSION.search(head)
    if not found:
        return (), ""
    return tuple(t.strip() for t in found.group(1).split(",")), found.group(2)


def plotly_locale(og_locale: str) -> str:
    """The plotly.js locale an edition's charts speak (zh-TW), from its Open Graph locale."""
    return PLOTLY_LOCALES.get(og_locale, "zh-CN")


def locale_file_name(locale: str) -> str:
    """The vendored file of a plotly.js locale, named as plotly.js names it in dist/."""
    return f"plotly-locale-{locale.lower()}.js"


def locale_header(path: Path) -> tuple[str, str]:
    """(locale, plotly.js version) a vendored locale file's header names; ("", "") without one."""
    with path.open(encoding="utf-8") as vendored:
        found = _LOCALE_HEADER.search(vendored.read(200))
    return (found.group(1), found.group(2)) if found else ("", "")


def locale_with_header(locale: str, version: str, script: str) -> str:
    """plotly.js's dist locale script, headed with its locale, version and licence."""
    return (
        f"/* plotly.js locale {locale} v{version} (dist/{locale_file_name(locale)}, MIT) */\n"
        + script
    )
