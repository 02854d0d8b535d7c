package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.milieu.shared.RuleViolation;

class RecurrenceTests {

	private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

	@Test
	void aWeeklyGroupOnMondaysAndThursdaysFallsOnThoseDaysOnly() {
		Recurrence weekly = Recurrence.of("FREQ=WEEKLY;BYDAY=MO,TH", MONDAY);

		assertThat(weekly.dates(MONDAY, MONDAY.plusDays(13))).containsExactly(MONDAY, MONDAY.plusDays(3),
				MONDAY.plusDays(7), MONDAY.plusDays(10));
	}

	@Test
	void theRangeIncludesItsLastDayAndNothingBeforeTheFirstDate() {
		Recurrence daily = Recurrence.of("RRULE:FREQ=DAILY", MONDAY);

		assertThat(daily.dates(MONDAY.minusDays(5), MONDAY.plusDays(2))).containsExactly(MONDAY, MONDAY.plusDays(1),
				MONDAY.plusDays(2));
		assertThat(daily.dates(MONDAY.plusDays(2), MONDAY.plusDays(2))).containsExactly(MONDAY.plusDays(2));
	}

	@Test
	void aRuleWithACountOrAnUntilHasALastDateAndAnOpenRuleHasNone() {
		assertThat(Recurrence.of("FREQ=WEEKLY;COUNT=3", MONDAY).lastDate()).contains(MONDAY.plusWeeks(2));
		assertThat(Recurrence.of("FREQ=WEEKLY;UNTIL=20270125", MONDAY).lastDate()).contains(MONDAY.plusWeeks(3));
		assertThat(Recurrence.of("FREQ=WEEKLY;INTERVAL=2", MONDAY).lastDate()).isEmpty();
	}

	@Test
	void aRuleThatIsNotASessionsRuleIsRefusedNamingTheRule() {
		assertThatThrownBy(() -> Recurrence.of("FREQ=HOURLY", MONDAY)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("session.rrule.frequency");
		assertThatThrownBy(() -> Recurrence.of("FREQ=WEEKLY;BYHOUR=10", MONDAY)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("session.rrule.time");
		assertThatThrownBy(() -> Recurrence.of("every monday", MONDAY)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("session.rrule.invalid");
		assertThatThrownBy(() -> Recurrence.of("FREQ=WEEKLY;UNTIL=20261201", MONDAY)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("session.rrule.until");
		assertThatThrownBy(() -> Recurrence.of("FREQ=WEEKLY;UNTIL=20270301T100000Z", MONDAY))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void theRuleIsStoredInItsCanonicalForm() {
		assertThat(Recurrence.of("rrule:freq=weekly;byday=mo", MONDAY).text()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
	}
}
