package org.milieu.government;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who belongs to a meeting. Staff take part in any meeting of their program; a resident in their
 * own house's meetings and the whole program's; anyone else is refused, and the refusal audited.
 * The members of a meeting, for quorum and ballots, are the residents living in its house today
 * (for a whole-program meeting, every resident in a house today).
 */
@Component
class Membership {

	private final Census census;

	private final AuditTrail trail;

	Membership(Census census, AuditTrail trail) {
		this.census = census;
		this.trail = trail;
	}

	static boolean staff(MilieuUser user) {
		return user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
	}

	/** Refuses anyone who is neither staff nor a resident (a family member, for one) before anything is looked up. */
	void requireParticipant(MilieuUser user, String type, UUID id) {
		if (!staff(user) && !(user.has(Role.RESIDENT) && user.residentId() != null)) {
			refuse(user, type, id, "READ", user.getUsername() + " is neither staff nor a resident");
		}
	}

	/** The resident's house today for a resident taking part; null for staff. Anyone else is refused. */
	UUID requireMember(MilieuUser user, UUID meetingHouse, String type, UUID id, String action) {
		if (staff(user)) {
			return null;
		}
		UUID house = residentHouse(user, type, id);
		if (meetingHouse != null && !meetingHouse.equals(house)) {
			refuse(user, type, id, action, type + " " + id + " is of another house than " + user.getUsername() + "'s");
		}
		return house;
	}

	/** The signed-in resident's house today; refused for anyone who is not a resident living in a house. */
	UUID residentHouse(MilieuUser user, String type, UUID id) {
		if (!user.has(Role.RESIDENT) || user.residentId() == null) {
			refuse(user, type, id, "READ", user.getUsername() + " is neither staff nor a resident");
		}
		return census.find(user.programId(), user.residentId()).map(CensusEntry::houseId).orElseGet(() -> {
			refuse(user, type, id, "READ", user.getUsername() + " lives in no house of the program today");
			return null;
		});
	}

	/** The residents a meeting of this house (null: the whole program) is for, today. */
	Set<UUID> members(ProgramId program, UUID house) {
		return census.today(program).stream().filter(e -> house == null || house.equals(e.houseId()))
			.map(CensusEntry::residentId).collect(Collectors.toSet());
	}

	/** The house a resident lives in today, or null when they live in none. */
	UUID houseOf(ProgramId program, UUID resident) {
		return census.find(program, resident).map(CensusEntry::houseId).orElse(null);
	}

	void refuse(MilieuUser user, String type, UUID id, String action, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.GOVERNMENT).on(type, id).saying(action + " refused: " + reason));
		throw new AccessDeniedException(reason);
	}
}
