/**
 * The product's one electronic signature. A module that wants its documents signed implements
 * {@link org.milieu.signatures.SignableKind}: the exact content of a version, its title, the resident
 * it belongs to and who may sign it in which meaning. Signing asks the signer for their credential
 * again, stores who signed, in which role and meaning, when, how, and a SHA-256 hash of the exact
 * content, in an append-only table; a stored signature can be checked against the content at any
 * time. Owners learn of signatures through {@link org.milieu.signatures.DocumentSigned} and
 * {@link org.milieu.signatures.SignatureDeclined}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit" }, displayName = "Electronic signatures")
package org.milieu.signatures;
