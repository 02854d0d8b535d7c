package org.milieu.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter that takes one value, sent twice ({@code ?status=OPEN&status=DONE}), is a 400
 * naming it on the API, before the handler runs. Left alone, Spring quietly took the first value
 * of an enum or a number and joined text values with a comma, so the caller got an answer to a
 * question other than the one asked, and the API description (which says one value) was untrue.
 */
class SingleValuedParameters implements HandlerInterceptor {

	private final MessageSource messages;

	SingleValuedParameters(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !ProblemResponses.isApi(request)) {
			return true;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null || parameter.getParameterType().isArray()
					|| Collection.class.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
			String[] values = name == null ? null : request.getParameterValues(name);
			if (values != null && values.length > 1) {
				throw twice(name);
			}
		}
		return true;
	}

	private ErrorResponseException twice(String name) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage("problem.parameter.once", new Object[] { name }, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle(messages.getMessage("problem.title.400", null, locale));
		problem.setProperty("errors", List.of(new FieldError(name, message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}
}
