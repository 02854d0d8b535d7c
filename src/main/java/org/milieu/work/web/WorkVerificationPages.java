package org.milieu.work.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.RuleViolation;
import org.milieu.work.CompletionOutcome;
import org.milieu.work.Completions;
import org.milieu.work.MarkCompletion;
import org.milieu.residents.Census;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The day's work and the verification queue: staff (and a resident work coordinator, for their
 * housemates) mark each person's occurrence of a job; staff verify the coordinators' marks.
 */
@Controller
class WorkVerificationPages {

	private final Completions completions;

	private final Census census;

	WorkVerificationPages(Completions completions, Census census) {
		this.completions = completions;
		this.census = census;
	}

	@GetMapping("/work/verification")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String day(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		LocalDate today = census.day(user.programId());
		LocalDate day = date == null || date.isAfter(today) ? today : date;
		boolean staff = user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("staff", staff);
		model.addAttribute("occurrences", completions.due(user, day));
		model.addAttribute("waiting", staff ? completions.awaitingVerification(user) : List.of());
		model.addAttribute("outcomes", List.of(CompletionOutcome.values()));
		return "work/verification";
	}

	@PostMapping("/work/verification/marks")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String mark(@AuthenticationPrincipal MilieuUser user, @RequestParam UUID assignmentId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) CompletionOutcome outcome, @RequestParam(required = false) Integer quality,
			@RequestParam(required = false) Integer minutes, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			completions.mark(user, assignmentId, new MarkCompletion(date, outcome, quality, minutes, note));
			redirect.addFlashAttribute("notice", "completion.page.marked");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
			redirect.addFlashAttribute("problemFor", assignmentId);
		}
		return "redirect:/work/verification?date=" + date;
	}

	@PostMapping("/work/verification/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String verify(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect) {
		try {
			completions.verify(user, id);
			redirect.addFlashAttribute("notice", "completion.page.verified");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		}
		return "redirect:/work/verification" + (date == null ? "" : "?date=" + date);
	}
}
