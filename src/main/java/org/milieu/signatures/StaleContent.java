package org.milieu.signatures;

/**
 * The version's content no longer hashes to what the signer was shown: nothing was signed; the
 * signer must look at the document again.
 */
public class StaleContent extends RuntimeException {

	private final String currentHash;

	public StaleContent(String currentHash) {
		super("the content changed since it was shown");
		this.currentHash = currentHash;
	}

	/** The hash of the content now, to show again. */
	public String currentHash() {
		return currentHash;
	}
}
