// Passkeys (WebAuthn) for Milieu: adding one to your account, and signing in with one.
// Speaks the JSON of Spring Security's WebAuthn endpoints; sends the CSRF token from the
// XSRF-TOKEN cookie. Keeps nothing in browser storage.
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.split("; ").find(function (c) { return c.indexOf("XSRF-TOKEN=") === 0; });
    return match ? decodeURIComponent(match.substring("XSRF-TOKEN=".length)) : "";
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(value) {
    var padded = value.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) { padded += "="; }
    var text = atob(padded);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    return bytes.buffer;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-XSRF-TOKEN": csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    });
  }

  // A device's answer to a challenge, as Spring Security's WebAuthn JSON reads it.
  function assertion(credential) {
    return {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      response: {
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        signature: toBase64Url(credential.response.signature),
        userHandle: credential.response.userHandle ? toBase64Url(credential.response.userHandle) : undefined
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    };
  }

  // The challenge as the browser's WebAuthn call takes it: binary fields from base64url.
  function requestOptions(options) {
    options.challenge = fromBase64Url(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: fromBase64Url(c.id) });
    });
    return options;
  }

  function say(element, text) {
    if (element) { element.textContent = text; element.hidden = false; }
  }

  function register(form) {
    var status = document.getElementById(form.getAttribute("data-status"));
    var label = form.querySelector("input[name=label]").value.trim();
    if (!label) { say(status, form.getAttribute("data-label-missing")); return; }
    post(form.getAttribute("data-options"))
      .then(function (options) {
        options.challenge = fromBase64Url(options.challenge);
        options.user.id = fromBase64Url(options.user.id);
        options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: fromBase64Url(c.id) });
        });
        return navigator.credentials.create({ publicKey: options });
      })
      .then(function (credential) {
        return post(form.getAttribute("data-register"), {
          publicKey: {
            label: label,
            credential: {
              id: credential.id,
              rawId: toBase64Url(credential.rawId),
              response: {
                attestationObject: toBase64Url(credential.response.attestationObject),
                clientDataJSON: toBase64Url(credential.response.clientDataJSON),
                transports: credential.response.getTransports ? credential.response.getTransports() : []
              },
              type: credential.type,
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            }
          }
        });
      })
      .then(function (result) {
        if (!result || !result.success) { throw new Error("refused"); }
        window.location.assign(form.getAttribute("data-done"));
      })
      .catch(function () { say(status, form.getAttribute("data-failed")); });
  }

  function signIn(button) {
    var status = document.getElementById(button.getAttribute("data-status"));
    post(button.getAttribute("data-options"))
      .then(function (options) {
        return navigator.credentials.get({ publicKey: requestOptions(options) });
      })
      .then(function (credential) {
        return post(button.getAttribute("data-login"), assertion(credential));
      })
      .then(function (result) {
        if (!result || !result.authenticated) { throw new Error("refused"); }
        window.location.assign(result.redirectUrl || "/");
      })
      .catch(function () { say(status, button.getAttribute("data-failed")); });
  }

  // Signing a document with a passkey: the device signs a fresh challenge, and its answer goes into
  // the signing form in place of the password, which is then sent as it is.
  function signDocument(button) {
    var status = document.getElementById(button.getAttribute("data-status"));
    var form = document.getElementById(button.getAttribute("data-form"));
    post(button.getAttribute("data-challenge"))
      .then(function (options) {
        return navigator.credentials.get({ publicKey: requestOptions(options) });
      })
      .then(function (credential) {
        form.querySelector("input[name=passkey]").value = JSON.stringify(assertion(credential));
        // submitted without a button, so the decision is the default one: sign
        form.submit();
      })
      .catch(function () { say(status, button.getAttribute("data-failed")); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var signing = document.getElementById("sign-with-passkey");
    if (signing && window.PublicKeyCredential) {
      signing.hidden = false;
      signing.addEventListener("click", function () { signDocument(signing); });
    }
    var form = document.getElementById("passkey-register");
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); register(form); });
    }
    var button = document.getElementById("passkey-sign-in");
    if (button) {
      if (!window.PublicKeyCredential) { button.hidden = true; return; }
      button.hidden = false;
      button.addEventListener("click", function () { signIn(button); });
    }
  });
})();
