// Meeting minutes: each agenda item's notes (and the general notes) save as they are
// typed, with the engine in static/js/autosave.js. The page's own buttons ("Verslag
// opslaan", "Besluit vastleggen", "Actiepunt toevoegen") post every text first, so
// going on to another form never leaves text behind, with or without JavaScript.
(function () {
  "use strict";
  var statusEl = document.getElementById("opslag-status");
  var form = document.getElementById("verslag-form");
  if (!statusEl || !form || !window.PortaalAutosave) { return; }
  var url = statusEl.getAttribute("data-url");
  var prefix = "verslag:" + statusEl.getAttribute("data-gebruiker") + ":" + statusEl.getAttribute("data-bijeenkomst") + ":";
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");

  var units = Array.prototype.map.call(form.querySelectorAll(".verslag-veld"), function (box) {
    var veld = box.getAttribute("data-veld");
    var textarea = box.querySelector("textarea");
    var versie = box.querySelector("input[type=hidden]");
    return {
      el: textarea,
      url: url,
      key: prefix + veld,
      read: function () { return { tekst: textarea.value }; },
      write: function (value) { textarea.value = value.tekst || ""; },
      same: function (a, b) { return (a.tekst || "") === (b.tekst || ""); },
      version: function () { return parseInt(versie.value, 10) || 0; },
      setVersion: function (v) { versie.value = String(v); },
      body: function () {
        var data = new FormData();
        data.append("csrfmiddlewaretoken", token.value);
        data.append("veld", veld);
        data.append("tekst", textarea.value);
        data.append("versie", versie.value || "0");
        return data;
      },
      status: box.querySelector(".vraag-status"),
      conflict: box.querySelector(".conflict")
    };
  });
  var engine = window.PortaalAutosave.create(statusEl, units);
  // The form posts every text with its version itself: leaving that way needs no warning.
  form.addEventListener("submit", function () { engine.leavingBySubmit(); });
})();
