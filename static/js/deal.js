// Drag-and-drop in the Deal pipeline: a progressive enhancement only.
// Every card has a keyboard-operable form ("Verplaats ... naar" + button); dropping a
// card on a column fills in that form and submits it, so both paths run the same
// server-side rules (a reason is asked for when a stage is skipped).
(function () {
  "use strict";
  var board = document.getElementById("pijplijn");
  if (!board) { return; }
  var dragged = null;

  board.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".deal-kaart[draggable=true]");
    if (!card) { return; }
    dragged = card;
    card.classList.add("sleept");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.partner);
  });
  board.addEventListener("dragend", function () {
    if (dragged) { dragged.classList.remove("sleept"); }
    dragged = null;
    board.querySelectorAll(".sleep-doel").forEach(function (c) { c.classList.remove("sleep-doel"); });
  });
  board.querySelectorAll(".deal-kolom").forEach(function (column) {
    column.addEventListener("dragover", function (event) {
      if (!dragged || dragged.closest(".deal-kolom") === column) { return; }
      event.preventDefault();
      column.classList.add("sleep-doel");
    });
    column.addEventListener("dragleave", function () { column.classList.remove("sleep-doel"); });
    column.addEventListener("drop", function (event) {
      event.preventDefault();
      column.classList.remove("sleep-doel");
      if (!dragged) { return; }
      var fase = column.dataset.fase;
      if (fase === "ondertekend") {
        var detail = dragged.querySelector("a");
        window.location.href = detail.href + "ondertekenen/";
        return;
      }
      var form = dragged.querySelector("form.deal-verplaats");
      var select = form && form.querySelector("select[name=naar]");
      if (!select) { return; }
      select.value = fase;
      if (select.value === fase) { form.submit(); }
    });
  });
})();
