package org.milieu.levels.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.reviews.LevelEvidence;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's own level page: where I am, what I have achieved, what comes next, my open review
 * with my self-assessment, the team's last decision and what to work on, and my housemates' open
 * reviews where I may give peer input.
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyLevelPage {

	private final LevelEvidence evidence;

	private final LevelReviews reviews;

	private final LevelSchemes schemes;

	MyLevelPage(LevelEvidence evidence, LevelReviews reviews, LevelSchemes schemes) {
		this.evidence = evidence;
		this.reviews = reviews;
		this.schemes = schemes;
	}

	@GetMapping("/me/level")
	String myLevel(@AuthenticationPrincipal MilieuUser user, Model model) {
		List<Review> own = reviews.forResident(user, user.residentId());
		org.milieu.levels.reviews.Evidence mine = evidence.of(user, user.residentId());
		model.addAttribute("evidence", mine);
		model.addAttribute("linked", evidence.linked(user, mine));
		model.addAttribute("scheme", schemes.today(user.programId()));
		model.addAttribute("openReview", own.stream().filter(Review::open).findFirst().orElse(null));
		Optional<Review> last = own.stream().filter(r -> !r.open()).findFirst();
		model.addAttribute("lastDecision", last.orElse(null));
		model.addAttribute("peerReviews", reviews.openForPeer(user));
		return "levels/my-level";
	}

	@PostMapping("/me/reviews/{id}/self-assessment")
	String selfAssess(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			reviews.selfAssess(user, id, text);
			redirect.addFlashAttribute("notice", "me.level.saved");
		}
		catch (RuleViolation rule) {
			LevelPages.problem(redirect, rule);
		}
		return "redirect:/me/level";
	}

	@PostMapping("/me/reviews/{id}/peer-input")
	String peerInput(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			reviews.addPeerInput(user, id, text);
			redirect.addFlashAttribute("notice", "me.level.peerSaved");
		}
		catch (RuleViolation rule) {
			LevelPages.problem(redirect, rule);
		}
		return "redirect:/me/level";
	}
}
