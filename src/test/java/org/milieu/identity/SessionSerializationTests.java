package org.milieu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

class SessionSerializationTests {

	private final ConversionService conversion = new SessionSerialization().springSessionConversionService();

	@Test
	void passkeyRegistrationOptionsSurviveTheDatabaseSession() {
		PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
			.pubKeyCredParams(PublicKeyCredentialParameters.ES256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder().userVerification(UserVerificationRequirement.REQUIRED)
				.residentKey(ResidentKeyRequirement.REQUIRED).build())
			.challenge(Bytes.random())
			.timeout(Duration.ofMinutes(5))
			.user(ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name("staff").displayName("Luis").build())
			.rp(PublicKeyCredentialRpEntity.builder().id("milieu.example.org").name("Milieu").build())
			.build();
		PublicKeyCredentialCreationOptions back = (PublicKeyCredentialCreationOptions) roundTrip(options);
		assertThat(back.getChallenge().toBase64UrlString()).isEqualTo(options.getChallenge().toBase64UrlString());
		assertThat(back.getUser().getId().toBase64UrlString()).isEqualTo(options.getUser().getId().toBase64UrlString());
		assertThat(back.getUser().getName()).isEqualTo("staff");
		assertThat(back.getRp().getId()).isEqualTo("milieu.example.org");
		assertThat(back.getAuthenticatorSelection().getUserVerification()).isEqualTo(UserVerificationRequirement.REQUIRED);
		assertThat(back.getTimeout()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void passkeySignInOptionsSurviveTheDatabaseSession() {
		Bytes credential = Bytes.random();
		PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
			.challenge(Bytes.random())
			.rpId("localhost")
			.timeout(Duration.ofMinutes(5))
			.userVerification(UserVerificationRequirement.PREFERRED)
			.allowCredentials(List.of(PublicKeyCredentialDescriptor.builder().id(credential).build()))
			.build();
		PublicKeyCredentialRequestOptions back = (PublicKeyCredentialRequestOptions) roundTrip(options);
		assertThat(back.getChallenge().toBase64UrlString()).isEqualTo(options.getChallenge().toBase64UrlString());
		assertThat(back.getRpId()).isEqualTo("localhost");
		assertThat(back.getAllowCredentials()).extracting(d -> d.getId().toBase64UrlString())
			.containsExactly(credential.toBase64UrlString());
	}

	@Test
	void everythingElseIsSerialisedAsBefore() {
		assertThat(roundTrip("a session attribute")).isEqualTo("a session attribute");
		assertThat(roundTrip(java.time.Instant.parse("2026-11-26T08:00:00Z"))).isEqualTo(java.time.Instant.parse("2026-11-26T08:00:00Z"));
	}

	private Object roundTrip(Object value) {
		byte[] bytes = conversion.convert(value, byte[].class);
		return conversion.convert(bytes, Object.class);
	}
}
