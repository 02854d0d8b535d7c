package org.milieu.screening;

/** What the test showed for one substance. */
public record SubstanceResult(Substance substance, Result result) {

	/** The reading for one substance; INVALID means the test could not be read (e.g. adulterated, dilute). */
	public enum Result {
		NEGATIVE, POSITIVE, INVALID;

		public String nameKey() {
			return "screening.result." + name();
		}
	}
}
