package org.milieu.platform.web;

/** An update arrived without the If-Match header that proves which version it was based on. */
public class PreconditionRequired extends RuntimeException {

	public PreconditionRequired() {
		super("If-Match required");
	}
}
