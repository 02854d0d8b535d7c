package org.milieu.plans;

import java.util.stream.Collectors;

import org.milieu.shared.RuleViolation;
import org.milieu.signatures.DocumentSigned;
import org.milieu.signatures.SignatureDeclined;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a review's state with its signatures, in the transaction that stores the signature: a review
 * with an objective still unrated is not signed nor declined (the refusal, naming the objectives,
 * rolls the signature back); any signature or decline locks the review, and the clinician's "I
 * reviewed this plan with the resident" marks it done ({@code signed_at}).
 */
@Component
class PlanReviewSignings {

	private final PlanReviewRows rows;

	PlanReviewSignings(PlanReviewRows rows) {
		this.rows = rows;
	}

	@EventListener
	void on(DocumentSigned signed) {
		if (PlanReviewDocuments.KIND.equals(signed.kind())) {
			refuseUnrated(rows, signed.documentId());
			rows.signed(signed.documentId(), signed.signedAt(), PlanReviewDocuments.REVIEWED.code().equals(signed.meaning()));
		}
	}

	@EventListener
	void on(SignatureDeclined declined) {
		if (PlanReviewDocuments.KIND.equals(declined.kind())) {
			refuseUnrated(rows, declined.documentId());
			rows.signed(declined.documentId(), declined.declinedAt(), false);
		}
	}

	static void refuseUnrated(PlanReviewRows rows, java.util.UUID reviewId) {
		PlanReview review = rows.reviewAnyProgram(reviewId).orElseThrow().getValue();
		if (!review.unrated().isEmpty()) {
			throw new RuleViolation("plan.review.unrated", "ratings", review.unrated().size(),
					review.unrated().stream().map(PlanReview.RatedObjective::text).collect(Collectors.joining("; ")));
		}
	}
}
