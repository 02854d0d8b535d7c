package org.milieu.plans.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.plans.ObjectiveRating;
import org.milieu.plans.PlanReview;
import org.milieu.plans.PlanReviews;
import org.milieu.plans.ReviewDraft;
import org.milieu.plans.ReviewOpen;
import org.milieu.plans.ReviewReason;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review pages: the clinician's page of one review (a radio group and a comment per objective of
 * the reviewed version, the summary, the resident's comment, a new version of the plan, the way to
 * sign), and the resident's own {@code /me/plan/reviews/{id}} (everything, their comment, the way to
 * sign "I agree"). The rules are the service's; a refusal is shown as a message.
 */
@Controller
class PlanReviewPages {

	private final PlanReviews reviews;

	/** How far back the review shows other modules' notes about the resident's objectives. */
	static final int OBJECTIVE_NOTES_DAYS = 90;

	private final org.springframework.beans.factory.ObjectProvider<org.milieu.plans.ObjectiveNotes> objectiveNotes;

	PlanReviewPages(PlanReviews reviews,
			org.springframework.beans.factory.ObjectProvider<org.milieu.plans.ObjectiveNotes> objectiveNotes) {
		this.objectiveNotes = objectiveNotes;
		this.reviews = reviews;
	}

	@GetMapping("/residents/{id}/plan/reviews/{reviewId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
	String review(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable UUID reviewId,
			Model model) {
		if (id.equals(user.residentId())) {
			return "redirect:/me/plan/reviews/" + reviewId;
		}
		return show(user, id, reviewId, false, model);
	}

	@GetMapping("/me/plan/reviews/{reviewId}")
	@PreAuthorize("hasRole('RESIDENT')")
	String myReview(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID reviewId, Model model) {
		return show(user, user.residentId(), reviewId, true, model);
	}

	@PostMapping("/residents/{id}/plan/reviews")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String start(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) ReviewReason reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			RedirectAttributes redirect) {
		try {
			PlanReview started = reviews.start(user, id, reason, heldOn);
			redirect.addFlashAttribute("notice", "plan.review.page.started");
			return "redirect:/residents/" + id + "/plan/reviews/" + started.id();
		}
		catch (ReviewOpen open) {
			PlanProblems.flash(redirect, open);
			return "redirect:/residents/" + id + "/plan/reviews/" + open.openReview();
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
			return "redirect:/residents/" + id + "/plan";
		}
	}

	/** Saves the ratings chosen (a radio group per objective, named by it) with their comments, and the summary. */
	@PostMapping("/residents/{id}/plan/reviews/{reviewId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String rate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable UUID reviewId,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			PlanReview review = reviews.review(user, id, reviewId);
			List<ReviewDraft.NewRating> ratings = new ArrayList<>();
			for (PlanReview.RatedObjective o : review.objectives()) {
				String rating = form.getFirst("rating-" + o.objectiveId());
				String comment = form.getFirst("comment-" + o.objectiveId());
				if ((rating != null && !rating.isBlank()) || (comment != null && !comment.isBlank())) {
					ratings.add(new ReviewDraft.NewRating(o.objectiveId(), rating, comment));
				}
			}
			reviews.rate(user, id, reviewId, revision(form), new ReviewDraft(form.getFirst("summary"), ratings));
			redirect.addFlashAttribute("notice", "plan.review.page.saved");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.review.page.stale");
		}
		return "redirect:/residents/" + id + "/plan/reviews/" + reviewId;
	}

	@PostMapping("/residents/{id}/plan/reviews/{reviewId}/revision")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String revise(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable UUID reviewId,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			reviews.revisePlan(user, id, reviewId, revision(form));
			redirect.addFlashAttribute("notice", "plan.review.page.revised");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.review.page.stale");
		}
		return "redirect:/residents/" + id + "/plan/reviews/" + reviewId;
	}

	@PostMapping("/me/plan/reviews/{reviewId}/comment")
	@PreAuthorize("hasRole('RESIDENT')")
	String comment(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID reviewId,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		try {
			reviews.comment(user, user.residentId(), reviewId, revision(form), form.getFirst("comment"));
			redirect.addFlashAttribute("notice", "plan.review.page.commentSaved");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.review.page.stale");
		}
		return "redirect:/me/plan/reviews/" + reviewId;
	}

	private String show(MilieuUser user, UUID residentId, UUID reviewId, boolean own, Model model) {
		PlanReview review = reviews.review(user, residentId, reviewId);
		boolean mayReview = !own && reviews.mayReview(user, residentId);
		model.addAttribute("residentId", residentId);
		model.addAttribute("review", review);
		model.addAttribute("own", own);
		model.addAttribute("mayReview", mayReview);
		model.addAttribute("rateable", mayReview && review.editable());
		model.addAttribute("ratings", ObjectiveRating.values());
		model.addAttribute("verifications", reviews.signaturesOf(user, residentId, reviewId));
		// the review's read above passed the access policy for the resident's clinical record
		model.addAttribute("objectiveNotes", own ? List.of() : objectiveNotes.orderedStream()
			.flatMap(port -> port.notes(user.programId(), residentId, review.heldOn().minusDays(OBJECTIVE_NOTES_DAYS),
					review.heldOn()).stream())
			.toList());
		model.addAttribute("objectiveNotesDays", OBJECTIVE_NOTES_DAYS);
		return "plans/plan-review";
	}

	/** The revision the form was read at; a form without one (or a bad one) counts as stale. */
	private static int revision(MultiValueMap<String, String> form) {
		try {
			return Integer.parseInt(String.valueOf(form.getFirst("revision")).strip());
		}
		catch (NumberFormatException missing) {
			throw new VersionConflict("TreatmentPlanReview", -1, 0);
		}
	}
}
