package org.milieu.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.shared.RecordNotFound;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys (WebAuthn): a key pair kept by the person's device, unlocked by their fingerprint,
 * face or PIN. Signing in with one is complete on its own: it is something they have and
 * something they are or know. Adding one happens through Spring Security's WebAuthn endpoints;
 * this lists and removes them.
 */
@Service
public class Passkeys {

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	private final AuditTrail trail;

	private final Accounts accounts;

	private final SignInThrottle throttle;

	Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials, AuditTrail trail,
			Accounts accounts, SignInThrottle throttle) {
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.trail = trail;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	/**
	 * The person a verified passkey belongs to, as Milieu knows them, if their account may sign in
	 * (enabled, not locked). The sign-in is audited either way.
	 */
	@Transactional
	public Optional<MilieuUser> signedIn(String username) {
		Optional<Account> account = accounts.findByUsername(username);
		if (account.isEmpty() || !account.get().enabled() || throttle.isLocked(account.get().id())) {
			trail.recordIndependently(AuditEntry.of(account.map(a -> new Actor(a.programId(), a.id(), a.username(), null))
				.orElse(Actor.unknown(username)), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
				.saying("passkey refused: account disabled or locked"));
			return Optional.empty();
		}
		MilieuUser user = new MilieuUser(account.get(), false);
		throttle.succeeded(user.accountId());
		trail.record(AuditEntry.of(user.actor(), AuditAction.SIGN_IN, AuditOutcome.SUCCESS).saying("passkey"));
		return Optional.of(user);
	}

	@Transactional(readOnly = true)
	public List<Passkey> list(MilieuUser user) {
		PublicKeyCredentialUserEntity entity = userEntities.findByUsername(user.getUsername());
		if (entity == null) {
			return List.of();
		}
		return credentials.findByUserId(entity.getId()).stream().map(Passkeys::passkey).toList();
	}

	/** Removes one of the person's own passkeys; anyone else's is "not found". */
	@Transactional
	public void remove(MilieuUser user, String credentialId) {
		PublicKeyCredentialUserEntity entity = userEntities.findByUsername(user.getUsername());
		CredentialRecord record = credentials.findByCredentialId(Bytes.fromBase64(credentialId));
		if (entity == null || record == null || !record.getUserEntityUserId().equals(entity.getId())) {
			throw new RecordNotFound("Passkey", credentialId);
		}
		credentials.delete(record.getCredentialId());
		trail.record(AuditEntry.of(user.actor(), AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS).on("Passkey", credentialId)
			.saying("passkey removed: " + record.getLabel()));
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				record.getLastUsed());
	}

	/** One passkey as its owner sees it. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}
}
