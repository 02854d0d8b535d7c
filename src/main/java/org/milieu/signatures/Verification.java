package org.milieu.signatures;

/**
 * Whether a stored signature still matches its document: the hash stored at signing against the
 * hash of the version's content now ({@code currentHash} null when the version is gone).
 */
public record Verification(Signature signature, Status status, String storedHash, String currentHash) {

	public enum Status {
		/** The version's content is exactly what was signed. */
		VALID,
		/** The content changed after signing, or is gone: the signature does not match. */
		DOES_NOT_MATCH
	}

	public boolean valid() {
		return status == Status.VALID;
	}
}
