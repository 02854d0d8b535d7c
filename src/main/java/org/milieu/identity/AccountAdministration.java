package org.milieu.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program director's work on accounts: invite someone with a one-time link, change their
 * roles and houses, disable them (every session of theirs ends at once), and reset their access.
 * Every change is audited in the same transaction.
 */
@Service
public class AccountAdministration {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final CareRelationships care;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration invitationLifetime;

	AccountAdministration(AccountRepository accounts, CareRelationships care, PasswordPolicy policy,
			PasswordEncoder passwords, AuditTrail trail, JdbcClient jdbc, Clock clock, @Value("${milieu.security.invitation-lifetime:72h}") Duration invitationLifetime) {
		this.accounts = accounts;
		this.care = care;
		this.policy = policy;
		this.passwords = passwords;
		this.trail = trail;
		this.jdbc = jdbc;
		this.clock = clock;
		this.invitationLifetime = invitationLifetime;
	}

	/** Opens an account without a password and issues the link with which its owner sets one. */
	@Transactional
	public Invitation invite(MilieuUser admin, NewInvitation command) {
		String username = command.username() == null ? "" : command.username().trim().toLowerCase(Locale.ROOT);
		if (!username.matches("[a-z0-9._-]{3,64}")) {
			throw new RuleViolation("account.username.invalid", "username");
		}
		if (accounts.findByUsername(username).isPresent()) {
			throw new RuleViolation("account.username.taken", "username", username);
		}
		requireRoles(command.roles(), command.residentId());
		Account account = accounts.save(Account.open(admin.programId().value(), username, command.displayName().trim(),
				null, command.roles(), command.residentId()));
		care.assignHouses(account.id(), command.houseIds());
		audit(admin, AuditAction.ACCOUNT_CHANGE, account, "invited with roles " + names(command.roles()) + " and houses "
				+ command.houseIds().size());
		return issueInvitation(account);
	}

	/** Replaces roles, houses and name, if the account is still at {@code expectedVersion}. */
	@Transactional
	public Account revise(MilieuUser admin, UUID accountId, int expectedVersion, String displayName, Set<Role> roles,
			Set<UUID> houseIds) {
		Account account = find(admin, accountId);
		if (account.version() != expectedVersion) {
			throw new VersionConflict("Account", expectedVersion, account.version());
		}
		requireRoles(roles, account.residentId());
		if (!roles.contains(Role.ADMIN)) {
			refuseOwnAccount(admin, account, "account.self-demotion");
			keepAnAdministrator(account);
		}
		String before = names(account.roles());
		account.rename(displayName.trim());
		account.grant(roles);
		Account saved = accounts.save(account);
		care.assignHouses(accountId, houseIds);
		audit(admin, AuditAction.ROLE_CHANGE, saved, "roles " + before + " -> " + names(roles) + ", houses " + houseIds.size());
		return saved;
	}

	/** Disables the account and ends every session it has, on every node, at once. */
	@Transactional
	public Account disable(MilieuUser admin, UUID accountId) {
		Account account = find(admin, accountId);
		refuseOwnAccount(admin, account, "account.self-disable");
		keepAnAdministrator(account);
		account.disable();
		Account saved = accounts.save(account);
		int ended = endSessions(account.username());
		audit(admin, AuditAction.ACCOUNT_CHANGE, saved, "disabled; sessions ended: " + ended);
		return saved;
	}

	@Transactional
	public Account enable(MilieuUser admin, UUID accountId) {
		Account account = find(admin, accountId);
		account.enable();
		Account saved = accounts.save(account);
		audit(admin, AuditAction.ACCOUNT_CHANGE, saved, "enabled");
		return saved;
	}

	/**
	 * Resets access: the password is cleared, every session ends, and a new invitation link is
	 * issued. Multi-factor enrolment is kept, so a reset never bypasses the second factor.
	 */
	@Transactional
	public Invitation resetAccess(MilieuUser admin, UUID accountId) {
		Account account = find(admin, accountId);
		refuseOwnAccount(admin, account, "account.self-reset");
		keepAnAdministrator(account);
		account.setPasswordHash(null);
		Account saved = accounts.save(account);
		int ended = endSessions(account.username());
		jdbc.sql("update identity_invitation set used_at = ? where account_id = ? and used_at is null")
			.params(Timestamp.from(clock.instant()), accountId).update();
		audit(admin, AuditAction.ACCOUNT_CHANGE, saved, "access reset; sessions ended: " + ended);
		return issueInvitation(saved);
	}

	/**
	 * For someone who lost the phone with their authenticator and their recovery codes: removes
	 * their second factor and ends their sessions. Where a second factor is required they must
	 * set up a new one at their next sign-in, after their password.
	 */
	@Transactional
	public Account resetSecondFactor(MilieuUser admin, UUID accountId) {
		Account account = find(admin, accountId);
		refuseOwnAccount(admin, account, "account.self-second-factor-reset");
		keepAnAdministrator(account);
		int removed = jdbc.sql("delete from identity_totp where account_id = ?").param(accountId).update();
		jdbc.sql("delete from identity_recovery_code where account_id = ?").param(accountId).update();
		int ended = endSessions(account.username());
		audit(admin, AuditAction.ACCOUNT_CHANGE, account,
				(removed == 0 ? "second factor reset (none was set up)" : "second factor reset") + "; sessions ended: " + ended);
		return account;
	}

