package org.milieu.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL (Spring Session JDBC). Several requests of one session at once, as a
 * script or a page with htmx sends them, may each add the same attribute (the first request after
 * sign-in records the session's start and last activity): the plain insert then fails the losers
 * with a duplicate key and a 500. The attribute insert is an upsert instead, so the last writer wins,
 * as it does for an attribute that already exists.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	static final String UPSERT_ATTRIBUTE = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeInserts() {
		return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
	}
}
