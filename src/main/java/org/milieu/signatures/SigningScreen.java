package org.milieu.signatures;

import java.util.List;
import java.util.UUID;

/**
 * What the signing page shows for one version: its title, the hash of the content shown (sent back
 * with the signature, so a change in between is caught), the meanings on offer in words, whether the
 * signer is asked for an authenticator code, whether a resident can be handed the tablet, and the
 * signatures it has so far, each checked against the content shown.
 */
public record SigningScreen(String kind, UUID documentId, int version, String title, String contentHash,
		String returnPath, List<Offer> offers, boolean asksForCode, boolean residentCanTakeOver,
		List<Verification> signatures) {

	/** A meaning on offer: its code and its words in the page's language. */
	public record Offer(String code, String words) {
	}
}
