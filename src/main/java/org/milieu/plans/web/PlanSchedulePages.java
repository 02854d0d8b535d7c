package org.milieu.plans.web;

import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanAreas;
import org.milieu.plans.PlanDue;
import org.milieu.plans.PlanSchedules;
import org.milieu.plans.PlanSettings;
import org.milieu.plans.PlanTerms;
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
 * The clinician's list of what is due of the plans ({@code /plans}: every current resident in their
 * reach, overdue first), one resident's schedule with their own review interval
 * ({@code /residents/{id}/plan/schedule}), and the director's plan settings ({@code /plans/settings}:
 * the program's terms and its problem areas). The rules are the services'; a refusal is a message.
 */
@Controller
class PlanSchedulePages {

	private final PlanSchedules schedules;

	private final PlanSettings settings;

	private final PlanAreas areas;

	PlanSchedulePages(PlanSchedules schedules, PlanSettings settings, PlanAreas areas) {
		this.schedules = schedules;
		this.settings = settings;
		this.areas = areas;
	}

	@GetMapping("/plans")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String due(@AuthenticationPrincipal MilieuUser user, Model model) {
		List<PlanDue> due = schedules.due(user);
		model.addAttribute("due", due);
		model.addAttribute("overdue", due.stream().filter(PlanDue::overdue).count());
		model.addAttribute("today", schedules.today(user));
		return "plans/due";
	}

	@GetMapping("/residents/{id}/plan/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String schedule(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("d", schedules.of(user, id));
		model.addAttribute("terms", settings.terms(user.programId().value()));
		return "plans/schedule";
	}

	@PostMapping("/residents/{id}/plan/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String setInterval(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Integer days, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			schedules.setReviewInterval(user, id, days, reason);
			redirect.addFlashAttribute("notice", "plan.due.interval.saved");
		}
		catch (RuleViolation refused) {
			PlanProblems.flash(redirect, refused);
		}
		return "redirect:/residents/" + id + "/plan/schedule";
	}

	@GetMapping("/plans/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String settings(@AuthenticationPrincipal MilieuUser user, Model model) {
		UUID program = user.programId().value();
		PlanTerms terms = settings.terms(program);
		if (!model.containsAttribute("initialPlanDays")) {
			model.addAttribute("initialPlanDays", terms.initialPlanDays());
			model.addAttribute("reviewIntervalDays", terms.reviewIntervalDays());
		}
		model.addAttribute("areas", areas.all(program));
		return "plans/settings";
	}

	@PostMapping("/plans/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String setTerms(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) Integer initialPlanDays,
			@RequestParam(required = false) Integer reviewIntervalDays, RedirectAttributes redirect) {
		try {
			settings.set(user, initialPlanDays, reviewIntervalDays);
			redirect.addFlashAttribute("notice", "plan.settings.saved");
		}
		catch (RuleViolation refused) {
			PlanProblems.flash(redirect, refused);
			redirect.addFlashAttribute("initialPlanDays", initialPlanDays);
			redirect.addFlashAttribute("reviewIntervalDays", reviewIntervalDays);
		}
		return "redirect:/plans/settings";
	}

	@PostMapping("/plans/settings/areas")
	@PreAuthorize("hasRole('ADMIN')")
	String addArea(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		try {
			areas.add(user, name);
			redirect.addFlashAttribute("notice", "plan.settings.area.added");
		}
		catch (RuleViolation refused) {
			PlanProblems.flash(redirect, refused);
		}
		return "redirect:/plans/settings#areas";
	}

	/** Renames an area ({@code name}), or retires it or brings it back ({@code retire} true or false). */
	@PostMapping("/plans/settings/areas/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	String changeArea(@AuthenticationPrincipal MilieuUser user, @PathVariable String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) Boolean retire,
			RedirectAttributes redirect) {
		try {
			if (retire != null) {
				areas.retire(user, code, retire);
			}
			else {
				areas.rename(user, code, name);
			}
			redirect.addFlashAttribute("notice", "plan.settings.area.saved");
		}
		catch (RuleViolation refused) {
			PlanProblems.flash(redirect, refused);
		}
		return "redirect:/plans/settings#areas";
	}
}
