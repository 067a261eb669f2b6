// Explainer preview: reload the page when a rebuild completes; show build errors as an overlay.
(function () {
  "use strict";
  var key = "explainer-preview-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  function overlay(problems) {
    var box = document.getElementById("explainer-preview-errors");
    if (!problems.length) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "explainer-preview-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0b0b;color:#ffe5e5;font:14px/1.5 ui-monospace,monospace;padding:16px 20px;" +
        "border-top:4px solid #e5484d;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "Build failed — the preview shows the last good build.\n\n" + problems.join("\n\n");
  }
  var source = new EventSource("/__explainer/events");
  source.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  source.addEventListener("failure", function (event) {
    try { overlay(JSON.parse(event.data)); } catch (e) { overlay([String(event.data)]); }
  });
})();
