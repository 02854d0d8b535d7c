/**
 * Work-related activities: the job catalogue, residents' job preferences, the weekly roster and
 * its assignments, each person's completion and its verification, the append-only stipend ledger
 * with payouts, the separate incentive ledger, and the work-and-skills record a resident takes
 * along at discharge. A resident's work, stipend and incentives are their own records
 * ({@code WORK_AND_STIPENDS}): every read and change passes the access policy and is audited.
 * Amounts are integer cents with a currency; nothing is deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit",
		"residents", "levels", "levels::privileges", "levels::facts" }, displayName = "Work and stipends")
package org.milieu.work;
