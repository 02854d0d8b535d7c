package org.milieu.signatures;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored signature, never changed: who signed which version of which document, in which role and
 * meaning (the words as shown, in the language shown), when, how, and the SHA-256 of the exact
 * content signed. {@code sessionAccountId} is the account whose session it was, when that was not
 * the signer's (a tablet handed over). A declined signature carries its reason.
 */
public record Signature(UUID id, String kind, UUID documentId, int version, UUID residentId, UUID signerAccountId,
		String signerUsername, String signerName, String signerRole, UUID sessionAccountId, String meaningCode,
		String meaningText, String meaningLanguage, boolean declined, String declineReason, String contentHash,
		SigningMethod method, Instant signedAt) {
}
