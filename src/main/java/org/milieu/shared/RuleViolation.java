package org.milieu.shared;

import java.util.List;

/**
 * A request that is well formed but breaks a rule of the community (a duplicate house name, a
 * bed already taken). {@code code} is a message key, so the reason reaches people in their language.
 */
public class RuleViolation extends RuntimeException {

	private final String code;

	private final String field;

	private final List<Object> arguments;

	public RuleViolation(String code, String field, Object... arguments) {
		super(code);
		this.code = code;
		this.field = field;
		this.arguments = List.of(arguments);
	}

	public String code() {
		return code;
	}

	/** The input field at fault, or null when the rule concerns the whole request. */
	public String field() {
		return field;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}
}
