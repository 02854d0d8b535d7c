package org.milieu.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses, before anything else reads it, a request whose parameters cannot be read: a query
 * string that is not well-formed percent-encoded UTF-8 ({@code ?cursor=%%%}, {@code %FF}), a
 * parameter without a name ({@code ?=1}), or anything else the servlet container fails to parse.
 * Left alone, the container throws the first time any code asks for a parameter, deep inside
 * security or a controller, and the caller got a 500 for a mistake of its own. The API answers
 * 400 with a {@code malformed-request} problem naming each broken parameter; a page answers with
 * the readable 400 page in the person's language.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final LocaleResolver locales;

	MalformedRequestFilter(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// parse once here, so the container's failure is met now and not again by the error page
		boolean unreadable = false;
		try {
			request.getParameterMap();
		}
		catch (RuntimeException ex) {
			unreadable = true;
		}
		List<String> broken = brokenParameters(request.getQueryString());
		unreadable |= !broken.isEmpty();
		if (!unreadable) {
			chain.doFilter(request, response);
			return;
		}
		if (!ProblemResponses.isApi(request)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		Locale locale = locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				broken.isEmpty() ? text("problem.parameters.unreadable", locale)
						: text("problem.parameter.malformed", locale, String.join(", ", broken)));
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle(text("problem.title.400", locale));
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		if (!broken.isEmpty()) {
			problem.setProperty("errors", broken.stream()
				.map(name -> new FieldError(name, text("problem.parameter.malformed", locale, name)))
				.toList());
		}
		problems.write(response, problem);
	}

	/**
	 * The names of the query parameters whose name or value is not well-formed: each {@code %} must
	 * start two hex digits and the bytes must be UTF-8. A name that is itself broken is given as sent.
	 */
	static List<String> brokenParameters(String query) {
		List<String> broken = new ArrayList<>();
		if (query == null || query.isEmpty()) {
			return broken;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String rawName = eq < 0 ? pair : pair.substring(0, eq);
			String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
			String name = decode(rawName);
			if (name == null || name.isEmpty() || decode(rawValue) == null) {
				broken.add(name == null ? rawName : name);
			}
		}
		return broken;
	}

	/** The decoded text, or null when it is not well-formed percent-encoded UTF-8. */
	static String decode(String raw) {
		ByteBuffer bytes = ByteBuffer.allocate(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) ((high << 4) + low));
				i += 2;
			}
			else if (c > 0x7f) {
				return null;
			}
			else {
				bytes.put((byte) (c == '+' ? ' ' : c));
			}
		}
		bytes.flip();
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private String text(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}
}
