package org.milieu.groups;

import java.util.UUID;

/** A group the proposer may fill this week, in the house's order; structured groups take newcomers. */
public record GroupSlot(UUID groupId, String name, boolean structured) {
}
