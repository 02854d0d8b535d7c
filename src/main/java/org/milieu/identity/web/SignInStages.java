package org.milieu.identity.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.SecondFactor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Signing in in two stages. After the password, someone with a second factor holds only the
 * authority {@value #SECOND_FACTOR_PENDING} until they give a code; someone who must have one
 * but has none holds {@value #ENROLMENT_PENDING} until they enrol. Neither reaches anything else.
 */
final class SignInStages {

	static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

	static final String ENROLMENT_PENDING = "SECOND_FACTOR_ENROLMENT_PENDING";

	private SignInStages() {
	}

	/** Signed in with every factor this person needs. */
	static boolean complete(Authentication auth) {
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				&& auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
					.noneMatch(a -> a.equals(SECOND_FACTOR_PENDING) || a.equals(ENROLMENT_PENDING));
	}

	static AuthorizationManager<RequestAuthorizationContext> signedInCompletely() {
		return (auth, context) -> new AuthorizationDecision(complete(auth.get()));
	}

	static AuthorizationManager<RequestAuthorizationContext> completeOr(String stage) {
		return (auth, context) -> new AuthorizationDecision(complete(auth.get()) || holds(auth.get(), stage));
	}

	static boolean holds(Authentication auth, String authority) {
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
	}

	/** Replaces the session's authentication, e.g. after the second factor, and saves it. */
	static void become(Authentication auth, HttpServletRequest request, HttpServletResponse response,
			SecurityContextRepository repository) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	static Authentication pending(MilieuUser user, String stage) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(stage)));
	}

	static Authentication complete(MilieuUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	/** After the password: on to the code, to enrolment, or straight in. */
	static AuthenticationSuccessHandler afterPassword(SecondFactor secondFactor, SecurityContextRepository repository) {
		SavedRequestAwareAuthenticationSuccessHandler straightIn = new SavedRequestAwareAuthenticationSuccessHandler();
		straightIn.setDefaultTargetUrl("/");
		return (request, response, auth) -> {
			MilieuUser user = (MilieuUser) auth.getPrincipal();
			if (secondFactor.enrolled(user.accountId())) {
				become(pending(user, SECOND_FACTOR_PENDING), request, response, repository);
				response.sendRedirect(request.getContextPath() + "/login/second-factor");
			}
			else if (secondFactor.requiredFor(user)) {
				become(pending(user, ENROLMENT_PENDING), request, response, repository);
				response.sendRedirect(request.getContextPath() + "/account/second-factor");
			}
			else {
				straightIn.onAuthenticationSuccess(request, response, auth);
			}
		};
	}

	/** A page refused to someone half-way through signing in sends them to their next step. */
	static AccessDeniedHandler pages() {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (holds(auth, SECOND_FACTOR_PENDING)) {
				response.sendRedirect(request.getContextPath() + "/login/second-factor");
			}
			else if (holds(auth, ENROLMENT_PENDING)) {
				response.sendRedirect(request.getContextPath() + "/account/second-factor");
			}
			else {
				try {
					forbidden.handle(request, response, ex);
				}
				catch (ServletException servlet) {
					throw new IOException(servlet);
				}
			}
		};
	}
}
