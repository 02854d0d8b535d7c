package org.milieu.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, asked by position rather than by number: the keyset of the last row of the
 * page before ({@code null} for the first page) and at most how many rows. Every listing of Milieu
 * orders its rows by a sort key and the row's id, so a page starts exactly after the previous one,
 * whatever was added or changed meanwhile, without duplicates or gaps, and costs the same at any
 * depth. A listing fetches {@link #fetch()} rows and hands them to {@link #slice}.
 */
public record PageRequest(Keyset after, int limit) {

	/** The page size when the caller names none. */
	public static final int DEFAULT_LIMIT = 50;

	/** The largest page anyone may ask for. */
	public static final int MAX_LIMIT = 200;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/** The first page of the default size. */
	public static PageRequest first() {
		return new PageRequest(null, DEFAULT_LIMIT);
	}

	/** How many rows to read: one more than the page, to learn whether another page follows. */
	public int fetch() {
		return limit + 1;
	}

	/** The page out of the rows read (at most {@link #fetch()}, in the listing's order). */
	public <T> Slice<T> slice(List<T> rows, Function<T, Keyset> keyOf) {
		if (rows.size() <= limit) {
			return new Slice<>(List.copyOf(rows), null);
		}
		List<T> items = List.copyOf(rows.subList(0, limit));
		return new Slice<>(items, keyOf.apply(items.get(limit - 1)));
	}
}
