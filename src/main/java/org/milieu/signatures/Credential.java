package org.milieu.signatures;

import org.milieu.identity.Reauthentication.PasskeyAnswer;

/**
 * The signer's credential, asked again at signing: a password (with the authenticator code for an
 * account with a second factor), or a passkey's answer. {@code username} is blank when the signed-in
 * person signs with a password; it names the signer when the tablet was handed to someone else. A
 * passkey names its owner itself, so {@code username} is not read with one.
 */
public record Credential(String username, String password, String code, PasskeyAnswer passkey) {

	public Credential(String username, String password, String code) {
		this(username, password, code, null);
	}

	/** A passkey's answer instead of a password. */
	public static Credential ofPasskey(PasskeyAnswer answer) {
		return new Credential(null, null, null, answer);
	}

	@Override
	public String toString() {
		return "Credential[username=" + username + (passkey == null ? "" : ", passkey") + "]";
	}
}
