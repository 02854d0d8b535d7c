package org.milieu.groups;

import java.util.Collection;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.House;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a house's small groups: a grouping lists the house's residents with their
 * levels, so it is a list of {@code LEVELS_AND_RATINGS} for the staff roles (the access policy's
 * listing rule) and only for a house in the person's reach: the director everywhere, staff and
 * clinicians in the houses they work in. Changes need write access to the category. A refusal is
 * recorded on its own; every resident shown or changed is audited by the caller through here.
 */
@Component
class GroupAccess {

	static final DataCategory CATEGORY = DataCategory.LEVELS_AND_RATINGS;

	static final String RESOURCE = "SmallGrouping";

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Houses houses;

	GroupAccess(AccessPolicy policy, AuditTrail trail, Houses houses) {
		this.policy = policy;
		this.trail = trail;
		this.houses = houses;
	}

	/** The house, when this person may read its groups; otherwise refused (recorded) or not found. */
	House toRead(MilieuUser user, UUID houseId) {
		Reach reach = policy.enforceListing(user, CATEGORY, RESOURCE);
		return inReach(user, houseId, reach, AccessAction.READ);
	}

	/** The house, when this person may change its groups; otherwise refused (recorded) or not found. */
	House toChange(MilieuUser user, UUID houseId) {
		policy.enforceListing(user, CATEGORY, RESOURCE);
		return inReach(user, houseId, policy.reach(user, AccessAction.WRITE, CATEGORY), AccessAction.WRITE);
	}

	private House inReach(MilieuUser user, UUID houseId, Reach reach, AccessAction action) {
		House house = houses.find(user.programId(), houseId);
		if (!reach.everyone() && !reach.houses().contains(houseId)) {
			String reason = "the small groups of house " + houseId + " are outside the reach of " + user.getUsername();
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(null, CATEGORY).on(RESOURCE, houseId).saying(action + " refused: " + reason));
			throw new AccessDeniedException(reason);
		}
		return house;
	}

	/** One READ record per resident shown, naming the grouping (or the house when there is none). */
	void recordShown(MilieuUser user, UUID houseId, Collection<UUID> residents, Object recordId) {
		record(user, AuditAction.READ, houseId, residents, recordId, null);
	}

	/** One record per resident whose grouping this person made or changed. */
	void record(MilieuUser user, AuditAction action, UUID houseId, Collection<UUID> residents, Object recordId, String detail) {
		trail.recordAll(residents.stream().sorted()
			.map(r -> {
				AuditEntry entry = AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).about(r, CATEGORY).on(RESOURCE, recordId);
				return detail == null ? entry : entry.saying(detail);
			})
			.toList());
	}

	/** The access policy's decision on one resident of the house, enforced and audited. */
	void enforceChange(MilieuUser user, UUID houseId, UUID residentId, Object recordId) {
		policy.enforce(user, AuditAction.UPDATE, CATEGORY, new ResidentScope(residentId, houseId), RESOURCE, recordId);
	}
}
