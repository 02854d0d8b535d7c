package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a verified completion earns, per completion and per hour. */
class EarningsTests {

	@Test
	void perCompletionPaysTheRateWhenDoneAndHalfWhenPartlyDone() {
		assertThat(Earnings.of("PER_COMPLETION", 500, CompletionOutcome.DONE, 30)).isEqualTo(500);
		assertThat(Earnings.of("PER_COMPLETION", 501, CompletionOutcome.PARTLY_DONE, 30)).isEqualTo(250);
		assertThat(Earnings.of("PER_COMPLETION", 500, CompletionOutcome.NOT_DONE, 30)).isZero();
	}

	@Test
	void perHourPaysTheMinutesWorkedRoundedToTheCent() {
		assertThat(Earnings.of("PER_HOUR", 600, CompletionOutcome.DONE, 60)).isEqualTo(600);
		assertThat(Earnings.of("PER_HOUR", 600, CompletionOutcome.PARTLY_DONE, 25)).isEqualTo(250);
		assertThat(Earnings.of("PER_HOUR", 100, CompletionOutcome.DONE, 1)).isEqualTo(2);
		assertThat(Earnings.of("PER_HOUR", 100, CompletionOutcome.DONE, 0)).isZero();
		assertThat(Earnings.of("PER_HOUR", 700, CompletionOutcome.NOT_DONE, 60)).isZero();
	}
}
