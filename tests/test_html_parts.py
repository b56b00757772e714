"""Finished pages are changed where an HTML parser finds the element, and nowhere else."""

from __future__ import annotations

from generator.site.chart_embed import holds_chart
from generator.site.freshness import quiet_usual_days


def dated(day: str, inner: str = "更新") -> str:
    return f' <span data-day="{day}" class="fact-updated"><time>{inner}</time></span>'


def test_the_day_most_facts_share_leaves_and_the_rest_of_the_page_stays_byte_for_byte():
    page = (
        "<p>甲&amp;乙" + dated("2024-03-01") + "</p>\n"
        "<p>丙" + dated("2024-03-01", "<b>x</b>") + "</p>\n"
        "<p>丁" + dated("2024-02-01") + "</p>\n"
        '<pre><code>&lt;span class="fact-updated"&gt;</code></pre>'
    )
    quiet, usual = quiet_usual_days(page, None)
    assert usual == "2024-03-01"
    assert quiet == (
        "<p>甲&amp;乙</p>\n<p>丙</p>\n<p>丁" + dated("2024-02-01") + "</p>\n"
        '<pre><code>&lt;span class="fact-updated"&gt;</code></pre>'
    )


def test_a_chart_is_found_by_its_element_not_by_words_that_look_like_it():
    assert holds_chart('<div role="group" class="report-chart" data-figure="{}"></div>')
    assert not holds_chart('<p>&lt;div class="report-chart" data-figure="</p>')
