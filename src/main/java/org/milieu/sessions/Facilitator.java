package org.milieu.sessions;

import java.util.UUID;

/** A staff member facilitating a session: their account and name. */
public record Facilitator(UUID accountId, String name) {
}
