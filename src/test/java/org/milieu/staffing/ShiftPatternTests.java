package org.milieu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.milieu.shared.RuleViolation;

class ShiftPatternTests {

	static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

	ShiftOccurrence at(ShiftPattern pattern, String dateTime) {
		return pattern.at(ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), ZONE).toInstant(), ZONE);
	}

	@Test
	void theDefaultDayHasADayAnEveningAndANightShiftThatRunsPastMidnight() {
		ShiftPattern p = ShiftPattern.DEFAULT;
		assertThat(at(p, "2026-11-26T07:00")).extracting(ShiftOccurrence::shift, ShiftOccurrence::date)
			.containsExactly(ShiftCode.DAY, LocalDate.of(2026, 11, 26));
		assertThat(at(p, "2026-11-26T14:59")).extracting(ShiftOccurrence::shift).isEqualTo(ShiftCode.DAY);
		assertThat(at(p, "2026-11-26T15:00")).extracting(ShiftOccurrence::shift).isEqualTo(ShiftCode.EVENING);
		assertThat(at(p, "2026-11-26T23:30")).extracting(ShiftOccurrence::shift, ShiftOccurrence::date)
			.containsExactly(ShiftCode.NIGHT, LocalDate.of(2026, 11, 26));
		ShiftOccurrence early = at(p, "2026-11-27T03:00");
		assertThat(early.shift()).isEqualTo(ShiftCode.NIGHT);
		assertThat(early.date()).as("the night shift belongs to the evening it began").isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(early.endsAt()).isEqualTo(ZonedDateTime.of(2026, 11, 27, 7, 0, 0, 0, ZONE).toInstant());
	}

	@Test
	void aNightShiftStartingAfterMidnightLeavesTheLateEveningToTheEveningShift() {
		ShiftPattern p = new ShiftPattern(LocalTime.of(8, 0), LocalTime.of(16, 0), LocalTime.of(0, 30));
		ShiftOccurrence late = at(p, "2026-11-27T00:10");
		assertThat(late.shift()).isEqualTo(ShiftCode.EVENING);
		assertThat(late.date()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(at(p, "2026-11-27T00:30").shift()).isEqualTo(ShiftCode.NIGHT);
		assertThat(at(p, "2026-11-27T07:59").shift()).isEqualTo(ShiftCode.NIGHT);
	}

	@Test
	void shiftsOutOfOrderAreRefusedNamingTheField() {
		assertThatThrownBy(() -> new ShiftPattern(LocalTime.of(15, 0), LocalTime.of(7, 0), LocalTime.of(23, 0)))
			.isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("eveningStarts");
		assertThatThrownBy(() -> new ShiftPattern(LocalTime.of(7, 0), LocalTime.of(15, 0), LocalTime.of(10, 0)))
			.isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("nightStarts");
	}

	@Test
	void theRatioIsUnderTheMinimumOnlyWhenThereAreMoreResidentsPerStaffMemberThanAllowed() {
		assertThat(HouseStaffing.of(null, "H", 16, 16, 2, 8, ShiftCode.DAY).belowMinimum()).isFalse();
		assertThat(HouseStaffing.of(null, "H", 16, 16, 2, 8, ShiftCode.DAY).residentsPerStaff()).isEqualTo(8.0);
		assertThat(HouseStaffing.of(null, "H", 16, 17, 2, 8, ShiftCode.DAY).belowMinimum()).isTrue();
		assertThat(HouseStaffing.of(null, "H", 16, 3, 0, 8, ShiftCode.DAY).belowMinimum()).as("no staff at all").isTrue();
		assertThat(HouseStaffing.of(null, "H", 16, 3, 0, 8, ShiftCode.DAY).residentsPerStaff()).isNull();
		assertThat(HouseStaffing.of(null, "H", 16, 0, 0, 8, ShiftCode.DAY).belowMinimum()).as("an empty house").isFalse();
	}
}
