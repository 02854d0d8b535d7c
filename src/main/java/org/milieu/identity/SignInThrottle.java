package org.milieu.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles password guessing: five failed sign-ins within fifteen minutes lock the account for
 * fifteen minutes from the last failure. Attempts while locked count too, so a guesser never gets
 * through; the owner can sign in again a quarter of an hour after the guessing stops.
 */
@Component
class SignInThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean isLocked(UUID accountId) {
		Instant since = clock.instant().minus(WINDOW);
		int recent = jdbc.sql("select count(*) from identity_sign_in_failure where account_id = ? and failed_at > ?")
			.params(accountId, Timestamp.from(since)).query(Integer.class).single();
		return recent >= MAX_FAILURES;
	}

	/**
	 * Counts a failed attempt. It joins the caller's transaction when there is one (the second
	 * step of signing in, which commits whatever the code was) so the lockout counts it at once;
	 * a failed password is counted in a transaction of its own.
	 */
	@Transactional
	public void failed(UUID accountId) {
		jdbc.sql("insert into identity_sign_in_failure (account_id, failed_at) values (?, ?)")
			.params(accountId, Timestamp.from(clock.instant())).update();
		jdbc.sql("delete from identity_sign_in_failure where account_id = ? and failed_at < ?")
			.params(accountId, Timestamp.from(clock.instant().minus(WINDOW.multipliedBy(4)))).update();
	}

	@Transactional
	public void succeeded(UUID accountId) {
		jdbc.sql("delete from identity_sign_in_failure where account_id = ?").param(accountId).update();
	}
}
