package org.milieu.shared;

/**
 * The rule for free text a person types into a named field: surrounding blanks are dropped, a blank
 * field counts as empty, and text longer than the field holds is refused by the field's name. Each
 * module names its own refusals ({@code <prefix>.field.required}, {@code <prefix>.field.tooLong}) so
 * the message speaks of its own form.
 *
 * @param prefix the first part of the refusal's message key, e.g. {@code job}
 */
public record TextInput(String prefix) {

	/** The trimmed text; refused when blank or longer than {@code max}. */
	public String required(String value, String field, int max) {
		String text = optional(value, field, max);
		if (text == null) {
			throw new RuleViolation(prefix + ".field.required", field);
		}
		return text;
	}

	/** The trimmed text, or null when blank; refused when longer than {@code max}. */
	public String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.length() > max) {
			throw new RuleViolation(prefix + ".field.tooLong", field, max);
		}
		return text;
	}
}
