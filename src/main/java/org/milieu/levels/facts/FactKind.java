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
	RESPONSIBILITY(DataCategory.CLINICAL_NOTES, List.of("ACKNOWLEDGED", "NOT_YET"));

	private final DataCategory category;

	private final List<String> outcomes;

	FactKind(DataCategory category, List<String> outcomes) {
		this.category = category;
		this.outcomes = outcomes;
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
