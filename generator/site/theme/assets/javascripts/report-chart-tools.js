/* Passing a chart on. The tool bar saves it as PNG or SVG, named after the chart, with its title,
   source line and the site address drawn in (only into the image: the page's chart is untouched);
   each chart's embed box copies its <iframe> snippet. report-charts.js asks `configure` for the
   tool-bar settings when it draws a chart. */
(function () {
  "use strict";

  var BAND = 44;  // pixels added under the chart for the source line and the site address
  var INK = "#222222";
  var MUTED = "#555555";
  var GRID = "rgba(0,0,0,0.10)";

  function words() {
    var holder = document.getElementById("report-chart-export");
    try { return JSON.parse(holder ? holder.getAttribute("data-words") || "{}" : "{}"); }
    catch (error) { return {}; }
  }

  function details(gd) {
    var figure = gd.closest("figure");
    var data = figure ? figure.dataset : {};
    return {
      name: data.exportName || "chart",
      source: data.exportSource || "",
      site: data.exportSite || ""
    };
  }

  // The source line comes from the data: escaped, so plotly.js's pseudo-HTML opens no tag or link.
  function plain(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // Light colours whatever the reader's palette: an image is pasted onto white pages.
  function onPaper(layout) {
    layout.paper_bgcolor = "#ffffff";
    layout.plot_bgcolor = "#ffffff";
    layout.font = Object.assign({}, layout.font || {}, { color: INK });
    Object.keys(layout).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        layout[key] = Object.assign({}, layout[key], {
          gridcolor: GRID, zerolinecolor: GRID, linecolor: GRID
        });
        if (layout[key].rangeslider) {
          layout[key].rangeslider = Object.assign({}, layout[key].rangeslider, {
            bgcolor: "rgba(0,0,0,0.04)", bordercolor: GRID
          });
        }
      }
    });
    return layout;
  }

  // The drawn chart's layout, taller by BAND, with the source line and address in that band.
  function exportLayout(gd) {
    var full = gd._fullLayout;
    var size = full._size;
    var about = details(gd);
    var layout = onPaper(JSON.parse(JSON.stringify(gd.layout || {})));
    var height = full.height + BAND;
    layout.autosize = false;
    layout.width = full.width;
    layout.height = height;
    layout.margin = Object.assign({}, layout.margin || {}, { b: size.b + BAND });
    if (layout.legend && layout.legend.yref === "container") {
      layout.legend = Object.assign({}, layout.legend, { y: BAND / height });
    }
    var left = -(size.l - 8) / size.w;  // the container's left edge, in plot-area units
    function line(text, shift) {
      return {
        text: plain(text), showarrow: false, xref: "paper", yref: "paper", x: left, y: 0,
        xanchor: "left", yanchor: "top", yshift: shift, align: "left",
        font: { size: 11, color: MUTED }
      };
    }
    var notes = [line(about.source, -(size.b + 6))];
    if (about.site) { notes.push(line(about.site, -(size.b + 24))); }
    layout.annotations = (layout.annotations || []).concat(notes);
    return layout;
  }

  function save(gd, format) {
    var layout = exportLayout(gd);
    var figure = { data: gd.data, layout: layout, config: { displayModeBar: false } };
    return window.Plotly.downloadImage(figure, {
      format: format,
      filename: details(gd).name,
      width: layout.width,
      height: layout.height,
      scale: format === "png" ? 2 : 1
    }).catch(function (error) { console.error(error); });
  }

  // Settings report-charts.js merges into each chart's plotly.js config.
  function configure(element, config) {
    var titles = words();
    var icons = window.Plotly.Icons;
    return Object.assign({}, config, {
      modeBarButtonsToRemove: (config.modeBarButtonsToRemove || []).concat(["toImage"]),
      modeBarButtonsToAdd: [
        { name: "report-png", title: titles.png || "PNG", icon: icons.camera,
          click: function (gd) { save(gd, "png"); } },
        { name: "report-svg", title: titles.svg || "SVG", icon: icons.disk,
          click: function (gd) { save(gd, "svg"); } }
      ],
      toImageButtonOptions: { filename: details(element).name }
    });
  }

  // ---- copying an embed snippet -------------------------------------------------------------

  function tell(button, text) {
    var status = button.parentElement.querySelector(".report-chart-share__status");
    if (status) { status.textContent = text; }
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var text = field.value;
    function fallback() {
      field.focus();
      field.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      tell(button, button.getAttribute(done ? "data-copied" : "data-copy-failed"));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        tell(button, button.getAttribute("data-copied"));
      }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".report-chart-share__copy") : null;
    if (button) { copy(button); }
  });

  window.reportChartTools = { configure: configure, exportLayout: exportLayout };
})();
