package org.milieu.levels.privileges;

import java.util.List;

/**
 * The answer to "may this resident do this now?": yes or no, on what it rests, and the reason
 * as a message key with its arguments, so each person reads it in their own language (e.g.
 * "Needs level 3; at level 2 now." or "Restricted until 2026-12-04 18:00: …"). It carries nothing
 * about the resident beyond the yes or no and that reason.
 */
public record Answer(boolean allowed, Basis basis, String reasonKey, List<Object> arguments) {

	/** What the answer rests on. */
	public enum Basis {
		/** the resident's level against the level the privilege comes with */
		LEVEL,
		/** an individual grant in force, below the level */
		GRANT,
		/** an individual restriction in force, which beats the level and any grant */
		RESTRICTION,
		/** the resident has no open stay in the program */
		NOT_IN_PROGRAM,
		/** the program does not offer the privilege at present */
		INACTIVE,
		/** the program has no privilege of that code */
		UNKNOWN
	}

	public Answer {
		arguments = List.copyOf(arguments);
	}

	static Answer notInProgram() {
		return new Answer(false, Basis.NOT_IN_PROGRAM, "privilege.answer.notInProgram", List.of());
	}

	static Answer unknown(String code) {
		return new Answer(false, Basis.UNKNOWN, "privilege.answer.unknown", List.of(String.valueOf(code)));
	}

	/** The arguments as the array {@code MessageSource} takes. */
	public Object[] argumentArray() {
		return arguments.toArray();
	}
}
