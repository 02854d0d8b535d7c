/**
 * Where residents live and since when: houses and their beds, residents, and stays (admission
 * to a bed until discharge). A bed holds one resident at a time and a resident has one open
 * stay at a time; the database enforces both. Stays are closed by discharge, never deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit" }, displayName = "Residents")
package org.milieu.residents;
