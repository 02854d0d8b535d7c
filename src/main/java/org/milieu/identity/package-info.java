/**
 * Who may sign in and what they are: accounts, roles, Argon2id password hashes and the
 * sign-in itself. Passwords are never stored or logged in clear; a resident's account points at
 * their resident record by id only, because identity sits upstream of every feature module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "audit" }, displayName = "Identity and access")
package org.milieu.identity;
