package org.milieu.identity;

import java.util.Set;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/** A command to open an account; {@code residentId} is set for residents only. */
public record NewAccount(ProgramId programId, String username, String displayName, String password, Set<Role> roles,
		UUID residentId) {
}
