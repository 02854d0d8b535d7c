package org.milieu.levels.scheme;

import static org.milieu.levels.scheme.CriterionKind.ATTENDANCE;
import static org.milieu.levels.scheme.CriterionKind.ATTENDANCE_CLEAR;
import static org.milieu.levels.scheme.CriterionKind.FAMILY_CONTACT_WEEKLY;
import static org.milieu.levels.scheme.CriterionKind.NO_DESTRUCTIVE_BEHAVIOUR;
import static org.milieu.levels.scheme.CriterionKind.NO_MAJOR_INCIDENT;
import static org.milieu.levels.scheme.CriterionKind.RATING_AVERAGE;
import static org.milieu.levels.scheme.CriterionKind.RATING_SHARE;
import static org.milieu.levels.scheme.CriterionKind.RESPONSIBILITY_ACKNOWLEDGED;
import static org.milieu.levels.scheme.CriterionKind.WORK_COMPLETION;

import java.util.ArrayList;
import java.util.List;

import org.milieu.levels.RatingDomain;

/**
 * The four levels of the mission with their default criteria: each level asks the conditions of
 * the one before over a longer window, and more. Days at a level are the level's minimum days
 * (7 at level 1, 14 at level 2, 21 at level 3), which the evidence adds as a criterion of the next.
 * Every threshold and window can be changed by publishing a new scheme version. Adequate on the four-point scale means fair (2) or better.
 */
public final class DefaultScheme {

	private DefaultScheme() {
	}

	public static LevelScheme scheme() {
		return new LevelScheme(null, null, null, null, null, List.of(
				new SchemeLevel(1, null, null, null, null, 7, List.of()),
				new SchemeLevel(2, null, null, null, null, 14, stable(7)),
				new SchemeLevel(3, null, null, null, null, 21, responsible(14)),
				new SchemeLevel(4, null, null, null, null, 0, leadership(21))), true, true);
	}

	/** Level 4: the level-3 conditions over 21 days, respect and interaction, work. */
	private static List<Criterion> leadership(int window) {
		List<Criterion> criteria = new ArrayList<>(responsible(window));
		criteria.add(new Criterion("respect", RATING_AVERAGE, window, 3.0, RatingDomain.RESPECT, null, false));
		criteria.add(Criterion.of("work", WORK_COMPLETION, window, 90));
		return criteria;
	}

	/** Level 2: no destructive behaviour, hygiene, orientation, groups without confusion. */
	private static List<Criterion> stable(int window) {
		return List.of(Criterion.of("no-destructive-behaviour", NO_DESTRUCTIVE_BEHAVIOUR, window, 0),
				new Criterion("hygiene", RATING_SHARE, window, 80, RatingDomain.HYGIENE, 2, false),
				new Criterion("orientation", RATING_SHARE, window, 90, RatingDomain.ORIENTATION, 2, false),
				Criterion.of("groups", ATTENDANCE_CLEAR, window, 80));
	}

	/** Level 3: the level-2 conditions, sessions, responsibility, family contact, no major incident. */
	private static List<Criterion> responsible(int window) {
		List<Criterion> criteria = new ArrayList<>(stable(window));
		criteria.add(Criterion.of("sessions", ATTENDANCE, window, 95));
		criteria.add(Criterion.of("acknowledges-responsibility", RESPONSIBILITY_ACKNOWLEDGED, window, 1));
		criteria.add(new Criterion("family-contact", FAMILY_CONTACT_WEEKLY, window, window / 7, null, null, true));
		criteria.add(Criterion.of("no-major-incident", NO_MAJOR_INCIDENT, window, 0));
		return criteria;
	}
}
