package org.milieu.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the database stores them ({@code timestamptz}, written and read in UTC), so a moment
 * never shifts with the server's time zone.
 */
public final class UtcTimestamps {

	private UtcTimestamps() {
	}

	/** The instant as a UTC timestamp for a query parameter. */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** The column's instant, or null when the column is null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
