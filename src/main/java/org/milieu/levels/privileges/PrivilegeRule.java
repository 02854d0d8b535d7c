package org.milieu.levels.privileges;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule that decides one privilege for one resident, given their level and the grants and
 * restrictions of that privilege: a privilege the program does not offer is refused; a
 * restriction in force beats everything (the one that lasts longest is named); else the level
 * decides when it is high enough; else a grant in force allows it. Times in the reasons are read
 * in the program's time zone.
 */
final class PrivilegeRule {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private PrivilegeRule() {
	}

	static Answer decide(Privilege privilege, int level, List<PrivilegeAdjustment> adjustments, Instant at, ZoneId zone) {
		if (!privilege.active()) {
			return new Answer(false, Answer.Basis.INACTIVE, "privilege.answer.inactive", List.of());
		}
		Optional<PrivilegeAdjustment> restriction = longest(adjustments, AdjustmentKind.RESTRICT, at);
		if (restriction.isPresent()) {
			return adjusted(false, Answer.Basis.RESTRICTION, "privilege.answer.restricted", restriction.get(), zone);
		}
		if (level >= privilege.minLevel()) {
			return new Answer(true, Answer.Basis.LEVEL, "privilege.answer.level", List.of(privilege.minLevel(), level));
		}
		Optional<PrivilegeAdjustment> grant = longest(adjustments, AdjustmentKind.GRANT, at);
		if (grant.isPresent()) {
			return adjusted(true, Answer.Basis.GRANT, "privilege.answer.granted", grant.get(), zone);
		}
		return new Answer(false, Answer.Basis.LEVEL, "privilege.answer.needsLevel", List.of(privilege.minLevel(), level));
	}

	/** Of the adjustments of a kind in force at {@code at}, the one that lasts longest (open-ended first). */
	private static Optional<PrivilegeAdjustment> longest(List<PrivilegeAdjustment> adjustments, AdjustmentKind kind,
			Instant at) {
		return adjustments.stream().filter(a -> a.kind() == kind && a.inForce(at))
			.max(Comparator.comparing(PrivilegeAdjustment::effectiveEnd, Comparator.nullsLast(Comparator.naturalOrder())));
	}

	private static Answer adjusted(boolean allowed, Answer.Basis basis, String key, PrivilegeAdjustment adjustment,
			ZoneId zone) {
		Instant end = adjustment.effectiveEnd();
		if (end == null) {
			return new Answer(allowed, basis, key + "Open", List.of(adjustment.reason()));
		}
		return new Answer(allowed, basis, key, List.of(TIME.format(end.atZone(zone)), adjustment.reason()));
	}
}
