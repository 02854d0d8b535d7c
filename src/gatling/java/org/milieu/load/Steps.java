package org.milieu.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The figures of an open-model ramp, step by step: each request is counted in the step during
 * which it was sent (the first second of a step, while the arrivals of the step before still
 * drain, is left out), with its response time and whether it failed. A step meets the bound
 * when its p99 is at most {@code boundMs} and nothing failed.
 */
final class Steps {

	private static final long SETTLE_MS = 1000;

	private final double start;

	private final double step;

	private final int count;

	private final long stepMs;

	private final long boundMs;

	private final List<List<Integer>> times = new ArrayList<>();

	private final AtomicIntegerArray errors;

	private volatile long startedAt;

	private volatile boolean saturated;

	Steps(double start, double step, int count, Duration each, long boundMs) {
		this.start = start;
		this.step = step;
		this.count = count;
		this.stepMs = each.toMillis();
		this.boundMs = boundMs;
		this.errors = new AtomicIntegerArray(count);
		for (int i = 0; i < count; i++) {
			times.add(new ArrayList<>());
		}
	}

	void start(long at) {
		startedAt = at;
	}

	double rate(int step) {
		return start + step * this.step;
	}

	/** A request sent at {@code sentAt}, answered in {@code ms} (or, when unknown, by now). */
	void record(long sentAt, int ms, boolean failed) {
		long offset = sentAt - startedAt;
		int index = (int) (offset / stepMs);
		if (index < 0 || index >= count || offset % stepMs < SETTLE_MS) {
			return;
		}
		int elapsed = ms >= 0 ? ms : (int) (System.currentTimeMillis() - sentAt);
		List<Integer> list = times.get(index);
		synchronized (list) {
			list.add(elapsed);
		}
		if (failed) {
			errors.incrementAndGet(index);
		}
	}

	/**
	 * Whether two steps in a row, each over two seconds past its end, missed the bound: then there
	 * is nothing more to learn from higher rates.
	 */
	boolean saturated() {
		if (saturated) {
			return true;
		}
		int done = (int) ((System.currentTimeMillis() - startedAt - 2000) / stepMs);
		int missed = 0;
		for (int i = 0; i < Math.min(done, count); i++) {
			missed = meets(i) ? 0 : missed + 1;
			if (missed == 2) {
				saturated = true;
				return true;
			}
		}
		return false;
	}

	private boolean meets(int step) {
		int[] sorted = sorted(step);
		return sorted.length > 0 && percentile(sorted, 99) <= boundMs && errors.get(step) == 0;
	}

	private int[] sorted(int step) {
		List<Integer> list = times.get(step);
		int[] values;
		synchronized (list) {
			values = list.stream().mapToInt(Integer::intValue).toArray();
		}
		Arrays.sort(values);
		return values;
	}

	private static int percentile(int[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** The table, one line per step with requests, then the highest rate that met the bound. */
	String table() {
		StringBuilder out = new StringBuilder("read ramp: step  offered/s  served/s  requests  errors  p50 ms  p95 ms  p99 ms  meets p99<=" + boundMs + "\n");
		double best = -1;
		double bestServed = -1;
		double seconds = (stepMs - SETTLE_MS) / 1000.0;
		for (int i = 0; i < count; i++) {
			int[] sorted = sorted(i);
			if (sorted.length == 0) {
				continue;
			}
			double served = sorted.length / seconds;
			boolean meets = meets(i);
			out.append("read ramp: %4d  %9.0f  %8.1f  %8d  %6d  %6d  %6d  %6d  %s%n".formatted(i + 1, rate(i), served, sorted.length,
					errors.get(i), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), meets ? "yes" : "no"));
			if (meets && rate(i) > best) {
				best = rate(i);
				bestServed = served;
			}
		}
		out.append(best < 0 ? "read ramp: highest rate with p99 <= " + boundMs + " ms: none (even the first step missed)\n"
				: "read ramp: highest rate with p99 <= %d ms: %.0f requests/s offered, %.1f served%n".formatted(boundMs, best, bestServed));
		return out.toString();
	}
}
