// Milieu's own script: htmx requests carry the CSRF token from the XSRF-TOKEN cookie,
// as Spring Security expects for cookie sessions, and print buttons print the page.
// Nothing is kept in browser storage.
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
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      window.print();
    }
  });
})();
