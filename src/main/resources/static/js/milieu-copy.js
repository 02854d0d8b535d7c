// Copy buttons: a button with data-copy="<id of a field>" copies the field's text and says so in the
// status region beside it (data-copied holds the words). Without the clipboard the field is selected,
// so the person can copy it themselves.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    var status = button.parentNode.querySelector("[role=status]");
    field.focus();
    field.select();
    function copied() {
      if (status) {
        status.textContent = button.getAttribute("data-copied") || "";
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(copied, function () { /* the field stays selected */ });
    }
    else if (document.execCommand && document.execCommand("copy")) {
      copied();
    }
  });
})();
