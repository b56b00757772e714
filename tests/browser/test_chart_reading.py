"""Charts read honestly and legibly, the same in the light preview and in plotly.js: a date known
only as a range is never drawn as a day, no row is blank, small print is readable, dark mode
keeps every mark visible, and printing repeats no tick."""

from __future__ import annotations

import pytest
from conftest import wait_for_charts
from test_pages import HANT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DRAWN = ["preview", "plotly"]


def show(page, site_server: str, path: str, drawn: str) -> None:
    """Open `path` with every chart drawn by the preview (plotly.js not run) or by plotly.js."""
    page.goto(site_server + path, wait_until="networkidle")
    if drawn == "plotly":
        wait_for_charts(page)
        page.mouse.move(0, 0)
        return
    for chart in page.locator(".report-chart").all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.report-chart')]"
        ".every(chart => chart.querySelector('.report-chart__preview'))"
    )
    assert page.evaluate("() => typeof window.Plotly") == "undefined"


# Per drawing, the screen boxes of: range boxes of moves, point marks (markers), and for each
# trace its bar outlines. Trace indexes follow the figure's data in both drawings.
MARKS = """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
    const figure = JSON.parse(chart.dataset.figure);
    const box = el => { const r = el.getBoundingClientRect();
        return {l: r.left, r: r.right, t: r.top, b: r.bottom, x: (r.left + r.right) / 2,
                y: (r.top + r.bottom) / 2}; };
    const traces = figure.data.map(() => ({bars: [], points: []}));
    if (drawn === 'preview') {
        chart.querySelectorAll('.report-chart__preview g[data-trace]').forEach(group => {
            const into = traces[+group.dataset.trace];
            group.querySelectorAll(':scope > path').forEach(path => {
                (group.classList.contains('report-chart__bars') ? into.bars : into.points)
                    .push({...box(path), stroke: getComputedStyle(path).stroke});
            });
        });
    } else {
        chart.querySelectorAll('g.trace').forEach(group => {
            const data = group.__data__ && group.__data__[0] && group.__data__[0].trace;
            if (!data) { return; }
            const into = traces[data.index];
            group.querySelectorAll('g.point path').forEach(path =>
                into.bars.push({...box(path), stroke: getComputedStyle(path).stroke}));
            group.querySelectorAll('path.point').forEach(path =>
                into.points.push({...box(path), stroke: getComputedStyle(path).stroke}));
        });
    }
    return {id: chart.closest('figure').id, meta: figure.data.map(t => t.meta || {}), traces};
})"""


def people_chart(page, drawn: str) -> dict:
    """The people chart's drawn marks (MARKS)."""
    (chart,) = [c for c in page.evaluate(MARKS, drawn) if c["id"] == "chart-people"]
    return chart


def range_boxes(chart: dict) -> list[dict[str, float]]:
    """Screen boxes of a chart's range marks (changes known only as a range)."""
    return [
        bar
        for meta, trace in zip(chart["meta"], chart["traces"], strict=True)
        if meta.get("move") == "range"
        for bar in trace["bars"]
    ]


def crossings(titles: list[dict], boxes: list[dict]) -> list[tuple[str, float]]:
    """(title, overlap) for each row title a box touches."""
    return [
        (title["text"], round(title["b"] - box["t"], 1))
        for title in titles
        for box in boxes
        if title["l"] < box["r"]
        and box["l"] < title["r"]
        and title["t"] < box["b"]
        and box["t"] < title["b"]
    ]


@pytest.mark.parametrize("drawn", DRAWN)
@pytest.mark.parametrize("path", ["people.html", f"{HANT}/people.html"])
def test_people_chart_draws_a_range_as_a_box_with_no_point_inside(
    context, site_server, path, drawn
):
    """张楠's change is known only as 2/9–2/25: a box over the whole range and no point mark
    inside it, so nothing reads as a date within it."""
    page = context.new_page()
    show(page, site_server, path, drawn)
    chart = people_chart(page, drawn)
    ranges = range_boxes(chart)
    points = [point for trace in chart["traces"] for point in trace["points"]]
    assert ranges, "the range-only change is drawn as a box"
    assert points, "the other changes are still drawn"
    for box in ranges:
        assert box["r"] - box["l"] > 40, ("a box, not a point", box)
        inside = [
            p
            for p in points
            if box["l"] + 2 < p["x"] < box["r"] - 2 and box["t"] < p["y"] < box["b"]
        ]
        assert inside == [], (path, drawn, box, inside)


