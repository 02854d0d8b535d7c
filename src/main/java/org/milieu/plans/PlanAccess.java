package org.milieu.plans;

import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.springframework.stereotype.Component;

/**
 * How the plan module asks the one access policy, in one place: the resident's scope (the house they
 * live in today, none once discharged), and a read or export of their plan or reviews, which the
 * resident makes as a party to them and anyone else as the policy allows clinical notes. Both are
 * audited by the policy.
 */
@Component
class PlanAccess {

	private final AccessPolicy policy;

	private final Census census;

	PlanAccess(AccessPolicy policy, Census census) {
		this.policy = policy;
		this.census = census;
	}

	/** The resident and the house they live in today (none once discharged). */
	ResidentScope scope(MilieuUser user, UUID residentId) {
		return new ResidentScope(residentId,
				census.find(user.programId(), residentId).map(CensusEntry::houseId).orElse(null));
	}

	/** A read or export of a resident's plan data: their own as a party to it, anyone else's by the policy. */
	void enforceAsPartyOrClinical(MilieuUser reader, AuditAction action, ResidentScope scope, String resource,
			UUID resourceId) {
		if (reader.has(Role.RESIDENT) && scope.residentId().equals(reader.residentId())) {
			policy.enforceResidentContribution(reader, action, DataCategory.CLINICAL_NOTES, scope, resource, resourceId,
					null);
		}
		else {
			policy.enforce(reader, action, DataCategory.CLINICAL_NOTES, scope, resource, resourceId);
		}
	}
}
