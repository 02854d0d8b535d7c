package org.milieu.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;

/**
 * Audit records written apart from the transaction they describe, from many requests together: the
 * records of reads (a transaction that only read writes nothing itself) and those that must outlive
 * their caller's rollback (refusals, failed sign-ins). One transaction and one call of
 * {@code audit_append} take all the records that arrived while the group before was being written.
 * Under load, once groups hold more than one caller's records, the writer also waits up to
 * {@code gathering} after a group's first records for others.
 *
 * <p>A caller waits until its rows are committed, so an answer never leaves the server before the
 * record of what it showed or refused is stored; when a group's write fails, every caller in it fails
 * with that failure (a caller gives up after {@link #LONGEST_WAIT}), unless the database refused what
 * was written: then each caller's records are written alone, and only those refused fail. Callers
 * hold no connection while they wait ({@code Transactions.afterConnectionReleased}): the writer takes
 * one from the pool.
 * One writer thread, started with the first records.
 */
final class GroupedRecords {

	/** At most this many callers' records in one group. */
	static final int MOST = 256;

	/** Longer than any write may take (connection timeout and statement timeout together). */
	static final Duration LONGEST_WAIT = Duration.ofSeconds(90);

	private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

	private final Consumer<List<AuditRows.Row>> write;

	private final long gatheringNanos;

	private volatile Thread writer;

	private volatile long taken;

	/** {@code write} writes rows in a transaction of its own and commits them before it returns. */
	GroupedRecords(Consumer<List<AuditRows.Row>> write, Duration gathering) {
		this.write = write;
		this.gatheringNanos = gathering.toNanos();
	}

	private record Waiting(List<AuditRows.Row> rows, CompletableFuture<Void> written) {
	}

	/** Writes the rows with the others waiting, and returns once they are committed. */
	void write(List<AuditRows.Row> rows) {
		Waiting waiting = new Waiting(rows, new CompletableFuture<>());
		startWriter();
		queue.add(waiting);
		try {
			waiting.written().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			// each caller its own exception: the group's failure, shared by all, is its cause
			throw new NotWritten(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the audit records were not written within " + LONGEST_WAIT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the audit records were written", ex);
		}
	}

	/** The group these records were in could not be written; the cause says why (an exhausted pool, for example). */
	static final class NotWritten extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotWritten(Throwable cause) {
			super("the audit records could not be written", cause);
		}
	}

	private void startWriter() {
		Thread running = writer;
		if (running == null || !running.isAlive()) {
			startWriterOnce();
		}
	}

	/** How many callers' records wait for the writer to take them (for tests). */
	int queued() {
		return queue.size();
	}

	/** How many callers' records the writer has taken so far (for tests; written by the writer alone). */
	long taken() {
		return taken;
	}

	private synchronized void startWriterOnce() {
		if (writer == null || !writer.isAlive()) {
			// started with the first records, and again should it ever have ended
			writer = new Thread(this::run, "audit-records");
			writer.setDaemon(true);
			writer.start();
		}
	}

	/** Stops the writer once the records handed over so far are written. */
	synchronized void stop() {
		if (writer != null) {
			writer.interrupt();
			writer = null;
		}
	}

	private void run() {
		boolean busy = false;
		List<Waiting> group = new ArrayList<>();
		while (true) {
			long before = taken;
			try {
				group.add(queue.take());
				queue.drainTo(group, MOST - group.size());
				taken = before + group.size();
				if (busy && gatheringNanos > 0) {
					long until = System.nanoTime() + gatheringNanos;
					long left;
					while (group.size() < MOST && (left = until - System.nanoTime()) > 0) {
						Waiting next = queue.poll(left, TimeUnit.NANOSECONDS);
						if (next == null) {
							break;
						}
						group.add(next);
						queue.drainTo(group, MOST - group.size());
						taken = before + group.size();
					}
				}
			}
			catch (InterruptedException ex) {
				// stopping: what was handed over is still written, then the thread ends
				queue.drainTo(group);
				writeGroup(group);
				return;
			}
			busy = group.size() > 1;
			writeGroup(group);
			group.clear();
		}
	}

	private void writeGroup(List<Waiting> group) {
		if (group.isEmpty()) {
			return;
		}
		List<AuditRows.Row> rows = new ArrayList<>();
		for (Waiting waiting : group) {
			rows.addAll(waiting.rows());
		}
		try {
			write.accept(rows);
		}
		catch (RuntimeException | Error ex) {
			if (group.size() > 1 && refusedWhatWasWritten(ex)) {
				// one caller's records may be what the database refused: the others are not to fail with them
				group.forEach(this::writeAlone);
				return;
			}
			group.forEach(waiting -> waiting.written().completeExceptionally(ex));
			return;
		}
		group.forEach(waiting -> waiting.written().complete(null));
	}

	private void writeAlone(Waiting waiting) {
		try {
			write.accept(waiting.rows());
		}
		catch (RuntimeException | Error ex) {
			waiting.written().completeExceptionally(ex);
			return;
		}
		waiting.written().complete(null);
	}

	/**
	 * Whether the database refused the rows themselves (a value, a constraint), which writing each
	 * caller's alone may get past; not when it could not be reached, was busy or took too long
	 * (transient, or a resource failure such as an exhausted pool), where every caller fails at once.
	 */
	static boolean refusedWhatWasWritten(Throwable ex) {
		return ex instanceof NonTransientDataAccessException && !(ex instanceof NonTransientDataAccessResourceException);
	}
}
