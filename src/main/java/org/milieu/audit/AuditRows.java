package org.milieu.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How recorded actions become rows of the trail: the actions of one transaction by the same person,
 * about the same resident, with the same action, outcome, purpose and origin, make one row naming
 * every data category and record they touched, in the order first recorded.
 */
final class AuditRows {

	private static final int MAX_TEXT = 500;

	/** Separates the elements of one row's array in the statement's text arrays. */
	private static final String ELEMENT = "\u001d";

	/** Stands for a missing element (a record type without an id). */
	private static final String MISSING = "\u001c";

	private AuditRows() {
	}

	/** An action recorded, with the origin of the request that recorded it. */
	record Held(AuditEntry entry, RequestOrigin origin) {
	}

	/** One row to write. */
	record Row(Actor actor, UUID residentId, AuditAction action, AuditOutcome outcome, Purpose purpose,
			RequestOrigin origin, List<String> categories, List<String> resourceTypes, List<String> resourceIds,
			String detail) {
	}

	private record Key(Actor actor, UUID residentId, AuditAction action, AuditOutcome outcome, Purpose purpose,
			String clientIp, String userAgent) {
	}

	private record Resource(String type, String id) {
	}

	private static final class Merged {

		final Held first;

		final Set<String> categories = new LinkedHashSet<>();

		final Set<Resource> resources = new LinkedHashSet<>();

		final Set<String> details = new LinkedHashSet<>();

		Merged(Held first) {
			this.first = first;
		}
	}

	static List<Row> merge(List<Held> held) {
		Map<Key, Merged> rows = new LinkedHashMap<>();
		for (Held h : held) {
			AuditEntry e = h.entry();
			Key key = new Key(e.actor(), e.residentId(), e.action(), e.outcome(), e.purpose(), h.origin().clientIp(),
					h.origin().userAgent());
			Merged merged = rows.computeIfAbsent(key, k -> new Merged(h));
			if (e.category() != null) {
				merged.categories.add(e.category().name());
			}
			if (e.resourceType() != null || e.resourceId() != null) {
				merged.resources.add(new Resource(clip(e.resourceType()), clip(e.resourceId())));
			}
			if (e.detail() != null) {
				merged.details.add(e.detail());
			}
		}
		List<Row> result = new ArrayList<>(rows.size());
		for (Merged m : rows.values()) {
			AuditEntry e = m.first.entry();
			result.add(new Row(e.actor(), e.residentId(), e.action(), e.outcome(), e.purpose(), m.first.origin(),
					List.copyOf(m.categories), m.resources.stream().map(r -> Objects.toString(r.type(), null)).toList(),
					m.resources.stream().map(r -> Objects.toString(r.id(), null)).toList(),
					m.details.isEmpty() ? null : clip(String.join("; ", m.details))));
		}
		return result;
	}

	/** The rows' values, one text array per argument of {@link #APPEND}, in the rows' order. */
	static String[][] columns(List<Row> rows) {
		String[][] columns = new String[COLUMNS][rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			Actor actor = r.actor();
			Object[] values = { actor.programId(), actor.accountId(), clip(actor.username()), actor.role(),
					r.residentId(), joined(r.categories()), joined(r.resourceTypes()), joined(r.resourceIds()),
					r.action().name(), r.purpose().name(), clip(r.origin().clientIp()), clip(r.origin().userAgent()),
					r.outcome().name(), r.detail() };
			for (int c = 0; c < COLUMNS; c++) {
				columns[c][i] = values[c] == null ? null : values[c].toString();
			}
		}
		return columns;
	}

	/** An array as one text: elements joined by {@link #ELEMENT}, a missing one as {@link #MISSING}. */
	private static String joined(List<String> elements) {
		if (elements.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (String element : elements) {
			if (!text.isEmpty()) {
				text.append(ELEMENT);
			}
			text.append(element == null ? MISSING : element.replace(ELEMENT, " ").replace(MISSING, " "));
		}
		return text.toString();
	}

	private static final int COLUMNS = 14;

	/**
	 * Each column goes as one text array and the database's {@code audit_append} chains and writes
	 * them, so any number of rows is one call (the application's role may not insert into the trail
	 * otherwise).
	 */
	static final String APPEND = """
			select audit_append(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""";

	private static String clip(String value) {
		return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
	}
}
