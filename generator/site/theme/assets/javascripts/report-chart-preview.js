/* A light SVG drawing of a chart from its figure JSON, without plotly.js.

   It draws what the report's figures use (horizontal bars on a date or number axis, markers,
   row titles, a shaded range, title, notes and legend) at the box's current width, so the chart is
   there as soon as it nears the viewport, even on a slow phone. plotly.js replaces it when the
   reader reaches for the chart (hover, touch, focus) to give tooltips, zoom and the tool bar.
   Text is set with textContent only: figure text never becomes markup. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var MONTH = 30.44 * DAY;
  var YEAR = 365.25 * DAY;
  var SMALL = 12;  // notes and legend: never smaller (the figures ask for the same)
  var SMALL_LINE = 16;
  var ENTITIES = { "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'", "&#39;": "'", "&amp;": "&" };

  // Figure text is escaped pseudo-HTML for plotly.js: lines at <br>, tags dropped, entities decoded.
  function lines(text) {
    return String(text == null ? "" : text).split(/<br\s*\/?>/i).map(function (line) {
      return line.replace(/<[^>]*>/g, "").replace(/&(lt|gt|quot|#x27|#39|amp);/g, function (e) {
        return ENTITIES[e];
      });
    });
  }

  function textWidth(text, size) {
    var width = 0;
    for (var i = 0; i < text.length; i++) {
      width += text.charCodeAt(i) > 0x2e80 ? size : size * 0.58;
    }
    return width;
  }

  function node(parent, name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text != null) { element.textContent = text; }
    parent.appendChild(element);
    return element;
  }

  function label(parent, x, y, text, size, color, anchor, className) {
    var parts = lines(text);
    var element = node(parent, "text", {
      x: x, y: y, "font-size": size, fill: color, "text-anchor": anchor || "start"
    });
    if (className) { element.setAttribute("class", className); }
    parts.forEach(function (part, index) {
      node(element, "tspan", { x: x, dy: index ? size * 1.25 : 0 }, part);
    });
    return element;
  }

  function toMs(value) {
    if (typeof value === "number") { return value; }
    var text = String(value).trim().replace(" ", "T");
    return Date.parse(text.length <= 10 ? text + "T00:00:00Z" : text + "Z");
  }

  function list(value, count, fallback) {
    var out = [];
    for (var i = 0; i < count; i++) {
      out.push(Array.isArray(value) ? value[i] : value == null ? fallback : value);
    }
    return out;
  }

  // --- ticks ----------------------------------------------------------------------------------

  var DATE_STEPS = [
    [DAY, "d", 1], [2 * DAY, "d", 2], [7 * DAY, "d", 7], [14 * DAY, "d", 14],
    [MONTH, "m", 1], [2 * MONTH, "m", 2], [3 * MONTH, "m", 3], [6 * MONTH, "m", 6],
    [YEAR, "y", 1], [2 * YEAR, "y", 2], [5 * YEAR, "y", 5]
  ];

  function dateTicks(low, high, room) {
    var step = DATE_STEPS[DATE_STEPS.length - 1];
    for (var i = 0; i < DATE_STEPS.length; i++) {
      if ((high - low) / DATE_STEPS[i][0] <= room) { step = DATE_STEPS[i]; break; }
    }
    var ticks = [];
    var start = new Date(low);
    if (step[1] === "d") {
      // As plotly.js does: weekly ticks on Sundays (2000-01-02 was one).
      var origin = Date.UTC(2000, 0, step[2] % 7 ? 1 : 2);
      for (var t = origin + Math.ceil((low - origin) / step[0]) * step[0]; t <= high; t += step[0]) {
        ticks.push(t);
      }
    } else {
      var year = start.getUTCFullYear();
      for (var m = 0; m < 12 * 200; m++) {
        var at = Date.UTC(year, m, 1);
        var when = new Date(at);
        if (at > high) { break; }
        var every = step[1] === "m" ? when.getUTCMonth() % step[2] === 0
          : when.getUTCMonth() === 0 && when.getUTCFullYear() % step[2] === 0;
        if (every && at >= low) { ticks.push(at); }
      }
    }
    return { values: ticks, dtick: step[0] };
  }

  function dateFormat(axis, dtick) {
    if (axis.tickformat) { return axis.tickformat; }
    var chosen = "%Y";
    (axis.tickformatstops || []).forEach(function (stop) {
      var range = stop.dtickrange || [];
      if ((range[0] == null || dtick >= range[0]) && (range[1] == null || dtick < range[1])) {
        chosen = stop.value;
      }
    });
    return chosen;
  }

  function formatDate(ms, format) {
    var day = new Date(ms);
    return format
      .replace("%Y", String(day.getUTCFullYear()))
      .replace("%-m", String(day.getUTCMonth() + 1))
      .replace("%-d", String(day.getUTCDate()));
  }

  function numberTicks(low, high, room) {
    var raw = (high - low) / Math.max(room, 1);
    var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var step = [1, 2, 5, 10].map(function (f) { return f * power; })
      .filter(function (s) { return s >= raw; })[0] || 10 * power;
    var ticks = [];
    for (var t = Math.ceil(low / step) * step; t <= high + 1e-9; t += step) { ticks.push(t); }
    return ticks;
  }

  // --- the drawing ----------------------------------------------------------------------------

  function axisOf(layout, name) { return layout[name] || {}; }

  // Whether another axis repeats axis `id` ("x", "x2") on top of the plot.
  function topAxis(layout, id) {
    return Object.keys(layout).some(function (key) {
      var axis = layout[key];
      return /^xaxis\d*$/.test(key) && axis && axis.side === "top" && axis.overlaying === id;
    });
  }

  function xValues(trace) {
    var count = (trace.x || []).length;
    var bases = list(trace.base, count, 0);
    return (trace.x || []).map(function (x, i) {
      if (trace.type !== "bar") { return [toMs(x), toMs(x)]; }
      var start = typeof bases[i] === "string" ? toMs(bases[i]) : bases[i] || 0;
      return [start, start + Number(x)];
    });
  }

  function xRange(axis, traces) {
    if (axis.range) { return [toMs(axis.range[0]), toMs(axis.range[1])]; }
    var high = 0;
    traces.forEach(function (trace) {
      xValues(trace).forEach(function (pair) { high = Math.max(high, pair[1]); });
    });
    return [0, high * 1.05 || 1];
  }

  function yRange(axis, traces) {
    if (axis.range) { return [axis.range[0], axis.range[1]]; }
    var ys = [];
    traces.forEach(function (trace) { ys = ys.concat(trace.y || []); });
    (axis.tickvals || []).forEach(function (v) { ys.push(v); });
    var low = Math.min.apply(null, ys) - 0.5;
    var high = Math.max.apply(null, ys) + 0.5;
    return axis.autorange === "reversed" ? [high, low] : [low, high];
  }

  function markerPath(symbol, size) {
    var r = size / 2;
    if (String(symbol).indexOf("triangle-left") === 0) {
      return "M" + -r + ",0L" + r / 2 + "," + -r + "L" + r / 2 + "," + r + "Z";
    }
    if (symbol === "square") {
      return "M" + r + "," + r + "H" + -r + "V" + -r + "H" + r + "Z";
    }
    var d = r * 1.3;  // plotly.js draws its diamond a little larger than the nominal size
    return "M" + d + ",0L0," + d + "L" + -d + ",0L0," + -d + "Z";
  }

  // A bar's fill pattern as plotly.js draws it ("." dots, "/" hatching), over the bar's colour.
  function patternFill(defs, marker, id) {
    var shape = marker.pattern.shape;
    var size = marker.pattern.size || 8;
    var solidity = marker.pattern.solidity == null ? 0.3 : marker.pattern.solidity;
    var fg = marker.pattern.fgcolor || (marker.line || {}).color || "#5c6bc0";
    var side = shape === "/" ? size * Math.SQRT2 : size;
    var pattern = node(defs, "pattern", {
      id: id, width: side, height: side, patternUnits: "userSpaceOnUse"
    });
    if (marker.color) { node(pattern, "rect", { width: side, height: side, fill: marker.color }); }
    if (shape === "/") {
      node(pattern, "path", {
        d: "M" + -side / 4 + "," + side / 4 + "l" + side / 2 + "," + -side / 2 + "M0," + side + "L" +
          side + ",0M" + side * 3 / 4 + "," + side * 5 / 4 + "l" + side / 2 + "," + -side / 2,
        stroke: fg, "stroke-width": solidity * size
      });
    } else {
      var r = solidity < Math.PI / 4 ? Math.sqrt(solidity * size * size / Math.PI) : size / 2;
      node(pattern, "circle", { cx: size / 2, cy: size / 2, r: r, fill: fg });
    }
    return "url(#" + id + ")";
  }

  function legendItems(figure) {
    var layout = figure.layout || {};
    var traces = figure.data || [];
    var shown = traces.filter(function (t) { return t.showlegend !== false && t.name; });
    if (layout.showlegend === false || (layout.showlegend !== true && shown.length < 2)) {
      return [];
    }
    return shown;
  }

  // As plotly.js lays out a horizontal legend, so it does not move when plotly.js takes the
  // chart over: each item is its text plus 45 px; rows are as wide as the plot area; items of
  // grouped legends, or of a legend that fits in one row, keep their own widths, else every
  // item is as wide as the widest.
  var LEGEND_ITEM = 45;
  var LEGEND_GAP = 5;

  function legendRooms(items, maxWidth) {
    var rooms = items.map(function (item) {
      return textWidth(lines(item.name).join(" "), SMALL) + LEGEND_ITEM;
    });
    var total = rooms.reduce(function (sum, room) { return sum + room; }, 0);
    var grouped = items.some(function (item) { return item.legendgroup; });
    if (grouped || total < maxWidth) { return rooms; }
    var widest = Math.max.apply(null, rooms);
    return rooms.map(function () { return widest; });
  }

  // The offset of each item in its row, and its row.
  function legendPlaces(items, maxWidth) {
    var row = 0;
    var offset = 0;
    return legendRooms(items, maxWidth).map(function (room) {
      if (offset > 0 && offset + room - LEGEND_GAP >= maxWidth) { row += 1; offset = 0; }
      var place = { x: offset, row: row };
      offset += room;
      return place;
    });
  }

  function legendRows(items, maxWidth) {
    var places = legendPlaces(items, maxWidth);
    return places.length ? places[places.length - 1].row + 1 : 0;
  }

  // `knownWidth`: the box's width as an observer reported it (measuring here would force a layout).
  function draw(element, figure, colors, chartId, knownWidth) {
    var layout = figure.layout || {};
    var traces = figure.data || [];
    var width = Math.max(knownWidth || element.getBoundingClientRect().width, 120);
    var height = layout.height || 450;
    var margin = layout.margin || {};
    var title = layout.title || {};
    var subtitle = (title.subtitle && title.subtitle.text) ? lines(title.subtitle.text) : [];
    var fontSize = (layout.font && layout.font.size) || 12;
    var items = legendItems(figure);
    var xaxis = axisOf(layout, "xaxis");
    var yaxis = axisOf(layout, "yaxis");
    var xTitle = xaxis.title && xaxis.title.text;

    var top = margin.t || 40;
    var bottom = margin.b || 8;
    var left = margin.l || 8;
    var right = margin.r || 12;
    if (title.automargin !== false) {
      top = Math.max(top, 8 + 22 + subtitle.length * SMALL_LINE + 10);
    }
    if (yaxis.showticklabels !== false && yaxis.ticktext) {
      var widest = 0;
      yaxis.ticktext.forEach(function (text) {
        lines(text).forEach(function (line) { widest = Math.max(widest, textWidth(line, fontSize)); });
      });
      left += Math.min(widest, width * 0.45) + 6;
    }
    var legendWidth = Math.max(width - left - right, 60);
    var legendHeight = items.length ? legendRows(items, legendWidth) * 20 + 4 : 0;
    if (xaxis.automargin !== false) {
      bottom = Math.max(bottom, legendHeight + 22 + (xTitle ? 20 : 0) + 4);
    }
    var plot = { x0: left, x1: width - right, y0: top, y1: height - bottom };

    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "report-chart__preview");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("font-family", (layout.font && layout.font.family) || "sans-serif");
    var defs = node(svg, "defs", {});

    // One x/y pair per subplot ("" for the main one, "2" for the overview).
    var subplots = {};
    traces.forEach(function (trace) {
      var key = (trace.xaxis || "x").slice(1) + "|" + (trace.yaxis || "y").slice(1);
      (subplots[key] = subplots[key] || []).push(trace);
    });
    var scales = {};
    Object.keys(subplots).forEach(function (key, index) {
      var names = key.split("|");
      var xa = axisOf(layout, "xaxis" + names[0]);
      var ya = axisOf(layout, "yaxis" + names[1]);
      var domain = ya.domain || [0, 1];
      var box = {
        x0: plot.x0, x1: plot.x1,
        y0: plot.y1 - domain[1] * (plot.y1 - plot.y0),
        y1: plot.y1 - domain[0] * (plot.y1 - plot.y0)
      };
      var xr = xRange(xa, subplots[key]);
      var yr = yRange(ya, subplots[key]);
      var scale = {
        box: box,
        x: function (v) { return box.x0 + (v - xr[0]) / (xr[1] - xr[0]) * (box.x1 - box.x0); },
        y: function (v) { return box.y1 - (v - yr[0]) / (yr[1] - yr[0]) * (box.y1 - box.y0); },
        ppu: Math.abs((box.y1 - box.y0) / (yr[1] - yr[0])),
        clip: chartId + "-clip-" + index
      };
      scales[key] = scale;
      var clip = node(defs, "clipPath", { id: scale.clip });
      node(clip, "rect", { x: box.x0, y: box.y0 - 20, width: box.x1 - box.x0, height: box.y1 - box.y0 + 20 });

      // An axis repeating another on top is drawn with that one (see topAxis).
      if (xa.overlaying) { return; }
      // Grid lines and tick labels under the subplot.
      var grid = node(svg, "g", { stroke: colors.grid, "stroke-width": 1 });
      var tickRoom = Math.max(2, Math.floor((box.x1 - box.x0) / 78));
      var ticks;
      var texts = [];
      if (xa.tickmode === "array" && xa.tickvals) {
        // The figure's own ticks, as plotly.js draws them.
        ticks = xa.tickvals.map(toMs);
        texts = (xa.ticktext || xa.tickvals).map(function (t) { return lines(t).join(" "); });
      } else if (xa.type === "date") {
        var found = dateTicks(xr[0], xr[1], tickRoom);
        var format = dateFormat(xa, found.dtick);
        ticks = found.values;
        texts = ticks.map(function (t) { return formatDate(t, format); });
      } else {
        ticks = numberTicks(xr[0], xr[1], tickRoom);
        texts = ticks.map(function (t) { return String(Math.round(t * 100) / 100); });
      }
      ticks.forEach(function (t, i) {
        var x = scale.x(t);
        if (xa.showgrid !== false) {
          node(grid, "line", { x1: x, x2: x, y1: box.y0, y2: box.y1 });
        }
        // A label that would stick out of the chart is left off, as plotly.js does.
        var half = textWidth(texts[i], fontSize) / 2;
        if (x >= box.x0 - 1 && x <= box.x1 + 1 && x - half >= 0 && x + half <= width) {
          var tickClass = "report-chart__tick report-chart__tick--x" + names[0];
          label(svg, x, box.y1 + 16, texts[i], fontSize, colors.text, "middle", tickClass);
          // The same dates above the rows, where the figure asks for an axis on top.
          if (topAxis(layout, "x" + names[0])) {
            label(svg, x, box.y0 - 8, texts[i], fontSize, colors.text, "middle", tickClass + "-top");
          }
        }
      });
      if (xa.title && xa.title.text) {
        label(svg, (box.x0 + box.x1) / 2, box.y1 + 36, xa.title.text, fontSize, colors.text, "middle");
      }
      if (ya.showticklabels !== false && ya.ticktext && ya.visible !== false) {
        ya.ticktext.forEach(function (text, i) {
          var count = lines(text).length;
          label(svg, box.x0 - 6, scale.y(ya.tickvals[i]) + 4 - (count - 1) * fontSize * 0.62,
                text, fontSize, colors.text, "end");
        });
      }
    });

    // Shaded ranges (the overview's window).
    (layout.shapes || []).forEach(function (shape) {
      var scale = scales[(shape.xref || "x").slice(1) + "|" + (shape.yref || "y").split(" ")[0].slice(1)];
      if (!scale || shape.type !== "rect") { return; }
      var x0 = scale.x(toMs(shape.x0));
      var x1 = scale.x(toMs(shape.x1));
      node(svg, "rect", {
        x: Math.min(x0, x1), y: scale.box.y0, width: Math.abs(x1 - x0), height: scale.box.y1 - scale.box.y0,
        fill: shape.fillcolor || "none", stroke: (shape.line && shape.line.color) || "none"
      });
    });

    traces.forEach(function (trace, index) {
      var scale = scales[(trace.xaxis || "x").slice(1) + "|" + (trace.yaxis || "y").slice(1)];
      var marker = trace.marker || {};
      var line = marker.line || {};
      var group = node(svg, "g", {
        "clip-path": "url(#" + scale.clip + ")",
        "class": trace.type === "bar" ? "report-chart__bars" : "report-chart__markers",
        "data-trace": index
      });
      if (marker.opacity != null) { group.setAttribute("opacity", marker.opacity); }
      var spans = xValues(trace);
      var count = spans.length;
      if (trace.type === "bar") {
        var fill = marker.color || "#5c6bc0";
        if (marker.pattern && marker.pattern.shape) {
          fill = patternFill(defs, marker, chartId + "-pattern-" + index);
        }
        var widths = list(trace.width, count, 1 - (layout.bargap == null ? 0.2 : layout.bargap));
        var labels = list(trace.text, count, "");
        spans.forEach(function (pair, i) {
          if (trace.x[i] == null || trace.y[i] == null) { return; }  // a legend entry only
          var x0 = scale.x(pair[0]);
          var x1 = scale.x(pair[1]);
          var thick = Math.max(widths[i] * scale.ppu, 1);
          var y = scale.y(trace.y[i]) - thick / 2;
          node(group, "path", {
            d: "M" + x0 + "," + y + "H" + x1 + "V" + (y + thick) + "H" + x0 + "Z",
            fill: fill,
            stroke: line.width ? line.color || fill : "none",
            "stroke-width": line.width || 0
          });
          var text = lines(labels[i]).join(" ");
          if (!text) { return; }
          var room = Math.abs(x1 - x0) - 8;
          var size2 = Math.min(fontSize, thick * 0.8);
          var inside = textWidth(text, size2) <= room;
          var ink = (trace.textfont && trace.textfont.color) || (inside ? "#fff" : colors.text);
          if (inside && trace.insidetextanchor === "end") {
            label(group, Math.max(x0, x1) - 4, y + thick / 2 + size2 * 0.36, text, size2, ink, "end");
          } else if (inside || trace.textposition !== "inside") {
            label(group, inside ? Math.min(x0, x1) + 4 : Math.max(x0, x1) + 4,
                  y + thick / 2 + size2 * 0.36, text, size2, ink);
          }
        });
      } else {
        var symbols = list(marker.symbol, count, "circle");
        var sizes = list(marker.size, count, 6);
        spans.forEach(function (pair, i) {
          if (trace.x[i] == null || trace.y[i] == null) { return; }
          var open = String(symbols[i]).indexOf("-open") > 0;
          node(group, "path", {
            d: markerPath(symbols[i], sizes[i]),
            transform: "translate(" + scale.x(pair[0]) + "," + scale.y(trace.y[i]) + ")",
            fill: open ? "none" : marker.color || "#5c6bc0",
            stroke: open ? marker.color : line.width ? line.color : "none",
            "stroke-width": open ? line.width || 2 : line.width || 0
          });
        });
      }
    });

    // Row titles (the timeline's event names above their marks).
    (layout.annotations || []).forEach(function (note) {
      var axis = String(note.yref || "y").split(" ");
      var scale = scales[Object.keys(scales).filter(function (key) {
        return key.split("|")[1] === axis[0].slice(1);
      })[0]];
      if (!scale || !/^(paper|x)$/.test(note.xref || "x")) { return; }
      var x = note.xref === "paper" ? scale.box.x0 + (note.x || 0) * (scale.box.x1 - scale.box.x0)
        : scale.x(toMs(note.x));
      var y = axis[1] === "domain"
        ? scale.box.y1 - (note.y || 0) * (scale.box.y1 - scale.box.y0) : scale.y(note.y);
      var size = (note.font && note.font.size) || fontSize;
      var anchor = { right: "end", center: "middle" }[note.xanchor] || "start";
      var shift = note.yanchor === "middle" ? -size * 0.36 : 3;
      label(svg, x, y - (note.yshift || 0) - shift, note.text, size, colors.text, anchor,
            note.name ? "report-chart__note--" + note.name : null);
    });

    // Title, notes and legend.
    var pad = title.pad || {};
    label(svg, (pad.l || 0) + 0, (pad.t || 0) + 17, title.text || "", Math.round(fontSize * 1.4), colors.text);
    var small = (title.subtitle && title.subtitle.font && title.subtitle.font.size) || SMALL;
    subtitle.forEach(function (text, i) {
      label(svg, pad.l || 0, (pad.t || 0) + 38 + i * SMALL_LINE, text, small, colors.text, "start",
            "report-chart__subtitle");
    });
    var legend = layout.legend || {};
    var legendTitle = legend.title && legend.title.text ? lines(legend.title.text).join(" ") : "";
    // A legend the figure puts at the top sits where its `y` says; else along the bottom.
    var firstRow = legend.yanchor === "top" && legend.y > 0.5
      ? (1 - legend.y) * height + 13 : height - legendHeight - 6 + 20;
    var start = 8;
    if (legendTitle && items.length) {
      label(svg, start, firstRow + 3, legendTitle, SMALL, colors.text, "start", "report-chart__legend");
      start += textWidth(legendTitle, SMALL) + 8;
    }
    var places = legendPlaces(items, legendWidth);
    items.forEach(function (item, index) {
      var name = lines(item.name).join(" ");
      var x = start + places[index].x;
      var y = firstRow + places[index].row * 20;
      var marker = item.marker || {};
      if (item.type === "bar") {
        var line = marker.line || {};
        node(svg, "rect", {
          x: x, y: y - 6, width: 18, height: 10,
          fill: marker.pattern && marker.pattern.shape
            ? patternFill(defs, marker, chartId + "-legend-" + items.indexOf(item))
            : marker.color || "#5c6bc0",
          stroke: line.width ? line.color || "none" : "none",
          "stroke-width": line.width || 0,
          opacity: marker.opacity == null ? 1 : marker.opacity
        });
      } else {
        var symbol = Array.isArray(marker.symbol) ? marker.symbol[0] : marker.symbol;
        var open = String(symbol).indexOf("-open") > 0;
        node(svg, "path", {
          d: markerPath(symbol || "circle", 10), transform: "translate(" + (x + 9) + "," + (y - 1) + ")",
          fill: open ? "none" : marker.color, stroke: marker.color, "stroke-width": open ? 2 : 0
        });
      }
      label(svg, x + 24, y + 3, name, SMALL, colors.text, "start", "report-chart__legend");
    });

    element.querySelectorAll(".report-chart__preview").forEach(function (old) { old.remove(); });
    element.appendChild(svg);
    return svg;
  }

  window.reportChartPreview = { draw: draw };
})();
