package org.milieu.signatures;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone declined to sign a version in a meaning (the reason is in the signature record, not in the
 * event, which is kept in the event registry); the owner may react ("not signed by the resident").
 */
public record SignatureDeclined(UUID signatureId, String kind, UUID documentId, int version, String meaning,
		UUID signerAccountId, UUID residentId, Instant declinedAt) {
}
