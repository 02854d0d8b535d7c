package org.milieu.levels.privileges;

import java.util.List;

/**
 * One privilege of the catalogue for one resident now: the answer (allowed, and why or why not)
 * and the grants and restrictions of it in force for them.
 */
public record PrivilegeStatus(Privilege privilege, Answer answer, List<PrivilegeAdjustment> inForce) {

	public PrivilegeStatus {
		inForce = List.copyOf(inForce);
	}

	public boolean allowed() {
		return answer.allowed();
	}
}
