package org.milieu.identity;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing your own password and replacing your own second factor, on your own account page: each
 * asks for the credentials you hold now, so a session left open on a shared tablet cannot take
 * the account over. A wrong credential counts toward the same lockout as a wrong sign-in; every
 * attempt is audited. Administrators cannot do this to their own account through administration
 * ({@link AccountAdministration} refuses it), so nobody locks themselves out with one click.
 */
@Service
public class OwnCredentials {

	/** What came of an attempt. */
	public enum Outcome {
		/** Done. */
		CHANGED,
		/** The current password or second-factor code was wrong; nothing changed. */
		WRONG_CREDENTIALS,
		/** Too many failed attempts lately; nothing was checked or changed. */
		LOCKED
	}

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final SecondFactor secondFactor;

	private final SignInThrottle throttle;

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	OwnCredentials(AccountRepository accounts, PasswordEncoder passwords, PasswordPolicy policy, SecondFactor secondFactor,
			SignInThrottle throttle, AuditTrail trail, JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.trail = trail;
		this.jdbc = jdbc;
	}

	/**
	 * Sets a new password when {@code current} is the password now; the new one must pass the
	 * {@link PasswordPolicy} (a {@link org.milieu.shared.RuleViolation} on field
	 * {@code newPassword} otherwise). Every other session of the account ends; the one with
	 * {@code keptSessionId} (the session asking) goes on.
	 */
	@Transactional
	public Outcome changePassword(MilieuUser user, String current, String next, String keptSessionId) {
		Account account = ownAccount(user);
		Outcome checked = check(user, account, current, null);
		if (checked != Outcome.CHANGED) {
			return checked;
		}
		policy.check(account.username(), next);
		account.setPasswordHash(passwords.encode(next));
		accounts.save(account);
		int ended = jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
			.params(account.username(), keptSessionId == null ? "" : keptSessionId).update();
		audit(user, AuditOutcome.SUCCESS, "password changed on own account page; other sessions ended: " + ended);
		return Outcome.CHANGED;
	}

	/**
	 * Removes the second factor (authenticator and recovery codes) when {@code current} is the
	 * password and {@code code} a current authenticator code or an unused recovery code, so a new
	 * one can be set up at once on {@code /account/second-factor}.
	 */
	@Transactional
	public Outcome removeSecondFactor(MilieuUser user, String current, String code) {
		Account account = ownAccount(user);
		Outcome checked = check(user, account, current, code == null ? "" : code);
		if (checked != Outcome.CHANGED) {
			return checked;
		}
		jdbc.sql("delete from identity_totp where account_id = ?").param(account.id()).update();
		jdbc.sql("delete from identity_recovery_code where account_id = ?").param(account.id()).update();
		audit(user, AuditOutcome.SUCCESS, "second factor removed on own account page, to set up a new one");
		return Outcome.CHANGED;
	}

	/**
	 * Checks the password and, when {@code code} is given, the second factor. A failure is counted
	 * and audited in this transaction, which commits: the caller returns the outcome, not an
	 * exception.
	 */
	private Outcome check(MilieuUser user, Account account, String password, String code) {
		if (throttle.isLocked(account.id())) {
			audit(user, AuditOutcome.FAILURE, "own credentials: refused while locked");
			return Outcome.LOCKED;
		}
		boolean passwordRight = password != null && account.passwordHash() != null
				&& passwords.matches(password, account.passwordHash());
		boolean codeRight = code == null || (passwordRight && secondFactor.verify(account.id(), code));
		if (!passwordRight || !codeRight) {
			throttle.failed(account.id());
			audit(user, AuditOutcome.FAILURE, "own credentials: wrong " + (passwordRight ? "second-factor code" : "password"));
			return Outcome.WRONG_CREDENTIALS;
		}
		return Outcome.CHANGED;
	}

	private Account ownAccount(MilieuUser user) {
		return accounts.findById(user.accountId()).orElseThrow(() -> new RecordNotFound("Account", user.accountId()));
	}

	private void audit(MilieuUser user, AuditOutcome outcome, String detail) {
		trail.record(AuditEntry.of(user.actor(), AuditAction.ACCOUNT_CHANGE, outcome).on("Account", user.accountId())
			.saying(detail));
	}
}
