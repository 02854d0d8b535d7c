package org.milieu.screening;

/** What was collected for the screen. */
public enum Specimen {
	URINE, ORAL_FLUID, BREATH, HAIR;

	/** The message key of the specimen's name. */
	public String nameKey() {
		return "screening.specimen." + name();
	}
}
