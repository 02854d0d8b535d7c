package org.milieu.platform.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys a day after their first use: a client retries within minutes, and
 * the table must not grow forever. Deleting is harmless if several nodes do it at once.
 */
@Component
class IdempotencyKeyExpiry {

	private final JdbcClient jdbc;

	IdempotencyKeyExpiry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		jdbc.sql("delete from platform_idempotency_key where created_at < now() - interval '24 hours'").update();
	}
}
