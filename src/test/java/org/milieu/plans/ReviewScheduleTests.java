package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.plans.PlanDue.Due;
import org.milieu.plans.PlanDue.Reason;
import org.milieu.plans.PlanDue.Standing;

/** The deadline arithmetic of plans and reviews, on the program's dates. */
class ReviewScheduleTests {

	static final LocalDate ADMITTED = LocalDate.of(2026, 12, 1);

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Test
	void theFirstPlanIsDueOnTheDeadlineDayAndOverdueTheDayAfter() {
		PlanTerms terms = new PlanTerms(7, 30, 1);

		assertThat(ReviewSchedule.initialPlan(ADMITTED, ADMITTED, terms)).isEqualTo(new Due(LocalDate.of(2026, 12, 8),
				Standing.DUE, null));
		assertThat(ReviewSchedule.initialPlan(LocalDate.of(2026, 12, 8), ADMITTED, terms).standing()).isEqualTo(Standing.DUE);
		assertThat(ReviewSchedule.initialPlan(LocalDate.of(2026, 12, 9), ADMITTED, terms).standing())
			.isEqualTo(Standing.OVERDUE);
	}

	@Test
	void aLongerDeadlineIsUpcomingUntilAWeekBefore() {
		PlanTerms terms = new PlanTerms(14, 30, 1);

		assertThat(ReviewSchedule.initialPlan(ADMITTED, ADMITTED, terms).standing()).isEqualTo(Standing.UPCOMING);
		assertThat(ReviewSchedule.initialPlan(ADMITTED.plusDays(7), ADMITTED, terms).standing()).isEqualTo(Standing.DUE);
	}

	@Test
	void theNextReviewCountsFromTheDayThePlanCameIntoForceInTheProgramsTimeZone() {
		// 05:30 UTC on 11 December is still 10 December in Los Angeles
		Instant inForce = Instant.parse("2026-12-11T05:30:00Z");

		Due due = ReviewSchedule.review(LocalDate.of(2026, 12, 20), LOS_ANGELES, inForce, null, 30, List.of());
		Due inUtc = ReviewSchedule.review(LocalDate.of(2026, 12, 20), ZoneId.of("UTC"), inForce, null, 30, List.of());

		assertThat(due).isEqualTo(new Due(LocalDate.of(2027, 1, 9), Standing.UPCOMING, Reason.SCHEDULED));
		assertThat(inUtc.dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
	}

	@Test
	void aSignedReviewAfterThePlanCameIntoForceStartsTheNextInterval() {
		Instant inForce = Instant.parse("2026-12-10T18:00:00Z");

		Due due = ReviewSchedule.review(LocalDate.of(2027, 1, 12), LOS_ANGELES, inForce, LocalDate.of(2027, 1, 8), 30,
				List.of());
		Due olderReview = ReviewSchedule.review(LocalDate.of(2027, 1, 12), LOS_ANGELES, inForce, LocalDate.of(2026, 12, 1),
				30, List.of());

		assertThat(due.dueOn()).isEqualTo(LocalDate.of(2027, 2, 7));
		assertThat(due.standing()).isEqualTo(Standing.UPCOMING);
		assertThat(olderReview.dueOn()).isEqualTo(LocalDate.of(2027, 1, 9));
		assertThat(olderReview.standing()).isEqualTo(Standing.OVERDUE);
	}

	@Test
	void aResidentsOwnShorterIntervalBringsTheReviewDueSooner() {
		Instant inForce = Instant.parse("2026-12-10T18:00:00Z");

		Due programs = ReviewSchedule.review(LocalDate.of(2026, 12, 15), LOS_ANGELES, inForce, null, 30, List.of());
		Due own = ReviewSchedule.review(LocalDate.of(2026, 12, 15), LOS_ANGELES, inForce, null, 10, List.of());

		assertThat(programs.standing()).isEqualTo(Standing.UPCOMING);
		assertThat(own).isEqualTo(new Due(LocalDate.of(2026, 12, 20), Standing.DUE, Reason.SCHEDULED));
	}

	@Test
	void anOpenRequestMakesTheReviewDueNowWithItsReasonUnlessTheScheduledOneIsOverdue() {
		Instant inForce = Instant.parse("2026-12-10T18:00:00Z");
		List<PlanDue.Request> open = List.of(new PlanDue.Request(UUID.randomUUID(), Reason.MAJOR_INCIDENT,
				LocalDate.of(2026, 12, 14), UUID.randomUUID()));

		Due asked = ReviewSchedule.review(LocalDate.of(2026, 12, 15), LOS_ANGELES, inForce, null, 30, open);
		Due overdue = ReviewSchedule.review(LocalDate.of(2027, 1, 20), LOS_ANGELES, inForce, null, 30, open);

		assertThat(asked).isEqualTo(new Due(LocalDate.of(2026, 12, 14), Standing.DUE, Reason.MAJOR_INCIDENT));
		assertThat(overdue).isEqualTo(new Due(LocalDate.of(2027, 1, 9), Standing.OVERDUE, Reason.SCHEDULED));
	}
}
