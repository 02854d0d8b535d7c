package org.milieu.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.milieu.audit.AuditTrail;
import org.milieu.audit.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.util.StringUtils;

/**
 * Passkeys belong to one relying party: the domain people reach Milieu at
 * ({@code MILIEU_WEBAUTHN_RP_ID}, default localhost) and the exact origins their browsers report
 * ({@code MILIEU_WEBAUTHN_ORIGINS}, comma-separated). Without configured origins, the local
 * address Milieu listens on is allowed, which is what the embedded demo needs.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	private final Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();

	private final boolean originsConfigured;

	PasskeyConfiguration(@Value("${milieu.security.webauthn.allowed-origins:}") String origins) {
		for (String origin : StringUtils.commaDelimitedListToStringArray(origins)) {
			if (StringUtils.hasText(origin)) {
				allowedOrigins.add(origin.trim());
			}
		}
		this.originsConfigured = !allowedOrigins.isEmpty();
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, AuditTrail trail, CurrentActor actor) {
		return new AuditedPasskeyCredentials(new JdbcUserCredentialRepository(jdbc), trail, actor);
	}

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, @Value("${milieu.security.webauthn.rp-id:localhost}") String rpId) {
		return new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(rpId).name("Milieu").build(), allowedOrigins);
	}

	@EventListener
	void listening(WebServerInitializedEvent event) {
		if (!originsConfigured) {
			allowedOrigins.add("http://localhost:" + event.getWebServer().getPort());
		}
	}
}
