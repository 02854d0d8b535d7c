package org.milieu.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that got no database connection in time, or lost the one it had: the pool was exhausted
 * (every connection in use for the whole connection timeout), the server could not be reached, or the
 * server ended the connection mid-request (it was killed, restarted or shut down). It answers 503
 * with {@code Retry-After}, never 500: the same request may succeed a moment later, once the pool has
 * connected again. Nothing was changed, except when the connection broke during the commit itself:
 * then the server may have committed, and only a retry with the same {@code Idempotency-Key} tells.
 * The log says which it was, with the pool's own figures and no request data.
 */
final class DatabaseUnavailable {

	/** Seconds a client should wait before it tries again. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	/** What HikariCP's proxy answers for any use of a connection it has closed after a fatal error. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

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
			if (t instanceof SQLException sql && connectionLost(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the server ended or broke the connection, whatever Spring or the driver wrapped it in:
	 * SQLState class 08 (connection exception, e.g. 08006 when the server's process died under the
	 * statement) or 57P01-57P03 (the server shutting down, crashed, or not yet accepting
	 * connections). Not 57014, a statement cancelled by its timeout: the connection is fine then.
	 */
	static boolean connectionLost(SQLException ex) {
		String state = ex.getSQLState();
		if (state == null) {
			// the pool's proxy of a connection it has just evicted for such a failure: a commit that
			// failed that way is followed by a rollback that fails with this, and the rollback's
			// failure is the one Spring reports
			return HIKARI_CLOSED_CONNECTION.equals(ex.getMessage());
		}
		return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
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
			log.warn("No database connection, answering 503: {}{}", ex.getClass().getSimpleName(), sqlState(ex));
		}
		else if (pool.getCause() == null) {
			log.warn("Database connection pool exhausted, answering 503: {}", pool.getMessage());
		}
		else {
			log.warn("Database unreachable, answering 503: {} ({})", pool.getMessage(), pool.getCause().getMessage());
		}
	}

	/** The SQLState the failure carries, for the log (the message may quote the statement). */
	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return ", SQLState " + sql.getSQLState();
			}
		}
		return "";
	}
}
