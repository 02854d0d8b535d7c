package org.milieu.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a JSON API controller into an RFC 9457 problem document with a stable
 * {@code type}, a human {@code detail} in the caller's language and, for bad input, an
 * {@code errors} list naming each field. Never a stack trace: unexpected failures are logged
 * with a reference the caller can quote.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final MessageSource messages;

	ApiProblemAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RecordNotFound.class)
	ProblemDetail notFound(RecordNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, text("problem.not-found"));
	}

	@ExceptionHandler({ VersionConflict.class, OptimisticLockingFailureException.class })
	ProblemDetail stale(RuntimeException ex) {
		return problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION, text("problem.stale-version"));
	}

	/** Two requests raced for the same unique row (one sheet per shift, one open order): the loser changed nothing. */
	@ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
	ProblemDetail concurrent(org.springframework.dao.DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE, text("problem.concurrent-change"));
	}

	/** Not now: the record's state withholds the answer (a vote's result before it closes). */
	@ExceptionHandler(org.milieu.shared.StateConflict.class)
	ProblemDetail stateConflict(org.milieu.shared.StateConflict ex) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.STATE_CONFLICT, text(ex.code()));
	}

	@ExceptionHandler(PreconditionRequired.class)
	ProblemDetail preconditionRequired(PreconditionRequired ex) {
		return problem(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED,
				text("problem.precondition-required"));
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail ruleViolation(RuleViolation ex) {
		String message = messages.getMessage(ex.code(), ex.arguments(), ex.code(), locale());
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.RULE_VIOLATION, message);
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(new FieldError(ex.field(), message)));
		}
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, text("problem.forbidden"));
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, text("problem.unauthenticated"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String message = text("problem.field.wrong-type", ex.getName());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, message);
		problem.setProperty("errors", List.of(new FieldError(ex.getName(), message)));
		return problem;
	}

	/**
	 * A query or path parameter broke a constraint declared on the controller method
	 * ({@code @Min(1) int limit}) and the class-level method validation caught it: each
	 * parameter is named by its own name, not by the method's.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolated(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations().stream()
			.map(v -> new FieldError(leaf(v), v.getMessage()))
			.collect(Collectors.toCollection(ArrayList::new));
		return validationProblem(errors, new HttpHeaders());
	}

	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.jdbc.CannotGetJdbcConnectionException.class })
	ResponseEntity<ProblemDetail> noConnection(Exception ex) {
		DatabaseUnavailable.log(ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, text("problem.unavailable")));
	}

	/** Anything else; a statement the database cancelled for running too long is 503, not a failure. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, jakarta.servlet.http.HttpServletRequest request) {
		if (StatementTimedOut.causedBy(ex)) {
			StatementTimedOut.log(request, ex);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TIMED_OUT, text("problem.timed-out")));
		}
		if (DatabaseUnavailable.causedBy(ex)) {
			// the connection was lost mid-request, under whatever Spring or the driver wrapped it in
			return noConnection(ex);
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure, reference {}", reference, ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
				text("problem.internal", reference));
		problem.setProperty("reference", reference);
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors()
			.forEach(e -> errors.add(new FieldError(e.getField(), messages.getMessage(e, locale()))));
		ex.getBindingResult().getGlobalErrors()
			.forEach(e -> errors.add(new FieldError(null, messages.getMessage(e, locale()))));
		return validationProblem(errors, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(e -> new FieldError(requestName(r.getMethodParameter()), messages.getMessage(e, locale()))))
			.collect(Collectors.toList());
		return validationProblem(errors, headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = text("problem.parameter.missing", ex.getParameterName());
		return validationProblem(new ArrayList<>(List.of(new FieldError(ex.getParameterName(), message))), headers);
	}

	/** A path segment that converts to nothing (a blank id): the path variable is named. */
	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(org.springframework.web.bind.MissingPathVariableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (!ex.isMissingAfterConversion()) {
			return super.handleMissingPathVariable(ex, headers, status, request); // the mapping's own fault: a 500
		}
		String message = text("problem.field.wrong-type", ex.getVariableName());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, message);
		problem.setProperty("errors", List.of(new FieldError(ex.getVariableName(), message)));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	/** A required header, cookie or path variable is missing, or a header's value cannot be read: named. */
	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			String message = text("problem.header.missing", missing.getHeaderName());
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, message);
			problem.setProperty("errors", List.of(new FieldError(missing.getHeaderName(), message)));
			return ResponseEntity.badRequest().headers(headers).body(problem);
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
				text("problem.parameters.unreadable"));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	/** A value of the wrong type outside a plain method argument (a bound object's property). */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName();
		String message = text("problem.field.wrong-type", field != null ? field : "?");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, message);
		if (field != null) {
			problem.setProperty("errors", List.of(new FieldError(field, message)));
		}
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException cause = findCause(ex, JacksonException.class);
		String field = cause == null ? null : path(cause);
		String message;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			message = text("problem.field.unknown", field != null ? field : unknown.getPropertyName());
		}
		else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum() && field != null) {
			String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(String::valueOf).collect(Collectors.joining(", "));
			message = text("problem.field.one-of", field, allowed);
		}
		else if (cause instanceof MismatchedInputException && field != null) {
			message = text("problem.field.wrong-type", field);
		}
		else if (cause instanceof StreamReadException read && read.getLocation() != null) {
			message = text("problem.json.malformed-at", read.getLocation().getLineNr(), read.getLocation().getColumnNr());
		}
		else {
			message = text("problem.json.unreadable");
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, message);
		if (field != null) {
			problem.setProperty("errors", List.of(new FieldError(field, message)));
		}
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
			// the framework's own answer (405, 406, 415, …): give it a stable type and a title in the caller's language
			body = error.updateAndGetBody(getMessageSource(), locale());
		}
		if (body instanceof ProblemDetail problem && (problem.getType() == null
				|| URI.create("about:blank").equals(problem.getType()))) {
			problem.setType(statusCode.value() == 400 ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.forStatus(statusCode.value()));
			HttpStatus known = HttpStatus.resolve(statusCode.value());
			if (known != null) {
				problem.setTitle(messages.getMessage("problem.title." + known.value(), null, known.getReasonPhrase(), locale()));
			}
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers) {
		errors.sort(java.util.Comparator.comparing(FieldError::field, java.util.Comparator.nullsFirst(String::compareTo))
			.thenComparing(FieldError::message));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				text("problem.validation", errors.size()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	private ProblemDetail problem(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(text("problem.title." + status.value()));
		return problem;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static String path(JacksonException ex) {
		String joined = ex.getPath().stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return joined.isEmpty() ? null : joined;
	}

	/** The name a parameter has in the request ({@code @RequestParam("from")}), else its Java name. */
	private static String requestName(org.springframework.core.MethodParameter parameter) {
		for (java.lang.annotation.Annotation annotation : parameter.getParameterAnnotations()) {
			Object name = org.springframework.core.annotation.AnnotationUtils.getValue(annotation, "name");
			if (annotation.annotationType().getPackageName().equals("org.springframework.web.bind.annotation")
					&& name instanceof String given && !given.isEmpty()) {
				return given;
			}
		}
		return parameter.getParameterName();
	}

	/** The name of the parameter or property a violation is about: the last node of its path. */
	private static String leaf(ConstraintViolation<?> violation) {
		String name = null;
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getName() != null) {
				name = node.getName();
			}
		}
		return name;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
