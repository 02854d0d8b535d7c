package org.milieu.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a listing's {@link PageRequest} from {@code cursor} and {@code limit}. A bad value is a 400
 * problem of type malformed-request naming the parameter; nothing else is read or changed.
 */
class PageRequestResolver implements HandlerMethodArgumentResolver {

	private final MessageSource messages;

	PageRequestResolver(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageRequest.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		for (String name : List.of(Paging.LIMIT, Paging.CURSOR)) {
			String[] values = request.getParameterValues(name);
			if (values != null && values.length > 1) {
				throw refused(name, "problem.parameter.once", name);
			}
		}
		String limitText = request.getParameter(Paging.LIMIT);
		int limit = PageRequest.DEFAULT_LIMIT;
		if (limitText != null) {
			try {
				limit = Integer.parseInt(limitText.strip());
			}
			catch (NumberFormatException notANumber) {
				limit = -1;
			}
			if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
				throw refused(Paging.LIMIT, "problem.paging.limit", PageRequest.MAX_LIMIT);
			}
		}
		String cursor = request.getParameter(Paging.CURSOR);
		Keyset after = null;
		if (cursor != null) {
			after = Paging.decode(request.getNativeRequest(HttpServletRequest.class).getRequestURI(), cursor.strip());
			if (after == null) {
				throw refused(Paging.CURSOR, "problem.paging.cursor");
			}
		}
		return new PageRequest(after, limit);
	}

	private ErrorResponseException refused(String parameter, String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage(code, args, code, locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle(messages.getMessage("problem.title.400", null, "Bad request", locale));
		problem.setProperty("errors", List.of(new FieldError(parameter, message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}
}
