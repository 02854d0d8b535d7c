// Milieu's only script: htmx requests carry the CSRF token from the XSRF-TOKEN cookie,
// as Spring Security expects for cookie sessions. Nothing is kept in browser storage.
(function () {
  "use strict";
  function csrfToken() {
    var match = document.cookie.split("; ").find(function (c) { return c.indexOf("XSRF-TOKEN=") === 0; });
    return match ? decodeURIComponent(match.substring("XSRF-TOKEN=".length)) : null;
  }
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-XSRF-TOKEN"] = token;
    }
  });
})();
