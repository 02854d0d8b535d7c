package org.milieu.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes to the audit trail. */
@Service
public class AuditTrail {

	private static final int MAX_TEXT = 500;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action inside the caller's transaction: the change and its record commit
	 * together or not at all. Must be called within a read-write transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEntry entry) {
		insert(entry);
	}

	/**
	 * Records in a transaction of its own, kept even when the caller's rolls back: for refusals,
	 * failed sign-ins and other events whose request does not succeed.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(AuditEntry entry) {
		insert(entry);
	}

	private void insert(AuditEntry e) {
		RequestOrigin origin = RequestOrigin.current();
		Actor actor = e.actor();
		jdbc.sql("""
				insert into audit_event (program_id, account_id, username, role, resident_id, category, resource_type,
				                         resource_id, action, purpose, client_ip, user_agent, outcome, detail,
				                         id, occurred_at, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now(), '', '')""")
			.params(actor.programId(), actor.accountId(), clip(actor.username()), actor.role(), e.residentId(),
					e.category() == null ? null : e.category().name(), e.resourceType(), clip(e.resourceId()),
					e.action().name(), e.purpose().name(), clip(origin.clientIp()), clip(origin.userAgent()),
					e.outcome().name(), clip(e.detail()))
			.update();
	}

	private static String clip(String value) {
		return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
	}
}
