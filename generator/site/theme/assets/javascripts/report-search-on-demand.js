/* Search on demand: Material's search worker, its language scripts and the search index download
   when a reader reaches for search, not with every page (the index alone outweighs the rest of a
   text page). Material's bundle creates the worker and requests the index as it starts, so this
   script runs before it and holds both until then. Everything else about search is Material's. */
(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  const held = [];
  let wanted = false;

  const path = (url) => new URL(String(url), location.href).pathname;
  const once = (start) => (wanted ? start() : held.push(start));
  const want = () => {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach((start) => start());
  };

  // The worker: a stand-in that queues messages until the real one starts.
  const RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function Worker(url, options) {
      if (!WORKER.test(path(url))) return new RealWorker(url, options);
      const stand = new EventTarget();
      const queue = [];
      let real = null;
      stand.postMessage = (message) => (real ? real.postMessage(message) : queue.push(message));
      stand.terminate = () => (real ? real.terminate() : (queue.length = 0));
      once(() => {
        real = new RealWorker(url, options);
        real.addEventListener("message", (event) =>
          stand.dispatchEvent(new MessageEvent("message", { data: event.data })),
        );
        real.addEventListener("error", () => stand.dispatchEvent(new Event("error")));
        queue.splice(0).forEach((message) => real.postMessage(message));
      });
      return stand;
    };
  }

  // The index: Material asks for it with XMLHttpRequest; its send waits.
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const heldRequests = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(path(url))) heldRequests.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!heldRequests.has(this)) return send.call(this, body);
    once(() => send.call(this, body));
  };

  // A reader reaching for search: focus in the box (a click, a tap or a keyboard shortcut), the
  // search toggle, or a pointer over the search button (the download starts while the hand moves).
  // Arriving from a search result (?h=…) or a shared search (?q=…) needs the index at once.
  const params = new URLSearchParams(location.search);
  if (params.has("h") || params.has("q")) want();
  const isSearch = (target) =>
    target instanceof Element &&
    Boolean(target.closest('[data-md-component="search-query"], label[for="__search"]'));
  document.addEventListener("focusin", (event) => isSearch(event.target) && want());
  document.addEventListener("pointerover", (event) => isSearch(event.target) && want(), {
    passive: true,
  });
  document.addEventListener("change", (event) => event.target.id === "__search" && want());

  // Material searches on key release. Text that arrives without one — pasted, dictated, or
  // committed by a phone's Chinese keyboard, which often sends no usable key events — would sit
  // in the box unsearched; its input event stands in for the key release.
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || event.isComposing) return;
    if (box.matches('[data-md-component="search-query"]')) {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  });
})();
