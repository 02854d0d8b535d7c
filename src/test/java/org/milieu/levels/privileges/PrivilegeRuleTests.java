package org.milieu.levels.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rule that decides one privilege for one resident, without Spring or a database. */
class PrivilegeRuleTests {

	private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static final Privilege VISITS = privilege("VISITS", 2, true);

	@Test
	void aPrivilegeComesWithItsLevelAndEveryLevelAbove() {
		assertThat(decide(VISITS, 1).allowed()).isFalse();
		assertThat(decide(VISITS, 2).allowed()).isTrue();
		assertThat(decide(VISITS, 4).allowed()).isTrue();
		Answer below = decide(VISITS, 1);
		assertThat(below.basis()).isEqualTo(Answer.Basis.LEVEL);
		assertThat(below.reasonKey()).isEqualTo("privilege.answer.needsLevel");
		assertThat(below.arguments()).containsExactly(2, 1);
		assertThat(decide(VISITS, 3).reasonKey()).isEqualTo("privilege.answer.level");
	}

	@Test
	void aGrantInForceAllowsAPrivilegeBelowTheLevelAndSaysUntilWhen() {
		PrivilegeAdjustment grant = adjustment(AdjustmentKind.GRANT, NOW.minus(Duration.ofHours(1)),
				Instant.parse("2026-11-29T00:00:00Z"), "Grandmother visiting from out of state");
		Answer answer = decide(VISITS, 1, grant);
		assertThat(answer.allowed()).isTrue();
		assertThat(answer.basis()).isEqualTo(Answer.Basis.GRANT);
		assertThat(answer.reasonKey()).isEqualTo("privilege.answer.granted");
		assertThat(answer.arguments()).as("the end in the program's time zone, and the reason")
			.containsExactly("2026-11-28 18:00", "Grandmother visiting from out of state");
	}

	@Test
	void aRestrictionInForceBeatsTheLevelAndAnyGrant() {
		PrivilegeAdjustment restriction = adjustment(AdjustmentKind.RESTRICT, NOW.minus(Duration.ofDays(1)), null,
				"Visitor brought alcohol");
		PrivilegeAdjustment grant = adjustment(AdjustmentKind.GRANT, NOW.minus(Duration.ofDays(2)), null, "Family day");
		Answer answer = decide(VISITS, 4, restriction, grant);
		assertThat(answer.allowed()).isFalse();
		assertThat(answer.basis()).isEqualTo(Answer.Basis.RESTRICTION);
		assertThat(answer.reasonKey()).isEqualTo("privilege.answer.restrictedOpen");
		assertThat(answer.arguments()).containsExactly("Visitor brought alcohol");
	}

	@Test
	void ofTwoRestrictionsTheOneThatLastsLongestIsNamed() {
		PrivilegeAdjustment shorter = adjustment(AdjustmentKind.RESTRICT, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(1)), "Short");
		PrivilegeAdjustment longer = adjustment(AdjustmentKind.RESTRICT, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(6)), "Long");
		assertThat(decide(VISITS, 3, shorter, longer).arguments()).endsWith("Long");
	}

	@Test
	void expiredEndedAndUpcomingAdjustmentsAreIgnored() {
		PrivilegeAdjustment expired = adjustment(AdjustmentKind.RESTRICT, NOW.minus(Duration.ofDays(8)),
				NOW.minus(Duration.ofDays(1)), "Last week");
		PrivilegeAdjustment ended = new PrivilegeAdjustment(UUID.randomUUID(), UUID.randomUUID(), "VISITS",
				AdjustmentKind.RESTRICT, NOW.minus(Duration.ofDays(3)), null, "Open-ended", "clinician",
				NOW.minus(Duration.ofDays(3)), "clinician", NOW.minus(Duration.ofMinutes(5)), "Made amends");
		PrivilegeAdjustment upcoming = adjustment(AdjustmentKind.GRANT, NOW.plus(Duration.ofDays(1)), null, "Next week");
		Answer answer = decide(VISITS, 2, expired, ended);
		assertThat(answer.allowed()).isTrue();
		assertThat(answer.basis()).isEqualTo(Answer.Basis.LEVEL);
		assertThat(decide(VISITS, 1, upcoming).allowed()).as("a grant from tomorrow does not allow it today").isFalse();
		assertThat(ended.status(NOW)).isEqualTo(PrivilegeAdjustment.Status.ENDED);
		assertThat(upcoming.status(NOW)).isEqualTo(PrivilegeAdjustment.Status.UPCOMING);
		assertThat(upcoming.status(NOW.plus(Duration.ofDays(2)))).isEqualTo(PrivilegeAdjustment.Status.IN_FORCE);
	}

	@Test
	void aPrivilegeTheProgramDoesNotOfferIsRefusedEvenWithAGrant() {
		Privilege off = privilege("EVENING_OUT", 4, false);
		PrivilegeAdjustment grant = adjustment(AdjustmentKind.GRANT, NOW.minus(Duration.ofHours(1)), null, "Birthday");
		Answer answer = decide(off, 4, grant);
		assertThat(answer.allowed()).isFalse();
		assertThat(answer.basis()).isEqualTo(Answer.Basis.INACTIVE);
	}

	private static Answer decide(Privilege privilege, int level, PrivilegeAdjustment... adjustments) {
		return PrivilegeRule.decide(privilege, level, List.of(adjustments), NOW, CHICAGO);
	}

	private static Privilege privilege(String code, int minLevel, boolean active) {
		return new Privilege(UUID.randomUUID(), code, null, null, minLevel, active, false, 1, "system", NOW);
	}

	private static PrivilegeAdjustment adjustment(AdjustmentKind kind, Instant from, Instant until, String reason) {
		return new PrivilegeAdjustment(UUID.randomUUID(), UUID.randomUUID(), "VISITS", kind, from, until, reason,
				"clinician", from, null, null, null);
	}
}
