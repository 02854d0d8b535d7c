package org.milieu.signatures;

/**
 * The signer's credential, asked again at signing. {@code username} is blank when the signed-in
 * person signs; it names the signer when the tablet was handed to someone else. {@code code} is the
 * authenticator code, for an account with a second factor.
 */
public record Credential(String username, String password, String code) {

	@Override
	public String toString() {
		return "Credential[username=" + username + "]";
	}
}
