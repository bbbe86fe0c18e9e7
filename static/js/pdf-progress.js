// Follows a PDF build: updates the progress bar and the live status line, then offers the file.
(function () {
  "use strict";
  var root = document.querySelector("[data-pdf-status-url]");
  if (!root) { return; }
  var bar = root.querySelector("progress");
  var label = root.querySelector("[data-pdf-label]");
  var download = root.querySelector("[data-pdf-download]");
  var lastStatus = null;

  function poll() {
    fetch(root.getAttribute("data-pdf-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        bar.value = state.progress;
        bar.textContent = state.progress + " %";
        if (state.status !== lastStatus) {
          // Only announce changes of state, not every percentage, to keep screen readers calm.
          label.textContent = root.getAttribute("data-text-" + state.status) || state.label;
          lastStatus = state.status;
        }
        if (state.status === "ready") {
          download.textContent = root.getAttribute("data-text-download");
          download.focus();
        } else if (state.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 800);
})();
