/**
 * Drug screens: each specimen collected from a resident (or refused), the panel it was tested on,
 * whether collection was observed, its chain-of-custody form and a result per substance. The
 * screen's outcome is derived from those results, never typed in. A positive or refused screen
 * opens a follow-up for the resident's clinicians. Screens are kept for good; every read and
 * write passes the access policy for {@code DRUG_SCREENS} (42 CFR Part 2 records) and is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit", "residents" }, displayName = "Drug screens")
package org.milieu.screening;
