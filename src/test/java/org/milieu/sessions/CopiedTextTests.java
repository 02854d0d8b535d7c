package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How "nearly the same" is measured, on observations as clinicians write them: a copy with a name or
 * a few words changed, or with a sentence added, is caught; two observations written for two
 * residents of the same group, even about the same exercise and with a common phrase, are not.
 */
class CopiedTextTests {

	private static final String MARIA = "Maria named two triggers for her cravings, being alone at night and payday, "
			+ "and practised urge surfing with the group; she asked for the worksheet to take back to her room.";

	@Test
	void theSameTextWithOtherCaseAndPunctuationIsACopy() {
		assertThat(CopiedText.copied(MARIA, MARIA.toUpperCase().replace(",", "").replace(";", "."))).isTrue();
		assertThat(CopiedText.similarity(MARIA, MARIA)).isEqualTo(1.0);
	}

	@Test
	void aCopyWithTheNameAndTwoWordsChangedIsStillACopy() {
		String jose = "Jose named two triggers for his cravings, being alone at night and payday, "
				+ "and practised urge surfing with the group; he asked for the worksheet to take back to his room.";
		assertThat(CopiedText.similarity(MARIA, jose)).isGreaterThanOrEqualTo(CopiedText.THRESHOLD);
		assertThat(CopiedText.copied(MARIA, jose)).isTrue();
	}

	@Test
	void aPastedSentenceInsideANewTextIsACopyByItsLongRun() {
		String pasted = "Quiet at first. Named two triggers for her cravings, being alone at night and payday, which "
				+ "she had not said before in group; left early for a medical appointment.";
		assertThat(CopiedText.similarity(MARIA, pasted)).isLessThan(CopiedText.THRESHOLD);
		assertThat(CopiedText.longestSharedRun(MARIA, pasted)).isGreaterThanOrEqualTo(CopiedText.LONG_RUN);
		assertThat(CopiedText.copied(MARIA, pasted)).isTrue();
	}

	@Test
	void twoObservationsOfTheSameExerciseWrittenForEachResidentAreNotCopies() {
		String ana = "Ana practised urge surfing with the group but said the exercise felt silly; she could not name "
				+ "a trigger yet and agreed to keep a cravings diary this week.";
		String luis = "Luis led the urge surfing exercise for the newer residents and described how payday used to "
				+ "end in a relapse; he offered to share his cravings plan.";
		assertThat(CopiedText.similarity(ana, luis)).isLessThan(0.1);
		assertThat(CopiedText.longestSharedRun(ana, luis)).isLessThan(CopiedText.LONG_RUN);
		assertThat(CopiedText.copied(ana, luis)).isFalse();
		assertThat(CopiedText.copied(MARIA, ana)).isFalse();
	}

	@Test
	void shortStockPhrasesAreCopiesWhenTheWholeObservationIsThePhrase() {
		assertThat(CopiedText.copied("Participated well.", "participated  WELL")).isTrue();
		assertThat(CopiedText.copied("Participated well.", "Participated well and asked about relapse plans.")).isFalse();
	}

	@Test
	void accentsAndSpanishTextAreComparedByTheirLetters() {
		assertThat(CopiedText.copied("Participó con atención y habló de su recaída del último mes con el grupo.",
				"participo con atencion y hablo de su recaida del ultimo mes con el grupo")).isTrue();
	}

	@Test
	void theTopicWordsInAnObservationAreNoCopyOfTheSharedPart() {
		String topic = "Coping with cravings";
		assertThat(CopiedText.copied("Spoke about coping with cravings at work and asked for a sponsor.", topic)).isFalse();
		assertThat(CopiedText.copied("coping with cravings", topic)).isTrue();
	}
}
