package org.milieu.levels.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.levels.Level;
import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.RatingDomain;

/** The timeline's arithmetic, without Spring: level steps from the history, weeks from days. */
class LevelTimelineTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static LevelHistoryEntry entry(Level level, LocalDate on) {
		return new LevelHistoryEntry(level, on, "clinician", "reason");
	}

	@Test
	void eachStepLastsUntilTheDayBeforeTheNextAndTheLastIsOpen() {
		List<LevelStep> steps = LevelTimeline.steps(List.of(entry(Level.STABILISATION, TODAY.minusDays(5)),
				entry(Level.SAFETY, TODAY.minusDays(40))), TODAY.minusDays(29), TODAY);
		assertThat(steps).containsExactly(new LevelStep(Level.SAFETY, TODAY.minusDays(40), TODAY.minusDays(6)),
				new LevelStep(Level.STABILISATION, TODAY.minusDays(5), null));
	}

	@Test
	void stepsThatEndedBeforeTheWindowAreLeftOut() {
		List<LevelStep> steps = LevelTimeline.steps(List.of(entry(Level.RESPONSIBILITY, TODAY.minusDays(20)),
				entry(Level.STABILISATION, TODAY.minusDays(60)), entry(Level.SAFETY, TODAY.minusDays(90))),
				TODAY.minusDays(29), TODAY);
		assertThat(steps).extracting(LevelStep::level).containsExactly(Level.STABILISATION, Level.RESPONSIBILITY);
	}

	@Test
	void ofTwoDecisionsTakingEffectTheSameDayTheLaterRecordedStands() {
		// newest first, as the history reads: the later recorded decision comes first for the same day
		List<LevelStep> steps = LevelTimeline.steps(List.of(entry(Level.SAFETY, TODAY.minusDays(3)),
				entry(Level.STABILISATION, TODAY.minusDays(3)), entry(Level.SAFETY, TODAY.minusDays(50))),
				TODAY.minusDays(29), TODAY);
		assertThat(steps).containsExactly(new LevelStep(Level.SAFETY, TODAY.minusDays(50), TODAY.minusDays(4)),
				new LevelStep(Level.SAFETY, TODAY.minusDays(3), null));
	}

	@Test
	void aWeekWeighsEveryRatedShiftAlikeAndSafetyIsTheShareOfSafeShifts() {
		List<RatingSpan> days = new ArrayList<>();
		for (int back = 9; back >= 0; back--) {
			days.add(new RatingSpan(TODAY.minusDays(back), TODAY.minusDays(back), Map.of()));
		}
		// one day with three hygiene ratings averaging 2, one with a single 4: the week's mean is 2.5, not 3
		days.set(9, new RatingSpan(TODAY, TODAY, Map.of(RatingDomain.HYGIENE, new Tally(3, 6),
				RatingDomain.SAFETY, new Tally(3, 2))));
		days.set(8, new RatingSpan(TODAY.minusDays(1), TODAY.minusDays(1), Map.of(RatingDomain.HYGIENE, new Tally(1, 4),
				RatingDomain.SAFETY, new Tally(1, 1))));
		Timeline timeline = new Timeline(UUID.randomUUID(), "Mina Abernathy", TODAY.minusDays(9), TODAY, days, List.of());
		List<RatingSpan> weeks = timeline.weeks();
		assertThat(weeks).hasSize(2);
		assertThat(weeks.get(0).from()).isEqualTo(TODAY.minusDays(6));
		assertThat(weeks.get(0).to()).isEqualTo(TODAY);
		assertThat(weeks.get(0).average(RatingDomain.HYGIENE)).isEqualTo(2.5);
		assertThat(weeks.get(0).average(RatingDomain.SAFETY)).isEqualTo(0.75);
		assertThat(weeks.get(0).destructive()).isEqualTo(1);
		assertThat(weeks.get(0).average(RatingDomain.RESPECT)).isNull();
		// the oldest week is what is left of the window: three days
		assertThat(weeks.get(1).from()).isEqualTo(TODAY.minusDays(9));
		assertThat(weeks.get(1).to()).isEqualTo(TODAY.minusDays(7));
		assertThat(weeks.get(1).rated()).isFalse();
	}

	@Test
	void averagesAreRoundedToTwoDecimals() {
		assertThat(new Tally(3, 8).average()).isEqualTo(2.67);
		assertThat(Tally.NONE.average()).isNull();
	}

	@Test
	void theLevelOnADayIsTheStepCoveringIt() {
		Timeline timeline = new Timeline(UUID.randomUUID(), "Otto Brandt", TODAY.minusDays(29), TODAY, List.of(),
				List.of(new LevelStep(Level.SAFETY, TODAY.minusDays(40), TODAY.minusDays(6)),
						new LevelStep(Level.STABILISATION, TODAY.minusDays(5), null)));
		assertThat(timeline.levelOn(TODAY.minusDays(6))).contains(Level.SAFETY);
		assertThat(timeline.levelOn(TODAY.minusDays(5))).contains(Level.STABILISATION);
		assertThat(timeline.levelOn(TODAY.minusDays(41))).isEmpty();
	}
}
