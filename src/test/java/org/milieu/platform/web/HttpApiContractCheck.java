package org.milieu.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The check of {@link ApiContractCheck} for calls over real HTTP (tests on a random port, through
 * the generated client or a plain HTTP client): a servlet filter, first in the chain and only in
 * tests, that holds every API request and answer to the served document with the same rules as
 * the MockMvc check. The server cannot fail the test that made the call, so it keeps each drift,
 * and {@link HttpApiContractListener} fails that test when it ends. Registered by
 * {@link ApiContractCustomizerFactory} in every test that starts the server.
 */
public class HttpApiContractCheck implements Filter {

	private static final Queue<String> DRIFTS = new ConcurrentLinkedQueue<>();

	/** The request of a call whose answer is being written by the error dispatch. */
	private static final String PENDING = HttpApiContractCheck.class.getName() + ".pending";

	private final Supplier<OpenApiInteractionValidator> validator;

	public HttpApiContractCheck(Supplier<OpenApiInteractionValidator> validator) {
		this.validator = validator;
	}

	/** The drifts found since the last {@link #drained()}, taken out. */
	public static List<String> drained() {
		List<String> drifts = new ArrayList<>();
		for (String drift; (drift = DRIFTS.poll()) != null;) {
			drifts.add(drift);
		}
		return drifts;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			if (request.getAttribute(PENDING) instanceof MockHttpServletRequest pending) {
				request.removeAttribute(PENDING);
				ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
				try {
					chain.doFilter(request, answer);
				}
				finally {
					check(pending, answer);
					answer.copyBodyToResponse();
				}
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (!ApiContractCheck.checks(request.getMethod(), request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingRequestWrapper asked = new ContentCachingRequestWrapper(request, 1 << 20);
		SentError answer = new SentError(response);
		try {
			chain.doFilter(asked, answer);
		}
		finally {
			if (answer.sentError) {
				// the body comes from the error dispatch, after this filter: check it there
				request.setAttribute(PENDING, copy(asked));
			}
			else {
				check(copy(asked), answer);
				answer.copyBodyToResponse();
			}
		}
	}

	private void check(MockHttpServletRequest request, ContentCachingResponseWrapper answer) throws IOException {
		MockHttpServletResponse response = copy(answer);
		List<String> problems;
		try {
			problems = ApiContractCheck.problems(validator.get(), request, response);
		}
		catch (RuntimeException unreadable) {
			// the caller still gets the application's answer; the test fails with the reason
			problems = List.of("the call could not be checked: " + unreadable);
		}
		ApiContractCheck.counted();
		if (problems.isEmpty()) {
			ApiContractCheck.matched(request, response);
		}
		if (problems.isEmpty()
				|| ApiContractCheck.collected(request.getMethod(), request.getRequestURI(), response.getStatus(), problems)) {
			return;
		}
		DRIFTS.add("The API call " + request.getMethod() + " " + request.getRequestURI() + " answered "
				+ response.getStatus() + " off its documented contract:\n  " + String.join("\n  ", problems));
	}

	/** The request as the MockMvc check reads it: method, path, query, headers and the body read. */
	static MockHttpServletRequest copy(ContentCachingRequestWrapper request) {
		MockHttpServletRequest copy = new MockHttpServletRequest(request.getMethod(), request.getRequestURI());
		copy.setPathInfo(request.getRequestURI());
		copy.setQueryString(request.getQueryString());
		if (request.getQueryString() != null) {
			MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString())
				.build().getQueryParams();
			query.forEach((name, values) -> copy.addParameter(decoded(name),
					values.stream().map(v -> v == null ? "" : decoded(v)).toArray(String[]::new)));
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				try {
					copy.addHeader(name, value);
				}
				catch (RuntimeException unreadable) {
					// a header the mock request parses and cannot read (Accept-Language: -): the
					// document describes no such header, and the application falls back on its own
				}
			}
		}
		copy.setContent(request.getContentAsByteArray());
		return copy;
	}

	/** A query's name or value decoded, or as sent when its percent-encoding is broken. */
	private static String decoded(String text) {
		try {
			return UriUtils.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException broken) {
			return text;
		}
	}

	/** The answer as the MockMvc check reads it: status, headers and body. */
	static MockHttpServletResponse copy(ContentCachingResponseWrapper answer) throws IOException {
		MockHttpServletResponse copy = new MockHttpServletResponse();
		copy.setStatus(answer.getStatus());
		for (String name : answer.getHeaderNames()) {
			for (String value : answer.getHeaders(name)) {
				copy.addHeader(name, value);
			}
		}
		if (answer.getContentType() != null) {
			copy.setContentType(answer.getContentType());
		}
		copy.getOutputStream().write(answer.getContentAsByteArray());
		return copy;
	}

	/** An answer that remembers whether it was ended by {@code sendError} (its body then comes later). */
	private static final class SentError extends ContentCachingResponseWrapper {

		boolean sentError;

		SentError(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			sentError = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			sentError = true;
			super.sendError(status, message);
		}
	}
}
