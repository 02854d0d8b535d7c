package org.milieu.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One resident's entry in a signed group note, as their profile and their plan review show it. */
public record SignedEntry(UUID noteId, UUID sessionId, LocalDate occursOn, String sessionTitle, String topic,
		Participation participation, String observation, String signedBy, Instant signedAt, boolean late,
		List<GroupNote.Progress> progress) {
}
