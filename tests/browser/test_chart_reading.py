"""Charts read honestly and legibly, the same in the light preview and in plotly.js: a date known
only as a range is never drawn as a day, no row is blank, small print is readable, dark mode
keeps every mark visible, and printing repeats no tick.

Each page is opened once: the preview is measured at every width (it redraws for its box's
width), then plotly.js takes over and is measured at every width (it lays the chart out again
for the window), and every check is made on what that visit measured; a failure names the
page, width, drawing and check."""

from __future__ import annotations

import contextlib

import pytest
from conftest import wait_for_charts, wait_for_previews
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from test_pages import HANT
from test_print import wait_for_paper_width

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DRAWN = ["preview", "plotly"]
HEIGHT = 900
DESKTOP = 1280
LEGEND_WIDTHS = [390, 430, 460, 600, 700, DESKTOP]
# The widths each page is measured at, narrowest first (the desktop last: plotly.js takes over
# the preview there, then is measured back down to the narrowest).
WIDTHS = {
    "people.html": LEGEND_WIDTHS,
    f"{HANT}/people.html": [390, DESKTOP],
    "timeline.html": [DESKTOP],
    f"{HANT}/timeline.html": LEGEND_WIDTHS,
    "market.html": [390, DESKTOP],
    "products.html": LEGEND_WIDTHS,
}


def show_preview(page, site_server: str, path: str) -> None:
    """Open `path` with every chart drawn by the preview (plotly.js not run)."""
    page.goto(site_server + path, wait_until="load")
    wait_for_previews(page)
    assert page.evaluate("() => typeof window.Plotly") == "undefined"


