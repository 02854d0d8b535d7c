/**
 * Individualized treatment plans: one plan per resident, kept as versions. The resident's clinician
 * drafts a version; the resident reads all of it and adds goals and comments in their own words; every
 * part names who wrote it. A version is signed through the one signature component
 * ({@code signatures}): once anyone has signed it, it never changes, and a change makes the next
 * version, which needs new signatures. It comes into force when the clinician has signed and the
 * resident has signed or declined; the version in force before it is then superseded. A review rates
 * every objective of the version in force, takes the resident's comment, may start the next version,
 * and never changes once signed. An objective may
 * be linked to one of the resident's level criteria still ahead; the signed reviews' ratings of it are
 * then level evidence, supplied to the levels module as PLAN_OBJECTIVE facts ({@code levels::facts}). The
 * first plan is due within the program's deadline after admission, and a plan in force is reviewed on
 * the program's interval and after a level change, a major incident or a readmission (events it hears).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity",
		"audit", "residents", "signatures", "levels::facts", "levels::reviews" }, displayName = "Treatment plans")
package org.milieu.plans;
