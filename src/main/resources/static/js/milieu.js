// Milieu's own script: htmx requests carry the CSRF token from the XSRF-TOKEN cookie,
// as Spring Security expects for cookie sessions, print buttons print the page, and the main
// menu folds behind its button on narrow screens. Without this script the menu simply stays open.
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
  // The main menu: on a narrow screen one button shows and hides it (aria-expanded tells which);
  // on a wide one each group opens alone, and Escape or a click elsewhere closes it.
  function initMenu() {
    var header = document.querySelector(".site-header");
    var toggle = header ? header.querySelector(".nav-toggle") : null;
    if (!toggle) {
      return;
    }
    var groups = Array.prototype.slice.call(header.querySelectorAll(".nav-group details"));
    function narrow() {
      return window.getComputedStyle(toggle).display !== "none";
    }
    header.classList.add("nav-js");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      header.classList.toggle("nav-open", open);
      groups.forEach(function (g) { g.open = open; });
    });
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (group.open && !narrow()) {
          groups.forEach(function (other) { if (other !== group) { other.open = false; } });
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || narrow()) {
        return;
      }
      groups.forEach(function (group) {
        if (group.open) {
          group.open = false;
          if (group.contains(document.activeElement)) {
            group.querySelector("summary").focus();
          }
        }
      });
    });
    document.addEventListener("click", function (event) {
      if (narrow()) {
        return;
      }
      groups.forEach(function (group) {
        if (group.open && !group.contains(event.target)) {
          group.open = false;
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initMenu);
  }
  else {
    initMenu();
  }
})();
