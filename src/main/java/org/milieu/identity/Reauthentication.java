package org.milieu.identity;

import java.util.Optional;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.platform.Transactions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Asks a person for their credential again at a moment that matters, such as an electronic
 * signature: the password, and the authenticator code when the account has a second factor. The
 * person may be the one signed in, or someone else handed the same tablet (a resident signing on
 * the clinician's session), who then names their own account. The same lockout as signing in
 * applies: a wrong answer counts toward it, and a locked account is refused without checking.
 * Every failure is audited and counted on its own, so neither survives only if the caller's
 * transaction commits.
 */
@Service
public class Reauthentication {

	/** How an attempt ended. */
	public enum Outcome {
		/** The credential is right: {@link Result#person()} is who gave it. */
		CONFIRMED,
		/** The user name, password or second-factor code was wrong. */
		WRONG_CREDENTIALS,
		/** The account has a second factor and no code was given; not counted as a guess. */
		SECOND_FACTOR_MISSING,
		/** Too many failed attempts lately; nothing was checked. */
		LOCKED
	}

	/** How the person proved who they are. */
	public enum Method {
		PASSWORD, PASSWORD_AND_SECOND_FACTOR
	}

	/** The outcome; for a confirmed attempt, the person and how they proved it. */
	public record Result(Outcome outcome, MilieuUser person, Method method) {

		public boolean confirmed() {
			return outcome == Outcome.CONFIRMED;
		}
	}

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SecondFactor secondFactor;

	private final SignInThrottle throttle;

	private final AuditTrail trail;

	private final Transactions transactions;

	Reauthentication(Accounts accounts, PasswordEncoder passwords, SecondFactor secondFactor, SignInThrottle throttle,
			AuditTrail trail, Transactions transactions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.secondFactor = secondFactor;
		this.throttle = throttle;
		this.trail = trail;
		this.transactions = transactions;
	}

	/** Whether this account would be asked for a second-factor code. */
	@Transactional(readOnly = true)
	public boolean asksForSecondFactor(MilieuUser person) {
		return secondFactor.enrolled(person.accountId());
	}

	/**
	 * Checks the credential of {@code username}, or of the signed-in person when it is blank.
	 * Someone handed the tablet must belong to the signed-in person's program and have an enabled
	 * account; anything else is answered as a wrong credential, so the answer tells nothing about
	 * which accounts exist. {@code purpose} goes into the audit record.
	 */
	@Transactional
	public Result confirm(MilieuUser signedIn, String username, String password, String code, String purpose) {
		String named = StringUtils.hasText(username) ? username.strip().toLowerCase(java.util.Locale.ROOT) : null;
		boolean handedOver = named != null && !named.equals(signedIn.getUsername());
		Optional<Account> found = handedOver ? accounts.findByUsername(named)
			.filter(a -> a.programId().equals(signedIn.programId().value()) && a.enabled())
				: accounts.find(signedIn.accountId());
		if (found.isEmpty()) {
			fail(signedIn.actor(), null, purpose + ": wrong credentials for an account handed over");
			return new Result(Outcome.WRONG_CREDENTIALS, null, null);
		}
		Account account = found.get();
		MilieuUser person = new MilieuUser(account);
		if (throttle.isLocked(account.id())) {
			trail.recordIndependently(AuditEntry.of(person.actor(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
				.on("Account", account.id()).saying(purpose + ": refused while locked"));
			return new Result(Outcome.LOCKED, null, null);
		}
		boolean passwordRight = password != null && account.passwordHash() != null
				&& passwords.matches(password, account.passwordHash());
		if (!passwordRight) {
			fail(person.actor(), account, purpose + ": wrong password");
			return new Result(Outcome.WRONG_CREDENTIALS, null, null);
		}
		if (!secondFactor.enrolled(account.id())) {
			return new Result(Outcome.CONFIRMED, person, Method.PASSWORD);
		}
		if (!StringUtils.hasText(code)) {
			trail.recordIndependently(AuditEntry.of(person.actor(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
				.on("Account", account.id()).saying(purpose + ": second-factor code missing"));
			return new Result(Outcome.SECOND_FACTOR_MISSING, null, null);
		}
		if (!secondFactor.verify(account.id(), code)) {
			fail(person.actor(), account, purpose + ": wrong second-factor code");
			return new Result(Outcome.WRONG_CREDENTIALS, null, null);
		}
		return new Result(Outcome.CONFIRMED, person, Method.PASSWORD_AND_SECOND_FACTOR);
	}

	/** Counts the failure toward the lockout and audits it, both kept whatever the caller's transaction does. */
	private void fail(Actor actor, Account account, String detail) {
		if (account != null) {
			transactions.afterConnectionReleased(() -> throttle.failed(account.id()));
		}
		AuditEntry entry = AuditEntry.of(actor, AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE).saying(detail);
		trail.recordIndependently(account == null ? entry : entry.on("Account", account.id()));
	}
}
