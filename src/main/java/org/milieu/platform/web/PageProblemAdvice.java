package org.milieu.platform.web;

import org.milieu.shared.RecordNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Page controllers' domain failures as error pages (the API has {@link ApiProblemAdvice}). */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

	@ExceptionHandler(RecordNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A page's query parameter broke a declared constraint: the readable 400 page, not a 500. */
	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String constraintViolated() {
		return "error/4xx";
	}

	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.jdbc.CannotGetJdbcConnectionException.class })
	String noConnection(Exception ex, jakarta.servlet.http.HttpServletResponse response) {
		DatabaseUnavailable.log(ex);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		return "error/503";
	}
}
