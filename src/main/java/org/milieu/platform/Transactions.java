package org.milieu.platform;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

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
 */
public final class Transactions implements ResourceTransactionManager {

	private static final ThreadLocal<List<Runnable>> held = new ThreadLocal<>();

	private final PlatformTransactionManager delegate;

	private final DataSource dataSource;

	public Transactions(PlatformTransactionManager delegate, DataSource dataSource) {
		this.delegate = delegate;
		this.dataSource = dataSource;
	}

	/**
	 * Runs {@code work} once this thread holds no connection: at once when it holds none now,
	 * otherwise right after its outermost transaction ends (committed or rolled back), in the order
	 * handed over. A failure of the work reaches whoever ended the transaction, so a record that
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
		return delegate.getTransaction(definition);
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
		if (first != null) {
			throw first;
		}
	}
}
