package org.milieu.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What a person or a script sees when a request fails before or outside a controller: a page in
 * their language for the browser, a problem document under {@code /api/}. Neither shows a stack
 * trace, an exception name or any internal detail.
 */
@Controller
class ErrorPages implements ErrorController {

	private final ProblemResponses problems;

	private final MessageSource messages;

	ErrorPages(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		HttpStatus status = status(request);
		if (DatabaseUnavailable.causedBy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			DatabaseUnavailable.log((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		}
		String originalUri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (originalUri != null && originalUri.startsWith(request.getContextPath() + "/api/")) {
			var locale = LocaleContextHolder.getLocale();
			String title = messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale);
			String detail = messages.getMessage("error." + status.value() + ".detail", null,
					messages.getMessage("error.generic.detail", null, locale), locale);
			var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
			problem.setType(type(status));
			problem.setTitle(title);
			problem.setInstance(java.net.URI.create(originalUri));
			problems.write(response, problem);
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		return switch (status) {
			case FORBIDDEN -> "error/403";
			case NOT_FOUND -> "error/404";
			case SERVICE_UNAVAILABLE -> "error/503";
			default -> status.is4xxClientError() ? "error/4xx" : "error/500";
		};
	}

	/**
	 * A 400 that reaches this page was refused before any controller saw it (a path the security
	 * firewall rejects: {@code //}, {@code ;}, an encoded {@code %} or dot): a malformed request.
	 */
	private static java.net.URI type(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> ProblemTypes.MALFORMED_REQUEST;
			case NOT_FOUND -> ProblemTypes.NOT_FOUND;
			case SERVICE_UNAVAILABLE -> ProblemTypes.UNAVAILABLE;
			default -> ProblemTypes.forStatus(status.value());
		};
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus resolved = HttpStatus.resolve(value);
			if (resolved != null && resolved.isError()) {
				return resolved;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
