// The searchable combobox for choosing people and organisations (inclusie/pickers.py).
//
// Progressive enhancement over a native <select data-kiezer="een|meer">: without this
// script the select works as it is. With it, the select is hidden (it still holds the
// value that is submitted) and replaced by the WAI-ARIA APG "combobox with listbox popup"
// (list autocomplete): a text box that searches on the server (data-kiezer-url, falling
// back to the select's own options), a listbox of at most 20 matches, and the chosen
// values as a list of items with a "Verwijder <naam>" button each. A live region says how
// many matches there are. Keys in the text box: Down/Up move through the list (Down opens
// it), Home/End go to the first/last match while the list is open, Enter chooses,
// Escape closes the list (or empties the text box), Tab leaves.
(function () {
  "use strict";

  var DELAY = 200;
  var MAX_LOCAL = 20;

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function Kiezer(select) {
    this.select = select;
    this.multiple = select.multiple;
    this.url = select.getAttribute("data-kiezer-url");
    this.id = select.id;
    this.results = [];
    this.active = -1;
    this.seq = 0;
    this.timer = null;
    this.build();
    this.renderChosen();
  }

  Kiezer.prototype.t = function (name, values) {
    var text = this.select.getAttribute("data-tekst-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(values[key]);
    });
    return text;
  };

  Kiezer.prototype.build = function () {
    var select = this.select;
    var id = this.id;
    var label = document.querySelector("label[for='" + id + "']");
    var labelText = label ? label.textContent.replace(/\s+/g, " ").trim() : "";

    var wrap = document.createElement("div");
    wrap.className = "nlds-kiezer";
    select.parentNode.insertBefore(wrap, select);

    // The text box takes over the select's id, so the <label for>, the error summary's
    // links and aria-describedby keep working unchanged.
    select.id = id + "_select";
    select.hidden = true;
    select.tabIndex = -1;

    this.chosenList = document.createElement("ul");
    this.chosenList.className = "nlds-kiezer__gekozen";
    this.chosenList.setAttribute("aria-label", this.t("lijst") + (labelText ? ": " + labelText : ""));

    var hint = document.createElement("p");
    hint.id = id + "_kiezer_uitleg";
    hint.className = "utrecht-form-field-description nlds-kiezer__uitleg";
    hint.textContent = this.t("uitleg");

    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.className = "utrecht-textbox utrecht-textbox--html-input nlds-kiezer__invoer";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "_lijst");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    var describedBy = (select.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    describedBy.push(hint.id);
    input.setAttribute("aria-describedby", describedBy.join(" "));
    if (select.getAttribute("aria-invalid") === "true") {
      input.setAttribute("aria-invalid", "true");
      input.className += " utrecht-textbox--invalid";
    }
    if (select.required) {
      // The hidden select cannot take focus, so the browser must not check it; the server does.
      input.setAttribute("aria-required", "true");
      select.required = false;
    }
    if (select.disabled) { input.disabled = true; }
    this.input = input;

    var listbox = document.createElement("ul");
    listbox.id = id + "_lijst";
    listbox.className = "nlds-kiezer__lijst";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", labelText);
    if (this.multiple) { listbox.setAttribute("aria-multiselectable", "true"); }
    listbox.hidden = true;
    this.listbox = listbox;

    var status = document.createElement("div");
    status.className = "nlds-kiezer__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    this.status = status;

    var field = document.createElement("div");
    field.className = "nlds-kiezer__veld";
    field.appendChild(input);
    field.appendChild(listbox);

    wrap.appendChild(this.chosenList);
    wrap.appendChild(hint);
    wrap.appendChild(field);
    wrap.appendChild(status);
    wrap.appendChild(select);

    var self = this;
    input.addEventListener("input", function () { self.schedule(false); });
    input.addEventListener("keydown", function (event) { self.onKey(event); });
    input.addEventListener("blur", function () {
      window.setTimeout(function () { if (document.activeElement !== input) { self.close(); } }, 150);
    });
    // Keep the focus in the text box while an option is clicked.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { self.choose(Number(option.getAttribute("data-index"))); }
    });
    this.chosenList.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-waarde]");
      if (button) { self.remove(button.getAttribute("data-waarde")); }
    });
  };

  Kiezer.prototype.isOpen = function () { return !this.listbox.hidden; };

  Kiezer.prototype.schedule = function (focusFirst) {
    var self = this;
    window.clearTimeout(this.timer);
    var text = this.input.value;
    if (!text.trim() && !focusFirst) { this.close(); this.status.textContent = ""; return; }
    this.timer = window.setTimeout(function () { self.search(text, focusFirst); }, focusFirst ? 0 : DELAY);
  };

  Kiezer.prototype.search = function (text, focusFirst) {
    var self = this;
    var seq = ++this.seq;
    var done = function (results, more) {
      if (seq !== self.seq) { return; }
      self.show(results, more, focusFirst);
    };
    if (!this.url) { done(this.local(text), false); return; }
    fetch(this.url + "?q=" + encodeURIComponent(text), {
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      done(data.resultaten || [], Boolean(data.meer));
    }).catch(function () {
      // An expired search token or no connection: search the select's own options.
      self.url = null;
      done(self.local(text), false);
    });
  };

  Kiezer.prototype.local = function (text) {
    var words = fold(text).split(/\s+/).filter(Boolean);
    var found = [];
    Array.prototype.forEach.call(this.select.options, function (option) {
      if (!option.value || found.length >= MAX_LOCAL + 1) { return; }
      var label = fold(option.textContent);
      if (words.every(function (w) { return label.indexOf(w) !== -1; })) {
        found.push({ waarde: option.value, tekst: option.textContent.trim() });
      }
    });
    return found;
  };

  Kiezer.prototype.optionFor = function (value) {
    var options = this.select.options;
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === value) { return options[i]; }
    }
    return null;
  };

  Kiezer.prototype.show = function (results, more, focusFirst) {
    var self = this;
    if (results.length > MAX_LOCAL) { results = results.slice(0, MAX_LOCAL); more = true; }
    this.results = results;
    this.listbox.textContent = "";
    results.forEach(function (result, index) {
      var li = document.createElement("li");
      li.id = self.id + "_optie_" + index;
      li.className = "nlds-kiezer__optie";
      li.setAttribute("role", "option");
      li.setAttribute("data-index", String(index));
      var chosen = self.optionFor(result.waarde);
      li.setAttribute("aria-selected", chosen && chosen.selected ? "true" : "false");
      li.textContent = result.tekst;
      self.listbox.appendChild(li);
    });
    var message;
    if (!results.length) {
      message = this.t("geen");
    } else {
      message = this.t(results.length === 1 ? "een" : "meer", { n: results.length });
      if (more) { message += " " + this.t("verfijn"); }
    }
    this.status.textContent = message;
    if (results.length) { this.open(); } else { this.close(); }
    this.setActive(results.length && focusFirst ? 0 : -1);
  };

  Kiezer.prototype.open = function () {
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Kiezer.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.setActive(-1);
  };

  Kiezer.prototype.setActive = function (index) {
    var items = this.listbox.querySelectorAll("[role=option]");
    Array.prototype.forEach.call(items, function (item) {
      item.classList.remove("nlds-kiezer__optie--actief");
    });
    this.active = index;
    if (index < 0 || !items[index]) {
      this.active = -1;
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    items[index].classList.add("nlds-kiezer__optie--actief");
    this.input.setAttribute("aria-activedescendant", items[index].id);
    items[index].scrollIntoView({ block: "nearest" });
  };

  Kiezer.prototype.onKey = function (event) {
    var count = this.results.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.isOpen()) { this.schedule(true); return; }
        this.setActive(this.active < count - 1 ? this.active + 1 : 0);
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!this.isOpen()) { this.schedule(true); return; }
        this.setActive(this.active > 0 ? this.active - 1 : count - 1);
        return;
      case "Home":
      case "End":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.setActive(event.key === "Home" ? 0 : count - 1);
        }
        return;
      case "Enter":
        if (this.isOpen()) {
          // Enter in an open list chooses; it never submits the form by accident.
          event.preventDefault();
          if (this.active >= 0) { this.choose(this.active); }
        }
        return;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
          this.status.textContent = "";
        }
        return;
      case "Tab":
        this.close();
        return;
      default:
        return;
    }
  };

  Kiezer.prototype.choose = function (index) {
    var result = this.results[index];
    if (!result) { return; }
    var option = this.optionFor(result.waarde);
    if (!option) {
      option = new Option(result.tekst, result.waarde);
      this.select.appendChild(option);
    }
    var name = option.textContent.trim();
    if (this.multiple && option.selected) {
      option.selected = false;
      this.status.textContent = this.t("verwijderd", { naam: name });
    } else {
      if (!this.multiple) { this.select.value = result.waarde; }
      option.selected = true;
      this.status.textContent = this.t("gekozen", { naam: name });
    }
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
    this.input.value = "";
    this.close();
    this.renderChosen();
    this.input.focus();
  };

  Kiezer.prototype.remove = function (value) {
    var option = this.optionFor(value);
    if (!option) { return; }
    var buttons = Array.prototype.slice.call(this.chosenList.querySelectorAll("button[data-waarde]"));
    var position = buttons.map(function (b) { return b.getAttribute("data-waarde"); }).indexOf(value);
    option.selected = false;
    if (!this.multiple) { this.select.value = ""; }
    this.select.dispatchEvent(new Event("change", { bubbles: true }));
    this.renderChosen();
    this.status.textContent = this.t("verwijderd", { naam: option.textContent.trim() });
    // The focus goes to the next item's button, else the previous one, else the text box.
    var left = this.chosenList.querySelectorAll("button[data-waarde]");
    var next = left[Math.min(position, left.length - 1)];
    (next || this.input).focus();
  };

  Kiezer.prototype.renderChosen = function () {
    var self = this;
    this.chosenList.textContent = "";
    var chosen = Array.prototype.filter.call(this.select.options, function (o) {
      return o.selected && o.value;
    });
    this.chosenList.hidden = !chosen.length;
    chosen.forEach(function (option) {
      var name = option.textContent.trim();
      var li = document.createElement("li");
      li.className = "nlds-kiezer__item";
      var text = document.createElement("span");
      text.className = "nlds-kiezer__naam";
      text.textContent = name;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "utrecht-button utrecht-button--subtle nlds-kiezer__verwijder";
      button.setAttribute("data-waarde", option.value);
      button.appendChild(document.createTextNode(self.t("verwijder")));
      var hidden = document.createElement("span");
      hidden.className = "nlds-kiezer__verborgen";
      hidden.textContent = " " + name;
      button.appendChild(hidden);
      li.appendChild(text);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(button);
      self.chosenList.appendChild(li);
    });
  };

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-kiezer]"), function (select) {
      if (!select.kiezer) { select.kiezer = new Kiezer(select); }
    });
  }
  enhance(document);
  // Forms that arrive later (htmx swaps) get the combobox too.
  document.body.addEventListener("htmx:load", function (event) {
    if (event.detail && event.detail.elt && event.detail.elt.querySelectorAll) { enhance(event.detail.elt); }
  });
})();
