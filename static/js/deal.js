// The Deal pipeline: progressive enhancements only.
// Every card has a keyboard-operable form ("Naar <volgende fase>", or "Of verplaats naar"
// + Verplaatsen) with a note field, and works without JavaScript. With it:
// - the move is confirmed in one dialog that asks for the optional note (or the reason,
//   where the server would ask for one), so the card itself stays small;
// - dropping a card on a column chooses that column in the same form and opens the
//   same dialog, so both paths run the same server-side rules.
(function () {
  "use strict";
  var board = document.getElementById("pijplijn");
  var dialog = document.getElementById("verplaats-dialoog");
  if (!board) { return; }

  // --- the note dialog ---------------------------------------------------------
  var pending = null; // {form, submitter, needsReason}
  if (dialog && typeof dialog.showModal === "function") {
    var heading = document.getElementById("verplaats-kop");
    var note = document.getElementById("verplaats-notitie");
    var error = document.getElementById("verplaats-fout");
    var template = heading.getAttribute("data-sjabloon");
    var show = function (mode) {
      dialog.querySelectorAll("[data-als]").forEach(function (el) {
        el.hidden = el.getAttribute("data-als") !== mode;
      });
    };

    // The inline note field is for pages without JavaScript; the dialog replaces it.
    board.querySelectorAll(".pijplijn-notitie").forEach(function (el) { el.hidden = true; });

    var ask = function (form, submitter, target, label, needsReason) {
      var card = form.closest(".pijplijn-kaart");
      pending = { form: form, submitter: submitter, target: target, needsReason: needsReason };
      heading.textContent = template
        .replace("{naam}", card.getAttribute("data-naam"))
        .replace("{fase}", label.toLocaleLowerCase("nl"));
      show(needsReason ? "verplicht" : "optioneel");
      error.hidden = true;
      note.removeAttribute("aria-invalid");
      // Checked here (with our message), not by the browser bubble.
      note.setAttribute("aria-required", needsReason ? "true" : "false");
      note.value = form.querySelector("textarea[name=reden]").value;
      dialog.returnValue = "";
      dialog.showModal();
      note.focus();
    };

    board.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches("form.pijplijn-verplaats") || form.getAttribute("data-bevestigd")) { return; }
      event.preventDefault();
      var submitter = event.submitter || form.querySelector("button[type=submit]");
      var select = form.querySelector("select[name=naar]");
      if (submitter && submitter.name === "snel") {
        ask(form, submitter, submitter.value, submitter.getAttribute("data-label"), false);
      } else {
        var option = select.options[select.selectedIndex];
        ask(form, submitter, option.value, option.textContent, option.hasAttribute("data-reden-nodig"));
      }
    });

    dialog.addEventListener("submit", function (event) {
      // The dialog's own form (method=dialog): check the reason before closing.
      var submitter = event.submitter;
      if (submitter && submitter.value === "ok" && pending && pending.needsReason && !note.value.trim()) {
        event.preventDefault();
        error.hidden = false;
        note.setAttribute("aria-invalid", "true");
        note.focus();
      }
    });

    dialog.addEventListener("close", function () {
      var move = pending;
      pending = null;
      if (!move) { return; }
      if (dialog.returnValue !== "ok") {
        if (move.submitter) { move.submitter.focus(); }
        return;
      }
      move.form.querySelector("textarea[name=reden]").value = note.value;
      move.form.setAttribute("data-bevestigd", "1");
      if (move.submitter && typeof move.form.requestSubmit === "function") {
        move.form.requestSubmit(move.submitter);
      } else {
        // Old browsers: the select already holds the target; send it as the quick step too.
        var quick = document.createElement("input");
        quick.type = "hidden";
        quick.name = "snel";
        quick.value = move.target;
        move.form.appendChild(quick);
        move.form.submit();
      }
    });
  }

  // --- drag and drop -------------------------------------------------------------
  var dragged = null;
  board.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".pijplijn-kaart[draggable=true]");
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
  board.querySelectorAll(".pijplijn-kolom").forEach(function (column) {
    column.addEventListener("dragover", function (event) {
      if (!dragged || dragged.closest(".pijplijn-kolom") === column) { return; }
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
      var form = dragged.querySelector("form.pijplijn-verplaats");
      var select = form && form.querySelector("select[name=naar]");
      if (!select) { return; }
      select.value = fase;
      if (select.value !== fase) { return; }
      // The select's own button: the dialog (or, without it, the plain submit) follows.
      var button = select.parentNode.querySelector("button[type=submit]");
      if (typeof form.requestSubmit === "function") { form.requestSubmit(button); } else { form.submit(); }
    });
  });
})();
