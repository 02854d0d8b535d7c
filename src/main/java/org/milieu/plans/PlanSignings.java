package org.milieu.plans;

import org.milieu.signatures.DocumentSigned;
import org.milieu.signatures.SignatureDeclined;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a version's state with its signatures, in the transaction that stores the signature, so a
 * plan is never signed without its version knowing: any signature or decline locks the version; the
 * clinician's "I wrote this plan with the resident" and the resident's answer (signed, or declined:
 * "not signed by the resident") together bring it into force, and the version in force before it is
 * superseded.
 */
@Component
class PlanSignings {

	private final PlanRows rows;

	PlanSignings(PlanRows rows) {
		this.rows = rows;
	}

	@EventListener
	void on(DocumentSigned signed) {
		if (!PlanDocuments.KIND.equals(signed.kind())) {
			return;
		}
		boolean resident = PlanDocuments.AGREED.code().equals(signed.meaning());
		rows.signed(signed.documentId(), signed.version(), signed.signedAt(),
				PlanDocuments.WROTE.code().equals(signed.meaning()), resident, false);
		rows.bringIntoForce(signed.documentId(), signed.version(), signed.signedAt());
	}

	@EventListener
	void on(SignatureDeclined declined) {
		if (!PlanDocuments.KIND.equals(declined.kind())) {
			return;
		}
		boolean resident = PlanDocuments.AGREED.code().equals(declined.meaning());
		rows.signed(declined.documentId(), declined.version(), declined.declinedAt(), false, resident, resident);
		rows.bringIntoForce(declined.documentId(), declined.version(), declined.declinedAt());
	}
}
