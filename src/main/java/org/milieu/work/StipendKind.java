package org.milieu.work;

/** What a stipend ledger entry is; its sign follows from it (a reversal takes the opposite sign of the entry it reverses). */
public enum StipendKind {

	/** Earned by work completed and verified; adds. */
	EARNED,
	/** A bonus staff grant with a reason; adds. */
	BONUS,
	/** Taken by an approved consequence (a clinician or the director approves it); takes. */
	DEDUCTION,
	/** Paid out to the resident in a payout batch; takes. */
	PAYOUT,
	/** Undoes one earlier entry, with a reason; takes what it added or gives back what it took. */
	REVERSAL
}
