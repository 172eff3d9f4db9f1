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
      if (e.excerpt) { item.appendChild(el("pre", e.excerpt, "margin:.5rem 0 0;padding:.5rem;background:#000;white-space:pre-wrap")); }
      overlay.appendChild(item);
    });
    var close = el("button", "Close", "font:inherit;padding:.3rem .8rem");
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
    close.focus();
  }

  // opengov check's findings on the build served show in a panel at the
  // bottom of the window: a button that says how many there are, which
  // opens the list. It never covers the page unless opened, and stays open
  // across reloads while the editor works through the list.
  var panel = null;
  var openKey = "opengov-check-open";
  function showFindings(found) {
    if (panel) { panel.remove(); panel = null; }
    if (!found || found.length === 0) { return; }
    var errors = found.filter(function (f) { return f.severity === "error"; }).length;
    var warnings = found.length - errors;
    var parts = [];
    if (errors) { parts.push(errors + (errors === 1 ? " error" : " errors")); }
    if (warnings) { parts.push(warnings + (warnings === 1 ? " warning" : " warnings")); }
    panel = el("section", "", "position:fixed;left:.5rem;bottom:.5rem;z-index:2147483646;max-width:min(46rem,calc(100vw - 1rem));background:#14141c;color:#fff;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border-radius:6px;box-shadow:0 2px 10px rgba(0,0,0,.4)");
    panel.id = "opengov-check";
    panel.setAttribute("aria-label", "opengov check");
    var open = sessionStorage.getItem(openKey) === "1";
    var toggle = el("button", "opengov check: " + parts.join(", ") + (open ? " ▾" : " ▸"), "font:inherit;color:inherit;background:none;border:0;padding:.5rem .75rem;cursor:pointer");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.setAttribute("aria-controls", "opengov-check-list");
    var list = el("ol", "", "margin:0;padding:0 .75rem .75rem 2rem;max-height:40vh;overflow:auto");
    list.id = "opengov-check-list";
    list.hidden = !open;
    found.forEach(function (f) {
      var item = el("li", "", "margin:.5rem 0");
      item.appendChild(el("div", f.pos + ": " + f.severity, f.severity === "error" ? "color:#ff8f8f" : "color:#ffd23f"));
      item.appendChild(el("div", f.message));
      if (f.hint) { item.appendChild(el("div", "→ " + f.hint, "color:#ffd23f")); }
      if (f.excerpt) { item.appendChild(el("pre", f.excerpt, "margin:.25rem 0 0;padding:.25rem;background:#000;white-space:pre-wrap")); }
      list.appendChild(item);
    });
    toggle.addEventListener("click", function () {
      var nowOpen = list.hidden;
      list.hidden = !nowOpen;
      toggle.setAttribute("aria-expanded", nowOpen ? "true" : "false");
      toggle.textContent = toggle.textContent.slice(0, -2) + (nowOpen ? " ▾" : " ▸");
      sessionStorage.setItem(openKey, nowOpen ? "1" : "0");
    });
    panel.appendChild(toggle);
    panel.appendChild(list);
    document.body.appendChild(panel);
  }

  // The server renders the page a tab shows before the rest of a build.
  var source = new EventSource("/__livereload?page=" + encodeURIComponent(location.pathname));
  source.onmessage = function (event) {
    var msg = JSON.parse(event.data);
    switch (msg.type) {
      case "reload": reload(); break;
      case "css": hide(); swapStyles(msg.css || {}); break;
      case "error": show(msg.errors || []); break;
      case "warnings": showFindings(msg.warnings); break;
      case "ok":
        hide();
        if (version !== null && String(msg.version) !== version) { reload(); break; }
        showFindings(msg.warnings);
        break;
    }
  };
})();
