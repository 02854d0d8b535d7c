package org.milieu.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.milieu.platform.web.ProblemResponses;
import org.milieu.platform.web.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session after {@code idle} without a request (15 minutes by default) or
 * {@code absolute} after sign-in (12 hours), whatever happens in between. Time comes from the
 * application clock. A page then goes to the sign-in page, an API call gets 401.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = "milieu.session.signedInAt";

	static final String LAST_SEEN = "milieu.session.lastSeen";

	/**
	 * How often the last request's time is recorded: a session may end up to this much before
	 * {@code idle} has passed since its very last request, never after.
	 */
	static final Duration RECORDED_EVERY = Duration.ofMinutes(1);

	private final Clock clock;

	private final Duration idle;

	private final Duration absolute;

	private final ProblemResponses problems;

	private final MessageSource messages;

	SessionLifetimeFilter(Clock clock, Duration idle, Duration absolute, ProblemResponses problems, MessageSource messages) {
		this.clock = clock;
		this.idle = idle;
		this.absolute = absolute;
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = clock.instant();
		Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
		Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
		if (signedInAt == null) {
			session.setAttribute(SIGNED_IN_AT, now);
		}
		else if (now.isAfter(signedInAt.plus(absolute)) || (lastSeen != null && now.isAfter(lastSeen.plus(idle)))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			expired(request, response);
			return;
		}
		// written at most once a minute: each write is a statement on the session's row for every request
		if (lastSeen == null || !now.isBefore(lastSeen.plus(RECORDED_EVERY))) {
			session.setAttribute(LAST_SEEN, now);
		}
		chain.doFilter(request, response);
	}

	private void expired(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (ProblemResponses.isApi(request)) {
			var locale = LocaleContextHolder.getLocale();
			problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					messages.getMessage("problem.title.401", null, locale),
					messages.getMessage("problem.session-expired", null, locale));
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?expired");
	}
}
