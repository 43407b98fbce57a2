// Shared autosave for long texts (first used by the raadsmededeling editor).
//
// The approach of the verkenning (static/js/verkenning.js), as one reusable piece:
// every change goes to localStorage first (survives a crash, a closed tab and an
// expired session), then to the server after a pause (debounced) and when a field
// loses focus. The form carries a version field; the server answers 409 with the
// stored text when a colleague saved in between, and the page shows both texts
// side by side and lets the writer choose. A failed save keeps the text, says so in
// words and retries with a growing delay. 423 means the text is locked (approved):
// nothing more is sent.
//
// PortaalAutosave.attach(form, {status, key, versionField, fields, labels,
//                               onSaved(data), conflictBox})
(function () {
  "use strict";
  var DEBOUNCE_MS = 800;
  var MAX_RETRY_MS = 30000;

  function store() { try { return window.localStorage; } catch (e) { return null; } }

  function attach(form, opts) {
    var statusEl = opts.status;
    var t = function (key) { return statusEl.getAttribute("data-tekst-" + key) || ""; };
    var versionInput = form.querySelector("[name=" + opts.versionField + "]");
    var fields = opts.fields;  // names of the text fields that are saved
    var st = { dirty: false, saving: false, timer: null, problem: null, retryMs: 0, again: false };

    function read() {
      var value = {};
      fields.forEach(function (name) { value[name] = form.elements[name].value; });
      return value;
    }
    function write(value) {
      fields.forEach(function (name) {
        if (name in value) { form.elements[name].value = value[name]; form.elements[name].dispatchEvent(new Event("autosave:set")); }
      });
    }
    function same(a, b) { return fields.every(function (n) { return (a[n] || "") === (b[n] || ""); }); }
    function version() { return parseInt(versionInput.value, 10) || 0; }

    function saveDraft() {
      var s = store();
      if (!s) { return; }
      var value = read();
      value._versie = version();
      try { s.setItem(opts.key, JSON.stringify(value)); } catch (e) { /* storage full: the page still holds the text */ }
    }
    function clearDraft() { var s = store(); if (s) { try { s.removeItem(opts.key); } catch (e) { /* ignore */ } } }
    function readDraft() {
      var s = store();
      if (!s) { return null; }
      try { return JSON.parse(s.getItem(opts.key) || "null"); } catch (e) { return null; }
    }

    function show(kind, extra) {
      var text = t(kind) + (extra ? " " + extra : "");
      if (statusEl.textContent !== text) { statusEl.textContent = text; }
      statusEl.setAttribute("data-staat", kind === "opgeslagen" ? "opgeslagen" : (kind === "bezig" || kind === "wacht" ? "bezig" : "fout"));
    }

    function schedule(delay) { clearTimeout(st.timer); st.timer = setTimeout(save, delay); }

    function changed() {
      if (st.problem === "vergrendeld") { return; }
      st.dirty = true;
      if (st.problem === "ongeldig") { st.problem = null; }
      saveDraft();
      if (st.problem !== "conflict") { show("wacht"); schedule(DEBOUNCE_MS); }
    }

    function retry(kind) {
      st.problem = kind;
      st.retryMs = Math.min(st.retryMs ? st.retryMs * 2 : 1000, MAX_RETRY_MS);
      show(kind);
      schedule(st.retryMs);
    }

    function save() {
      if (st.problem === "conflict" || st.problem === "vergrendeld") { return; }
      if (st.saving) { st.again = true; return; }
      if (!st.dirty) { return; }
      clearTimeout(st.timer);
      var sent = read();
      st.saving = true;
      st.dirty = false;
      show("bezig");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.redirected || type.indexOf("application/json") === -1) {
          throw { kind: response.status >= 500 ? "fout" : "sessie" };  // login page or proxy error
        }
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      }).then(function (result) {
        st.saving = false;
        if (result.status === 200) {
          versionInput.value = String(result.data.revisie);
          st.problem = null;
          st.retryMs = 0;
          if (same(read(), sent)) {
            clearDraft();
            if (!st.dirty) { show("opgeslagen", result.data.versie ? t("versie") + " " + result.data.versie + ", " + result.data.op + "." : ""); }
          } else {
            st.dirty = true;
            saveDraft();
          }
          if (opts.onSaved) { opts.onSaved(result.data); }
        } else if (result.status === 409) {
          conflict(result.data.conflict);
          return;
        } else if (result.status === 423) {
          st.problem = "vergrendeld";
          clearDraft();
          show("vergrendeld", result.data.melding || "");
          return;
        } else if (result.status === 400) {
          st.problem = "ongeldig";
          st.dirty = true;
          show("ongeldig", result.data.melding || "");
          return;
        } else if (result.status === 401 || result.status === 403) {
          st.dirty = true;
          retry("sessie");
          return;
        } else {
          st.dirty = true;
          retry("fout");
          return;
        }
        if (st.dirty) { schedule(DEBOUNCE_MS); } else if (st.again) { st.again = false; save(); }
      }).catch(function (err) {
        st.saving = false;
        st.dirty = true;
        retry((err && err.kind) || "offline");
      });
    }

    function conflict(theirs) {
      st.problem = "conflict";
      st.dirty = true;
      show("conflict");
      var box = opts.conflictBox;
      box.textContent = "";
      var alert = document.createElement("div");
      alert.className = "alert alert-warning";
      alert.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = (theirs.door || "") + " (" + theirs.op + ") " + t("conflict-uitleg");
      alert.appendChild(p);
      var mine = read();
      fields.forEach(function (name) {
        if ((mine[name] || "") === (theirs.velden[name] || "")) { return; }
        var h = document.createElement("p");
        h.className = "fw-bold mb-1 mt-2";
        h.textContent = (opts.labels && opts.labels[name]) || name;
        alert.appendChild(h);
        var row = document.createElement("div");
        row.className = "conflict-kolommen";
        [[t("conflict-mijn"), mine[name]], [t("conflict-hun"), theirs.velden[name]]].forEach(function (pair) {
          var col = document.createElement("div");
          var label = document.createElement("p");
          label.className = "small mb-1";
          label.textContent = pair[0];
          var pre = document.createElement("div");
          pre.className = "conflict-tekst";
          pre.textContent = pair[1] || t("leeg");
          col.appendChild(label);
          col.appendChild(pre);
          row.appendChild(col);
        });
        alert.appendChild(row);
      });
      var keepMine = document.createElement("button");
      keepMine.type = "button";
      keepMine.className = "btn btn-primary btn-sm me-2 mt-2";
      keepMine.textContent = t("kies-mijn");
      keepMine.addEventListener("click", function () {
        versionInput.value = String(theirs.revisie);
        resolve();
        st.dirty = true;
        saveDraft();
        save();
      });
      var takeTheirs = document.createElement("button");
      takeTheirs.type = "button";
      takeTheirs.className = "btn btn-outline-secondary btn-sm mt-2";
      takeTheirs.textContent = t("kies-hun");
      takeTheirs.addEventListener("click", function () {
        write(theirs.velden);
        versionInput.value = String(theirs.revisie);
        resolve();
        st.dirty = false;
        clearDraft();
        show("opgeslagen");
      });
      alert.appendChild(keepMine);
      alert.appendChild(takeTheirs);
      box.appendChild(alert);
      box.hidden = false;
      keepMine.focus();
    }

    function resolve() {
      st.problem = null;
      opts.conflictBox.hidden = true;
      opts.conflictBox.textContent = "";
    }

    form.addEventListener("input", changed);
    form.addEventListener("focusout", function () { if (st.dirty) { save(); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); st.dirty = true; save(); });

    // A draft left by a crash, a closed tab or an expired session comes back.
    var draft = readDraft();
    if (draft) {
      if (same(draft, read())) {
        clearDraft();
      } else {
        write(draft);
        versionInput.value = String(draft._versie || version());
        st.dirty = true;
        show("hersteld");
        save();
      }
    }

    window.addEventListener("pagehide", function () {
      if ((st.dirty || st.saving) && !st.problem && navigator.sendBeacon) {
        navigator.sendBeacon(form.action, new FormData(form));
      }
    });
    window.addEventListener("beforeunload", function (event) {
      if ((st.dirty || st.saving) && st.problem !== "vergrendeld") { event.preventDefault(); event.returnValue = ""; }
    });
    return { save: save, state: st };
  }

  window.PortaalAutosave = { attach: attach };
})();
