package org.milieu.audit;

import java.time.Instant;

/** The chain head at a moment the chain verified intact, signed with a key kept outside the database. */
public record AuditCheckpoint(long id, Instant takenAt, long lastId, String lastHash, long rowCount) {
}
