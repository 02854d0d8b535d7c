// The group-note page: each row (the shared part, each attendee's entry) saves as the writer leaves a
// field, through the JSON API, with an Idempotency-Key. A save that meets no connection (or a
// 5xx) is sent again with the same key and the same body until it goes through, so a retry never
// applies twice and never overtakes a newer save of the same row (one save of a row at a time, the
// newest state next). Nothing is written to browser storage. On a list marked data-advance, a digit
// key that names an option (the options start with their digit) chooses it and moves on.
(function () {
  "use strict";
  var main = document.querySelector("main.group-note");
  if (!main) { return; }

  function csrfToken() {
    var match = document.cookie.split("; ").find(function (c) { return c.indexOf("XSRF-TOKEN=") === 0; });
    return match ? decodeURIComponent(match.substring("XSRF-TOKEN=".length)) : "";
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function body(row) {
    if (row.id === "note-shared") {
      return {
        topic: row.querySelector("[name=topic]").value,
        interventions: row.querySelector("[name=interventions]").value,
        materials: row.querySelector("[name=materials]").value
      };
    }
    var progress = [];
    row.querySelectorAll("select[data-objective]").forEach(function (s) {
      if (s.value) { progress.push({ objectiveId: s.getAttribute("data-objective"), progress: s.value }); }
    });
    return {
      participation: row.querySelector("[name=participation]").value || null,
      progress: progress,
      observation: row.querySelector("[name=observation]").value
    };
  }

  function status(row, text, refused) {
    var region = row.querySelector(".save-status");
    region.textContent = text;
    region.classList.toggle("alert", !!refused);
    region.classList.toggle("alert-error", !!refused);
  }

  var state = new WeakMap();

  function save(row) {
    var s = state.get(row) || { busy: false, again: false, last: null };
    state.set(row, s);
    if (s.busy) { s.again = true; return; }
    var payload = JSON.stringify(body(row));
    if (payload === s.last) { return; }
    s.busy = true;
    status(row, main.getAttribute("data-saving"));
    send(row, s, payload, newKey(), 1000);
  }

  function send(row, s, payload, key, wait) {
    fetch(row.getAttribute("data-url"), {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
        "Idempotency-Key": key, "X-XSRF-TOKEN": csrfToken() },
      body: payload
    }).then(function (response) {
      if (response.status >= 500 || response.status === 429) { throw new Error("retry"); }
      if (response.ok) {
        s.last = payload;
        status(row, main.getAttribute("data-saved"));
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        status(row, main.getAttribute("data-not-saved") + " " + (problem.detail || response.statusText), true);
      });
    }).then(function () {
      s.busy = false;
      if (s.again) { s.again = false; save(row); }
    }, function () {
      status(row, main.getAttribute("data-retrying"), true);
      window.setTimeout(function () { send(row, s, payload, key, Math.min(wait * 2, 30000)); }, wait);
    });
  }

  document.querySelectorAll(".note-row").forEach(function (row) {
    state.set(row, { busy: false, again: false, last: JSON.stringify(body(row)) });
    row.addEventListener("change", function () { save(row); });
    row.addEventListener("focusout", function (event) {
      if (event.target.matches("textarea, input")) { save(row); }
    });
  });

  var fields = Array.prototype.slice.call(main.querySelectorAll(".note-row input, .note-row select, .note-row textarea"));
  main.addEventListener("keydown", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("select[data-advance]") || !/^[1-9]$/.test(event.key)
        || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var option = Array.prototype.find.call(select.options, function (o) { return o.text.trim().indexOf(event.key + " ") === 0; });
    if (!option) { return; }
    event.preventDefault();
    select.value = option.value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    var next = fields[fields.indexOf(select) + 1];
    if (next) { next.focus(); }
  });
})();
