package org.milieu.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Passkeys;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Completes a passkey sign-in on the request after it: the person Spring Security verified
 * becomes the Milieu user every page and service expects, if their account may still sign in.
 * Also keeps half-signed-in people (password given, code not yet) from adding a passkey, which
 * would let them skip the code next time.
 */
class PasskeySignInFilter extends OncePerRequestFilter {

	private final Passkeys passkeys;

	private final SecurityContextRepository contexts;

	PasskeySignInFilter(Passkeys passkeys, SecurityContextRepository contexts) {
		this.passkeys = passkeys;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth instanceof WebAuthnAuthentication) {
			MilieuUser user = passkeys.signedIn(auth.getName()).orElse(null);
			if (user == null) {
				if (request.getSession(false) != null) {
					request.getSession(false).invalidate();
				}
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?error");
				return;
			}
			SignInStages.become(SignInStages.complete(user), request, response, contexts);
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/webauthn/register") && !SignInStages.complete(SecurityContextHolder.getContext().getAuthentication())) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}
}
