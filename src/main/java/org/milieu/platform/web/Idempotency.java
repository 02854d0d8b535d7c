package org.milieu.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a controller may tell the idempotency filter about its answer.
 */
public final class Idempotency {

	static final String WITHHOLD = Idempotency.class.getName() + ".withhold";

	private Idempotency() {
	}

	/**
	 * The answer carries a secret shown only once (an API token, an invitation link): it must not
	 * be kept for replay. A retry with the same key then creates nothing and gets 409 instead of
	 * the secret.
	 */
	public static void withholdAnswer(HttpServletRequest request) {
		request.setAttribute(WITHHOLD, Boolean.TRUE);
	}
}
