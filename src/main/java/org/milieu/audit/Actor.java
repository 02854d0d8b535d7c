package org.milieu.audit;

import java.util.UUID;

/** Who acted: the account, its user name and the role it acted in; all null for an unknown caller. */
public record Actor(UUID programId, UUID accountId, String username, String role) {

	public static Actor unknown(String username) {
		return new Actor(null, null, username, null);
	}
}
