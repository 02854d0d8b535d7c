package org.milieu.signatures;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;

/**
 * What a module implements (as a Spring bean) to let its documents be signed: treatment plans,
 * group notes, consents. The signature component asks it for the exact content of a version, so the
 * hash it stores and checks is the hash of what the signer was shown; it never reads the owner's
 * tables itself.
 */
public interface SignableKind {

	/** The kind's stable name, as in the API and the signing page's address ("treatment-plan"). */
	String kind();

	/**
	 * The version as it stands now, or empty when there is no such document or version. The
	 * {@link SignableDocument#content()} must be deterministic: the same version gives the same bytes
	 * every time, or every signature of it will read as not matching.
	 */
	Optional<SignableDocument> document(UUID documentId, int version);

	/** Every meaning a signature of this kind can have, in the order the signing page offers them. */
	List<SignatureMeaning> meanings();

	/**
	 * The meanings in which this person may sign this version now (empty: they may not sign it). The
	 * component checks the signer's role for the meaning and the access policy besides.
	 */
	List<SignatureMeaning> meaningsFor(MilieuUser signer, SignableDocument document);

	/**
	 * Refuses (with a {@code RuleViolation} that names what to change) a signature in this meaning
	 * while the version is not ready to be signed so; declines are never asked. Every version is ready
	 * unless the kind says otherwise (a treatment plan with text still word for word from a template).
	 */
	default void refuseUnready(SignableDocument document, SignatureMeaning meaning) {
	}
}
