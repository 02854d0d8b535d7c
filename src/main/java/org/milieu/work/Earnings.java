package org.milieu.work;

/**
 * What a verified completion earns. Not done earns nothing. A job paid per completion pays its rate
 * when done and half of it (rounded down) when partly done. A job paid per hour pays its rate for
 * the minutes worked, rounded to the nearest cent (half up), done or partly done.
 */
final class Earnings {

	private Earnings() {
	}

	static long of(String rateUnit, long rateCents, CompletionOutcome outcome, int minutes) {
		if (outcome == CompletionOutcome.NOT_DONE) {
			return 0;
		}
		if ("PER_HOUR".equals(rateUnit)) {
			return (rateCents * minutes * 2 + 60) / 120;
		}
		return outcome == CompletionOutcome.DONE ? rateCents : rateCents / 2;
	}
}
