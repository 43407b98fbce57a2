// The raadsmededeling editor: the whole text is one autosave unit (static/js/autosave.js,
// the module the verkenning and the minutes use), plus a live preview per section rendered
// by the server with the same Markdown and sanitiser as the PDF.
(function () {
  "use strict";
  var form = document.getElementById("mededeling-form");
  var statusEl = document.getElementById("opslag-status");
  if (!form || !statusEl || !window.PortaalAutosave) { return; }
  // {field name: heading}, in document order (json_script in the page).
  var labels = JSON.parse(document.getElementById("mededeling-velden").textContent);
  var fields = Object.keys(labels);
  var previewUrl = form.getAttribute("data-voorbeeld");
  var versionInput = form.querySelector("[name=revisie]");

  function read() {
    var velden = {};
    fields.forEach(function (name) { velden[name] = form.elements[name].value; });
    return { velden: velden };
  }
  // The text as last saved or loaded: a conflict shows what each side changed since.
  var base = read().velden;

  window.PortaalAutosave.create(statusEl, [{
    el: form,
    url: form.action,
    key: "raadsmededeling:" + statusEl.getAttribute("data-gebruiker") + ":" + form.getAttribute("data-mededeling"),
    read: read,
    write: function (value) {
      fields.forEach(function (name) {
        if (value.velden && name in value.velden) {
          form.elements[name].value = value.velden[name];
          form.elements[name].dispatchEvent(new Event("autosave:set"));
        }
      });
    },
    same: function (a, b) {
      return fields.every(function (n) { return ((a.velden || {})[n] || "") === ((b.velden || {})[n] || ""); });
    },
    version: function () { return parseInt(versionInput.value, 10) || 0; },
    setVersion: function (n) { versionInput.value = String(n); },
    body: function () { return new FormData(form); },
    conflict: document.getElementById("conflict"),
    describe: function (value) {
      var parts = [];
      fields.forEach(function (name) {
        var text = (value.velden || {})[name] || "";
        if (text !== (base[name] || "")) { parts.push(labels[name] + ":\n" + text); }
      });
      return parts.join("\n\n");
    },
    saved: function (data) { if (data.velden) { base = data.velden; } }
  }]);
  form.addEventListener("submit", function (event) { event.preventDefault(); form.dispatchEvent(new Event("focusout")); });

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