ROW_TITLES = """(args) => {
    const [drawn, id] = args;
    const chart = document.querySelector(`#${id} .report-chart`);
    const figure = JSON.parse(chart.dataset.figure);
    const decode = text => {
        const area = document.createElement('textarea');
        area.innerHTML = text;
        return area.value;
    };
    const wanted = new Set((figure.layout.annotations || []).map(a => decode(a.text)));
    return [...chart.querySelectorAll(drawn === 'preview' ? 'text' : '.annotation-text')]
        .filter(t => wanted.has(t.textContent))
        .map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom};
        });
}"""


@pytest.mark.parametrize("drawn", DRAWN)
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["people.html", f"{HANT}/people.html"])
def test_people_range_boxes_leave_every_row_title_clear(browser, site_server, path, width, drawn):
    """A change known only as a range is framed on each role's own bar: the frame never runs
    through a row's title, on a phone or a desktop."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    show(page, site_server, path, drawn)
    boxes = range_boxes(people_chart(page, drawn))
    titles = page.evaluate(ROW_TITLES, [drawn, "chart-people"])
    assert boxes and len(titles) > 5, (boxes, titles)
    crossed = crossings(titles, boxes)
    assert crossed == [], (path, width, drawn, crossed)
    ctx.close()


def contrast(css: str, background: tuple[int, int, int]) -> float:
    """WCAG contrast of an `rgb(…)` colour against `background`."""
    channels = [int(float(c)) for c in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]

    def luminance(rgb: list[int] | tuple[int, int, int]) -> float:
        linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(channels), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("drawn", DRAWN)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_uncertain_role_stretches_stand_out_in_either_palette(browser, site_server, drawn, scheme):
    """The dotted "uncertain" stretches of the people chart keep an outline that stands out
    (3:1, as WCAG asks of graphics) against the page in the reader's palette."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    show(page, site_server, "people.html", drawn)
    background = page.evaluate(
        """() => getComputedStyle(document.body).backgroundColor
            .match(/\\d+/g).slice(0, 3).map(Number)"""
    )
    dark = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert dark == (scheme == "dark"), "the site follows the reader's palette"
    (chart,) = [c for c in page.evaluate(MARKS, drawn) if c["id"] == "chart-people"]
    outlines = [
        bar["stroke"]
        for meta, trace in zip(chart["meta"], chart["traces"], strict=True)
        if meta.get("part") == "uncertain"
        for bar in trace["bars"]
    ]
    assert outlines
    assert all(contrast(stroke, tuple(background)) >= 3 for stroke in outlines), (
        scheme,
        background,
        set(outlines),
    )
    ctx.close()


