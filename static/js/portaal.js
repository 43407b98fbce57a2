// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // The one error summary (includes/error_summary.html) takes focus after a failed
  // submit, so screen readers announce it and the keyboard starts at the errors.
  var summary = document.getElementById("foutsamenvatting");
  if (summary) {
    summary.focus();
    // A link in the summary focuses its control and scrolls its label (or the legend of
    // its group) into view too, so the question is seen with the answer.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) { return; }
      event.preventDefault();
      var fieldset = target.closest("fieldset");
      var label = (fieldset && fieldset.querySelector("legend")) ||
        (target.labels && target.labels[0]) || target;
      label.scrollIntoView();
      target.focus({ preventScroll: true });
      if (window.history && history.replaceState) { history.replaceState(null, "", link.hash); }
    });
  }

  // The menu on small screens: one button opens and closes the menu and the account tools
  // (portaal.css hides them only when this script runs, so without it all stays reachable).
  var menuButton = document.querySelector(".portaal-menuknop");
  if (menuButton) {
    var panels = (menuButton.getAttribute("aria-controls") || "").split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      var open = menuButton.getAttribute("aria-expanded") !== "true";
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
      panels.forEach(function (panel) { panel.classList.toggle("is-open", open); });
    });
  }

  // The main menu's tasks open their pages as disclosure submenus: a button with
  // aria-expanded. One open at a time; Escape closes and returns to the button; a click
  // elsewhere or focus leaving the menu closes it. (Without this script every task's
  // pages are listed under it.)
  var taskButtons = Array.prototype.slice.call(document.querySelectorAll(".portaal-nav__knop"));
  var submenu = function (button) { return document.getElementById(button.getAttribute("aria-controls")); };
  var setOpen = function (button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var list = submenu(button);
    if (list) { list.classList.toggle("is-open", open); }
  };
  var closeOthers = function (keep) {
    taskButtons.forEach(function (b) { if (b !== keep) { setOpen(b, false); } });
  };
  taskButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      closeOthers(button);
      setOpen(button, open);
    });
    button.parentNode.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(button, false);
        button.focus();
      }
    });
  });
  var nav = document.getElementById("hoofdnavigatie");
  if (nav) {
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) { closeOthers(null); }
    });
    nav.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !nav.contains(event.relatedTarget)) { closeOthers(null); }
    });
  }

  // Send the CSRF token with every htmx request.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });

  // A long form warns before the user leaves it with unsaved changes: only when something
  // was changed, never after its own submit. Forms that save themselves (autosave.js)
  // warn through the autosave instead.
  var MIN_FIELDS = 3;
  var dirty = [];
  var forms = document.querySelectorAll(
    "form.portaal-form[method=post], form.werkbank-form[method=post], form[data-waarschuw-verlaten]"
  );
  Array.prototype.forEach.call(forms, function (form) {
    if (form.hasAttribute("data-geen-verlaat-waarschuwing")) { return; }
    var fields = form.querySelectorAll("input:not([type=hidden]):not([type=submit]):not([type=button]), textarea, select");
    if (fields.length < MIN_FIELDS && !form.hasAttribute("data-waarschuw-verlaten")) { return; }
    var mark = function () { if (dirty.indexOf(form) === -1) { dirty.push(form); } };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    var clear = function () { dirty = dirty.filter(function (f) { return f !== form; }); };
    form.addEventListener("submit", clear);
    form.addEventListener("reset", clear);
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty.length) { event.preventDefault(); event.returnValue = ""; }
  });
})();
// A table wider than the screen scrolls in its own box (.tabel-scroll). Keyboard users must
// be able to scroll it too: while it overflows, the box is a named, focusable region
// (WCAG 2.1.1; axe "scrollable-region-focusable"). On a wide screen it is no tab stop.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".tabel-scroll");
  if (!boxes.length) { return; }
  function update() {
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          var caption = box.querySelector("caption");
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
          box.setAttribute("data-scroll-regio", "");
        }
      } else if (box.hasAttribute("data-scroll-regio")) {
        ["tabindex", "role", "aria-label", "data-scroll-regio"].forEach(function (a) { box.removeAttribute(a); });
      }
    });
  }
  update();
  window.addEventListener("resize", update);
})();
