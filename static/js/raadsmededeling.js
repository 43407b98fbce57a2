// The raadsmededeling editor: autosave (static/js/autosave.js) and a live preview per
// section, rendered by the server with the same Markdown and sanitiser as the PDF.
(function () {
  "use strict";
  var form = document.getElementById("mededeling-form");
  var statusEl = document.getElementById("opslag-status");
  if (!form || !statusEl || !window.PortaalAutosave) { return; }
  // {field name: heading}, in document order (json_script in the page).
  var labels = JSON.parse(document.getElementById("mededeling-velden").textContent);
  var fields = Object.keys(labels);
  var previewUrl = form.getAttribute("data-voorbeeld");

  window.PortaalAutosave.attach(form, {
    status: statusEl,
    key: "raadsmededeling:" + statusEl.getAttribute("data-gebruiker") + ":" + form.getAttribute("data-mededeling"),
    versionField: "revisie",
    fields: fields,
    labels: labels,
    conflictBox: document.getElementById("conflict")
  });

  function csrf() { return form.querySelector("input[name=csrfmiddlewaretoken]").value; }

  Array.prototype.forEach.call(form.querySelectorAll("textarea.markdown-bron"), function (area) {
    var target = document.getElementById("voorbeeld-" + area.name);
    if (!target) { return; }
    var timer = null;
    var asked = 0;
    function refresh() {
      var body = new FormData();
      body.append("tekst", area.value);
      body.append("csrfmiddlewaretoken", csrf());
      var mine = ++asked;
      fetch(previewUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
        .then(function (html) {
          // Sanitised on the server (nh3 allowlist): the same HTML the PDF renders.
          if (mine === asked) { target.innerHTML = html; }
        })
        .catch(function () { /* the preview is a convenience; the text itself is saved elsewhere */ });
    }
    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 400); });
    area.addEventListener("autosave:set", refresh);
  });
})();
