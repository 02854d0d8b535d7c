package org.milieu.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The thresholds and the tie rule, at their edges. */
class ThresholdsTests {

	@Test
	void anOrdinaryMotionCarriesWithMoreYesThanNoAndATieDoesNot() {
		assertThat(Thresholds.decide(MotionKind.ORDINARY, 5, 4)).isEqualTo(Outcome.CARRIED);
		assertThat(Thresholds.decide(MotionKind.ORDINARY, 4, 4)).isEqualTo(Outcome.TIE);
		assertThat(Thresholds.decide(MotionKind.ORDINARY, 3, 4)).isEqualTo(Outcome.FAILED);
		assertThat(Thresholds.decide(MotionKind.ORDINARY, 0, 0)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void aRuleChangeNeedsTwoThirdsOfTheYesAndNo() {
		assertThat(Thresholds.decide(MotionKind.RULE_CHANGE, 6, 3)).isEqualTo(Outcome.CARRIED);
		assertThat(Thresholds.decide(MotionKind.RULE_CHANGE, 2, 1)).isEqualTo(Outcome.CARRIED);
		assertThat(Thresholds.decide(MotionKind.RULE_CHANGE, 5, 3)).isEqualTo(Outcome.FAILED);
		assertThat(Thresholds.decide(MotionKind.RULE_CHANGE, 13, 7)).isEqualTo(Outcome.FAILED);
		assertThat(Thresholds.decide(MotionKind.RULE_CHANGE, 2, 2)).isEqualTo(Outcome.TIE);
	}

	@Test
	void anElectionGoesToTheOneCandidateWithMostVotesAndATieAtTheTopElectsNoOne() {
		UUID ana = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		UUID cy = UUID.randomUUID();
		Map<UUID, Integer> votes = new LinkedHashMap<>(Map.of(ana, 4, ben, 2));
		assertThat(Thresholds.electionOutcome(votes)).isEqualTo(Outcome.CARRIED);
		assertThat(Thresholds.elected(votes)).isEqualTo(ana);
		votes.put(cy, 4);
		assertThat(Thresholds.electionOutcome(votes)).isEqualTo(Outcome.TIE);
		assertThat(Thresholds.elected(votes)).isNull();
		assertThat(Thresholds.electionOutcome(Map.of())).isEqualTo(Outcome.FAILED);
	}
}
