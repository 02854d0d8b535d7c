package org.milieu.levels.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.LevelFacts;
import org.milieu.levels.facts.ManualFacts;
import org.milieu.levels.reviews.Adjustment;
import org.milieu.levels.reviews.CriterionAdjustments;
import org.milieu.levels.reviews.Evidence;
import org.milieu.levels.reviews.LevelEvidence;
import org.milieu.levels.reviews.LevelReviewEngine;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence view of a resident (level, criteria for the next level, the entries behind each,
 * facts recorded by hand, adjustments, reviews), the reviews due, one review with the team's
 * decision, and the level scheme in force.
 */
@Controller
class LevelPages {

	private final LevelEvidence evidence;

	private final LevelReviews reviews;

	private final LevelReviewEngine engine;

	private final CriterionAdjustments adjustments;

	private final ManualFacts manual;

	private final LevelFacts facts;

	private final LevelSchemes schemes;

	private final Census census;

	/** The page's reads share one transaction, so the view is one audit record for the resident. */
	private final org.springframework.transaction.support.TransactionTemplate inOneTransaction;

	LevelPages(LevelEvidence evidence, LevelReviews reviews, LevelReviewEngine engine, CriterionAdjustments adjustments,
			ManualFacts manual, LevelFacts facts, LevelSchemes schemes, Census census,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.inOneTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.evidence = evidence;
		this.reviews = reviews;
		this.engine = engine;
		this.adjustments = adjustments;
		this.manual = manual;
		this.facts = facts;
		this.schemes = schemes;
		this.census = census;
	}

	@GetMapping("/residents/{id}/level")
	String evidence(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		boolean staff = user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
		inOneTransaction.executeWithoutResult(status -> {
			CensusEntry resident = census.read(user, id);
			Evidence e = evidence.of(user, id);
			model.addAttribute("resident", resident);
			model.addAttribute("evidence", e);
			model.addAttribute("linked", evidence.linked(user, e));
			model.addAttribute("scheme", schemes.today(user.programId()));
			model.addAttribute("adjustments", staff ? adjustments.of(user, id) : List.of());
			model.addAttribute("reviews", reviews.forResident(user, id));
			// a kind only its module records is never entered by hand, so it needs no line on coverage
			model.addAttribute("coverage",
					facts.coverage(user.programId()).stream().filter(c -> c.kind().byHand()).toList());
			model.addAttribute("today", e.measuredOn());
		});
		model.addAttribute("staff", staff);
		model.addAttribute("canAdjust", user.has(Role.ADMIN) || user.has(Role.CLINICIAN));
		model.addAttribute("factKinds", FactKind.enteredByHand());
		return "levels/evidence";
	}

	@GetMapping("/residents/{id}/level/criteria/{key}")
	String entries(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable String key, Model model) {
		model.addAttribute("entries", evidence.entries(user, id, key));
		return "levels/evidence :: entries";
	}

	@PostMapping("/residents/{id}/level/facts")
	String recordFact(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) FactKind kind, @RequestParam(required = false) LocalDate occurredOn,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String detail,
			RedirectAttributes redirect) {
		try {
			manual.record(user, id, kind, occurredOn, outcome, detail);
			redirect.addFlashAttribute("notice", "evidence.fact.recorded");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/residents/" + id + "/level";
	}

	@PostMapping("/residents/{id}/level/adjustments")
	String adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam int toLevel,
			@RequestParam(required = false) String criterionKey, @RequestParam(required = false) Adjustment.Kind kind,
			@RequestParam(required = false) Integer windowDays, @RequestParam(required = false) Double threshold,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			adjustments.adjust(user, id, toLevel, criterionKey, kind, windowDays, threshold, reason);
			redirect.addFlashAttribute("notice", "evidence.adjusted");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/residents/" + id + "/level";
	}

	@PostMapping("/criterion-adjustments/{id}/end")
	String endAdjustment(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam UUID residentId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			adjustments.end(user, id, reason);
			redirect.addFlashAttribute("notice", "evidence.adjustment.ended");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/residents/" + residentId + "/level";
	}

	@PostMapping("/residents/{id}/level/reviews")
	String openReview(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Review.Kind kind, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			Review review = reviews.open(user, id, kind, reason, evidence.of(user, id));
			return "redirect:/levels/reviews/" + review.id();
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
			return "redirect:/residents/" + id + "/level";
		}
	}

	@GetMapping("/levels/reviews")
	String reviews(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("open", lines(user, reviews.list(user, Review.Status.OPEN)));
		model.addAttribute("decided", lines(user, reviews.list(user, Review.Status.DECIDED).stream().limit(20).toList()));
		model.addAttribute("canRun", user.has(Role.ADMIN) || user.has(Role.CLINICIAN));
		return "levels/reviews";
	}

	@PostMapping("/levels/reviews/run")
	@org.milieu.platform.LongRunning
	String run(@AuthenticationPrincipal MilieuUser user, RedirectAttributes redirect) {
		LevelReviewEngine.Run run = engine.runNow(user);
		redirect.addFlashAttribute("notice", "review.run.done");
		redirect.addFlashAttribute("noticeArgs", List.of(run.residents(), run.opened()));
		return "redirect:/levels/reviews";
	}

	@GetMapping("/levels/reviews/{id}")
	String review(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		Review review = reviews.find(user, id);
		model.addAttribute("review", review);
		model.addAttribute("resident", census.read(user, review.residentId()));
		model.addAttribute("canDecide", review.open() && (user.has(Role.ADMIN) || user.has(Role.CLINICIAN)));
		model.addAttribute("decisions", Review.Decision.values());
		return "levels/review";
	}

	@PostMapping("/levels/reviews/{id}/decision")
	String decide(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Review.Decision decision, @RequestParam(required = false) String rationale,
			@RequestParam(required = false) String workOn, RedirectAttributes redirect) {
		try {
			reviews.decide(user, id, decision, rationale, workOn);
			redirect.addFlashAttribute("notice", "review.decided");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
			redirect.addFlashAttribute("rationale", rationale);
			redirect.addFlashAttribute("workOn", workOn);
		}
		return "redirect:/levels/reviews/" + id;
	}

	@GetMapping("/levels/scheme")
	String scheme(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("scheme", schemes.today(user.programId()));
		model.addAttribute("versions", schemes.versions(user.programId()));
		return "levels/scheme";
	}

	private List<ReviewLine> lines(MilieuUser user, List<Review> list) {
		java.util.Map<UUID, CensusEntry> byId = new java.util.HashMap<>();
		census.today(user.programId()).forEach(e -> byId.put(e.residentId(), e));
		return list.stream().map(r -> new ReviewLine(r, byId.get(r.residentId()))).toList();
	}

	static void problem(RedirectAttributes redirect, RuleViolation rule) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemField", rule.field());
	}

	/** A review with the resident it is about. */
	record ReviewLine(Review review, CensusEntry resident) {
	}
}
