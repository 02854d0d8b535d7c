package org.milieu.identity;

import java.util.Optional;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.platform.Transactions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a person for their credential again at a moment that matters, such as an electronic
 * signature: the password, and the authenticator code when the account has a second factor. The
 * person may be the one signed in, or someone else handed the same tablet (a resident signing on
 * the clinician's session), who then names their own account. A passkey answers on its own (the
 * device's fingerprint, face or PIN is required, so it is two factors): the browser asks the device
 * to sign a fresh challenge ({@link #passkeyChallenge}) and the passkey itself names its owner. The same lockout as signing in
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
		PASSWORD, PASSWORD_AND_SECOND_FACTOR, PASSKEY
	}

	/** A passkey's answer: the challenge the browser was given and the device's signed assertion (JSON). */
	public record PasskeyAnswer(PublicKeyCredentialRequestOptions challenge, String assertion) {

		@Override
		public String toString() {
			return "PasskeyAnswer";
		}
	}

	private static final JsonMapper WEBAUTHN_JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private static final int ASSERTION_MAX = 16_384;

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

	private final WebAuthnRelyingPartyOperations relyingParty;

	Reauthentication(Accounts accounts, PasswordEncoder passwords, SecondFactor secondFactor, SignInThrottle throttle,
			AuditTrail trail, Transactions transactions, WebAuthnRelyingPartyOperations relyingParty) {
		this.relyingParty = relyingParty;
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

	/**
	 * A fresh challenge for a passkey, requiring the device to verify its user (fingerprint, face or
	 * PIN). For the signed-in person it names their own passkeys; for someone handed the tablet it
	 * names none, so the device offers whichever passkeys it holds for Milieu.
	 */
	public PublicKeyCredentialRequestOptions passkeyChallenge(MilieuUser signedIn, boolean handedOver) {
		PublicKeyCredentialRequestOptions options = relyingParty.createCredentialRequestOptions(
				new ImmutablePublicKeyCredentialRequestOptionsRequest(handedOver ? null
						: new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(signedIn.getUsername(),
								null, signedIn.getAuthorities())));
		return PublicKeyCredentialRequestOptions.builder().challenge(options.getChallenge()).rpId(options.getRpId())
			.timeout(options.getTimeout()).allowCredentials(options.getAllowCredentials())
			.userVerification(UserVerificationRequirement.REQUIRED).build();
	}

	/** The challenge as the browser's WebAuthn call takes it (JSON, binary fields in base64url). */
	public static String asJson(PublicKeyCredentialRequestOptions options) {
		return WEBAUTHN_JSON.writeValueAsString(options);
	}

	/**
	 * Checks a passkey's answer to {@link #passkeyChallenge}: the device signed that challenge with a
	 * passkey registered here and verified its user. The person is whoever the passkey belongs to;
	 * someone other than the signed-in person must belong to the same program and have an enabled,
	 * unlocked account. A wrong answer is audited; it is not counted toward the lockout (a passkey
	 * cannot be guessed).
	 */
	@Transactional
	public Result confirmPasskey(MilieuUser signedIn, PasskeyAnswer answer, String purpose) {
		PublicKeyCredentialUserEntity owner;
		try {
			if (answer.challenge() == null || answer.assertion() == null || answer.assertion().length() > ASSERTION_MAX) {
				throw new IllegalArgumentException("no challenge, or no answer");
			}
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = WEBAUTHN_JSON.readValue(answer.assertion(),
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			owner = relyingParty.authenticate(new RelyingPartyAuthenticationRequest(answer.challenge(), credential));
		}
		catch (RuntimeException refused) { // malformed JSON (JacksonException) or a failed verification
			fail(signedIn.actor(), null, purpose + ": passkey not accepted");
			return new Result(Outcome.WRONG_CREDENTIALS, null, null);
		}
		Optional<Account> found = accounts.findByUsername(owner.getName())
			.filter(a -> a.programId().equals(signedIn.programId().value()) && a.enabled());
		if (found.isEmpty()) {
			fail(signedIn.actor(), null, purpose + ": passkey of an account that may not sign here");
			return new Result(Outcome.WRONG_CREDENTIALS, null, null);
		}
		MilieuUser person = new MilieuUser(found.get());
		if (throttle.isLocked(found.get().id())) {
			trail.recordIndependently(AuditEntry.of(person.actor(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
				.on("Account", found.get().id()).saying(purpose + ": refused while locked"));
			return new Result(Outcome.LOCKED, null, null);
		}
		return new Result(Outcome.CONFIRMED, person, Method.PASSKEY);
	}
}
