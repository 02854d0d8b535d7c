package org.milieu.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost filter: when no database connection could be had in time anywhere in the request
 * (loading the signed-in session, checking an API token, saving the session after the answer), the
 * answer is 503 with Retry-After, written here without the session, the database or a template, so
 * it cannot fail the same way again: a problem document for the API, a short page in the person's
 * language for everything else. Without it such a failure ends in the servlet container's bare 500.
 * The same for a statement the database cancelled for running past its time limit anywhere outside
 * an API controller (a page, the session store), see {@link StatementTimedOut}.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final org.springframework.web.servlet.LocaleResolver locales;

	DatabaseUnavailableFilter(ProblemResponses problems, MessageSource messages,
			org.springframework.web.servlet.LocaleResolver locales) {
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			boolean noConnection = DatabaseUnavailable.causedBy(ex);
			boolean timedOut = !noConnection && StatementTimedOut.causedBy(ex);
			if (!(noConnection || timedOut) || response.isCommitted()) {
				throw ex;
			}
			if (noConnection) {
				DatabaseUnavailable.log(ex);
			}
			else {
				StatementTimedOut.log(request, ex);
			}
			response.reset();
			response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			Locale locale = locales.resolveLocale(request);
			if (ProblemResponses.isApi(request)) {
				problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
						noConnection ? ProblemTypes.UNAVAILABLE : ProblemTypes.TIMED_OUT, text("problem.title.503", locale),
						text(noConnection ? "problem.unavailable" : "problem.timed-out", locale));
				return;
			}
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Cache-Control", "no-store");
			String heading = HtmlUtils.htmlEscape(text("error.503.heading", locale));
			response.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("es") ? "es" : "en")
					+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>" + heading + " · Milieu</title></head><body><main><h1>" + heading + "</h1><p>"
					+ HtmlUtils.htmlEscape(text(noConnection ? "error.503.detail" : "error.503.timed-out", locale)) + "</p><p><a href=\"" + request.getContextPath()
					+ "/\">" + HtmlUtils.htmlEscape(text("error.home", locale)) + "</a></p></main></body></html>");
		}
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