def resize(page, width: int) -> None:
    """Make the window `width` wide and wait until every preview is drawn again for its box."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.wait_for_function(
        """() => [...document.querySelectorAll('.report-chart')].every(chart => {
            const svg = chart.querySelector('.report-chart__preview');
            const box = Math.max(Math.round(chart.getBoundingClientRect().width), 120);
            return svg && Math.abs(+svg.getAttribute('width') - box) <= 1;
        })"""
    )


def resize_plotly(page, width: int) -> None:
    """Make the window `width` wide and wait until plotly.js has laid every chart out again."""
    page.evaluate(
        """() => document.querySelectorAll('.report-chart').forEach(chart => {
            chart.__resized = false;
            if (!chart.__watched) {
                chart.__watched = true;
                chart.on('plotly_relayout', () => { chart.__resized = true; });
            }
        })"""
    )
    page.set_viewport_size({"width": width, "height": HEIGHT})
    page.wait_for_function(
        """() => [...document.querySelectorAll('.report-chart')].every(chart => {
            const svg = chart.querySelector('.main-svg');
            return chart.__resized
                && Math.abs(+svg.getAttribute('width') - chart.getBoundingClientRect().width) <= 1;
        })"""
    )


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


def chart_with_id(marks: list[dict], chart_id: str) -> dict:
    """The drawn marks (MARKS) of the chart `chart_id`."""
    (chart,) = [c for c in marks if c["id"] == chart_id]
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


def contrast(css: str, background: tuple[int, int, int]) -> float:
    """WCAG contrast of an `rgb(…)` colour against `background`."""
    channels = [int(float(c)) for c in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]

    def luminance(rgb: list[int] | tuple[int, int, int]) -> float:
        linear = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(channels), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


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


SMALL_PRINT = """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
    const selector = drawn === 'preview'
        ? '.report-chart__subtitle, .report-chart__legend'
        : '.gtitle-subtitle, .legend text';
    return [...chart.querySelectorAll(selector)]
        .filter(t => t.textContent.trim())
        .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize)]);
})"""


TICKS = """drawn => {
    const chart = document.querySelector('#chart-timeline .report-chart');
    const pick = selector => [...chart.querySelectorAll(selector)].map(t => t.textContent);
    return drawn === 'preview'
        ? {main: pick('.report-chart__tick--x'), top: pick('.report-chart__tick--x-top'),
           overview: pick('.report-chart__tick--x2')}
        : {main: pick('.xtick text'), top: pick('.x3tick text'), overview: pick('.x2tick text')};
}"""


LEGEND_ROWS = """drawn => [...document.querySelectorAll('.report-chart')].map(chart => {
    const top = chart.getBoundingClientRect().top;
    const texts = [...chart.querySelectorAll(drawn === 'preview'
        ? '.report-chart__legend' : '.legend .traces text')];
    const rows = new Set(texts.filter(t => t.textContent.trim())
        .map(t => Math.round((t.getBoundingClientRect().top - top) / 10)));
    return {id: chart.closest('figure').id, items: texts.length, rows: rows.size};
})"""

# Screen x of the middle of each "60" tick label of the market chart.
SIXTY = """selector => [...document.querySelectorAll(selector)]
    .filter(t => t.textContent === '60')
    .map(t => { const r = t.getBoundingClientRect(); return (r.left + r.right) / 2; })"""


def measure(page, drawn: str) -> dict:
    """What the checks read off the page as it is drawn now."""
    has = page.evaluate(
        "() => ({people: !!document.querySelector('#chart-people .report-chart'),"
        " timeline: !!document.querySelector('#chart-timeline .report-chart'),"
        " market: !!document.querySelector('#chart-market .report-chart')})"
    )
    found = {
        "marks": page.evaluate(MARKS, drawn),
        "small": page.evaluate(SMALL_PRINT, drawn),
        "legend": page.evaluate(LEGEND_ROWS, drawn),
    }
    if has["people"]:
        found["titles"] = page.evaluate(ROW_TITLES, [drawn, "chart-people"])
    if has["timeline"]:
        found["rows"] = page.evaluate(ROWS, drawn)
        found["ticks"] = page.evaluate(TICKS, drawn)
    if has["market"]:
        found["sixty"] = page.evaluate(
            SIXTY,
            "#chart-market .report-chart__tick"
            if drawn == "preview"
            else "#chart-market .xtick text",
        )
    return found


def measure_everywhere(browser, site_server: str, path: str) -> dict[tuple[int, str], dict]:
    """{(width, drawing): measurements} of `path` at each of its WIDTHS, in both drawings."""
    widths = WIDTHS[path]
    ctx = browser.new_context(viewport={"width": widths[0], "height": HEIGHT}, locale="zh-CN")
    ctx.set_default_timeout(20_000)
    try:
        page = ctx.new_page()
        show_preview(page, site_server, path)
        found = {}
        for width in widths:
            if width != widths[0]:
                resize(page, width)
            found[width, "preview"] = measure(page, "preview")
        wait_for_charts(page)
        page.mouse.move(0, 0)
        found[widths[-1], "plotly"] = measure(page, "plotly")
        for width in reversed(widths[:-1]):
            resize_plotly(page, width)
            found[width, "plotly"] = measure(page, "plotly")
        return found
    finally:
        ctx.close()


def range_problems(found: dict) -> list[str]:
    """张楠's change is known only as 2/9–2/25: a box over the whole range and no point mark
    inside it, so nothing reads as a date within it."""
    chart = chart_with_id(found["marks"], "chart-people")
    ranges = range_boxes(chart)
    points = [point for trace in chart["traces"] for point in trace["points"]]
    problems = []
    if not ranges:
        problems.append("range: the range-only change is not drawn as a box")
    if not points:
        problems.append("range: the other changes are not drawn")
    for box in ranges:
        if not box["r"] - box["l"] > 40:
            problems.append(f"range: a point, not a box: {box}")
        inside = [
            p
            for p in points
            if box["l"] + 2 < p["x"] < box["r"] - 2 and box["t"] < p["y"] < box["b"]
        ]
        if inside:
            problems.append(f"range: points inside the box {box}: {inside}")
    return problems


def row_title_problems(found: dict) -> list[str]:
    """A change known only as a range is framed on each role's own bar: the frame never runs
    through a row's title, on a phone or a desktop."""
    boxes = range_boxes(chart_with_id(found["marks"], "chart-people"))
    titles = found["titles"]
    if not (boxes and len(titles) > 5):
        return [f"row titles: range boxes or row titles missing: {boxes}, {titles}"]
    crossed = crossings(titles, boxes)
    return [f"row titles: crossed by a range box: {crossed}"] if crossed else []


