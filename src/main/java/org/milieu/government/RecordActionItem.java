package org.milieu.government;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What recording an action item needs: its owner is a resident ({@code ownerResident}) or a
 * member of staff by username ({@code ownerStaff}), exactly one of the two.
 */
public record RecordActionItem(UUID agendaItemId, String title, String description, UUID ownerResident,
		String ownerStaff, LocalDate dueOn) {
}
