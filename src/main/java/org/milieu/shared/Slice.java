package org.milieu.shared;

import java.util.List;
import java.util.function.Function;

/** A page of a listing: its rows in order, and where the next page starts ({@code null} on the last). */
public record Slice<T>(List<T> items, Keyset next) {

	public <R> Slice<R> map(Function<T, R> mapper) {
		return new Slice<>(items.stream().map(mapper).toList(), next);
	}
}