def timeline_row_problems(found: dict) -> list[str]:
    """The timeline opens on its busiest month: a row whose event lies outside it is not blank,
    it shows "← 2023年" at the left edge (in the page's script)."""
    rows = found["rows"]
    if not len(rows) > 10:
        return [f"timeline rows: only {len(rows)} rows found"]
    problems = []
    blank = [row for row in rows if not row["marks"] and not row["notes"]]
    if blank:
        problems.append(f"timeline rows: blank rows {blank}")
    if not any(row["notes"] for row in rows):
        problems.append("timeline rows: no row before the opened month says so")
    return problems


def small_print_problems(found: dict) -> list[str]:
    """Chart notes and legends are at least 12 px."""
    problems = []
    for texts in found["small"]:
        if not texts:
            problems.append("small print: a chart draws no notes or legend")
        small = [(text, size) for text, size in texts if size < 12]
        if small:
            problems.append(f"small print: under 12px: {small}")
    return problems


def lower_bound_problems(found: dict) -> list[str]:
    """'超过60只' is not a bar ending at 60: a hatched stretch goes on past the 60 tick."""
    chart = chart_with_id(found["marks"], "chart-market")
    beyond = [
        bar
        for meta, trace in zip(chart["meta"], chart["traces"], strict=True)
        if meta.get("beyond")
        for bar in trace["bars"]
    ]
    sixty = found["sixty"]
    if not (len(beyond) == 1 and len(sixty) == 1):
        return [f"lower bound: not one stretch and one 60 tick: {beyond}, {sixty}"]
    problems = []
    if abs(beyond[0]["l"] - sixty[0]) > 2:
        problems.append(f"lower bound: starts at {beyond[0]['l']}, not at the bound {sixty[0]}")
    if not beyond[0]["r"] > sixty[0] + 20:
        problems.append(f"lower bound: ends at {beyond[0]['r']}, not past the bound {sixty[0]}")
    return problems


# Which check applies to which page, at which widths, in either drawing.
CHECKS = {
    "people.html": [(range_problems, [DESKTOP]), (row_title_problems, [390, DESKTOP])],
    f"{HANT}/people.html": [(range_problems, [DESKTOP]), (row_title_problems, [390, DESKTOP])],
    "timeline.html": [(timeline_row_problems, [DESKTOP])],
    f"{HANT}/timeline.html": [(timeline_row_problems, [DESKTOP])],
}
for _path in ("people.html", f"{HANT}/timeline.html", "market.html"):
    CHECKS.setdefault(_path, []).append((small_print_problems, [390, DESKTOP]))
CHECKS["market.html"].append((lower_bound_problems, [DESKTOP]))


