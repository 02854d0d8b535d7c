package org.milieu.levels.scheme;

/**
 * What a criterion measures, and how its measured value is compared with its threshold. Rating
 * kinds read the point sheet; the others read facts that other modules own (attendance, family
 * contact, incidents, work) or a clinician records (acknowledging responsibility).
 */
public enum CriterionKind {

	/** Shifts rated as destructive behaviour toward self or others in the window; met when at most the threshold (0). */
	NO_DESTRUCTIVE_BEHAVIOUR(true, Comparison.AT_MOST, Unit.COUNT),
	/** Share of rated shifts with the domain rated at least {@code atLeast}; met when at least the threshold (%). */
	RATING_SHARE(true, Comparison.AT_LEAST, Unit.PERCENT),
	/** Average rating of the domain over the window; met when at least the threshold. */
	RATING_AVERAGE(true, Comparison.AT_LEAST, Unit.AVERAGE),
	/** Share of group meetings attended without being rated confused; met when at least the threshold (%). */
	ATTENDANCE_CLEAR(true, Comparison.AT_LEAST, Unit.PERCENT),
	/** Share of scheduled sessions and meetings attended; met when at least the threshold (%). */
	ATTENDANCE(true, Comparison.AT_LEAST, Unit.PERCENT),
	/** The latest clinician assessment in the window says the resident acknowledges responsibility (1 yes, 0 no). */
	RESPONSIBILITY_ACKNOWLEDGED(true, Comparison.AT_LEAST, Unit.YES_NO),
	/** Weeks of the window with at least one family or support contact; met when at least the threshold (weeks). */
	FAMILY_CONTACT_WEEKLY(true, Comparison.AT_LEAST, Unit.WEEKS),
	/** Major incidents in the window; met when at most the threshold (0). */
	NO_MAJOR_INCIDENT(true, Comparison.AT_MOST, Unit.COUNT),
	/** Share of work done (partly done counts half); met when at least the threshold (%). */
	WORK_COMPLETION(true, Comparison.AT_LEAST, Unit.PERCENT),
	/** Days at the current level; met when at least the threshold. Has no window. */
	DAYS_AT_LEVEL(false, Comparison.AT_LEAST, Unit.DAYS);

	private final boolean windowed;

	private final Comparison comparison;

	private final Unit unit;

	CriterionKind(boolean windowed, Comparison comparison, Unit unit) {
		this.windowed = windowed;
		this.comparison = comparison;
		this.unit = unit;
	}

	/** Whether the criterion looks back over a window of days. */
	public boolean windowed() {
		return windowed;
	}

	public Comparison comparison() {
		return comparison;
	}

	public Unit unit() {
		return unit;
	}

	/** Whether the criterion reads the point sheet and needs a rating domain. */
	public boolean needsDomain() {
		return this == RATING_SHARE || this == RATING_AVERAGE;
	}

	/** Whether a measured value meets a threshold. */
	public boolean meets(double value, double threshold) {
		return comparison == Comparison.AT_LEAST ? value >= threshold - 1e-9 : value <= threshold + 1e-9;
	}

	/** The message key of the kind's plain-language sentence, e.g. {@code criterion.kind.RATING_SHARE}. */
	public String sentenceKey() {
		return "criterion.kind." + name();
	}

	public enum Comparison {
		AT_LEAST, AT_MOST
	}

	public enum Unit {
		COUNT, PERCENT, AVERAGE, YES_NO, WEEKS, DAYS
	}
}
