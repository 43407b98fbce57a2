// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // The one error summary (includes/error_summary.html) takes focus after a failed
  // submit, so screen readers announce it and the keyboard starts at the errors.
  var summary = document.getElementById("foutsamenvatting");
  if (summary) { summary.focus(); }

  // Send the CSRF token with every htmx request.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
})();
