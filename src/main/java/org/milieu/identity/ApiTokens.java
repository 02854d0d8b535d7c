package org.milieu.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: shown once, kept only as a hash, with an expiry, revocable. A token
 * acts as its owner: never broader than the owner's own rights, and useless once the owner is
 * disabled or locked. Sent as {@code Authorization: Bearer mil_...}.
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mil_";

	public static final int MAX_DAYS = 365;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail trail;

	private final Accounts accounts;

	private final SignInThrottle throttle;

	ApiTokens(JdbcClient jdbc, Clock clock, AuditTrail trail, Accounts accounts, SignInThrottle throttle) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.trail = trail;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Transactional
	public IssuedToken create(MilieuUser owner, String name, int days) {
		if (name == null || name.isBlank() || name.trim().length() > 80) {
			throw new RuleViolation("token.name.invalid", "name");
		}
		if (days < 1 || days > MAX_DAYS) {
			throw new RuleViolation("token.days.range", "expiresInDays", MAX_DAYS);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = now.plus(Duration.ofDays(days));
		jdbc.sql("""
				insert into identity_api_token (id, account_id, name, token_hash, prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.accountId(), name.trim(), AccountAdministration.hash(token), token.substring(0, 10),
					Timestamp.from(now), Timestamp.from(expires))
			.update();
		trail.record(AuditEntry.of(owner.actor(), AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS).on("ApiToken", id)
			.saying("API token created: " + name.trim()));
		return new IssuedToken(id, name.trim(), token, expires);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(MilieuUser owner) {
		return jdbc.sql("""
				select id, name, prefix, created_at, expires_at, revoked_at, last_used_at
				  from identity_api_token where account_id = ? order by created_at desc""")
			.param(owner.accountId())
			.query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at"))))
			.list();
	}

	/** Revokes one of the owner's own tokens; anyone else's is "not found". */
	@Transactional
	public void revoke(MilieuUser owner, UUID id) {
		int changed = jdbc.sql("update identity_api_token set revoked_at = coalesce(revoked_at, ?) where id = ? and account_id = ?")
			.params(Timestamp.from(clock.instant()), id, owner.accountId()).update();
		if (changed == 0) {
			throw new RecordNotFound("ApiToken", id);
		}
		trail.record(AuditEntry.of(owner.actor(), AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS).on("ApiToken", id)
			.saying("API token revoked"));
	}

	/** The owner a presented token stands for, if it is known, unexpired, unrevoked and its owner may sign in. */
	@Transactional
	public Optional<MilieuUser> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<UUID> account = jdbc.sql("""
				update identity_api_token set last_used_at = ?
				 where token_hash = ? and revoked_at is null and expires_at > ?
				returning account_id""")
			.params(Timestamp.from(now), AccountAdministration.hash(token), Timestamp.from(now))
			.query(UUID.class).optional();
		return account.flatMap(accounts::find)
			.filter(a -> a.enabled() && a.hasPassword() && !throttle.isLocked(a.id()))
			.map(a -> new MilieuUser(a, false));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/** A token just created: the secret is in here once and nowhere else. */
	public record IssuedToken(UUID id, String name, String token, Instant expiresAt) {
	}

	/** What a list shows of a token: never the secret. */
	public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt,
			@Nullable Instant lastUsedAt) {
	}
}
