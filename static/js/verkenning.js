// Autosave for the verkenning: never lose an answer (the engine is static/js/autosave.js).
//
// Each question is its own form and unit: its text, choices, "skip" and tip are saved
// together, with the answer's version. After a save the part's progress is updated.
(function () {
  "use strict";
  var statusEl = document.getElementById("opslag-status");
  if (!statusEl || !window.PortaalAutosave) { return; }
  var verkenningId = statusEl.getAttribute("data-verkenning");
  // Keyed per user, so a colleague on the same computer never gets someone else's draft.
  var userId = statusEl.getAttribute("data-gebruiker");
  var leeg = statusEl.getAttribute("data-tekst-leeg") || "";

  function readValue(form) {
    var tekst = "";
    var field = form.querySelector("[name=tekst]:not([type=radio])");
    if (field) { tekst = field.value; }
    var radio = form.querySelector("input[type=radio][name=tekst]:checked");
    if (radio) { tekst = radio.value; }
    var keuzes = Array.prototype.map.call(form.querySelectorAll("input[name=keuzes]:checked"), function (el) { return el.value; });
    return {
      tekst: tekst,
      keuzes: keuzes,
      overgeslagen: form.querySelector("[name=overgeslagen]").checked,
      tip: form.querySelector("[name=tip]").value
    };
  }

  function toggleTip(form) {
    var tip = form.querySelector(".tipveld");
    if (tip) { tip.hidden = !form.querySelector("[name=overgeslagen]").checked; }
  }

  function writeValue(form, value) {
    var field = form.querySelector("[name=tekst]:not([type=radio])");
    if (field) { field.value = value.tekst || ""; }
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio][name=tekst]"), function (el) { el.checked = el.value === value.tekst; });
    Array.prototype.forEach.call(form.querySelectorAll("input[name=keuzes]"), function (el) { el.checked = (value.keuzes || []).indexOf(el.value) !== -1; });
    form.querySelector("[name=overgeslagen]").checked = !!value.overgeslagen;
    form.querySelector("[name=tip]").value = value.tip || "";
    toggleTip(form);
  }

  function same(a, b) {
    return a.tekst === b.tekst && a.overgeslagen === b.overgeslagen && a.tip === b.tip &&
      JSON.stringify(a.keuzes || []) === JSON.stringify(b.keuzes || []);
  }

  function describe(value) {
    var parts = [];
    if (value.tekst) { parts.push(value.tekst); }
    if (value.keuzes && value.keuzes.length) { parts.push(value.keuzes.join(", ")); }
    if (value.overgeslagen) { parts.push("[" + value.tip + "]"); }
    return parts.join("\n") || leeg;
  }

  function updateProgress(data) {
    if (!data || !data.voortgang) { return; }
    var li = document.querySelector("[data-voortgang='" + data.deel + "']");
    if (!li) { return; }
    var v = data.voortgang;
    var bar = li.querySelector("progress");
    bar.max = v.totaal;
    bar.value = v.beantwoord + v.overgeslagen;
    li.querySelector(".n-beantwoord").textContent = v.beantwoord;
    li.querySelector(".n-overgeslagen").textContent = v.overgeslagen;
    li.querySelector(".n-open").textContent = v.open;
  }

  var forms = Array.prototype.slice.call(document.querySelectorAll("form.antwoord-form"));
  var units = forms.map(function (form) {
    toggleTip(form);
    var versie = form.querySelector("[name=versie]");
    return {
      el: form,
      url: form.action,
      key: "verkenning:" + userId + ":" + verkenningId + ":" + form.getAttribute("data-vraag"),
      read: function () { return readValue(form); },
      write: function (value) { writeValue(form, value); },
      same: same,
      version: function () { return parseInt(versie.value, 10) || 0; },
      setVersion: function (v) { versie.value = String(v); },
      body: function () { return new FormData(form); },
      status: form.querySelector(".vraag-status"),
      conflict: form.querySelector(".conflict"),
      describe: describe,
      saved: updateProgress,
      changed: function () { toggleTip(form); }
    };
  });
  var engine = window.PortaalAutosave.create(statusEl, units);
  units.forEach(function (unit) {
    unit.el.addEventListener("submit", function (event) { event.preventDefault(); engine.save(unit); });
  });
})();
