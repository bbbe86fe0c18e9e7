// Similar questions while typing: the ask form's title and body are sent, after a pause, to the
// portal's search; the results replace the region's list. Without JavaScript the form's
// « Chercher des questions proches » button does the same through a normal submission.
(function () {
  "use strict";
  var form = document.querySelector("form[data-similar-url]");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-similar-url");
  var results = form.querySelector("[data-similar-results]");
  var sources = form.querySelectorAll("[data-similar-source]");
  var timer = null;
  var last = "";
  // Stale answers are ignored rather than aborted: cutting a request off mid-way gains nothing.
  var latest = 0;

  function text() {
    var parts = [];
    sources.forEach(function (field) { parts.push(field.value); });
    return parts.join(" ").trim();
  }

  function render(items) {
    results.textContent = "";
    if (!items.length) {
      var none = document.createElement("p");
      none.textContent = results.getAttribute("data-none") || "Aucune question proche pour l'instant.";
      results.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    list.className = "link-list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      var meta = document.createElement("span");
      meta.className = "file-meta";
      meta.textContent = " (" + item.status + ", " + item.season + ")";
      li.appendChild(link);
      li.appendChild(meta);
      list.appendChild(li);
    });
    results.appendChild(list);
  }

  function lookUp() {
    var query = text();
    if (query.length < 3 || query === last) { return; }
    last = query;
    latest += 1;
    var mine = latest;
    fetch(url + "?q=" + encodeURIComponent(query.slice(0, 2000)), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : { results: [] };
    }).then(function (data) {
      if (mine === latest) { render(data.results || []); }
    }).catch(function () {});
  }

  sources.forEach(function (field) {
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 400);
    });
  });
})();
