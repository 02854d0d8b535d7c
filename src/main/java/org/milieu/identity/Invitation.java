package org.milieu.identity;

import java.time.Instant;

/** An invitation just issued: the account, the one-time token (shown once, never stored) and its expiry. */
public record Invitation(Account account, String token, Instant expiresAt) {
}
