package org.milieu.groups;

import java.util.UUID;

/**
 * A small group as other modules name it: its house, its label in the house ("A"; pages show
 * "Group A", message {@code groups.group.name}) and whether it is structured (as of its last approval).
 */
public record GroupSummary(UUID id, UUID houseId, String name, boolean structured) {
}
