package org.milieu.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A house's small groups as staff see them: the settings, the proposal open for adjustment (if any),
 * the approved grouping in force today (if any), the open separations, and the residents living in
 * the house today by name (to choose from when keeping two apart).
 */
public record GroupingOverview(UUID houseId, String houseName, LocalDate today, GroupSettings settings,
		@Nullable Grouping proposal, @Nullable Grouping inForce, List<SeparationRecord> separations,
		Map<UUID, String> residents) {
}
