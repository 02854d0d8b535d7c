package org.milieu.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.UncategorizedSQLException;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The program's one transaction manager: JDBC transactions on the pool, plus work held back until
 * the thread's outermost transaction has ended and its connection is back in the pool.
 *
 * <p>No request ever holds one pooled connection while it waits for a second: with more such
 * requests than connections nobody could go on, and the whole program would freeze. A record that
 * must outlive the caller's rollback (the audit of a refusal, a failed sign-in) is therefore not
 * written in a nested transaction of its own but handed to {@link #afterConnectionReleased}: it is
 * written in a transaction of its own right after the caller's transaction ends, commit or rollback,
 * before the caller's answer leaves the server.
 *
 * <p>No statement runs without a time limit. Every pooled connection carries the limit for the
 * requests people and clients make ({@code milieu.db.statement-timeout.request}, set when the
 * connection opens, so it costs nothing per request). Work that is allowed to run longer, scheduled
 * jobs and requests marked {@link LongRunning} (a full audit-chain verification, for example), runs
 * between {@link #beginLongWork()} and {@link #endLongWork()}: each transaction it begins first raises
 * the limit for itself alone ({@code SET LOCAL statement_timeout}, {@code milieu.db.statement-timeout.long-work}),
 * which ends with the transaction.
 */
public final class Transactions implements ResourceTransactionManager {

	private static final ThreadLocal<List<Runnable>> held = new ThreadLocal<>();

	private static final ThreadLocal<Boolean> longWork = new ThreadLocal<>();

	private final PlatformTransactionManager delegate;

	private final DataSource dataSource;

	private final long longWorkTimeoutMillis;

	/** With the default long-work statement limit, 10 minutes. */
	public Transactions(PlatformTransactionManager delegate, DataSource dataSource) {
		this(delegate, dataSource, Duration.ofMinutes(10));
	}

	public Transactions(PlatformTransactionManager delegate, DataSource dataSource, Duration longWorkTimeout) {
		this.delegate = delegate;
		this.dataSource = dataSource;
		this.longWorkTimeoutMillis = longWorkTimeout.toMillis();
	}

	/**
	 * From now until {@link #endLongWork()}, this thread's transactions may run statements up to the
	 * long-work limit instead of the request limit; a transaction already open is raised at once.
	 */
	public void beginLongWork() {
		longWork.set(Boolean.TRUE);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			raiseStatementTimeout();
		}
	}

	/** Back to the request limit for the transactions this thread begins from now on. */
	public void endLongWork() {
		longWork.remove();
	}

	/** Runs {@code work} as long work (see {@link #beginLongWork()}): a scheduled job, for example. */
	public Runnable asLongWork(Runnable work) {
		return () -> {
			beginLongWork();
			try {
				work.run();
			}
			finally {
				endLongWork();
			}
		};
	}

	/**
	 * Runs {@code work} once this thread holds no connection: at once when it holds none now,
	 * otherwise right after its outermost transaction ends (committed or rolled back), in the order
	 * handed over. A failure of the work reaches whoever ended the transaction (a failure of the work's
	 * own transaction as {@link HeldWorkFailed}, so it is never taken for the ending one's), so a record that
	 * could not be written is never silently dropped.
	 */
	public void afterConnectionReleased(Runnable work) {
		if (!holdsConnection()) {
			work.run();
			return;
		}
		List<Runnable> pending = held.get();
		if (pending == null) {
			pending = new ArrayList<>();
			held.set(pending);
		}
		pending.add(work);
	}

	@Override
	public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
		TransactionStatus status = delegate.getTransaction(definition);
		if (status.isNewTransaction() && longWork.get() != null) {
			try {
				raiseStatementTimeout();
			}
			catch (RuntimeException ex) {
				delegate.rollback(status);
				throw ex;
			}
		}
		return status;
	}

	/** Raises the statement limit of the current transaction alone; it falls back when the transaction ends. */
	private void raiseStatementTimeout() {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local statement_timeout = " + longWorkTimeoutMillis);
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("raise the statement timeout", null, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	@Override
	public void commit(TransactionStatus status) throws TransactionException {
		end(() -> delegate.commit(status));
	}

	@Override
	public void rollback(TransactionStatus status) throws TransactionException {
		end(() -> delegate.rollback(status));
	}

	/** Ends the transaction, then runs the held work even when ending failed; the first failure wins. */
	private void end(Runnable ending) {
		try {
			ending.run();
		}
		catch (RuntimeException | Error ex) {
			try {
				runHeldWork();
			}
			catch (RuntimeException later) {
				ex.addSuppressed(later);
			}
			throw ex;
		}
		runHeldWork();
	}

	@Override
	public Object getResourceFactory() {
		return dataSource;
	}

	private boolean holdsConnection() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.hasResource(dataSource);
	}

	private void runHeldWork() {
		List<Runnable> pending = held.get();
		if (pending == null || holdsConnection()) {
			return;
		}
		held.remove();
		RuntimeException first = null;
		for (Runnable work : pending) {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first instanceof TransactionException own) {
			// the held work's own transaction failed: thrown as is from commit or rollback, Spring
			// would take it for the ending transaction's failure and try to attach the caller's
			// exception to it, which it cannot when it already holds one
			throw new HeldWorkFailed(own);
		}
		if (first != null) {
			throw first;
		}
	}

	/** The transaction of work held until the connection was released failed; the cause says how. */
	public static final class HeldWorkFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		HeldWorkFailed(TransactionException cause) {
			super("work held until the connection was released failed in its own transaction", cause);
		}
	}
}
