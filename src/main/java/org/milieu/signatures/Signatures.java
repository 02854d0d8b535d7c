package org.milieu.signatures;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reauthentication;
import org.milieu.identity.Role;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Signing a version of a document, declining to, and checking a stored signature against the
 * content. A signature is taken only when (1) the content still hashes to what the signer was shown
 * (else {@link StaleContent}, nothing stored), (2) the meaning is one this signer may sign in their
 * role (else a {@link RuleViolation} on {@code meaning}), (3) nobody signed that meaning of that
 * version yet (else a {@link StateConflict}), (4) the access policy lets the signer act on the
 * resident's record, and (5) the signer gave their credential again (else {@link SigningRefused}).
 * The cheap checks come before the credential, so a refused request does not spend a one-time code.
 *
 * <p>The steps run in transactions one after another, never nested: the credential check counts
 * and audits a failure on its own ({@link Reauthentication}), so it is kept whatever happens after.
 */
@Service
public class Signatures {

	static final int REASON_MAX = 2000;

	private final SignableKinds kinds;

	private final SignatureRows rows;

	private final Reauthentication reauthentication;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Signatures(SignableKinds kinds, SignatureRows rows, Reauthentication reauthentication, AccessPolicy policy,
			AuditTrail trail, ApplicationEventPublisher events, MessageSource messages, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.kinds = kinds;
		this.rows = rows;
		this.reauthentication = reauthentication;
		this.policy = policy;
		this.trail = trail;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Signs, or declines to sign when {@code command.declineReason()} is given. {@code session} is the
	 * person signed in; the signer is they, or whoever the credential names (a hand-over). The
	 * meaning's words are stored in {@code locale}, the language the signer was shown.
	 */
	public Signature sign(MilieuUser session, SignDocument command, Locale locale) {
		boolean declining = command.declineReason() != null;
		check(command, declining);
		Credential credential = command.credential();
		boolean passkey = credential != null && credential.passkey() != null;
		if (!passkey && (credential == null || !StringUtils.hasText(credential.password()))) {
			throw new RuleViolation("signature.password.missing", "password");
		}
		SignableKind kind = kinds.named(command.kind());
		String purpose = declining ? "declining to sign" : "signing";
		// a passkey names its owner, so its answer is checked first; a password is checked after the
		// document, so that asking for a wrong document never costs an attempt toward the lockout
		Reauthentication.Result passkeyProof = passkey ? reauthentication.confirmPasskey(session, credential.passkey(), purpose)
				: null;
		if (passkeyProof == null || passkeyProof.confirmed()) {
			boolean handedOver = passkey ? !passkeyProof.person().accountId().equals(session.accountId())
					: StringUtils.hasText(credential.username())
							&& !credential.username().strip().equalsIgnoreCase(session.getUsername());
			transactions.executeWithoutResult(status -> {
				SignableDocument document = current(kind, session, command);
				SignatureMeaning meaning = meaning(kind, command.meaning());
				if (handedOver) {
					enforce(session, AuditAction.READ, document, document.documentId());
				}
				else {
					allowed(kind, session, document, meaning);
					refuseWithoutAccess(session, document);
				}
				refuseTwice(command, declining);
				if (!declining) {
					kind.refuseUnready(document, meaning);
				}
			});
		}
		Reauthentication.Result proof = passkeyProof != null ? passkeyProof
				: reauthentication.confirm(session, credential.username(), credential.password(), credential.code(), purpose);
		if (!proof.confirmed()) {
			SigningRefused refused = new SigningRefused(switch (proof.outcome()) {
				case LOCKED -> SigningRefused.Reason.LOCKED;
				case SECOND_FACTOR_MISSING -> SigningRefused.Reason.SECOND_FACTOR_MISSING;
				default -> SigningRefused.Reason.WRONG_CREDENTIALS;
			});
			trail.recordIndependently(AuditEntry.of(session.actor(), AuditAction.CREATE, AuditOutcome.FAILURE)
				.on("Signature", null).saying(kind.kind() + " " + command.documentId() + " v" + command.version()
						+ ": not signed, " + refused.reason()));
			throw refused;
		}
		MilieuUser signer = proof.person();
		return transactions.execute(status -> {
			SignableDocument document = current(kind, session, command);
			SignatureMeaning meaning = meaning(kind, command.meaning());
			allowed(kind, signer, document, meaning);
			refuseTwice(command, declining);
			if (!declining) {
				kind.refuseUnready(document, meaning);
			}
			UUID id = UUID.randomUUID();
			enforce(signer, AuditAction.CREATE, document, id);
			Instant now = clock.instant();
			Signature signature = new Signature(id, kind.kind(), document.documentId(), document.version(),
					document.resident() == null ? null : document.resident().residentId(), signer.accountId(),
					signer.getUsername(), signer.displayName(), meaning.role().name(),
					signer.accountId().equals(session.accountId()) ? null : session.accountId(), meaning.code(),
					words(meaning, locale), language(locale), declining, declining ? command.declineReason().strip() : null,
					document.contentHash(), switch (proof.method()) {
						case PASSWORD_AND_SECOND_FACTOR -> SigningMethod.PASSWORD_AND_SECOND_FACTOR;
						case PASSKEY -> SigningMethod.PASSKEY;
						case PASSWORD -> SigningMethod.PASSWORD;
					},
					now);
			try {
				rows.add(document.programId(), signature);
			}
			catch (DuplicateKeyException raced) {
				throw new StateConflict("signature.already-signed");
			}
			if (signature.sessionAccountId() != null) {
				trail.record(AuditEntry.of(session.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
					.about(signature.residentId(), document.category()).on("Signature", id)
					.saying("tablet handed to " + signer.getUsername() + ", who " + (declining ? "declined" : "signed")));
			}
			if (declining) {
				events.publishEvent(new SignatureDeclined(id, kind.kind(), document.documentId(), document.version(),
						meaning.code(), signer.accountId(), signature.residentId(), now));
			}
			else {
				events.publishEvent(new DocumentSigned(id, kind.kind(), document.documentId(), document.version(),
						meaning.code(), signer.accountId(), signature.residentId(), now));
			}
			return signature;
		});
	}

	/**
	 * A document's signatures (one version, or every version when {@code version} is null), oldest
	 * first, each checked against the version's content now. The reader must be allowed to read the
	 * resident's record; the read is audited.
	 */
	public List<Verification> signaturesOf(MilieuUser reader, String kindName, UUID documentId, Integer version) {
		SignableKind kind = kinds.named(kindName);
		return transactions.execute(status -> {
			List<Signature> found = rows.of(reader.programId().value(), kind.kind(), documentId, version);
			int shown = version != null ? version : found.isEmpty() ? 1 : found.get(0).version();
			SignableDocument document = kind.document(documentId, shown)
				.filter(d -> d.programId().equals(reader.programId().value()))
				.orElseThrow(() -> new RecordNotFound("Document", documentId));
			enforce(reader, AuditAction.READ, document, documentId);
			return found.stream().map(s -> verify(kind, s)).toList();
		});
	}

	/** One stored signature checked against its version's content now; the read is audited. */
	public Verification verification(MilieuUser reader, UUID signatureId) {
		return transactions.execute(status -> {
			Signature signature = rows.find(reader.programId().value(), signatureId)
				.orElseThrow(() -> new RecordNotFound("Signature", signatureId));
			SignableKind kind = kinds.named(signature.kind());
			Verification checked = verify(kind, signature);
			kind.document(signature.documentId(), signature.version())
				.ifPresentOrElse(d -> enforce(reader, AuditAction.READ, d, signatureId), () -> {
					if (!reader.has(Role.ADMIN)) {
						throw new RecordNotFound("Signature", signatureId);
					}
				});
			return checked;
		});
	}

	/**
	 * What the signing page shows: the version, the meanings the signed-in person (or, handed over,
	 * a resident) may sign in, and whether their credential includes a code. Reading it is audited.
	 */
	public SigningScreen screen(MilieuUser session, String kindName, UUID documentId, int version, boolean handedOver,
			Locale locale) {
		SignableKind kind = kinds.named(kindName);
		return transactions.execute(status -> {
			SignableDocument document = kind.document(documentId, version)
				.filter(d -> d.programId().equals(session.programId().value()))
				.orElseThrow(() -> new RecordNotFound("Document", documentId));
			enforce(session, AuditAction.READ, document, documentId);
			List<SignatureMeaning> offered = handedOver
					? kind.meanings().stream().filter(m -> m.role() == Role.RESIDENT).toList()
					: kind.meaningsFor(session, document).stream().filter(m -> session.has(m.role())).toList();
			List<Verification> signed = rows.of(session.programId().value(), kind.kind(), documentId, version).stream()
				.map(s -> checked(s, document.contentHash())).toList();
			List<SigningScreen.Offer> offers = offered.stream()
				.filter(m -> signed.stream().map(Verification::signature)
					.noneMatch(s -> !s.declined() && s.meaningCode().equals(m.code())))
				.map(m -> new SigningScreen.Offer(m.code(), words(m, locale)))
				.toList();
			boolean residentCanTakeOver = !handedOver && document.resident() != null && !session.has(Role.RESIDENT)
					&& kind.meanings().stream().anyMatch(m -> m.role() == Role.RESIDENT);
			return new SigningScreen(document.kind(), documentId, version, document.title(), document.contentHash(),
					document.returnPath(), offers, !handedOver && reauthentication.asksForSecondFactor(session),
					residentCanTakeOver, signed);
		});
	}

	private static void check(SignDocument command, boolean declining) {
		if (command.documentId() == null) {
			throw new RuleViolation("signature.document.missing", "documentId");
		}
		if (command.version() < 1) {
			throw new RuleViolation("signature.version.invalid", "version");
		}
		if (!StringUtils.hasText(command.meaning())) {
			throw new RuleViolation("signature.meaning.missing", "meaning");
		}
		if (command.expectedContentHash() == null || !command.expectedContentHash().matches("[0-9a-f]{64}")) {
			throw new RuleViolation("signature.content-hash.invalid", "contentHash");
		}
		if (declining && (command.declineReason().isBlank() || command.declineReason().strip().length() > REASON_MAX)) {
			throw new RuleViolation("signature.reason.invalid", "reason", REASON_MAX);
		}
	}

	/** The version as it stands, in the signed-in person's program, with the content the signer saw. */
	private SignableDocument current(SignableKind kind, MilieuUser session, SignDocument command) {
		SignableDocument document = kind.document(command.documentId(), command.version())
			.filter(d -> d.programId().equals(session.programId().value()))
			.orElseThrow(() -> new RecordNotFound("Document", command.documentId()));
		if (!document.contentHash().equals(command.expectedContentHash())) {
			throw new StaleContent(document.contentHash());
		}
		return document;
	}

	private static SignatureMeaning meaning(SignableKind kind, String code) {
		return kind.meanings().stream().filter(m -> m.code().equals(code)).findFirst()
			.orElseThrow(() -> new RuleViolation("signature.meaning.unknown", "meaning", code));
	}

	/** The signer may sign in this meaning: the kind says so, and they have the meaning's role. */
	private static void allowed(SignableKind kind, MilieuUser signer, SignableDocument document, SignatureMeaning meaning) {
		boolean offered = kind.meaningsFor(signer, document).stream().anyMatch(m -> m.code().equals(meaning.code()));
		if (!offered || !signer.has(meaning.role())) {
			throw new RuleViolation("signature.meaning.not-allowed", "meaning", meaning.code());
		}
	}

	private void refuseTwice(SignDocument command, boolean declining) {
		if (rows.exists(command.kind(), command.documentId(), command.version(), command.meaning(), declining)) {
			throw new StateConflict(declining ? "signature.already-answered" : "signature.already-signed");
		}
	}

	/**
	 * Before the credential is asked: someone the access policy would not let sign is refused (and the
	 * refusal recorded) now, not after spending their password on it. Nothing is recorded when allowed;
	 * the signature's own transaction enforces and records it.
	 */
	private void refuseWithoutAccess(MilieuUser signer, SignableDocument document) {
		boolean ownRecord = document.resident() == null
				|| (signer.has(Role.RESIDENT) && document.resident().residentId().equals(signer.residentId()));
		if (!ownRecord && !policy.decide(signer, AccessAction.WRITE, document.category(), document.resident()).allowed()) {
			enforce(signer, AuditAction.CREATE, document, null);
		}
	}

	/**
	 * The access policy for a person acting on the document's resident record: a resident on their own
	 * record takes part in it (their own words and signature); anyone else as their role allows.
	 */
	private void enforce(MilieuUser user, AuditAction action, SignableDocument document, Object resourceId) {
		if (document.resident() == null) {
			trail.record(AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).on("Signature", resourceId)
				.saying(document.kind() + " " + document.documentId() + " v" + document.version()));
			return;
		}
		if (user.has(Role.RESIDENT) && document.resident().residentId().equals(user.residentId())) {
			policy.enforceResidentContribution(user, action, document.category(), document.resident(), "Signature",
					resourceId, null);
		}
		else {
			policy.enforce(user, action, document.category(), document.resident(), "Signature", resourceId);
		}
	}

	private static Verification verify(SignableKind kind, Signature signature) {
		return checked(signature, kind.document(signature.documentId(), signature.version())
			.map(SignableDocument::contentHash).orElse(null));
	}

	private static Verification checked(Signature signature, String now) {
		return new Verification(signature,
				signature.contentHash().equals(now) ? Verification.Status.VALID : Verification.Status.DOES_NOT_MATCH,
				signature.contentHash(), now);
	}

	private String words(SignatureMeaning meaning, Locale locale) {
		return messages.getMessage(meaning.messageKey(), null, meaning.code(), locale);
	}

	private static String language(Locale locale) {
		return locale == null || locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
	}
}
