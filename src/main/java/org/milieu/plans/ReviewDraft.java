package org.milieu.plans;

import java.util.List;
import java.util.UUID;

/**
 * The clinician's part of a review as a whole: the summary and a rating for some or all of the
 * objectives. A rating is named as text so an unknown one is refused naming its field.
 */
public record ReviewDraft(String summary, List<NewRating> ratings) {

	/** One objective's rating ({@code MET}, {@code PROGRESSING}, …) and the clinician's comment on it. */
	public record NewRating(UUID objectiveId, String rating, String comment) {
	}
}
