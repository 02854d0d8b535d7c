package org.milieu.signatures;

import java.util.UUID;

/**
 * Sign (or decline to sign) one version of a document in one meaning. {@code expectedContentHash}
 * is the hash of the content the signer was shown; when the version's content no longer has it,
 * nothing is signed. {@code declineReason} is set only to decline.
 */
public record SignDocument(String kind, UUID documentId, int version, String meaning, String expectedContentHash,
		Credential credential, String declineReason) {
}