ROWS = """drawn => {
    // The preview's main plot area, from its clip rectangle (which reaches 20 px above it).
    const previewArea = chart => {
        const svg = chart.querySelector('.report-chart__preview').getBoundingClientRect();
        const clip = chart.querySelector('.report-chart__preview clipPath rect');
        const at = name => +clip.getAttribute(name);
        return {left: svg.left + at('x'), right: svg.left + at('x') + at('width'),
                top: svg.top + at('y') + 20, bottom: svg.top + at('y') + at('height')};
    };
    const chart = document.querySelector('#chart-timeline .report-chart');
    const figure = JSON.parse(chart.dataset.figure);
    const rows = figure.layout.annotations.filter(a => a.yref === 'y' && a.name !== 'edge');
    const area = drawn === 'preview' ? previewArea(chart)
        : chart.querySelector('.nsewdrag[data-subplot="xy"]').getBoundingClientRect();
    const marks = [...chart.querySelectorAll(drawn === 'preview'
        ? '.report-chart__preview g[data-trace] > path'
        : '.subplot.xy g.trace g.point path, .subplot.xy g.trace path.point')]
        .map(p => p.getBoundingClientRect())
        .filter(r => r.width > 0 && r.right > area.left + 1 && r.left < area.right - 1
                     && r.top >= area.top - 30 && r.bottom <= area.bottom + 1);
    const notes = [...chart.querySelectorAll(drawn === 'preview'
        ? '.report-chart__note--edge' : '.annotation-text')]
        .filter(t => /^←|→$/.test(t.textContent.trim()))
        .map(t => t.getBoundingClientRect());
    // A row: from its title down to the next row's title.
    const titles = [...chart.querySelectorAll(drawn === 'preview' ? 'text' : '.annotation-text')]
        .filter(t => rows.some(r => {
            const decode = document.createElement('textarea');
            decode.innerHTML = r.text;
            return decode.value === t.textContent;
        }))
        .map(t => t.getBoundingClientRect())
        .filter(r => r.top < area.bottom)
        .sort((a, b) => a.top - b.top);
    return titles.map((title, i) => {
        const low = title.top, high = i + 1 < titles.length ? titles[i + 1].top : area.bottom;
        const inRow = r => r.top + r.height / 2 > low && r.top + r.height / 2 < high;
        return {title: i, marks: marks.filter(inRow).length, notes: notes.filter(inRow).length};
    });
}"""


@pytest.mark.parametrize("drawn", DRAWN)
@pytest.mark.parametrize("path", ["timeline.html", f"{HANT}/timeline.html"])
def test_every_timeline_row_shows_something(context, site_server, path, drawn):
    """The timeline opens on its busiest month: a row whose event lies outside it is not blank,
    it shows "← 2023年" at the left edge (in the page's script)."""
    page = context.new_page()
    show(page, site_server, path, drawn)
    rows = page.evaluate(ROWS, drawn)
    assert len(rows) > 10
    blank = [row for row in rows if not row["marks"] and not row["notes"]]
    assert blank == [], (path, drawn, blank)
    assert any(row["notes"] for row in rows), "rows before the opened month say so"


SMALL_PRINT = """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
    const selector = drawn === 'preview'
        ? '.report-chart__subtitle, .report-chart__legend'
        : '.gtitle-subtitle, .legend text';
    return [...chart.querySelectorAll(selector)]
        .filter(t => t.textContent.trim())
        .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize)]);
})"""


@pytest.mark.parametrize("drawn", DRAWN)
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["people.html", f"{HANT}/timeline.html", "market.html"])
def test_chart_notes_and_legends_are_at_least_12px(browser, site_server, path, width, drawn):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = ctx.new_page()
    show(page, site_server, path, drawn)
    for texts in page.evaluate(SMALL_PRINT, drawn):
        assert texts, (path, drawn, "notes or legend drawn")
        small = [(text, size) for text, size in texts if size < 12]
        assert small == [], (path, width, drawn, small)
    ctx.close()


TICKS = """drawn => {
    const chart = document.querySelector('#chart-timeline .report-chart');
    const pick = selector => [...chart.querySelectorAll(selector)].map(t => t.textContent);
    return drawn === 'preview'
        ? {main: pick('.report-chart__tick--x'), top: pick('.report-chart__tick--x-top'),
           overview: pick('.report-chart__tick--x2')}
        : {main: pick('.xtick text'), top: pick('.x3tick text'), overview: pick('.x2tick text')};
}"""


@pytest.mark.parametrize("path", ["timeline.html", f"{HANT}/timeline.html"])
def test_timeline_ticks_do_not_change_when_plotly_takes_over(context, site_server, path):
    """The same date ticks above and below the rows, before and after plotly.js runs."""
    page = context.new_page()
    show(page, site_server, path, "preview")
    before = page.evaluate(TICKS, "preview")
    wait_for_charts(page)
    after = page.evaluate(TICKS, "plotly")
    assert before["main"] and before["overview"], before
    assert before == after
    assert before["top"] == before["main"], "dates above the rows as well"


