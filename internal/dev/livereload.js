// opengov live reload. The development server injects this script into
// every page it serves; a build into public/ never contains it.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") : null;
  var scrollKey = "opengov-scroll:" + location.pathname;

  // A reload keeps the scroll position.
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var restore = function () { window.scrollTo(0, parseInt(saved, 10) || 0); };
    if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
  }
  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  // A stylesheet-only change swaps the stylesheets in place.
  function swapStyles(map) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var to = map[new URL(link.href, location.href).pathname];
      if (!to) { continue; }
      var fresh = link.cloneNode();
      fresh.href = to;
      fresh.addEventListener("load", (function (old) { return function () { old.remove(); }; })(link));
      link.after(fresh);
    }
  }

  // Build errors show in an overlay until the next good build.
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    // Through the CSSOM, which the pages' Content-Security-Policy
    // (style-src 'self') allows; a style attribute it would block.
    if (style) { e.style.cssText = style; }
    return e;
  }
  function show(errors) {
    hide();
    overlay = el("div", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#14141c;color:#fff;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "opengov-overlay-title");
    overlay.id = "opengov-overlay";
    var title = el("h2", "The site has " + errors.length + (errors.length === 1 ? " error" : " errors") + "; showing the last good build", "color:#ff8f8f;font-size:1.3rem;margin:0 0 1rem");
    title.id = "opengov-overlay-title";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var item = el("div", "", "margin:0 0 1.25rem;padding:0 0 1.25rem;border-bottom:1px solid #555");
      item.appendChild(el("div", e.pos, "color:#9cd3ff;font-weight:bold"));
      item.appendChild(el("div", e.message));
      if (e.hint) { item.appendChild(el("div", "→ " + e.hint, "color:#ffd23f")); }
      if (e.source) { item.appendChild(el("pre", e.source, "margin:.5rem 0 0;padding:.5rem;background:#000;white-space:pre-wrap")); }
      overlay.appendChild(item);
    });
    var close = el("button", "Close", "font:inherit;padding:.3rem .8rem");
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
    close.focus();
  }

  var source = new EventSource("/__livereload");
  source.onmessage = function (event) {
    var msg = JSON.parse(event.data);
    switch (msg.type) {
      case "reload": reload(); break;
      case "css": hide(); swapStyles(msg.css || {}); break;
      case "error": show(msg.errors || []); break;
      case "ok":
        hide();
        if (version !== null && String(msg.version) !== version) { reload(); }
        break;
    }
  };
})();
