package org.milieu.signatures;

import java.time.Instant;
import java.util.UUID;

/** A version of a document was signed in a meaning; its owner may react (a plan now in force). */
public record DocumentSigned(UUID signatureId, String kind, UUID documentId, int version, String meaning,
		UUID signerAccountId, UUID residentId, Instant signedAt) {
}
