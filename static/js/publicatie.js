// Redaction preview: text selected in the preview goes into the "Zelf iets lakken" field.
// Without JavaScript (or by keyboard) the field can be typed in directly.
(function () {
  "use strict";
  var tekst = document.getElementById("lak-tekst");
  var veld = document.getElementById("toevoegen_tekst");
  var status = document.getElementById("lak-selectie-status");
  if (!tekst || !veld) { return; }
  function overnemen() {
    var selectie = window.getSelection();
    if (!selectie || selectie.isCollapsed) { return; }
    if (!tekst.contains(selectie.anchorNode) || !tekst.contains(selectie.focusNode)) { return; }
    var waarde = selectie.toString().replace(/\s+/g, " ").trim();
    if (!waarde || waarde.length > 300) { return; }
    veld.value = waarde;
    if (status) { status.textContent = (status.dataset.tekst || "") + " " + waarde; }
  }
  tekst.addEventListener("mouseup", overnemen);
  tekst.addEventListener("keyup", overnemen);
})();