@pytest.mark.parametrize("drawn", DRAWN)
def test_printed_timeline_repeats_no_year_and_drops_screen_hints(context, site_server, drawn):
    page = context.new_page()
    show(page, site_server, f"{HANT}/timeline.html", drawn)
    hint = page.locator(".report-chart__hint")
    assert hint.count() == 1 and hint.is_visible(), "on screen the hint is shown"
    page.emulate_media(media="print")
    page.wait_for_timeout(500)  # charts refit to the printed column
    assert hint.is_hidden()
    ticks = page.evaluate(TICKS, drawn)
    assert ticks["overview"] and len(ticks["overview"]) == len(set(ticks["overview"])), ticks
    shown = page.evaluate(
        "() => [...document.querySelectorAll('#chart-timeline svg text')].map(t => t.textContent)"
    )
    assert not any("拖動" in text or "拖动" in text for text in shown)


@pytest.mark.parametrize("drawn", DRAWN)
def test_a_lower_bound_is_drawn_past_its_value(context, site_server, drawn):
    """'超过60只' is not a bar ending at 60: a hatched stretch goes on past the 60 tick."""
    page = context.new_page()
    show(page, site_server, "market.html", drawn)
    (chart,) = [c for c in page.evaluate(MARKS, drawn) if c["id"] == "chart-market"]
    beyond = [
        bar
        for meta, trace in zip(chart["meta"], chart["traces"], strict=True)
        if meta.get("beyond")
        for bar in trace["bars"]
    ]
    sixty = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
            .filter(t => t.textContent === '60')
            .map(t => { const r = t.getBoundingClientRect(); return (r.left + r.right) / 2; })""",
        "#chart-market .report-chart__tick" if drawn == "preview" else "#chart-market .xtick text",
    )
    assert len(beyond) == 1 and len(sixty) == 1, (beyond, sixty)
    assert beyond[0]["l"] == pytest.approx(sixty[0], abs=2), "starts at the bound"
    assert beyond[0]["r"] > sixty[0] + 20, "and goes on past it"


LEGEND_ROWS = """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
    const top = chart.getBoundingClientRect().top;
    const texts = [...chart.querySelectorAll(drawn === 'preview'
        ? '.report-chart__legend' : '.legend .traces text')];
    const rows = new Set(texts.filter(t => t.textContent.trim())
        .map(t => Math.round((t.getBoundingClientRect().top - top) / 10)));
    return {id: chart.closest('figure').id, items: texts.length, rows: rows.size};
})"""


@pytest.mark.parametrize("width", [390, 430, 460, 600, 700, 1280])
@pytest.mark.parametrize("path", ["people.html", f"{HANT}/timeline.html", "products.html"])
def test_legends_keep_their_rows_when_plotly_takes_over(browser, site_server, path, width):
    """The light preview lays a legend out as plotly.js does (one row when everything fits,
    else columns as wide as the widest item), so the chart does not reflow when it is reached."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    show(page, site_server, path, "preview")
    before = page.evaluate(LEGEND_ROWS, "preview")
    show(page, site_server, path, "plotly")
    after = page.evaluate(LEGEND_ROWS, "plotly")
    assert [chart["rows"] for chart in before] == [chart["rows"] for chart in after], (
        path,
        width,
        before,
        after,
    )
    assert any(chart["items"] for chart in after)
    ctx.close()


def test_a_short_people_chart_keeps_its_row_titles_clear_on_a_phone(browser, site_server):
    """A report with few moves (three rows) drawn by plotly.js at 390 px: the legend stacks one
    entry a row, and the range boxes still leave every row title clear."""
    from test_charts import as_dict, context, real_base

    from generator.site import charts

    base = real_base()
    few = [person for person in base.people if person.id in ("zhang-nan", "han-shangyou")]
    figure = as_dict(charts.people_figure(context(base.model_copy(update={"people": few}))))
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(site_server + "people.html", wait_until="networkidle")
    page.evaluate(
        "figure => { document.querySelector('#chart-people .report-chart')"
        ".dataset.figure = JSON.stringify(figure); }",
        figure,
    )
    wait_for_charts(page)
    page.mouse.move(0, 0)
    boxes = range_boxes(people_chart(page, "plotly"))
    titles = page.evaluate(ROW_TITLES, ["plotly", "chart-people"])
    assert boxes and len(titles) == 3, (boxes, titles)
    assert crossings(titles, boxes) == []
    ctx.close()
