package org.milieu.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How session attributes are written to the database. Everything is Java-serialised as usual,
 * except the passkey ceremony options Spring Security keeps in the session between the browser's
 * two calls: they are not serialisable, so they are written as their few essential fields. That
 * keeps passkeys working with database sessions, on whichever node the second call lands.
 */
@Configuration(proxyBeanMethods = false)
class SessionSerialization implements BeanClassLoaderAware {

	private static final byte[] CREATION = "milieu-webauthn-creation:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] REQUEST = "milieu-webauthn-request:".getBytes(StandardCharsets.US_ASCII);

	private static final JsonMapper JSON = new JsonMapper();

	private ClassLoader classLoader = SessionSerialization.class.getClassLoader();

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Bean
	ConversionService springSessionConversionService() {
		GenericConversionService conversion = new GenericConversionService();
		SerializingConverter serialize = new SerializingConverter();
		DeserializingConverter deserialize = new DeserializingConverter(classLoader);
		conversion.addConverter(new GenericConverter() {
			@Override
			public Set<ConvertiblePair> getConvertibleTypes() {
				return Set.of(new ConvertiblePair(Object.class, byte[].class));
			}

			@Override
			public Object convert(Object source, TypeDescriptor from, TypeDescriptor to) {
				if (source instanceof PublicKeyCredentialCreationOptions creation) {
					return tagged(CREATION, creation(creation));
				}
				if (source instanceof PublicKeyCredentialRequestOptions request) {
					return tagged(REQUEST, request(request));
				}
				return source == null ? null : serialize.convert(source);
			}
		});
		conversion.addConverter(new GenericConverter() {
			@Override
			public Set<ConvertiblePair> getConvertibleTypes() {
				return Set.of(new ConvertiblePair(byte[].class, Object.class));
			}

			@Override
			public Object convert(Object source, TypeDescriptor from, TypeDescriptor to) {
				byte[] bytes = (byte[]) source;
				if (bytes == null) {
					return null;
				}
				if (startsWith(bytes, CREATION)) {
					return creation(fields(bytes, CREATION));
				}
				if (startsWith(bytes, REQUEST)) {
					return request(fields(bytes, REQUEST));
				}
				return deserialize.convert(bytes);
			}
		});
		return conversion;
	}

	static Map<String, String> creation(PublicKeyCredentialCreationOptions o) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("rpId", o.getRp().getId());
		f.put("rpName", o.getRp().getName());
		f.put("challenge", o.getChallenge().toBase64UrlString());
		f.put("userId", o.getUser().getId().toBase64UrlString());
		f.put("userName", o.getUser().getName());
		f.put("userDisplayName", o.getUser().getDisplayName());
		f.put("userVerification", o.getAuthenticatorSelection().getUserVerification().getValue());
		f.put("residentKey", o.getAuthenticatorSelection().getResidentKey().getValue());
		f.put("timeout", String.valueOf(o.getTimeout() == null ? 300_000 : o.getTimeout().toMillis()));
		return f;
	}

	static PublicKeyCredentialCreationOptions creation(Map<String, String> f) {
		return PublicKeyCredentialCreationOptions.builder()
			.attestation(AttestationConveyancePreference.NONE)
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(userVerification(f.get("userVerification")))
				.residentKey(residentKey(f.get("residentKey")))
				.build())
			.challenge(Bytes.fromBase64(f.get("challenge")))
			.timeout(Duration.ofMillis(Long.parseLong(f.get("timeout"))))
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(f.get("userId")))
				.name(f.get("userName"))
				.displayName(f.get("userDisplayName"))
				.build())
			.rp(PublicKeyCredentialRpEntity.builder().id(f.get("rpId")).name(f.get("rpName")).build())
			.build();
	}

	static Map<String, String> request(PublicKeyCredentialRequestOptions o) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("rpId", o.getRpId());
		f.put("challenge", o.getChallenge().toBase64UrlString());
		f.put("userVerification", o.getUserVerification().getValue());
		f.put("timeout", String.valueOf(o.getTimeout() == null ? 300_000 : o.getTimeout().toMillis()));
		List<String> allowed = new ArrayList<>();
		if (o.getAllowCredentials() != null) {
			o.getAllowCredentials().forEach(d -> allowed.add(d.getId().toBase64UrlString()));
		}
		f.put("allowCredentials", String.join(",", allowed));
		return f;
	}

	static PublicKeyCredentialRequestOptions request(Map<String, String> f) {
		List<PublicKeyCredentialDescriptor> allowed = Arrays.stream(f.get("allowCredentials").split(","))
			.filter(id -> !id.isEmpty())
			.map(id -> PublicKeyCredentialDescriptor.builder().id(Bytes.fromBase64(id)).build())
			.toList();
		return PublicKeyCredentialRequestOptions.builder()
			.challenge(Bytes.fromBase64(f.get("challenge")))
			.rpId(f.get("rpId"))
			.timeout(Duration.ofMillis(Long.parseLong(f.get("timeout"))))
			.userVerification(userVerification(f.get("userVerification")))
			.allowCredentials(allowed)
			.build();
	}

	private static UserVerificationRequirement userVerification(String value) {
		for (UserVerificationRequirement r : List.of(UserVerificationRequirement.REQUIRED,
				UserVerificationRequirement.PREFERRED, UserVerificationRequirement.DISCOURAGED)) {
			if (r.getValue().equals(value)) {
				return r;
			}
		}
		return UserVerificationRequirement.PREFERRED;
	}

	private static ResidentKeyRequirement residentKey(String value) {
		for (ResidentKeyRequirement r : List.of(ResidentKeyRequirement.REQUIRED, ResidentKeyRequirement.PREFERRED,
				ResidentKeyRequirement.DISCOURAGED)) {
			if (r.getValue().equals(value)) {
				return r;
			}
		}
		return ResidentKeyRequirement.REQUIRED;
	}

	private static byte[] tagged(byte[] tag, Map<String, String> fields) {
		byte[] body = JSON.writeValueAsBytes(fields);
		byte[] out = Arrays.copyOf(tag, tag.length + body.length);
		System.arraycopy(body, 0, out, tag.length, body.length);
		return out;
	}

	private static Map<String, String> fields(byte[] bytes, byte[] tag) {
		return JSON.readValue(Arrays.copyOfRange(bytes, tag.length, bytes.length), new TypeReference<Map<String, String>>() {
		});
	}

	private static boolean startsWith(byte[] bytes, byte[] tag) {
		return bytes.length >= tag.length && Arrays.equals(Arrays.copyOf(bytes, tag.length), tag);
	}
}
