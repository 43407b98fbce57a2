// Autosave: never lose what someone types. Shared by the verkenning (verkenning.js),
// the meeting minutes (verslag.js) and the raadsmededeling (raadsmededeling.js).
//
// Every change is first written to localStorage (survives a crash, a closed tab and
// an expired session), then posted to the server after a short pause and when the
// field loses focus. A failed save keeps the text in the page and in storage, shows
// "niet opgeslagen" in words and retries with a growing delay until the server
// accepts it. Each text carries a version; a 409 shows the other person's text beside
// ours and lets the writer choose: nothing is overwritten silently.
//
// A page describes its "units" (one answer, one agenda item's notes):
//   el          the element whose input/change/focusout events mean "changed"
//   url         where a save is posted
//   key         localStorage key (include the user, so a colleague never gets a draft)
//   read()      the current value, a plain object;  write(value) puts one back
//   same(a, b)  are two values equal?
//   version()   the version the text was read at;  setVersion(n)
//   body()      FormData for a save (with the CSRF token)
//   status      element for this unit's own status text (optional)
//   conflict    element that shows a conflict (hidden until then)
//   describe(v) a value as text for the conflict box (optional, default v.tekst)
//   saved(data) called with the server's answer after a save (optional)
//   changed()   called on every change before saving (optional)
// The status element (data-tekst-* attributes) gives the words in the page's language.
// A 423 answer means the text is locked (an approved raadsmededeling): nothing more is
// sent and the status says so (data-tekst-vergrendeld).
// Leaving the page sends what is unsaved once more and warns while anything is unsaved.
(function () {
  "use strict";
  var DEBOUNCE_MS = 800;
  var MAX_RETRY_MS = 30000;

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function create(statusEl, units) {
    var t = function (key) { return statusEl.getAttribute("data-tekst-" + key) || ""; };
    var states = new Map();
    var leaving = false;

    function saveDraft(unit) {
      var s = store();
      if (!s) { return; }
      var value = unit.read();
      value.versie = unit.version();
      value.ts = Date.now();
      try { s.setItem(unit.key, JSON.stringify(value)); } catch (e) { /* storage full: the page still holds the text */ }
    }

    function clearDraft(unit) {
      var s = store();
      if (s) { try { s.removeItem(unit.key); } catch (e) { /* ignore */ } }
    }

    function readDraft(unit) {
      var s = store();
      if (!s) { return null; }
      try { return JSON.parse(s.getItem(unit.key) || "null"); } catch (e) { return null; }
    }

    // --- status ----------------------------------------------------------------
    function overall() {
      var worst = "opgeslagen";
      states.forEach(function (st) {
        if (st.problem === "conflict") { worst = "conflict"; }
        else if (st.problem && worst !== "conflict") { worst = st.problem; }
        else if ((st.dirty || st.saving) && worst === "opgeslagen") { worst = st.saving ? "bezig" : "wacht"; }
      });
      var text;
      if (worst === "ongeldig") {
        var msg = "";
        states.forEach(function (st) { if (st.problem === "ongeldig" && !msg) { msg = st.message; } });
        text = t("ongeldig") + " " + msg;
      } else if (["opgeslagen", "bezig", "wacht", "conflict", "sessie", "offline", "vergrendeld"].indexOf(worst) !== -1) {
        text = t(worst);
      } else { text = t("fout"); }
      var staat = worst === "opgeslagen" ? "opgeslagen" : (worst === "bezig" || worst === "wacht" ? "bezig" : "fout");
      if (statusEl.textContent !== text) { statusEl.textContent = text; }
      statusEl.setAttribute("data-staat", staat);
    }

    function unitStatus(unit, text, staat) {
      if (!unit.status) { return; }
      unit.status.textContent = text;
      unit.status.setAttribute("data-staat", staat);
    }

    // --- saving -----------------------------------------------------------------
    function schedule(unit, delay) {
      var st = states.get(unit);
      clearTimeout(st.timer);
      st.timer = setTimeout(function () { save(unit); }, delay);
    }

    function changed(unit) {
      var st = states.get(unit);
      if (unit.changed) { unit.changed(); }
      if (st.problem === "vergrendeld") { return; }
      st.dirty = true;
      if (st.problem === "ongeldig") { st.problem = null; }
      saveDraft(unit);
      unitStatus(unit, t("vraag-niet"), "wacht");
      overall();
      if (st.problem !== "conflict") { schedule(unit, DEBOUNCE_MS); }
    }

    function retry(unit, kind) {
      var st = states.get(unit);
      st.problem = kind;
      st.retryMs = Math.min(st.retryMs ? st.retryMs * 2 : 1000, MAX_RETRY_MS);
      unitStatus(unit, t("vraag-niet"), "fout");
      overall();
      schedule(unit, st.retryMs);
    }

    // After signing in again (in another tab) Django has rotated the CSRF token, so the
    // tokens in this page are stale: fetch this page again and take the fresh token.
    var refreshing = null;
    function refreshToken() {
      if (refreshing) { return refreshing; }
      refreshing = fetch(window.location.pathname, { credentials: "same-origin" }).then(function (response) {
        return response.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("input[name=csrfmiddlewaretoken]");
        if (fresh) {
          Array.prototype.forEach.call(document.querySelectorAll("input[name=csrfmiddlewaretoken]"), function (el) { el.value = fresh.value; });
        }
      }).catch(function () { /* still offline: the next retry tries again */ }).then(function () { refreshing = null; });
      return refreshing;
    }

    function save(unit) {
      var st = states.get(unit);
      if (st.problem === "conflict" || st.problem === "vergrendeld") { return; }
      if (st.problem === "sessie" && !st.tokenFresh) {
        st.tokenFresh = true;
        refreshToken().then(function () { save(unit); });
        return;
      }
      st.tokenFresh = false;
      if (st.saving) { st.again = true; return; }
      if (!st.dirty) { return; }
      clearTimeout(st.timer);
      var sent = unit.read();
      var body = unit.body();
      st.saving = true;
      st.dirty = false;
      overall();
      fetch(unit.url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.redirected || type.indexOf("application/json") === -1) {
          // The login page (expired session) or a proxy error page: not saved.
          throw { kind: response.status >= 500 ? "fout" : "sessie" };
        }
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      }).then(function (result) {
        st.saving = false;
        if (result.status === 200) {
          unit.setVersion(result.data.versie);
          st.problem = null;
          st.retryMs = 0;
          if (unit.saved) { unit.saved(result.data); }
          if (unit.same(unit.read(), sent)) {
            clearDraft(unit);
            if (!st.dirty) { unitStatus(unit, t("vraag-opgeslagen") + " " + result.data.op, "opgeslagen"); }
          } else {
            st.dirty = true;
            saveDraft(unit);
          }
        } else if (result.status === 409) {
          showConflict(unit, result.data.conflict);
        } else if (result.status === 423) {
          st.problem = "vergrendeld";
          st.dirty = false;
          clearDraft(unit);
          unitStatus(unit, t("vraag-niet"), "fout");
        } else if (result.status === 400) {
          st.problem = "ongeldig";
          st.message = result.data.melding || "";
          st.dirty = true;
          unitStatus(unit, t("vraag-niet") + ": " + st.message, "fout");
        } else if (result.status === 403 || result.status === 401) {
          st.dirty = true;
          retry(unit, "sessie");
          return;
        } else {
          st.dirty = true;
          retry(unit, "fout");
          return;
        }
        overall();
        if (st.dirty && !st.problem) { schedule(unit, DEBOUNCE_MS); }
        else if (st.again) { st.again = false; save(unit); }
      }).catch(function (err) {
        st.saving = false;
        st.dirty = true;
        retry(unit, (err && err.kind) || "offline");
      });
    }

    // --- conflict -----------------------------------------------------------------
    function describe(unit, value) {
      var text = unit.describe ? unit.describe(value) : (value.tekst || "");
      return text || t("leeg");
    }

    function showConflict(unit, theirs) {
      var st = states.get(unit);
      st.problem = "conflict";
      st.dirty = true;
      var box = unit.conflict;
      box.textContent = "";
      var alert = document.createElement("div");
      alert.className = "utrecht-alert utrecht-alert--warning stack stack--s";
      alert.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = (theirs.door || "") + " (" + theirs.op + ") " + t("conflict-uitleg");
      alert.appendChild(p);
      var row = document.createElement("div");
      row.className = "conflict-kolommen";
      [[t("conflict-mijn"), describe(unit, unit.read())], [t("conflict-hun"), describe(unit, theirs)]].forEach(function (pair) {
        var col = document.createElement("div");
        var h = document.createElement("p");
        h.className = "conflict-kop";
        h.textContent = pair[0];
        var pre = document.createElement("div");
        pre.className = "conflict-tekst";
        pre.textContent = pair[1];
        col.appendChild(h);
        col.appendChild(pre);
        row.appendChild(col);
      });
      alert.appendChild(row);
      var mine = document.createElement("button");
      mine.type = "button";
      mine.className = "utrecht-button utrecht-button--primary-action";
      mine.textContent = t("kies-mijn");
      mine.addEventListener("click", function () {
        unit.setVersion(theirs.versie);
        resolve(unit);
        st.dirty = true;
        saveDraft(unit);
        save(unit);
      });
      var theirsBtn = document.createElement("button");
      theirsBtn.type = "button";
      theirsBtn.className = "utrecht-button utrecht-button--secondary-action";
      theirsBtn.textContent = t("kies-hun");
      theirsBtn.addEventListener("click", function () {
        unit.write(theirs);
        unit.setVersion(theirs.versie);
        resolve(unit);
        st.dirty = false;
        clearDraft(unit);
        unitStatus(unit, t("vraag-opgeslagen"), "opgeslagen");
        overall();
      });
      var knoppen = document.createElement("div");
      knoppen.className = "cluster";
      knoppen.appendChild(mine);
      knoppen.appendChild(theirsBtn);
      alert.appendChild(knoppen);
      box.appendChild(alert);
      box.hidden = false;
      unitStatus(unit, t("vraag-niet"), "fout");
      overall();
    }

    function resolve(unit) {
      states.get(unit).problem = null;
      unit.conflict.hidden = true;
      unit.conflict.textContent = "";
    }

    // --- wiring -------------------------------------------------------------------
    units.forEach(function (unit) {
      states.set(unit, { dirty: false, saving: false, timer: null, problem: null, retryMs: 0, again: false, message: "" });
      unit.el.addEventListener("input", function () { changed(unit); });
      unit.el.addEventListener("change", function () { changed(unit); });
      unit.el.addEventListener("focusout", function () { if (states.get(unit).dirty) { save(unit); } });
      // A draft left by a crash, a closed tab or an expired session comes back.
      var draft = readDraft(unit);
      if (draft) {
        if (unit.same(draft, unit.read())) {
          clearDraft(unit);
        } else {
          unit.write(draft);
          unit.setVersion(draft.versie);
          states.get(unit).dirty = true;
          unitStatus(unit, t("vraag-niet"), "wacht");
          statusEl.textContent = t("hersteld");
          save(unit);
        }
      }
    });

    // Leaving the page: try once more, and warn while something is unsaved.
    window.addEventListener("pagehide", function () {
      states.forEach(function (st, unit) {
        if ((st.dirty || st.saving) && st.problem !== "conflict" && navigator.sendBeacon) {
          navigator.sendBeacon(unit.url, unit.body());
        }
      });
    });
    window.addEventListener("beforeunload", function (event) {
      if (leaving) { return; }
      var unsaved = false;
      states.forEach(function (st) { if (st.dirty || st.saving) { unsaved = true; } });
      if (unsaved) { event.preventDefault(); event.returnValue = ""; }
    });

    return {
      save: save,
      // A form that posts everything itself (the page's own submit): no warning then.
      leavingBySubmit: function () { leaving = true; },
      states: states
    };
  }

  window.PortaalAutosave = { create: create };
})();
