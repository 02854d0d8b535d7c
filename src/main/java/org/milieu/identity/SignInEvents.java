package org.milieu.identity;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, failed sign-in and sign-out goes to the audit trail; failures also count toward
 * the lockout. The log says only that a failure happened, never which user name was tried.
 */
@Component
class SignInEvents {

	private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

	private final AuditTrail trail;

	private final SignInThrottle throttle;

	private final Accounts accounts;

	private final SecondFactor secondFactor;

	SignInEvents(AuditTrail trail, SignInThrottle throttle, Accounts accounts, SecondFactor secondFactor) {
		this.trail = trail;
		this.throttle = throttle;
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	/**
	 * A right password. With a second factor enrolled the sign-in is not complete yet, so earlier
	 * failures stay counted: otherwise re-entering the password would reset the guesses at the code.
	 */
	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof MilieuUser user) {
			boolean secondStep = secondFactor.enrolled(user.accountId());
			if (!secondStep) {
				throttle.succeeded(user.accountId());
			}
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.SIGN_IN, AuditOutcome.SUCCESS)
				.saying(secondStep ? "password; second factor pending" : "password"));
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		Actor actor = accounts.findByUsername(username).map(account -> {
			throttle.failed(account.id());
			return new Actor(account.programId(), account.id(), account.username(), null);
		}).orElse(Actor.unknown(username));
		String reason = event.getException().getClass().getSimpleName();
		trail.recordIndependently(AuditEntry.of(actor, AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE).saying(reason));
		log.info("Sign-in failed ({})", reason);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof MilieuUser user) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.SIGN_OUT, AuditOutcome.SUCCESS));
		}
	}
}
