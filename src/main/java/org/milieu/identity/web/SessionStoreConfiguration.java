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
 * <p>
 * Spring Session moves a session's last access time on every request and writes its row back each
 * time: a writing transaction, and a flush of PostgreSQL's log at its commit, for every signed-in
 * read. The row's update is made conditional: it writes when the session's id, lifetime or principal
 * changed, or when its last access moved by {@link SessionLifetimeFilter#RECORDED_EVERY} or more;
 * otherwise it matches no row and the transaction writes nothing. So a session may expire in the
 * store up to that minute before its idle timeout has passed since its very last request, never
 * after, which is what {@link SessionLifetimeFilter} already allows. Attribute changes are written
 * as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	static final String UPSERT_ATTRIBUTE = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""";

	/**
	 * The row's update with Spring Session's six parameters in its order (id, last access in
	 * milliseconds, lifetime in seconds, expiry in milliseconds, principal, primary id), written only
	 * when something other than a last access within the minute changed.
	 */
	static final String UPDATE_WHEN_CHANGED = """
			UPDATE %TABLE_NAME% s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access, MAX_INACTIVE_INTERVAL = v.max_inactive,
			    EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
			FROM (SELECT CAST(? AS varchar) AS session_id, CAST(? AS bigint) AS last_access, CAST(? AS integer) AS max_inactive,
			             CAST(? AS bigint) AS expiry, CAST(? AS varchar) AS principal, CAST(? AS char(36)) AS primary_id) v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal
			       OR v.last_access - s.LAST_ACCESS_TIME >= %RECORDED_EVERY%)""".replace("%RECORDED_EVERY%",
			String.valueOf(SessionLifetimeFilter.RECORDED_EVERY.toMillis()));

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStoreQueries() {
		return repository -> {
			repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
			repository.setUpdateSessionQuery(UPDATE_WHEN_CHANGED);
		};
	}
}
