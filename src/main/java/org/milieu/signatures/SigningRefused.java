package org.milieu.signatures;

/**
 * The signer's credential was not accepted, so nothing was signed. The attempt is audited and,
 * when wrong, counted toward the account's lockout.
 */
public class SigningRefused extends RuntimeException {

	/** Why. */
	public enum Reason {
		WRONG_CREDENTIALS, SECOND_FACTOR_MISSING, LOCKED
	}

	private final Reason reason;

	public SigningRefused(Reason reason) {
		super("signing refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** The message key of the words for the signer. */
	public String code() {
		return "signature.refused." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
