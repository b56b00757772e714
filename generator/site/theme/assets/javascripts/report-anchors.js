/* Language selector: keep the reader's section when switching edition.
 * Each edition writes heading anchors in its own script; a selector link carries, in
 * data-anchors, this page's anchors mapped to the other edition's (percent-encoded). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[data-anchors]");
    if (!link || !window.location.hash) return;
    var here = decodeURIComponent(window.location.hash.slice(1));
    var there = encodeURIComponent(here);
    try {
      var anchors = JSON.parse(link.getAttribute("data-anchors") || "{}");
      Object.keys(anchors).forEach(function (key) {
        if (decodeURIComponent(key) === here) there = anchors[key];
      });
    } catch (error) {
      /* a page without a map keeps the anchor as it is */
    }
    link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#" + there);
  });
})();
