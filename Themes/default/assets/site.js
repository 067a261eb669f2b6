// Explainer pages: copy a question's link, and open a <details> card a link points to.
// Everything works without this script: copy links are plain anchors, cards open by hand.
(function () {
  "use strict";

  var status = null;
  function announce(message) {
    if (!status) {
      status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = message;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-copy-link]") : null;
    if (!link || !navigator.clipboard || !window.isSecureContext) return;
    event.preventDefault();
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () {
      link.classList.add("copied");
      announce("Link copied");
      window.setTimeout(function () { link.classList.remove("copied"); }, 2000);
    }, function () {
      window.location.hash = link.hash;
    });
  });

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Print every answer, open or not.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) { details.open = true; });
  });
})();
