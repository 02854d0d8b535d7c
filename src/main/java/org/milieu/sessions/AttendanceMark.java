package org.milieu.sessions;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One resident's mark at an occurrence: the last one recorded (a mark may be changed; the audit
 * trail keeps every change), by whom and when.
 *
 * @param reason why the resident is excused (required for EXCUSED), or a note for another status
 * @param walkIn whether the resident came without being expected
 */
public record AttendanceMark(UUID residentId, AttendanceStatus status, @Nullable String reason, boolean walkIn,
		UUID recordedBy, String recordedByName, Instant recordedAt) {
}
