package org.milieu.audit;

import org.milieu.platform.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes to the audit trail. */
@Service
public class AuditTrail {

	private static final int MAX_TEXT = 500;

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate arrays;

	private final Transactions transactions;

	private final TransactionTemplate alone;

	AuditTrail(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate arrays, Transactions transactions) {
		this.jdbc = jdbc;
		this.arrays = arrays;
		this.transactions = transactions;
		this.alone = new TransactionTemplate(transactions);
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
	 * failed sign-ins and other events whose request does not succeed. Never nested: inside a
	 * transaction the record is written right after the outermost one ends and has given its
	 * connection back ({@link Transactions#afterConnectionReleased}), before the caller's answer is
	 * sent, so a request never waits for a second connection while holding one. The request's
	 * origin is taken now.
	 */
	public void recordIndependently(AuditEntry entry) {
		RequestOrigin origin = RequestOrigin.current();
		transactions.afterConnectionReleased(
				() -> alone.executeWithoutResult(status -> jdbc.sql(INSERT).params(values(entry, origin)).update()));
	}

	/**
	 * Records many actions inside the caller's transaction in one statement (a list of residents
	 * shown at once): the same rows as {@link #record} one by one, in the order given, without a
	 * round trip or a statement for each. Each column goes as one array and the database unnests
	 * them; the chain's trigger still chains every row, and its head is brought up once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(java.util.Collection<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		RequestOrigin origin = RequestOrigin.current();
		String[][] columns = new String[COLUMNS][entries.size()];
		int row = 0;
		for (AuditEntry entry : entries) {
			Object[] values = values(entry, origin);
			for (int c = 0; c < COLUMNS; c++) {
				columns[c][row] = values[c] == null ? null : values[c].toString();
			}
			row++;
		}
		arrays.update(INSERT_ALL, (Object[]) columns);
	}

	private static final int COLUMNS = 14;

	private static final String INSERT = """
			insert into audit_event (program_id, account_id, username, role, resident_id, category, resource_type,
			                         resource_id, action, purpose, client_ip, user_agent, outcome, detail,
			                         id, occurred_at, prev_hash, hash)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now(), '', '')""";

	/** The same columns as {@link #INSERT}, one text array each, unnested in the order given. */
	private static final String INSERT_ALL = """
			insert into audit_event (program_id, account_id, username, role, resident_id, category, resource_type,
			                         resource_id, action, purpose, client_ip, user_agent, outcome, detail,
			                         id, occurred_at, prev_hash, hash)
			select e.program_id::uuid, e.account_id::uuid, e.username, e.role, e.resident_id::uuid, e.category,
			       e.resource_type, e.resource_id, e.action, e.purpose, e.client_ip, e.user_agent, e.outcome, e.detail,
			       0, now(), '', ''
			  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			       with ordinality as e(program_id, account_id, username, role, resident_id, category, resource_type,
			                            resource_id, action, purpose, client_ip, user_agent, outcome, detail, n)
			 order by e.n""";

	private void insert(AuditEntry e) {
		jdbc.sql(INSERT).params(values(e, RequestOrigin.current())).update();
	}

	private static Object[] values(AuditEntry e, RequestOrigin origin) {
		Actor actor = e.actor();
		return new Object[] { actor.programId(), actor.accountId(), clip(actor.username()), actor.role(), e.residentId(),
				e.category() == null ? null : e.category().name(), e.resourceType(), clip(e.resourceId()),
				e.action().name(), e.purpose().name(), clip(origin.clientIp()), clip(origin.userAgent()),
				e.outcome().name(), clip(e.detail()) };
	}

	private static String clip(String value) {
		return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
	}
}
