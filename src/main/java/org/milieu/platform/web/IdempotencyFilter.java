package org.milieu.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes creating API calls safe to retry. A POST (or a PUT: a draft saved as one types, whose
 * retry after a newer save must not undo it) under {@code /api/} with an
 * {@code Idempotency-Key} header runs in one database transaction together with the record of
 * its response, keyed by caller and key:
 * <ul>
 * <li>a retry with the same key and the same body gets the first response again and creates nothing;</li>
 * <li>the same key with another body is refused with 422;</li>
 * <li>two concurrent calls with one key are serialised by the key's row lock, so only one creates.</li>
 * </ul>
 * Only successful responses are kept; a failed call leaves no trace and may be retried as is.
 * Keys live in the database, so they survive restarts and are shared by every application node.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_BODY_BYTES = 1 << 20;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ProblemResponses problems;

	private final MessageSource messages;

	IdempotencyFilter(JdbcClient jdbc, TransactionTemplate transactions, ProblemResponses problems,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean keyed = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
		return !keyed || !ProblemResponses.isApi(request) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			problem(request, response, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "problem.idempotency.key-invalid");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			problem(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.forStatus(413), "problem.body-too-large");
			return;
		}
		String principal = principal();
		String path = request.getRequestURI();
		String hash = hash(request.getMethod(), path, body);
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		CachedBodyRequest replayable = new CachedBodyRequest(request, body);

		Outcome outcome;
		try {
			outcome = transactions.execute(tx -> {
				int reserved = jdbc.sql("""
						insert into platform_idempotency_key (principal, key, request_hash, method, path)
						values (?, ?, ?, ?, ?) on conflict do nothing""")
					.params(principal, key, hash, request.getMethod(), path)
					.update();
				if (reserved == 0) {
					Stored stored = stored(principal, key).orElseThrow();
					return stored.requestHash().equals(hash) ? Outcome.replay(stored) : Outcome.REUSED;
				}
				try {
					chain.doFilter(replayable, captured);
				}
				catch (IOException | ServletException ex) {
					throw new ChainFailure(ex);
				}
				int status = captured.getStatus();
				if (status >= 200 && status < 300) {
					boolean withhold = Boolean.TRUE.equals(replayable.getAttribute(Idempotency.WITHHOLD));
					jdbc.sql("""
							update platform_idempotency_key
							   set status = ?, content_type = ?, location = ?, etag = ?, body = ?, withheld = ?
							 where principal = ? and key = ?""")
						.params(status, withhold ? null : captured.getContentType(), captured.getHeader("Location"),
								captured.getHeader("ETag"), withhold ? null : captured.getContentAsByteArray(), withhold,
								principal, key)
						.update();
				}
				else {
					tx.setRollbackOnly();
				}
				return Outcome.FRESH;
			});
		}
		catch (ChainFailure failure) {
			if (failure.getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			throw (IOException) failure.getCause();
		}
		catch (RuntimeException commitFailure) {
			if (DatabaseUnavailable.causedBy(commitFailure)) {
				captured.reset();
				DatabaseUnavailable.log(commitFailure);
				response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
				problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "problem.unavailable");
				return;
			}
			// the change did not commit: say so rather than send the buffered success
			captured.reset();
			logger.error("Idempotent request failed to commit", commitFailure);
			problem(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "problem.not-saved");
			return;
		}
		if (outcome == Outcome.REUSED) {
			problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
					"problem.idempotency.key-reused");
			return;
		}
		if (outcome.stored() != null && outcome.stored().withheld()) {
			if (outcome.stored().location() != null) {
				response.setHeader("Location", outcome.stored().location());
			}
			problem(request, response, HttpStatus.CONFLICT, ProblemTypes.ANSWER_WITHHELD, "problem.idempotency.withheld");
			return;
		}
		if (outcome.stored() != null) {
			replay(outcome.stored(), response);
			return;
		}
		captured.copyBodyToResponse();
	}

	private void replay(Stored stored, HttpServletResponse response) throws IOException {
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader("ETag", stored.etag());
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.setHeader("Cache-Control", "no-store");
		if (stored.body() != null) {
			response.setContentLength(stored.body().length);
			response.getOutputStream().write(stored.body());
		}
	}

	private Optional<Stored> stored(String principal, String key) {
		return jdbc.sql("""
				select request_hash, status, content_type, location, etag, body, withheld
				  from platform_idempotency_key where principal = ? and key = ?""")
			.params(principal, key)
			.query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("content_type"),
					rs.getString("location"), rs.getString("etag"), rs.getBytes("body"), rs.getBoolean("withheld")))
			.optional();
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			java.net.URI type, String code) throws IOException {
		var locale = LocaleContextHolder.getLocale();
		problems.write(request, response, status, type,
				messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale),
				messages.getMessage(code, null, code, locale));
	}

	private static String principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "anonymous" : auth.getName();
	}

	static String hash(String method, String path, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + path + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Stored(String requestHash, int status, String contentType, String location, String etag, byte[] body,
			boolean withheld) {
	}

	record Outcome(Stored stored) {

		static final Outcome FRESH = new Outcome(null);

		static final Outcome REUSED = new Outcome(null);

		static Outcome replay(Stored stored) {
			return new Outcome(stored);
		}
	}

	static final class ChainFailure extends RuntimeException {

		ChainFailure(Exception cause) {
			super(cause);
		}
	}

	/** The request with its body already read, so the hash and the controller see the same bytes. */
	static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("synchronous reads only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
