package org.milieu.audit;

/**
 * Where the current request comes from (client address and user agent), held for the thread
 * that serves it so audit rows can say it without domain code touching HTTP.
 */
public record RequestOrigin(String clientIp, String userAgent) {

	private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

	static final RequestOrigin NONE = new RequestOrigin(null, null);

	public static RequestOrigin current() {
		RequestOrigin origin = CURRENT.get();
		return origin == null ? NONE : origin;
	}

	/** Sets the origin for the current thread; the returned handle clears it again. */
	public static AutoCloseable bind(RequestOrigin origin) {
		CURRENT.set(origin);
		return CURRENT::remove;
	}
}
