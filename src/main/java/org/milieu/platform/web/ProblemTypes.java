package org.milieu.platform.web;

import java.net.URI;

/**
 * The stable {@code type} of every problem document the API returns (RFC 9457). Clients may
 * branch on these; they never change meaning. docs/API.md lists them.
 */
public final class ProblemTypes {

	public static final URI VALIDATION = URI.create("urn:milieu:problem:validation");

	public static final URI MALFORMED_REQUEST = URI.create("urn:milieu:problem:malformed-request");

	public static final URI NOT_FOUND = URI.create("urn:milieu:problem:not-found");

	public static final URI UNAUTHENTICATED = URI.create("urn:milieu:problem:unauthenticated");

	public static final URI FORBIDDEN = URI.create("urn:milieu:problem:forbidden");

	public static final URI STALE_VERSION = URI.create("urn:milieu:problem:stale-version");

	public static final URI PRECONDITION_REQUIRED = URI.create("urn:milieu:problem:precondition-required");

	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:milieu:problem:idempotency-key-reused");

	public static final URI ANSWER_WITHHELD = URI.create("urn:milieu:problem:answer-withheld");

	public static final URI RULE_VIOLATION = URI.create("urn:milieu:problem:rule-violation");

	/** Someone else made the same change at the same moment; the database kept theirs and refused this one. */
	public static final URI CONCURRENT_CHANGE = URI.create("urn:milieu:problem:concurrent-change");

	/** The record is not in a state that allows the request yet (a vote still open); ask again later. */
	public static final URI STATE_CONFLICT = URI.create("urn:milieu:problem:state-conflict");

	/** No database connection could be had in time (pool exhausted or server unreachable); nothing changed, retry after {@code Retry-After}. */
	public static final URI UNAVAILABLE = URI.create("urn:milieu:problem:unavailable");

	/** A statement ran past its time limit and the database cancelled it; retry after {@code Retry-After}. */
	public static final URI TIMED_OUT = URI.create("urn:milieu:problem:timed-out");

	public static final URI INTERNAL = URI.create("urn:milieu:problem:internal");

	private ProblemTypes() {
	}

	/** The type for a plain HTTP status that has no more specific meaning here. */
	public static URI forStatus(int status) {
		return URI.create("urn:milieu:problem:http-" + status);
	}
}
