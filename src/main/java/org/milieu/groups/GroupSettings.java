package org.milieu.groups;

import org.jspecify.annotations.Nullable;

/**
 * How a house's residents are grouped: the number of groups ({@code groupCount}; null lets the
 * size decide: as few groups as keep everyone within {@code maxSize}), the size a group should have
 * ({@code minSize} to {@code maxSize}, by default 6 to 10), and how many of the groups, the first
 * ones, are structured (they take the newcomers). {@code revision} counts the changes.
 */
public record GroupSettings(@Nullable Integer groupCount, int minSize, int maxSize, int structuredGroups, int revision) {

	static final GroupSettings DEFAULT = new GroupSettings(null, 6, 10, 1, 0);

	/**
	 * How many groups a house of {@code residents} gets this week: the number set (raised when the
	 * groups could not hold everyone at {@code maxSize}), or as few as hold everyone, fewer when a
	 * group would fall under {@code minSize}. At least one.
	 */
	public int groupsFor(int residents) {
		int needed = (residents + maxSize - 1) / maxSize;
		if (groupCount != null) {
			return Math.max(1, Math.max(groupCount, needed));
		}
		int count = Math.max(1, needed);
		while (count > 1 && residents / count < minSize && (residents + count - 2) / (count - 1) <= maxSize) {
			count--;
		}
		return count;
	}
}
