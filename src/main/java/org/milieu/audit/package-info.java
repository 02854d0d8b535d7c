/**
 * The tamper-evident audit trail: who did what to whose data, when, from where, why and with
 * what outcome. Rows are append-only and hash-chained in the database itself; a change and its
 * audit row commit in the same transaction, and a denial is kept even when the request fails.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web" },
		displayName = "Audit trail")
package org.milieu.audit;
