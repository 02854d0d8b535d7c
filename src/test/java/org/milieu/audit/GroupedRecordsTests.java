package org.milieu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The grouping of read records: what arrives while a group is written goes in the next group, each
 * caller returns only once its rows are written, a failed write fails every caller of its group, and
 * rows the database refuses fail their caller alone.
 * The rows' way into the chain is tested with the database in {@link AuditChainTests}.
 */
class GroupedRecordsTests {

	private static final Actor STAFF = new Actor(UUID.randomUUID(), UUID.randomUUID(), "staff", "STAFF");

	private static List<AuditRows.Row> read(int n) {
		return AuditRows.merge(List.of(new AuditRows.Held(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
			.on("Resident", n), new RequestOrigin("127.0.0.1", "test"))));
	}

	@Test
	void readsArrivingWhileAGroupIsWrittenGoTogetherInTheNextAndEachCallerReturnsOnceItsRowsAreWritten() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<List<AuditRows.Row>> groups = Collections.synchronizedList(new ArrayList<>());
		GroupedRecords reads = new GroupedRecords(rows -> {
			if (groups.isEmpty()) {
				firstStarted.countDown();
				await(releaseFirst);
			}
			groups.add(List.copyOf(rows));
		}, Duration.ZERO);
		ExecutorService callers = Executors.newFixedThreadPool(9);
		try {
			Future<?> first = callers.submit(() -> reads.write(read(0)));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 1; i <= 8; i++) {
				int n = i;
				others.add(callers.submit(() -> reads.write(read(n))));
			}
			// all eight wait for the writer, which is still writing the first: none has returned
			awaitQueued(reads, 8);
			assertThat(first.isDone()).isFalse();
			assertThat(others).noneMatch(Future::isDone);
			releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
			reads.stop();
		}
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0)).hasSize(1);
		assertThat(groups.get(1)).as("the eight that waited, in one write").hasSize(8);
	}

	@Test
	void aGroupThatCannotBeWrittenFailsEveryCallerInItWithTheCause() {
		GroupedRecords reads = new GroupedRecords(rows -> {
			throw new CannotGetJdbcConnectionException("pool exhausted");
		}, Duration.ZERO);
		try {
			assertThatThrownBy(() -> reads.write(read(1))).isInstanceOf(GroupedRecords.NotWritten.class)
				.hasRootCauseInstanceOf(CannotGetJdbcConnectionException.class);
			assertThatThrownBy(() -> reads.write(read(2))).isInstanceOf(GroupedRecords.NotWritten.class);
		}
		finally {
			reads.stop();
		}
	}

	@Test
	void recordsTheDatabaseRefusesFailTheirCallerAloneAndAnUnreachableDatabaseFailsTheWholeGroup() throws Exception {
		List<AuditRows.Row> refused = read(13);
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<List<AuditRows.Row>> written = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean(true);
		GroupedRecords reads = new GroupedRecords(rows -> {
			if (written.isEmpty()) {
				firstStarted.countDown();
				await(releaseFirst);
			}
			if (!reachable.get()) {
				throw new CannotGetJdbcConnectionException("pool exhausted");
			}
			if (rows.containsAll(refused)) {
				throw new DataIntegrityViolationException("a value the chain refuses");
			}
			written.add(List.copyOf(rows));
		}, Duration.ZERO);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			Future<?> first = callers.submit(() -> reads.write(read(0)));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> before = callers.submit(() -> reads.write(read(1)));
			awaitQueued(reads, 1);
			Future<?> bad = callers.submit(() -> reads.write(refused));
			awaitQueued(reads, 2);
			Future<?> after = callers.submit(() -> reads.write(read(2)));
			awaitQueued(reads, 3);
			releaseFirst.countDown();
			first.get(10, TimeUnit.SECONDS);
			before.get(10, TimeUnit.SECONDS);
			after.get(10, TimeUnit.SECONDS);
			assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(DataIntegrityViolationException.class);
			assertThat(written).as("the first, then the two others of the refused group, each alone")
				.containsExactly(read(0), read(1), read(2));

			// the database out of reach: the whole group fails at once, nobody is written alone
			reachable.set(false);
			List<Future<?>> group = new ArrayList<>();
			for (int i = 3; i < 6; i++) {
				int n = i;
				group.add(callers.submit(() -> reads.write(read(n))));
			}
			for (Future<?> call : group) {
				assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(CannotGetJdbcConnectionException.class);
			}
		}
		finally {
			callers.shutdownNow();
			reads.stop();
		}
		assertThat(written).hasSize(3);
	}

	@Test
	void onceGroupsHoldMoreThanOneReadTheWriterWaitsForMoreBeforeWriting() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
		GroupedRecords reads = new GroupedRecords(rows -> {
			if (sizes.isEmpty()) {
				firstStarted.countDown();
				await(releaseFirst);
			}
			sizes.add(rows.size());
		}, Duration.ofMillis(400));
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			Future<?> first = callers.submit(() -> reads.write(read(0)));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> second = callers.submit(() -> reads.write(read(1)));
			Future<?> third = callers.submit(() -> reads.write(read(2)));
			awaitQueued(reads, 2);
			releaseFirst.countDown();
			for (Future<?> call : List.of(first, second, third)) {
				call.get(10, TimeUnit.SECONDS);
			}
			// the group of two made the writer busy: three reads, each handed over once the writer has
			// taken the one before (so it is gathering, not draining what queued meanwhile), make one group
			List<Future<?>> later = new ArrayList<>();
			for (int i = 3; i < 6; i++) {
				int n = i;
				later.add(callers.submit(() -> reads.write(read(n))));
				awaitTaken(reads, i + 1);
			}
			for (Future<?> call : later) {
				call.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
			reads.stop();
		}
		assertThat(sizes).containsExactly(1, 2, 3);
	}

	/** Waits until exactly {@code count} callers' records wait for the writer (at most ten seconds). */
	private static void awaitQueued(GroupedRecords reads, int count) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (reads.queued() != count) {
			assertThat(System.nanoTime()).as("records waiting for the writer: %d", count).isLessThan(until);
			Thread.onSpinWait();
		}
	}

	/** Waits until the writer has taken {@code count} callers' records in all (at most ten seconds). */
	private static void awaitTaken(GroupedRecords reads, long count) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (reads.taken() < count) {
			assertThat(System.nanoTime()).as("records taken by the writer: %d", count).isLessThan(until);
			Thread.onSpinWait();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
