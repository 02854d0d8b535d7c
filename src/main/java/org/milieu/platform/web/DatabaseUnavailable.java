package org.milieu.platform.web;

import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that got no database connection in time: the pool was exhausted (every connection in
 * use for the whole connection timeout) or the server could not be reached. It answers 503 with
 * {@code Retry-After}, never 500: nothing was changed, and the same request may succeed a moment
 * later. The log says which of the two it was, with the pool's own figures and no request data.
 */
final class DatabaseUnavailable {

	/** Seconds a client should wait before it tries again. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	/** Whether {@code ex} says no connection could be had, rather than that a statement failed. */
	static boolean causedBy(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException) {
				return true;
			}
			if (t instanceof CannotGetJdbcConnectionException) {
				return true;
			}
		}
		return false;
	}

	/** Logs the failure once, naming an exhausted pool when the pool reported one. */
	static void log(Throwable ex) {
		SQLTransientConnectionException pool = null;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException found) {
				pool = found;
			}
		}
		if (pool == null) {
			log.warn("No database connection: {}", ex.getMessage());
		}
		else if (pool.getCause() == null) {
			log.warn("Database connection pool exhausted, answering 503: {}", pool.getMessage());
		}
		else {
			log.warn("Database unreachable, answering 503: {} ({})", pool.getMessage(), pool.getCause().getMessage());
		}
	}
}
