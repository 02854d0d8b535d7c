package org.milieu.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A house's small groups as staff see them: the settings, the proposal open for adjustment (if any),
 * the approved grouping in force today (if any), and the open separations.
 */
public record GroupingOverview(UUID houseId, String houseName, LocalDate today, GroupSettings settings,
		@Nullable Grouping proposal, @Nullable Grouping inForce, List<SeparationRecord> separations) {
}
