// Autosave for the verkenning: never lose an answer.
//
// Every change is first written to localStorage (survives a crash, a closed tab
// and an expired session), then posted to the server after a short pause and
// when the field loses focus. A failed save keeps the text in the page and in
// storage, shows "niet opgeslagen" in words and retries with a growing delay
// until the server accepts it. A 409 shows the colleague's text beside ours and
// lets the adviser choose; nothing is overwritten silently.
(function () {
  "use strict";
  var statusEl = document.getElementById("opslag-status");
  if (!statusEl) { return; }
  var t = function (key) { return statusEl.getAttribute("data-tekst-" + key) || ""; };
  var verkenningId = statusEl.getAttribute("data-verkenning");
  var DEBOUNCE_MS = 800;
  var MAX_RETRY_MS = 30000;
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.antwoord-form"));
  var states = new Map();

  // Keyed per user, so a colleague on the same computer never gets someone else's draft.
  var userId = statusEl.getAttribute("data-gebruiker");
  function storageKey(form) { return "verkenning:" + userId + ":" + verkenningId + ":" + form.getAttribute("data-vraag"); }

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

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

  function versionOf(form) { return parseInt(form.querySelector("[name=versie]").value, 10) || 0; }
  function setVersion(form, v) { form.querySelector("[name=versie]").value = String(v); }

  function toggleTip(form) {
    var tip = form.querySelector(".tipveld");
    if (tip) { tip.hidden = !form.querySelector("[name=overgeslagen]").checked; }
  }

  function saveDraft(form) {
    var s = store();
    if (!s) { return; }
    var value = readValue(form);
    value.versie = versionOf(form);
    value.ts = Date.now();
    try { s.setItem(storageKey(form), JSON.stringify(value)); } catch (e) { /* storage full: the page still holds the text */ }
  }

  function clearDraft(form) {
    var s = store();
    if (s) { try { s.removeItem(storageKey(form)); } catch (e) { /* ignore */ } }
  }

  function readDraft(form) {
    var s = store();
    if (!s) { return null; }
    try { return JSON.parse(s.getItem(storageKey(form)) || "null"); } catch (e) { return null; }
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
    if (worst === "opgeslagen") { text = t("opgeslagen"); }
    else if (worst === "bezig") { text = t("bezig"); }
    else if (worst === "wacht") { text = t("wacht"); }
    else if (worst === "conflict") { text = t("conflict"); }
    else if (worst === "sessie") { text = t("sessie"); }
    else if (worst === "offline") { text = t("offline"); }
    else if (worst === "ongeldig") {
      var msg = "";
      states.forEach(function (st) { if (st.problem === "ongeldig" && !msg) { msg = st.message; } });
      text = t("ongeldig") + " " + msg;
    } else { text = t("fout"); }
    var staat = worst === "opgeslagen" ? "opgeslagen" : (worst === "bezig" || worst === "wacht" ? "bezig" : "fout");
    if (statusEl.textContent !== text) { statusEl.textContent = text; }
    statusEl.setAttribute("data-staat", staat);
  }

  function questionStatus(form, text, staat) {
    var el = form.querySelector(".vraag-status");
    el.textContent = text;
    el.setAttribute("data-staat", staat);
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

  // --- saving -----------------------------------------------------------------
  function schedule(form, delay) {
    var st = states.get(form);
    clearTimeout(st.timer);
    st.timer = setTimeout(function () { save(form); }, delay);
  }

  function changed(form) {
    var st = states.get(form);
    st.dirty = true;
    if (st.problem === "ongeldig") { st.problem = null; }
    saveDraft(form);
    questionStatus(form, t("vraag-niet"), "wacht");
    overall();
    if (st.problem !== "conflict") { schedule(form, DEBOUNCE_MS); }
  }

  function retry(form, kind) {
    var st = states.get(form);
    st.problem = kind;
    st.retryMs = Math.min(st.retryMs ? st.retryMs * 2 : 1000, MAX_RETRY_MS);
    questionStatus(form, t("vraag-niet"), "fout");
    overall();
    schedule(form, st.retryMs);
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

  function save(form) {
    var st = states.get(form);
    if (st.problem === "conflict") { return; }
    if (st.problem === "sessie" && !st.tokenFresh) {
      st.tokenFresh = true;
      refreshToken().then(function () { save(form); });
      return;
    }
    st.tokenFresh = false;
    if (st.saving) { st.again = true; return; }
    if (!st.dirty) { return; }
    clearTimeout(st.timer);
    var sent = readValue(form);
    var body = new FormData(form);
    st.saving = true;
    st.dirty = false;
    overall();
    fetch(form.action, {
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
        setVersion(form, result.data.versie);
        st.problem = null;
        st.retryMs = 0;
        updateProgress(result.data);
        if (same(readValue(form), sent)) {
          clearDraft(form);
          if (!st.dirty) { questionStatus(form, t("vraag-opgeslagen") + " " + result.data.op, "opgeslagen"); }
        } else {
          st.dirty = true;
          saveDraft(form);
        }
      } else if (result.status === 409) {
        showConflict(form, result.data.conflict);
      } else if (result.status === 400) {
        st.problem = "ongeldig";
        st.message = result.data.melding || "";
        st.dirty = true;
        questionStatus(form, t("vraag-niet") + ": " + st.message, "fout");
      } else if (result.status === 403 || result.status === 401) {
        st.dirty = true;
        retry(form, "sessie");
        return;
      } else {
        st.dirty = true;
        retry(form, "fout");
        return;
      }
      overall();
      if (st.dirty && !st.problem) { schedule(form, DEBOUNCE_MS); }
      else if (st.again) { st.again = false; save(form); }
    }).catch(function (err) {
      st.saving = false;
      st.dirty = true;
      retry(form, (err && err.kind) || "offline");
    });
  }

  // --- conflict -----------------------------------------------------------------
  function describe(value) {
    var parts = [];
    if (value.tekst) { parts.push(value.tekst); }
    if (value.keuzes && value.keuzes.length) { parts.push(value.keuzes.join(", ")); }
    if (value.overgeslagen) { parts.push("[" + value.tip + "]"); }
    return parts.join("\n") || t("leeg");
  }

  function showConflict(form, theirs) {
    var st = states.get(form);
    st.problem = "conflict";
    st.dirty = true;
    var box = form.querySelector(".conflict");
    box.textContent = "";
    var alert = document.createElement("div");
    alert.className = "alert alert-warning";
    alert.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = (theirs.door || "") + " (" + theirs.op + ") " + t("conflict-uitleg");
    alert.appendChild(p);
    var row = document.createElement("div");
    row.className = "conflict-kolommen";
    [[t("conflict-mijn"), describe(readValue(form))], [t("conflict-hun"), describe(theirs)]].forEach(function (pair) {
      var col = document.createElement("div");
      var h = document.createElement("p");
      h.className = "fw-bold mb-1";
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
    mine.className = "btn btn-primary btn-sm me-2 mt-2";
    mine.textContent = t("kies-mijn");
    mine.addEventListener("click", function () {
      setVersion(form, theirs.versie);
      resolve(form);
      st.dirty = true;
      saveDraft(form);
      save(form);
    });
    var theirsBtn = document.createElement("button");
    theirsBtn.type = "button";
    theirsBtn.className = "btn btn-outline-secondary btn-sm mt-2";
    theirsBtn.textContent = t("kies-hun");
    theirsBtn.addEventListener("click", function () {
      writeValue(form, theirs);
      setVersion(form, theirs.versie);
      resolve(form);
      st.dirty = false;
      clearDraft(form);
      questionStatus(form, t("vraag-opgeslagen"), "opgeslagen");
      overall();
    });
    alert.appendChild(mine);
    alert.appendChild(theirsBtn);
    box.appendChild(alert);
    box.hidden = false;
    questionStatus(form, t("vraag-niet"), "fout");
    overall();
  }

  function resolve(form) {
    var st = states.get(form);
    st.problem = null;
    var box = form.querySelector(".conflict");
    box.hidden = true;
    box.textContent = "";
  }

  // --- wiring -------------------------------------------------------------------
  forms.forEach(function (form) {
    states.set(form, { dirty: false, saving: false, timer: null, problem: null, retryMs: 0, again: false, message: "" });
    toggleTip(form);
    form.addEventListener("input", function () { toggleTip(form); changed(form); });
    form.addEventListener("change", function () { toggleTip(form); changed(form); });
    form.addEventListener("focusout", function () { if (states.get(form).dirty) { save(form); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); save(form); });
    // A draft left by a crash, a closed tab or an expired session comes back.
    var draft = readDraft(form);
    if (draft) {
      if (same(draft, readValue(form))) {
        clearDraft(form);
      } else {
        writeValue(form, draft);
        setVersion(form, draft.versie);
        states.get(form).dirty = true;
        questionStatus(form, t("vraag-niet"), "wacht");
        statusEl.textContent = t("hersteld");
        save(form);
      }
    }
  });

  // Leaving the page: try once more, and warn while something is unsaved.
  window.addEventListener("pagehide", function () {
    states.forEach(function (st, form) {
      if ((st.dirty || st.saving) && st.problem !== "conflict" && navigator.sendBeacon) {
        navigator.sendBeacon(form.action, new FormData(form));
      }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    var unsaved = false;
    states.forEach(function (st) { if (st.dirty || st.saving) { unsaved = true; } });
    if (unsaved) { event.preventDefault(); event.returnValue = ""; }
  });
})();
