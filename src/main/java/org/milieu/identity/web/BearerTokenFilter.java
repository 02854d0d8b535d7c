package org.milieu.identity.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.ApiTokens;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ProblemResponses;
import org.milieu.platform.web.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mil_...} on the API: the request acts as the token's owner, for
 * this request only (no session is made). A token that is unknown, expired or revoked gets 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	/** Marks a request authenticated by token, e.g. so a token cannot mint further tokens. */
	static final String VIA_TOKEN = "VIA_API_TOKEN";

	static final RequestMatcher BEARER = request -> {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	};

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	private final MessageSource messages;

	BearerTokenFilter(ApiTokens tokens, ProblemResponses problems, MessageSource messages) {
		this.tokens = tokens;
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !BEARER.matches(request) || !ProblemResponses.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader("Authorization").substring(7).trim();
		MilieuUser user = tokens.authenticate(token).orElse(null);
		if (user == null) {
			var locale = LocaleContextHolder.getLocale();
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					messages.getMessage("problem.title.401", null, locale),
					messages.getMessage("problem.token-invalid", null, locale));
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(VIA_TOKEN));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
