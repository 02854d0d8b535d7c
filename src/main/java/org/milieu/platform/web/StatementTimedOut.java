package org.milieu.platform.web;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request one of whose statements ran past its time limit and was cancelled by PostgreSQL
 * (SQLState 57014, {@code query_canceled}): the statement was slow, or waited on a lock another
 * transaction held. The transaction it ran in rolled back and its connection went back to the pool
 * healthy. It answers 503 with {@code Retry-After} and the problem type {@code timed-out}, never a
 * 500: the server is briefly unable to finish the request in time, and the same request may well
 * succeed a moment later. Not 504, which says a gateway gave up waiting on the server behind it, as
 * a proxy in front of Milieu does on its own time-outs: the two stay told apart.
 *
 * <p>The log names the request's method and route pattern ({@code /api/v1/residents/{id}}, no ids
 * or query values) and PostgreSQL's own message, never the statement's parameters.
 */
final class StatementTimedOut {

	static final String QUERY_CANCELED = "57014";

	private static final Logger log = LoggerFactory.getLogger(StatementTimedOut.class);

	private StatementTimedOut() {
	}

	/** Whether {@code ex} was caused by a statement PostgreSQL cancelled. */
	static boolean causedBy(Throwable ex) {
		return cancelled(ex) != null;
	}

	/** Logs the cancellation once, without request data. */
	static void log(HttpServletRequest request, Throwable ex) {
		SQLException cancelled = cancelled(ex);
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		log.warn("A statement ran past its time limit and was cancelled, answering 503: {} {} ({})", request.getMethod(),
				route != null ? route : "(before any controller)", cancelled == null ? "" : firstLine(cancelled.getMessage()));
	}

	private static SQLException cancelled(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				return sql;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}
}
