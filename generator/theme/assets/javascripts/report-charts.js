/* Draws every chart of the page from its data-figure attribute, in the reader's palette. */
(function () {
  "use strict";

  function palette() {
    var styles = getComputedStyle(document.body);
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return {
      text: styles.getPropertyValue("--md-default-fg-color").trim() || (dark ? "#e2e4e9" : "#222"),
      grid: dark ? "rgba(255,255,255,0.14)" : "rgba(0,0,0,0.10)",
      hover: dark ? "#2e303e" : "#ffffff",
      background: "rgba(0,0,0,0)"
    };
  }

  function layoutFor(figure) {
    var colors = palette();
    var layout = Object.assign({}, figure.layout || {});
    layout.paper_bgcolor = colors.background;
    layout.plot_bgcolor = colors.background;
    layout.font = Object.assign({}, layout.font || {}, { color: colors.text });
    layout.hoverlabel = Object.assign({}, layout.hoverlabel || {}, {
      bgcolor: colors.hover, bordercolor: colors.grid, font: { color: colors.text }
    });
    Object.keys(layout).concat(["xaxis", "yaxis"]).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        layout[key] = Object.assign({}, layout[key] || {}, {
          gridcolor: colors.grid, zerolinecolor: colors.grid, linecolor: colors.grid
        });
      }
    });
    return layout;
  }

  // plotly.js's tool-bar titles and notices in the page's script (see chart_embed.PLOTLY_WORDS).
  function registerWords() {
    var holder = document.getElementById("report-plotly-words");
    var name = "report-" + (document.documentElement.lang || "zh");
    if (holder && !registerWords[name]) {
      window.Plotly.register({
        moduleType: "locale",
        name: name,
        dictionary: JSON.parse(holder.getAttribute("data-words") || "{}")
      });
      registerWords[name] = true;
    }
    return holder ? name : "en";
  }

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    element.classList.add("report-chart--drawn");
    return window.Plotly.react(element, figure.data || [], layoutFor(figure), {
      locale: registerWords(),
      responsive: true,
      displaylogo: false,
      // sendChartToCloud (plotly.js 3) would upload the chart to an outside service.
      modeBarButtonsToRemove: ["sendDataToCloud", "sendChartToCloud", "lasso2d", "select2d"]
    });
  }

  function drawAll() {
    if (!window.Plotly) { return; }
    document.querySelectorAll(".report-chart[data-figure]").forEach(function (element) {
      try { draw(element); } catch (error) { element.textContent = ""; console.error(error); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  // Material's instant navigation swaps the page without reloading scripts.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(drawAll); }
  // Redraw in the new palette when the reader toggles light/dark.
  new MutationObserver(drawAll).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
