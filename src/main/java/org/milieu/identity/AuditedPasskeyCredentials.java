package org.milieu.identity;

import java.util.List;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.audit.CurrentActor;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The passkey store Spring Security writes to, with every newly added passkey recorded in the
 * audit trail (a sign-in also saves the passkey, to count its uses; that is not recorded here).
 */
final class AuditedPasskeyCredentials implements UserCredentialRepository {

	private final UserCredentialRepository delegate;

	private final AuditTrail trail;

	private final CurrentActor actor;

	AuditedPasskeyCredentials(UserCredentialRepository delegate, AuditTrail trail, CurrentActor actor) {
		this.delegate = delegate;
		this.trail = trail;
		this.actor = actor;
	}

	@Override
	public void delete(Bytes credentialId) {
		delegate.delete(credentialId);
	}

	@Override
	public void save(CredentialRecord record) {
		boolean added = delegate.findByCredentialId(record.getCredentialId()) == null;
		delegate.save(record);
		if (added) {
			trail.recordIndependently(AuditEntry.of(actor.get(), AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS)
				.on("Passkey", record.getCredentialId().toBase64UrlString()).saying("passkey added: " + record.getLabel()));
		}
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return delegate.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return delegate.findByUserId(userId);
	}
}
