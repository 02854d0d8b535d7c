package org.milieu.levels.privileges;

import java.time.Instant;
import java.util.UUID;

import org.milieu.residents.passes.PassEligibility;
import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Component;

/**
 * Passes follow the {@code OFF_SITE_PASS} privilege: a resident who has it (by level or an
 * individual grant, and no restriction) may go out with the approval of the staff member who
 * signs them out; one who has not is refused, and the refusal says why.
 */
@Component
class OffSitePassEligibility implements PassEligibility {

	static final String PRIVILEGE = DefaultPrivilege.OFF_SITE_PASS.name();

	private final LevelPrivileges privileges;

	OffSitePassEligibility(LevelPrivileges privileges) {
		this.privileges = privileges;
	}

	@Override
	public Answer check(ProgramId program, UUID residentId, Instant leaving) {
		org.milieu.levels.privileges.Answer answer = privileges.may(program, residentId, PRIVILEGE, leaving);
		return answer.allowed() ? Answer.STAFF_APPROVAL_REQUIRED : Answer.notEligible(answer.reasonKey(), answer.arguments());
	}
}
