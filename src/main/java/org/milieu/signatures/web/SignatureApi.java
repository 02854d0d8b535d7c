package org.milieu.signatures.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ProblemTypes;
import org.milieu.signatures.Credential;
import org.milieu.signatures.SignDocument;
import org.milieu.signatures.Signature;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.SigningMethod;
import org.milieu.signatures.SigningRefused;
import org.milieu.signatures.StaleContent;
import org.milieu.signatures.Verification;
import org.milieu.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Electronic signatures over JSON: sign or decline to sign a version of a document, and list a
 * document's signatures, each checked against the content now.
 */
@RestController
class SignatureApi {

	/** The signer's credential was wrong (or the code missing): nothing signed; counted toward the lockout. */
	static final URI CREDENTIAL_REFUSED = URI.create("urn:milieu:problem:credential-refused");

	/** The signer's account is locked after too many wrong attempts: nothing was checked or signed. */
	static final URI ACCOUNT_LOCKED = URI.create("urn:milieu:problem:account-locked");

	private final Signatures signatures;

	private final MessageSource messages;

	SignatureApi(Signatures signatures, MessageSource messages) {
		this.signatures = signatures;
		this.messages = messages;
	}

	/** Signs one version of a document in one meaning, after the signer gives their credential again. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/signatures")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<SignatureResponse> sign(@AuthenticationPrincipal MilieuUser user, @RequestBody SignRequest request) {
		Signature signed = signatures.sign(user, request.command(null), LocaleContextHolder.getLocale());
		return created(signed);
	}

	/** Declines to sign one version in one meaning, with the reason, after the signer gives their credential again. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/signatures/declines")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<SignatureResponse> decline(@AuthenticationPrincipal MilieuUser user, @RequestBody DeclineRequest request) {
		if (request.reason() == null || request.reason().isBlank()) {
			throw new RuleViolation("signature.reason.invalid", "reason", 2000);
		}
		Signature declined = signatures.sign(user, request.sign().command(request.reason()), LocaleContextHolder.getLocale());
		return created(declined);
	}

	/** A document's signatures, oldest first, every version or one, each with its verification. */
	@GetMapping("/api/v1/signatures")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<SignatureList> list(@AuthenticationPrincipal MilieuUser user, @RequestParam String kind,
			@RequestParam UUID documentId, @RequestParam(required = false) Integer version) {
		List<SignatureResponse> items = signatures.signaturesOf(user, kind, documentId, version).stream()
			.map(SignatureResponse::of).toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new SignatureList(items));
	}

	@ExceptionHandler(SigningRefused.class)
	ResponseEntity<ProblemDetail> refused(SigningRefused ex) {
		boolean locked = ex.reason() == SigningRefused.Reason.LOCKED;
		HttpStatus status = locked ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		ProblemDetail problem = problem(status, locked ? ACCOUNT_LOCKED : CREDENTIAL_REFUSED, text(ex.code()));
		if (!locked) {
			problem.setProperty("errors", List.of(new FieldMessage(
					ex.reason() == SigningRefused.Reason.SECOND_FACTOR_MISSING ? "secondFactorCode" : "password",
					text(ex.code()))));
		}
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(problem);
	}

	@ExceptionHandler(StaleContent.class)
	ResponseEntity<ProblemDetail> stale(StaleContent ex) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION, text("signature.stale"));
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).cacheControl(CacheControl.noStore()).body(problem);
	}

	private static ResponseEntity<SignatureResponse> created(Signature signature) {
		return ResponseEntity.created(URI.create("/api/v1/signatures?kind=" + signature.kind() + "&documentId="
				+ signature.documentId() + "&version=" + signature.version()))
			.cacheControl(CacheControl.noStore())
			.body(SignatureResponse.of(new Verification(signature, Verification.Status.VALID, signature.contentHash(),
					signature.contentHash())));
	}

	private ProblemDetail problem(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(text("problem.title." + status.value()));
		return problem;
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	/** A field at fault, as in the other problem documents' {@code errors}. */
	record FieldMessage(String field, String message) {
	}

	/**
	 * {@code username} only when the tablet was handed to someone else, who signs as themself;
	 * {@code secondFactorCode} when the signer's account has a second factor.
	 */
	record SignRequest(@Schema(requiredMode = REQUIRED, example = "treatment-plan") String kind,
			@Schema(requiredMode = REQUIRED) UUID documentId, @Schema(requiredMode = REQUIRED, minimum = "1") int version,
			@Schema(requiredMode = REQUIRED, description = "the code of the meaning, as the document's kind names it") String meaning,
			@Schema(requiredMode = REQUIRED, pattern = "^[0-9a-f]{64}$",
					description = "the SHA-256 of the content shown, as the signing page or listing gave it") String contentHash,
			@Schema(requiredMode = REQUIRED, format = "password") String password,
			@Schema(pattern = "^[0-9a-zA-Z -]{0,40}$") String secondFactorCode, @Schema(maxLength = 200) String username) {

		SignDocument command(String declineReason) {
			return new SignDocument(kind, documentId, version, meaning, contentHash,
					new Credential(username, password, secondFactorCode), declineReason);
		}
	}

	/** A decline: the same as a signature, with the reason. */
	record DeclineRequest(@Schema(requiredMode = REQUIRED) String kind, @Schema(requiredMode = REQUIRED) UUID documentId,
			@Schema(requiredMode = REQUIRED, minimum = "1") int version, @Schema(requiredMode = REQUIRED) String meaning,
			@Schema(requiredMode = REQUIRED, pattern = "^[0-9a-f]{64}$") String contentHash,
			@Schema(requiredMode = REQUIRED, format = "password") String password,
			@Schema(pattern = "^[0-9a-zA-Z -]{0,40}$") String secondFactorCode, @Schema(maxLength = 200) String username,
			@Schema(requiredMode = REQUIRED, maxLength = 2000, pattern = "\\S") String reason) {

		SignRequest sign() {
			return new SignRequest(kind, documentId, version, meaning, contentHash, password, secondFactorCode, username);
		}
	}

	record SignatureList(List<SignatureResponse> items) {
	}

	record SignatureResponse(UUID id, String kind, UUID documentId, int version, @Nullable UUID residentId,
			UUID signerAccountId, String signerName, String signerRole, @Nullable UUID sessionAccountId, String meaning,
			String meaningText, String meaningLanguage, boolean declined, @Nullable String declineReason,
			String contentHash, SigningMethod method, Instant signedAt, VerificationResponse verification) {

		static SignatureResponse of(Verification v) {
			Signature s = v.signature();
			return new SignatureResponse(s.id(), s.kind(), s.documentId(), s.version(), s.residentId(), s.signerAccountId(),
					s.signerName(), s.signerRole(), s.sessionAccountId(), s.meaningCode(), s.meaningText(),
					s.meaningLanguage(), s.declined(), s.declineReason(), s.contentHash(), s.method(), s.signedAt(),
					new VerificationResponse(v.status(), v.storedHash(), v.currentHash()));
		}
	}

	/** Whether the stored hash is the hash of the version's content now; {@code currentHash} null when the version is gone. */
	record VerificationResponse(Verification.Status status, String storedHash, @Nullable String currentHash) {
	}
}
