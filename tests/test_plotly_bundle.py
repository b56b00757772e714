"""The vendored plotly.js partial bundle: it draws every trace type our figures use, and it is the
plotly.js version the installed plotly package bundles."""

from __future__ import annotations

import json

import pytest
from test_charts import context, real_base, small_base

from generator.site import charts
from generator.site.chart_embed import figure_json
from generator.site.plotly_bundle import (
    BUNDLE_FILE,
    BUNDLED_TRACES,
    bundle_header,
    expected_version,
)

pytestmark = pytest.mark.browser


def used_trace_types() -> set[str]:
    """Every trace type of every chart, built from the real data and the small test base."""
    used: set[str] = set()
    for base in (real_base(), small_base()):
        for lang in ("zh-Hans", "zh-Hant"):
            for name in charts.CHART_BLOCKS:
                figure = getattr(charts, f"{name}_figure")(context(base, lang))
                used |= {trace["type"] for trace in json.loads(figure_json(figure))["data"]}
    return used


@pytest.fixture(scope="module")
def loaded_bundle(browser) -> dict[str, object]:
    """What the bundle itself says once a browser has run it: version and registered traces."""
    page = browser.new_page()
    try:
        page.add_script_tag(path=str(BUNDLE_FILE))
        found: dict[str, object] = page.evaluate(
            "() => ({version: Plotly.version,"
            " traces: Object.keys(Plotly.PlotSchema.get().traces).sort()})"
        )
    finally:
        page.close()
    return found


def test_the_bundle_draws_every_trace_type_the_charts_use(loaded_bundle):
    used = used_trace_types()
    assert used, "no chart traces found"
    missing = used - set(loaded_bundle["traces"])  # type: ignore[arg-type]
    assert not missing, f"the charts use {sorted(missing)}; run `make plotly-bundle`"


def test_the_bundle_holds_exactly_the_listed_traces(loaded_bundle):
    assert loaded_bundle["traces"] == sorted(BUNDLED_TRACES)
    assert bundle_header()[0] == BUNDLED_TRACES


def test_the_bundle_is_the_plotly_packages_plotly_js_version(loaded_bundle):
    assert loaded_bundle["version"] == expected_version(), "run `make plotly-bundle`"
    assert bundle_header()[1] == expected_version()
