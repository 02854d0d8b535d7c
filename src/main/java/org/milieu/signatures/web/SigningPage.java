package org.milieu.signatures.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reauthentication;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.signatures.Credential;
import org.milieu.signatures.SignDocument;
import org.milieu.signatures.Signature;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.SigningRefused;
import org.milieu.signatures.SigningScreen;
import org.milieu.signatures.StaleContent;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one signing page, for every kind of document: the title, the meaning of the signature in
 * words, the signer's credential, Sign and Decline. The hand-over page is the same for a resident
 * handed the tablet: the clinician's name and menu are gone from the screen (the session stays
 * theirs), and the resident gives their own user name and password. Addresses carry ids only.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
class SigningPage {

	private static final String PASSKEY_CHALLENGE = "milieu.signing.passkey-challenge";

	private final Signatures signatures;

	private final Reauthentication reauthentication;

	SigningPage(Signatures signatures, Reauthentication reauthentication) {
		this.signatures = signatures;
		this.reauthentication = reauthentication;
	}

	@GetMapping("/sign/{kind}/{documentId}/{version}")
	String form(@AuthenticationPrincipal MilieuUser user, @PathVariable String kind, @PathVariable UUID documentId,
			@PathVariable int version, Model model) {
		return show(user, kind, documentId, version, false, model);
	}

	@GetMapping("/sign/{kind}/{documentId}/{version}/hand-over")
	String handOver(@AuthenticationPrincipal MilieuUser user, @PathVariable String kind, @PathVariable UUID documentId,
			@PathVariable int version, Model model) {
		return show(user, kind, documentId, version, true, model);
	}

	/**
	 * A fresh passkey challenge for the signing form, kept in the session for the one answer to it;
	 * on the hand-over page it names no passkey, so the device offers the resident's own.
	 */
	@PostMapping(path = "/sign/passkey-challenge", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String passkeyChallenge(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(defaultValue = "false") boolean handedOver, HttpSession session) {
		PublicKeyCredentialRequestOptions challenge = reauthentication.passkeyChallenge(user, handedOver);
		session.setAttribute(PASSKEY_CHALLENGE, challenge);
		return Reauthentication.asJson(challenge);
	}

	@PostMapping("/sign/{kind}/{documentId}/{version}")
	String sign(@AuthenticationPrincipal MilieuUser user, @PathVariable String kind, @PathVariable UUID documentId,
			@PathVariable int version, @RequestParam(defaultValue = "") String meaning,
			@RequestParam(defaultValue = "") String contentHash, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "false") boolean handedOver, @RequestParam(defaultValue = "sign") String decision,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String passkey, Model model,
			RedirectAttributes redirect, HttpServletResponse response, HttpSession session) {
		boolean declining = "decline".equals(decision);
		Credential credential = new Credential(handedOver ? username : null, password, code);
		if (!passkey.isBlank()) {
			// the challenge is used once, whatever the answer
			Object challenge = session.getAttribute(PASSKEY_CHALLENGE);
			session.removeAttribute(PASSKEY_CHALLENGE);
			credential = Credential.ofPasskey(new Reauthentication.PasskeyAnswer(
					challenge instanceof PublicKeyCredentialRequestOptions options ? options : null, passkey));
		}
		String error;
		Object[] arguments = null;
		HttpStatus status;
		try {
			Signature done = signatures.sign(user, new SignDocument(kind, documentId, version, meaning, contentHash,
					credential, declining ? reason : null),
					LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("notice", done.declined() ? "signature.page.declined" : "signature.page.done");
			return "redirect:" + safe(signatures.screen(user, kind, documentId, version, false,
					LocaleContextHolder.getLocale()).returnPath());
		}
		catch (SigningRefused refused) {
			error = refused.code();
			status = refused.reason() == SigningRefused.Reason.LOCKED ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		}
		catch (StaleContent stale) {
			error = "signature.stale";
			status = HttpStatus.PRECONDITION_FAILED;
		}
		catch (StateConflict conflict) {
			error = conflict.code();
			status = HttpStatus.CONFLICT;
		}
		catch (RuleViolation violation) {
			error = violation.code();
			arguments = violation.arguments();
			status = HttpStatus.UNPROCESSABLE_CONTENT;
		}
		response.setStatus(status.value());
		model.addAttribute("error", error);
		model.addAttribute("errorArgs", arguments);
		model.addAttribute("reason", declining ? reason : "");
		return show(user, kind, documentId, version, handedOver, model);
	}

	private String show(MilieuUser user, String kind, UUID documentId, int version, boolean handedOver, Model model) {
		SigningScreen screen = signatures.screen(user, kind, documentId, version, handedOver, LocaleContextHolder.getLocale());
		model.addAttribute("screen", screen);
		model.addAttribute("handedOver", handedOver);
		model.addAttribute("returnPath", safe(screen.returnPath()));
		return "signatures/sign-form";
	}

	/** A path within Milieu only, so a document's kind can never send the signer elsewhere. */
	private static String safe(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") ? path : "/";
	}
}