@pytest.mark.parametrize("path", list(WIDTHS))
def test_charts_read_the_same_in_the_preview_and_in_plotly(browser, site_server, path):
    """Every check of CHECKS on each drawing at each width; and where both drawings are
    measured, they agree:

    - legends keep their rows when plotly.js takes over: the light preview lays a legend out as
      plotly.js does (one row when everything fits, else columns as wide as the widest item),
      so the chart does not reflow when it is reached;
    - the timeline's date ticks above and below the rows are the same before and after
      plotly.js runs.
    """
    found = measure_everywhere(browser, site_server, path)
    failures = []
    for check, widths in CHECKS.get(path, []):
        for width in widths:
            for drawn in DRAWN:
                failures += [f"{path}@{width} {drawn}: {p}" for p in check(found[width, drawn])]
    if path in ("people.html", f"{HANT}/timeline.html", "products.html"):
        for width in LEGEND_WIDTHS:
            before, after = found[width, "preview"]["legend"], found[width, "plotly"]["legend"]
            if [chart["rows"] for chart in before] != [chart["rows"] for chart in after]:
                failures.append(f"{path}@{width}: legend rows change: {before} -> {after}")
            if not any(chart["items"] for chart in after):
                failures.append(f"{path}@{width} plotly: legend: no legend items")
    if "ticks" in found[DESKTOP, "preview"]:
        before, after = found[DESKTOP, "preview"]["ticks"], found[DESKTOP, "plotly"]["ticks"]
        if not (before["main"] and before["overview"]):
            failures.append(f"{path}@{DESKTOP} preview: ticks: missing {before}")
        if before != after:
            failures.append(f"{path}@{DESKTOP}: ticks change: {before} -> {after}")
        if before["top"] != before["main"]:
            failures.append(f"{path}@{DESKTOP} preview: ticks: not the same above the rows")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_uncertain_role_stretches_stand_out_in_either_palette(browser, site_server, scheme):
    """The dotted "uncertain" stretches of the people chart keep an outline that stands out
    (3:1, as WCAG asks of graphics) against the page in the reader's palette, in the preview
    and once plotly.js has taken over."""
    ctx = browser.new_context(viewport={"width": DESKTOP, "height": HEIGHT}, color_scheme=scheme)
    page = ctx.new_page()
    show_preview(page, site_server, "people.html")
    background = page.evaluate(
        """() => getComputedStyle(document.body).backgroundColor
            .match(/\\d+/g).slice(0, 3).map(Number)"""
    )
    dark = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert dark == (scheme == "dark"), "the site follows the reader's palette"
    failures = []
    for drawn in DRAWN:
        if drawn == "plotly":
            wait_for_charts(page)
            page.mouse.move(0, 0)
        chart = chart_with_id(page.evaluate(MARKS, drawn), "chart-people")
        outlines = [
            bar["stroke"]
            for meta, trace in zip(chart["meta"], chart["traces"], strict=True)
            if meta.get("part") == "uncertain"
            for bar in trace["bars"]
        ]
        if not outlines:
            failures.append(f"{drawn}: no uncertain stretch drawn")
        faint = {stroke for stroke in outlines if contrast(stroke, tuple(background)) < 3}
        if faint:
            failures.append(f"{drawn}: outlines under 3:1 against {background}: {faint}")
    ctx.close()
    assert failures == [], (scheme, failures)


def test_printed_timeline_repeats_no_year_and_drops_screen_hints(print_context, site_server):
    """Printed as the preview drew it, then once plotly.js has taken over: the screen's hint is
    gone, the overview's years are not repeated, and no "drag" instruction is printed."""
    page = print_context.new_page()
    show_preview(page, site_server, f"{HANT}/timeline.html")
    hint = page.locator(".report-chart__hint")
    failures = []
    for drawn in DRAWN:
        if drawn == "plotly":
            page.emulate_media(media="screen")
            wait_for_charts(page)
            page.mouse.move(0, 0)
        if not (hint.count() == 1 and hint.is_visible()):
            failures.append(f"{drawn}: the hint is not shown on screen")
        page.emulate_media(media="print")
        wait_for_paper_width(page)
        if not hint.is_hidden():
            failures.append(f"{drawn}: the hint is printed")
        # The redrawing for paper may still be under way on a loaded machine: its years come last.
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(f"drawn => ({TICKS})(drawn).overview.length > 0", arg=drawn)
        ticks = page.evaluate(TICKS, drawn)
        if not (ticks["overview"] and len(ticks["overview"]) == len(set(ticks["overview"]))):
            failures.append(f"{drawn}: overview years missing or repeated: {ticks}")
        shown = page.evaluate(
            "() => [...document.querySelectorAll('#chart-timeline svg text')]"
            ".map(t => t.textContent)"
        )
        # The page is Traditional: Taiwan's vocabulary writes 拖動 as 拖曳.
        if any(word in text for text in shown for word in ("拖动", "拖動", "拖曳")):
            failures.append(f"{drawn}: a drag instruction is printed")
    assert failures == [], failures


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
    page.goto(site_server + "people.html", wait_until="load")
    page.evaluate(
        "figure => { document.querySelector('#chart-people .report-chart')"
        ".dataset.figure = JSON.stringify(figure); }",
        figure,
    )
    wait_for_charts(page)
    page.mouse.move(0, 0)
    boxes = range_boxes(chart_with_id(page.evaluate(MARKS, "plotly"), "chart-people"))
    titles = page.evaluate(ROW_TITLES, ["plotly", "chart-people"])
    assert boxes and len(titles) == 3, (boxes, titles)
    assert crossings(titles, boxes) == []
    ctx.close()
