package org.milieu.identity;

/**
 * The policy's answer and its reason, in words an auditor can read; {@code emergency} when only
 * an emergency ("break-glass") grant allows it.
 */
public record AccessDecision(boolean allowed, String reason, boolean emergency) {

	static AccessDecision allow(String reason) {
		return new AccessDecision(true, reason, false);
	}

	static AccessDecision emergency(String reason) {
		return new AccessDecision(true, reason, true);
	}

	static AccessDecision deny(String reason) {
		return new AccessDecision(false, reason, false);
	}
}
