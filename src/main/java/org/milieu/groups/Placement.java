package org.milieu.groups;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where one resident goes and why: the reason is a message key with its arguments (messages.properties,
 * {@code groups.reason.*}), so it reads in the reader's language. {@code moved} is true when the
 * resident was in another group last week ({@code fromGroupId}).
 */
public record Placement(UUID residentId, UUID groupId, String reasonKey, List<String> reasonArgs, boolean moved,
		@Nullable UUID fromGroupId) {

	public Placement {
		reasonArgs = List.copyOf(reasonArgs);
	}
}
