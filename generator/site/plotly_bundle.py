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
