"""The vendored plotly.js partial bundle: it draws every trace type our figures use, and it is the
plotly.js version the installed plotly package bundles; beside it, plotly.js's own locales at the
same version, and by hand only the words they lack."""

from __future__ import annotations

import json

import pytest
from test_charts import context, real_base, small_base

from generator.site import charts
from generator.site.chart_embed import PLOTLY_WORDS, figure_json
from generator.site.plotly_bundle import (
    BUNDLE_FILE,
    BUNDLED_TRACES,
    LOCALE_DIR,
    PLOTLY_LOCALES,
    bundle_header,
    expected_version,
    locale_file_name,
    locale_header,
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


LOCALES = sorted(set(PLOTLY_LOCALES.values()))


@pytest.mark.parametrize("locale", LOCALES)
def test_each_plotly_locale_is_vendored_at_the_bundles_version(locale):
    path = LOCALE_DIR / locale_file_name(locale)
    assert path.exists(), f"{path.name} missing: run `make plotly-bundle`"
    assert locale_header(path) == (locale, expected_version()), "run `make plotly-bundle`"


@pytest.mark.parametrize("locale", LOCALES)
def test_words_kept_by_hand_are_plotly_words_its_locale_lacks(browser, locale):
    """Each hand-kept word is one the bundle still shows and the locale has no word for; the
    locale, run after the bundle, registers itself under its name with words of its own."""
    page = browser.new_page()
    try:
        page.add_script_tag(path=str(BUNDLE_FILE))
        page.add_script_tag(path=str(LOCALE_DIR / locale_file_name(locale)))
        found = page.evaluate("() => ({name: window.locale.name, words: window.locale.dictionary})")
    finally:
        page.close()
    assert found["name"] == locale
    assert found["words"].get("Reset axes"), "the locale has no tool-bar words"
    assert not set(PLOTLY_WORDS) & set(found["words"]), "plotly.js's locale has these words"
    bundle = BUNDLE_FILE.read_text(encoding="utf-8")
    unused = [english for english in PLOTLY_WORDS if english not in bundle]
    assert not unused, f"plotly.js {expected_version()} never shows {unused}"
