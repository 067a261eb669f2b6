// The search page: loads search.json (every question and answer, written at build time) and
// searches it in the browser. Each hit links to its question's anchor. No request leaves the site.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;

  var root = form.getAttribute("data-root") || "";
  var entries = null;
  var limit = 50;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function terms(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (term) { return term.length > 0; });
  }

  // The answer cut around the first matching term.
  function snippet(answer, words) {
    var folded = fold(answer);
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = folded.indexOf(words[i]);
    if (answer.length <= 220) return answer;
    var start = Math.max(0, at - 80);
    var text = answer.slice(start, start + 220);
    return (start > 0 ? "…" : "") + text + (start + 220 < answer.length ? "…" : "");
  }

  // Appends `text` to `element`, wrapping the terms in <mark>; built with DOM nodes, never HTML.
  function highlight(element, text, words) {
    var folded = fold(text);
    var position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      for (var i = 0; i < words.length; i++) {
        var found = folded.indexOf(words[i], position);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = words[i].length; }
      }
      if (next < 0 || folded.length !== text.length) { element.appendChild(document.createTextNode(text.slice(position))); return; }
      element.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      position = next + length;
    }
  }

  function search(query) {
    var words = terms(query);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (words.length === 0) { status.textContent = ""; return; }
    var hits = [];
    entries.forEach(function (entry, index) {
      if (!words.every(function (word) { return entry.text.indexOf(word) >= 0; })) return;
      var score = words.filter(function (word) { return entry.question.indexOf(word) >= 0; }).length;
      hits.push({ entry: entry.source, score: score, index: index });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    hits.slice(0, limit).forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "search-hit";
      var heading = document.createElement("h2");
      heading.className = "search-hit-question";
      var link = document.createElement("a");
      link.href = root + hit.entry.url;
      highlight(link, hit.entry.question, words);
      heading.appendChild(link);
      var from = document.createElement("p");
      from.className = "search-hit-title";
      from.textContent = hit.entry.title;
      var answer = document.createElement("p");
      answer.className = "search-hit-answer";
      highlight(answer, snippet(hit.entry.answer, words), words);
      item.appendChild(heading);
      item.appendChild(from);
      item.appendChild(answer);
      list.appendChild(item);
    });
    var shown = Math.min(hits.length, limit);
    status.textContent = hits.length === 0
      ? "No question or answer matches “" + query.trim() + "”."
      : (hits.length === 1 ? "1 answer found" : hits.length + " answers found") + (shown < hits.length ? ", showing the first " + shown : "") + ".";
  }

  function remember(query) {
    try {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.href);
    } catch (error) { /* file: URLs may refuse; the search still works */ }
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = input.value ? "Loading the search index…" : "";

  fetch(form.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(function (data) {
      entries = data.map(function (entry) {
        return {
          source: entry,
          question: fold(entry.question),
          text: fold([entry.title, entry.question, entry.answer].concat(entry.tags || []).join(" "))
        };
      });
      search(input.value);
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded. The archive lists every explainer.";
    });

  input.addEventListener("input", function () {
    if (!entries) return;
    search(input.value);
    remember(input.value.trim());
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (entries) { search(input.value); remember(input.value.trim()); }
  });
})();