	/** Ends every session of the account, e.g. "sign out everywhere" or after a disable. */
	@Transactional
	public int signOutEverywhere(MilieuUser user) {
		int ended = endSessions(user.getUsername());
		trail.record(AuditEntry.of(user.actor(), AuditAction.SIGN_OUT, AuditOutcome.SUCCESS)
			.on("Account", user.accountId()).saying("signed out everywhere; sessions ended: " + ended));
		return ended;
	}

	/**
	 * Sets the password from a one-time invitation link. The link must be unused and unexpired;
	 * the password must pass the {@link PasswordPolicy}. Returns the account's user name.
	 */
	@Transactional
	public String acceptInvitation(String token, String password) {
		record Pending(UUID accountId, Instant expiresAt, Instant usedAt) {
		}
		Pending pending = jdbc.sql("select account_id, expires_at, used_at from identity_invitation where token_hash = ? for update")
			.param(hash(token))
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.optional().orElseThrow(() -> new RuleViolation("invitation.invalid", null));
		if (pending.usedAt() != null || !clock.instant().isBefore(pending.expiresAt())) {
			throw new RuleViolation("invitation.invalid", null);
		}
		Account account = accounts.findById(pending.accountId()).orElseThrow(() -> new RuleViolation("invitation.invalid", null));
		policy.check(account.username(), password);
		account.setPasswordHash(passwords.encode(password));
		accounts.save(account);
		jdbc.sql("update identity_invitation set used_at = ? where token_hash = ?")
			.params(Timestamp.from(clock.instant()), hash(token)).update();
		trail.record(AuditEntry.of(new org.milieu.audit.Actor(account.programId(), account.id(), account.username(), null),
				AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS).on("Account", account.id()).saying("password set from invitation"));
		return account.username();
	}

	private Invitation issueInvitation(Account account) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = now.plus(invitationLifetime);
		jdbc.sql("insert into identity_invitation (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), account.id(), Timestamp.from(now), Timestamp.from(expires)).update();
		return new Invitation(account, token, expires);
	}

	private Account find(MilieuUser admin, UUID accountId) {
		return accounts.findById(accountId).filter(a -> a.programId().equals(admin.programId().value()))
			.orElseThrow(() -> new RecordNotFound("Account", accountId));
	}

	/**
	 * Nobody disables, demotes or resets their own account through administration: one click would
	 * lock them out. Their own password and second factor are changed on their own account page,
	 * which asks for the current credentials first.
	 */
	private static void refuseOwnAccount(MilieuUser admin, Account account, String code) {
		if (account.id().equals(admin.accountId())) {
			throw new StateConflict(code);
		}
	}

	/**
	 * A program keeps at least one active administrator besides {@code account}: otherwise nobody
	 * could invite, enable or reset anyone again. The program's active administrators are locked
	 * first, so two directors demoting each other at the same moment cannot both succeed.
	 */
	private void keepAnAdministrator(Account account) {
		if (!account.enabled() || !account.roles().contains(Role.ADMIN)) {
			return;
		}
		String administrators = """
				select a.id from identity_account a join identity_account_role r on r.account_id = a.id
				 where a.program_id = ? and a.enabled and r.role = 'ADMIN'""";
		// Lock them all (this account too), then count in a statement of its own: it sees what a
		// concurrent change that held the locks committed, which the locking statement would not.
		jdbc.sql(administrators + " order by a.id for update of a").param(account.programId()).query(UUID.class).list();
		long others = jdbc.sql(administrators + " and a.id <> ?").params(account.programId(), account.id())
			.query(UUID.class).list().size();
		if (others == 0) {
			throw new StateConflict("account.last-administrator");
		}
	}

	/**
	 * Ends every stored session of the account inside the caller's transaction, so the change and
	 * the end of its sessions commit together, on the connection the change already holds (Spring
	 * Session's repository would open a transaction of its own beside it).
	 */
	private int endSessions(String username) {
		return jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
	}

	private static void requireRoles(Set<Role> roles, UUID residentId) {
		if (roles == null || roles.isEmpty()) {
			throw new RuleViolation("account.roles.empty", "roles");
		}
		if (roles.contains(Role.RESIDENT) != (residentId != null)) {
			throw new RuleViolation("account.roles.resident", "roles");
		}
	}

	private void audit(MilieuUser admin, AuditAction action, Account account, String detail) {
		trail.record(AuditEntry.of(admin.actor(), action, AuditOutcome.SUCCESS).on("Account", account.id())
			.saying(account.username() + ": " + detail));
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
