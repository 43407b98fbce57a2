// Meetings: small enhancements; every page works without them.
(function () {
  "use strict";
  // Attendance: "everyone present" fills every group with one tap; exceptions follow.
  var allButton = document.getElementById("iedereen-aanwezig");
  if (allButton) {
    allButton.hidden = false;
    allButton.addEventListener("click", function () {
      document.querySelectorAll(".aanwezigheid-form input[type=radio][value=aanwezig]").forEach(function (radio) {
        if (radio.checked) { return; }
        radio.checked = true;
        // Setting .checked fires no event: announce the change, so the page's leave
        // warning (portaal.js, data-waarschuw-verlaten) knows there is something unsaved.
        radio.dispatchEvent(new Event("change", { bubbles: true }));
      });
      var status = document.getElementById("iedereen-status");
      if (status) { status.textContent = status.getAttribute("data-tekst"); }
    });
  }
})();
