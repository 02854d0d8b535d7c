package org.milieu.plans;

import java.util.UUID;

import org.milieu.shared.StateConflict;

/** A review was asked for while the plan has one nobody has finished: that one, {@code openReview}, is continued. */
public class ReviewOpen extends StateConflict {

	private final UUID openReview;

	public ReviewOpen(UUID openReview) {
		super("plan.review.already-open");
		this.openReview = openReview;
	}

	public UUID openReview() {
		return openReview;
	}
}
