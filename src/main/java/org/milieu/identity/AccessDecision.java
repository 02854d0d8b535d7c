package org.milieu.identity;

/** The policy's answer and its reason, in words an auditor can read. */
public record AccessDecision(boolean allowed, String reason) {

	static AccessDecision allow(String reason) {
		return new AccessDecision(true, reason);
	}

	static AccessDecision deny(String reason) {
		return new AccessDecision(false, reason);
	}
}
