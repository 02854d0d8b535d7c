package org.milieu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Refusals by role (a page or endpoint the role may not use) reach the audit trail as well as
 * the access policy's own refusals, so an auditor sees every denial in one place.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationDenials {

	private final AuditTrail trail;

	AuthorizationDenials(AuditTrail trail) {
		this.trail = trail;
	}

	@Bean
	static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication auth = event.getAuthentication().get();
		if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof MilieuUser user)) {
			return; // strangers are sent to sign in; that is not a refusal of a known person
		}
		Object target = event.getSource();
		String resource;
		if (target instanceof HttpServletRequest request) {
			resource = request.getMethod() + " " + request.getRequestURI();
		}
		else if (target instanceof MethodInvocation invocation) {
			resource = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
		}
		else {
			resource = String.valueOf(target);
		}
		Actor actor = user.actor();
		trail.recordIndependently(AuditEntry.of(actor, AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.on("Endpoint", resource).saying("role may not use " + resource));
	}
}
