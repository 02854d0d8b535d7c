package org.milieu.levels.facts;

import java.util.List;

import org.milieu.shared.DataCategory;

/** The kinds of fact level criteria read, each with the outcomes it may have and its data category. */
public enum FactKind {

	/** A group meeting, therapeutic session or community meeting: attended (clearly or confused), absent or excused. */
	ATTENDANCE(DataCategory.LEVELS_AND_RATINGS, List.of("ATTENDED", "ATTENDED_CONFUSED", "ABSENT", "EXCUSED")),
	/** A contact with family or another support person (call, visit, family session). */
	FAMILY_CONTACT(DataCategory.FAMILY, List.of("CONTACT")),
	/** An incident the resident was responsible for, major or minor. */
	INCIDENT(DataCategory.INCIDENTS, List.of("MAJOR", "MINOR")),
	/** One occurrence of an assigned job: done, partly done or not done. */
	WORK(DataCategory.WORK_AND_STIPENDS, List.of("DONE", "PARTLY_DONE", "NOT_DONE")),
	/** A clinician's assessment: does the resident acknowledge their own responsibility yet? */
	RESPONSIBILITY(DataCategory.CLINICAL_NOTES, List.of("ACKNOWLEDGED", "NOT_YET")),
	/**
	 * A signed review's rating of a treatment-plan objective linked to a level criterion. Only the
	 * plans module records it, never staff by hand; the resident reads it about themself, as they
	 * read all of their own plan. Shown beside its criterion as evidence; no criterion counts it.
	 */
	PLAN_OBJECTIVE(DataCategory.CLINICAL_NOTES, List.of("MET", "PROGRESSING", "NOT_PROGRESSING", "CHANGED", "DROPPED"),
			false, true);

	private final DataCategory category;

	private final List<String> outcomes;

	private final boolean byHand;

	private final boolean readByResident;

	FactKind(DataCategory category, List<String> outcomes) {
		this(category, outcomes, true, false);
	}

	FactKind(DataCategory category, List<String> outcomes, boolean byHand, boolean readByResident) {
		this.category = category;
		this.outcomes = outcomes;
		this.byHand = byHand;
		this.readByResident = readByResident;
	}

	/** Whether staff may enter this kind by hand (for the days before a module records it); false: only its module records it. */
	public boolean byHand() {
		return byHand;
	}

	/**
	 * Whether the resident the fact is about reads it even where the category rules give residents
	 * no read of its category (a plan objective: the resident reads all of their own plan).
	 */
	public boolean readByResident() {
		return readByResident;
	}

	/** Whether each fact of this kind names the one criterion it is evidence for ({@link Fact#criterion()}). */
	public boolean linkedToCriterion() {
		return this == PLAN_OBJECTIVE;
	}

	/** The kinds staff may enter by hand, for the evidence page's form. */
	public static List<FactKind> enteredByHand() {
		return java.util.Arrays.stream(values()).filter(FactKind::byHand).toList();
	}

	/** The category the access policy guards this kind of fact under. */
	public DataCategory category() {
		return category;
	}

	public List<String> outcomes() {
		return outcomes;
	}

	/** The message key of the kind's name, e.g. {@code fact.kind.ATTENDANCE}. */
	public String nameKey() {
		return "fact.kind." + name();
	}
}
