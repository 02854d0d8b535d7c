package org.milieu.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.milieu.platform.Transactions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes to the audit trail: one record per transaction and resident.
 *
 * <p>What a transaction records is gathered while it runs and written when it commits, merged
 * into one record for each resident (and one for what concerns no resident) that names every data
 * category and record touched ({@link AuditRows}). The change and its records still commit together
 * or not at all; a savepoint rolled back takes what was recorded after it. The records are chained
 * and written by one call of the database's {@code audit_append}, whose lane lock is taken there and
 * held to the commit, not for the whole transaction. A transaction whose records are all reads
 * writes none itself: they are written right after its commit with the reads of other requests
 * ({@link GroupedRecords}), before its caller goes on.
 */
@Service
public class AuditTrail {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate alone;

	private final Transactions transactions;

	/** False only under the benchmark profile that measures what auditing costs; never in a program's use. */
	private final boolean writes;

	/** Records written apart from their transactions (reads, refusals), with others of the same moment. */
	private final GroupedRecords apart;

	AuditTrail(JdbcTemplate jdbc, Transactions transactions, Environment environment,
			@Value("${milieu.audit.gathering:5ms}") Duration gathering) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.alone = new TransactionTemplate(transactions);
		this.apart = new GroupedRecords(rows -> alone.executeWithoutResult(status -> write(rows)), gathering);
		this.writes = !environment.matchesProfiles(UNAUDITED_BENCHMARK_PROFILE);
		if (!writes) {
			LoggerFactory.getLogger(AuditTrail.class).warn("The audit trail is switched off (profile {}): "
					+ "for measuring what auditing costs only, never with a program's data", UNAUDITED_BENCHMARK_PROFILE);
		}
	}

	/** On shutdown: the records handed over are written, then the writer ends. */
	@PreDestroy
	void stop() {
		apart.stop();
	}

	/**
	 * The profile under which nothing is written to the trail, for bench/audited-reads alone: the same
	 * reads measured with and without their audit records.
	 */
	public static final String UNAUDITED_BENCHMARK_PROFILE = "bench-unaudited";

	/**
	 * Records an action inside the caller's transaction: the change and its record commit
	 * together or not at all. Must be called within a read-write transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEntry entry) {
		gather(List.of(entry));
	}

	/**
	 * Records many actions inside the caller's transaction (a list of residents shown at once): the
	 * same as {@link #record} one by one, in the order given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Collection<AuditEntry> entries) {
		gather(entries);
	}

	/**
	 * Records in a transaction of its own, kept even when the caller's rolls back: for refusals,
	 * failed sign-ins and other events whose request does not succeed. Never nested: inside a
	 * transaction the record is written right after the outermost one ends and has given its
	 * connection back ({@link Transactions#afterConnectionReleased}), before the caller's answer is
	 * sent, so a request never waits for a second connection while holding one; it is written with
	 * the other records of the moment written apart ({@link GroupedRecords}). The request's origin is
	 * taken now.
	 */
	public void recordIndependently(AuditEntry entry) {
		if (!writes) {
			return;
		}
		List<AuditRows.Row> rows = AuditRows.merge(List.of(new AuditRows.Held(entry, RequestOrigin.current())));
		transactions.afterConnectionReleased(() -> apart.write(rows));
	}

	private void gather(Collection<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		RequestOrigin origin = RequestOrigin.current();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(AuditRows.merge(entries.stream().map(e -> new AuditRows.Held(e, origin)).toList()));
			return;
		}
		Gathered gathered = (Gathered) TransactionSynchronizationManager.getResource(this);
		if (gathered == null) {
			gathered = new Gathered();
			TransactionSynchronizationManager.bindResource(this, gathered);
			TransactionSynchronizationManager.registerSynchronization(gathered);
		}
		for (AuditEntry entry : entries) {
			gathered.add(new AuditRows.Held(entry, origin));
		}
	}

	private void write(List<AuditRows.Row> rows) {
		if (writes && !rows.isEmpty()) {
			jdbc.queryForObject(AuditRows.APPEND, Integer.class, (Object[]) AuditRows.columns(rows));
		}
	}

	/** What one transaction recorded, written as it commits. */
	private final class Gathered implements TransactionSynchronization {

		private final List<AuditRows.Held> held = new ArrayList<>();

		private final Map<Object, Integer> savepoints = new HashMap<>();

		private boolean written;

		/** Records of reads alone, written once the transaction has committed and given its connection back. */
		private List<AuditRows.Row> reads;

		void add(AuditRows.Held entry) {
			if (written) {
				// recorded by another synchronization's beforeCommit after this one wrote: still in the transaction
				write(AuditRows.merge(List.of(entry)));
				return;
			}
			held.add(entry);
		}

		@Override
		public void savepoint(Object savepoint) {
			savepoints.put(savepoint, held.size());
		}

		@Override
		public void savepointRollback(Object savepoint) {
			Integer size = savepoints.get(savepoint);
			if (size != null && size < held.size()) {
				held.subList(size, held.size()).clear();
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			List<AuditRows.Row> rows = AuditRows.merge(held);
			held.clear();
			if (!rows.isEmpty() && rows.stream().allMatch(row -> row.action() == AuditAction.READ)) {
				// only reads: nothing to commit together with, so written with the reads of other requests
				reads = rows;
			}
			else {
				write(rows);
			}
		}

		@Override
		public void afterCommit() {
			if (reads != null && writes) {
				List<AuditRows.Row> rows = reads;
				transactions.afterConnectionReleased(() -> apart.write(rows));
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
