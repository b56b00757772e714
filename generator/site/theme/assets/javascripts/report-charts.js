/* Draws every chart of the page from its data-figure attribute, in the reader's palette.
   When a chart comes near the viewport it is drawn at once by report-chart-preview.js (light SVG,
   no plotly.js) and plotly.js (data-plotly on this script's tag) starts downloading; plotly.js is
   run, and takes the chart over with tooltips, zoom and its tool bar, when the reader reaches for
   the chart (pointer, touch, keyboard focus). Starting plotly.js and drawing with it blocks a
   slow phone for seconds, so a reader who only reads never pays for it. The box keeps its final
   height throughout, so nothing moves. */
(function () {
  "use strict";

  var self = document.currentScript;
  // Absolute now: the page URL changes under instant navigation, the script's own URL does not.
  var plotlyUrl = self ? new URL(self.getAttribute("data-plotly"), self.src).href : null;
  // plotly.js's own locale for the edition's script (data-plotly-locale), vendored beside it.
  var localeFile = self && self.getAttribute("data-plotly-locale");
  var localeUrl = localeFile ? new URL(localeFile, self.src).href : null;
  var loading = null;

  function palette() {
    var styles = getComputedStyle(document.body);
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return {
      text: styles.getPropertyValue("--md-default-fg-color").trim() || (dark ? "#e2e4e9" : "#222"),
      grid: dark ? "rgba(255,255,255,0.14)" : "rgba(0,0,0,0.10)",
      hover: dark ? "#2e303e" : "#ffffff",
      slider: dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.04)",
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
        var axis = Object.assign({}, layout[key] || {}, {
          gridcolor: colors.grid, zerolinecolor: colors.grid, linecolor: colors.grid
        });
        if (axis.rangeslider) {
          axis.rangeslider = Object.assign({}, axis.rangeslider, {
            bgcolor: colors.slider, bordercolor: colors.grid
          });
        }
        layout[key] = axis;
      }
    });
    return layout;
  }

  // After the page's own load: plotly.js never competes with the text, styles and fonts.
  function pageLoaded() {
    if (document.readyState === "complete") { return Promise.resolve(); }
    return new Promise(function (resolve) { window.addEventListener("load", resolve, { once: true }); });
  }

  function loadScript(url, what) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      tag.async = true;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error(what + " did not load from " + url)); };
      document.head.appendChild(tag);
    });
  }

  // plotly.js, then its locale (which registers itself with plotly.js): no chart is drawn before
  // both are there, so none speaks English.
  function loadPlotly() {
    if (!loading) {
      loading = (window.Plotly ? Promise.resolve() : pageLoaded().then(function () {
        return loadScript(plotlyUrl, "plotly.js");
      })).then(function () {
        return localeUrl ? loadScript(localeUrl, "plotly.js's locale") : null;
      }).then(function () { return window.Plotly; });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // The locale plotly.js speaks on this page, and the few words its locale lacks (see
  // chart_embed.PLOTLY_WORDS), which plotly.js looks up before its own.
  function localeConfig() {
    var holder = document.getElementById("report-plotly-words");
    if (!holder) { return { locale: "en" }; }
    var name = holder.getAttribute("data-locale") || "en";
    var locales = {};
    locales[name] = { dictionary: JSON.parse(holder.getAttribute("data-words") || "{}") };
    return { locale: name, locales: locales };
  }

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    element.querySelectorAll(".report-chart__waiting, .report-chart__preview").forEach(function (old) {
      old.remove();
    });
    element.classList.remove("report-chart--preview");
    element.classList.add("report-chart--drawn");
    var config = Object.assign(localeConfig(), {
      responsive: true,
      displaylogo: false,
      // sendChartToCloud (plotly.js 3) would upload the chart to an outside service.
      modeBarButtonsToRemove: ["sendDataToCloud", "sendChartToCloud", "lasso2d", "select2d"]
    });
    // Image export and embedding (report-chart-tools.js), where the page loads them.
    if (window.reportChartTools) { config = window.reportChartTools.configure(element, config); }
    return window.Plotly.react(element, figure.data || [], layoutFor(figure), config).then(function () {
      freeTicksOnZoom(element);
    });
  }

  // A figure's date ticks are fixed (the preview draws the same ones, so nothing moves when
  // plotly.js takes over); once the reader moves or zooms an axis, plotly.js picks ticks again.
  function freeTicksOnZoom(element) {
    if (element.hasAttribute("data-free-ticks") || !element.on) { return; }
    element.setAttribute("data-free-ticks", "");
    element.on("plotly_relayout", function (change) {
      var free = {};
      Object.keys(change).forEach(function (key) {
        var axis = /^(xaxis\d*)\.(range|autorange)/.exec(key);
        if (!axis) { return; }
        Object.keys(element.layout).forEach(function (name) {
          var other = element.layout[name];
          var related = name === axis[1] || (other && other.matches === axis[1].replace("axis", ""));
          if (related && /^xaxis\d*$/.test(name) && other.tickmode === "array") {
            free[name + ".tickmode"] = "auto";
          }
        });
      });
      if (Object.keys(free).length) { window.Plotly.relayout(element, free); }
    });
  }

  function drawSafely(element) {
    try { draw(element); } catch (error) { console.error(error); }
  }

  function takeOver(element) {
    if (element.classList.contains("report-chart--drawn")) { return; }
    loadPlotly().then(function () { drawSafely(element); }, function (error) {
      console.error(error);
    });
  }

  function preview(element, width) {
    if (element.classList.contains("report-chart--drawn") || !window.reportChartPreview) { return; }
    try {
      window.reportChartPreview.draw(
        element, JSON.parse(element.getAttribute("data-figure")), palette(),
        element.closest("figure") ? element.closest("figure").id : "chart", width
      );
      element.querySelectorAll(".report-chart__waiting").forEach(function (waiting) {
        waiting.remove();
      });
      element.classList.add("report-chart--preview");
    } catch (error) { console.error(error); }
  }

  // Downloads plotly.js into the cache without running it, so taking over is quick.
  function prefetchPlotly() {
    if (window.Plotly || prefetchPlotly.done || !plotlyUrl) { return; }
    prefetchPlotly.done = true;
    pageLoaded().then(function () {
      var hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.as = "script";
      hint.href = plotlyUrl;
      document.head.appendChild(hint);
    });
  }

  var REACH = ["pointerenter", "touchstart", "focusin", "click"];

  function whenNear(element, width) {
    // A page without the preview script (or a figure it cannot read) gets plotly.js right away.
    if (!window.reportChartPreview) { takeOver(element); return; }
    preview(element, width);
    if (!element.classList.contains("report-chart--preview")) { takeOver(element); return; }
    prefetchPlotly();
  }

  function whenReached(element) {
    function reach() {
      REACH.forEach(function (type) { element.removeEventListener(type, reach); });
      takeOver(element);
    }
    REACH.forEach(function (type) { element.addEventListener(type, reach, { passive: true }); });
  }

  // Generous margin: the preview is drawn and plotly.js fetched while the reader is a screen away.
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        whenNear(entry.target, entry.boundingClientRect.width);
      }
    });
  }, { rootMargin: "600px 0px 600px 0px" }) : null;

  function watchAll() {
    document.querySelectorAll(".report-chart[data-figure]").forEach(function (element) {
      if (element.hasAttribute("data-watched")) { return; }
      element.setAttribute("data-watched", "");
      // Focusable, so a keyboard reader can reach for the chart too.
      if (!element.hasAttribute("tabindex")) { element.setAttribute("tabindex", "0"); }
      if (observer) { observer.observe(element); } else { whenNear(element); }
      if (resized) { resized.observe(element); }
      whenReached(element);
    });
  }

  function redrawDrawn() {
    document.querySelectorAll(".report-chart--preview").forEach(function (chart) { preview(chart); });
    if (!window.Plotly) { return; }
    document.querySelectorAll(".report-chart--drawn").forEach(drawSafely);
  }

  // A preview is drawn for the box's width: draw it again when the width changes.
  var widths = new WeakMap();
  var resized = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var width = Math.round(entry.contentRect.width);
      if (widths.get(entry.target) !== undefined && widths.get(entry.target) !== width &&
          entry.target.classList.contains("report-chart--preview")) {
        preview(entry.target, width);
      }
      widths.set(entry.target, width);
    });
  }) : null;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchAll);
  } else {
    watchAll();
  }
  // Material's instant navigation swaps the page without reloading scripts.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(watchAll); }
  // Redraw in the new palette when the reader toggles light/dark.
  new MutationObserver(redrawDrawn).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    // Paper is narrower than most screens: when the print layout applies, give each drawn chart the
  // printed column's width (its height stays); draw it afresh for the screen afterwards.
  function fitToPaper(change) {
    document.querySelectorAll(".report-chart--preview").forEach(function (chart) { preview(chart); });
    if (!window.Plotly) { return; }
    if (!change.matches) { redrawDrawn(); return; }
    document.querySelectorAll(".report-chart--drawn").forEach(function (element) {
      var width = element.parentElement.getBoundingClientRect().width;
      try { window.Plotly.relayout(element, { width: width }); } catch (error) { console.error(error); }
    });
  }
  window.matchMedia("print").addEventListener("change", fitToPaper);
})();
