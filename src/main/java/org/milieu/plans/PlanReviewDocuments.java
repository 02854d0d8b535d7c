package org.milieu.plans;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SignableKind;
import org.milieu.signatures.SignatureMeaning;
import org.springframework.stereotype.Component;

/**
 * A review of a plan as the signature component signs it: one version (a review is signed once, as
 * it stands), whose content is a fixed-order text of the reviewed version's number, the reason, the
 * day, each objective with its rating and comment, the summary, the resident's comment and the
 * version it revised the plan to. The clinician signs "I reviewed this plan with the resident"; the
 * resident "I agree with this review" (or declines). A closed review is signed by nobody, and the
 * clinician signs once.
 */
@Component
class PlanReviewDocuments implements SignableKind {

	static final String KIND = "plan-review";

	static final int VERSION = 1;

	static final SignatureMeaning REVIEWED = new SignatureMeaning("reviewed-with-resident",
			"plan.review.signature.reviewed", Role.CLINICIAN);

	static final SignatureMeaning AGREED = new SignatureMeaning("agreed", "plan.review.signature.agreed", Role.RESIDENT);

	private final PlanReviewRows rows;

	private final Census census;

	PlanReviewDocuments(PlanReviewRows rows, Census census) {
		this.rows = rows;
		this.census = census;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<SignableDocument> document(UUID documentId, int version) {
		if (version != VERSION) {
			return Optional.empty();
		}
		return rows.reviewAnyProgram(documentId).map(found -> {
			PlanReview review = found.getValue();
			UUID house = census.find(new ProgramId(found.getKey()), review.residentId()).map(CensusEntry::houseId)
				.orElse(null);
			return SignableDocument.ofText(KIND, documentId, VERSION, found.getKey(),
					new ResidentScope(review.residentId(), house), DataCategory.CLINICAL_NOTES,
					"Review of the treatment plan, version " + review.versionNumber() + ", held on " + review.heldOn(),
					content(review), "/residents/" + review.residentId() + "/plan/reviews/" + review.id());
		});
	}

	/** A review with an objective still unrated is not signed: refused before the credential is asked. */
	@Override
	public void refuseUnready(SignableDocument document, SignatureMeaning meaning) {
		PlanReviewSignings.refuseUnrated(rows, document.documentId());
	}

	@Override
	public List<SignatureMeaning> meanings() {
		return List.of(REVIEWED, AGREED);
	}

	@Override
	public List<SignatureMeaning> meaningsFor(MilieuUser signer, SignableDocument document) {
		PlanReview review = rows.reviewAnyProgram(document.documentId()).map(e -> e.getValue()).orElse(null);
		if (review == null || review.closedAt() != null) {
			return List.of();
		}
		if (signer.has(Role.RESIDENT)) {
			return document.resident().residentId().equals(signer.residentId()) ? List.of(AGREED) : List.of();
		}
		if (signer.has(Role.CLINICIAN) && review.signedAt() == null) {
			return List.of(REVIEWED);
		}
		return List.of();
	}

	/** The exact text signed: every field of the review and each objective's rating, in a fixed order, one per line. */
	static String content(PlanReview r) {
		StringBuilder text = new StringBuilder();
		text.append("plan-review\nreview: ").append(r.id()).append("\nplan: ").append(r.planId()).append("\nresident: ")
			.append(r.residentId()).append("\nreviewed-version: ").append(r.versionNumber()).append("\nreason: ")
			.append(r.reason()).append("\nheld-on: ").append(r.heldOn()).append('\n');
		for (PlanReview.RatedObjective o : r.objectives()) {
			text.append("\n[OBJECTIVE] ").append(o.objectiveId()).append("\ntext: ").append(line(o.text()))
				.append("\nrating: ").append(o.rating() == null ? "-" : o.rating().name()).append("\ncomment: ")
				.append(line(o.comment())).append('\n');
		}
		text.append("\nsummary: ").append(line(r.summary())).append("\nresident-comment: ")
			.append(line(r.residentComment())).append("\nrevised-to-version: ")
			.append(r.revisedToVersion() == null ? "-" : r.revisedToVersion()).append('\n');
		return text.toString();
	}

	/** Line breaks inside a field are escaped, so no field can pass for another; an empty field is "-". */
	private static String line(String value) {
		return value == null ? "-" : value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
	}
}
