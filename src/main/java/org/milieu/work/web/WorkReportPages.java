package org.milieu.work.web;

import java.time.LocalDate;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.shared.RuleViolation;
import org.milieu.work.WorkReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The work reports page: a period (the last four weeks unless chosen), per house, per job and per person. */
@Controller
class WorkReportPages {

	private final WorkReports reports;

	private final Census census;

	WorkReportPages(WorkReports reports, Census census) {
		this.reports = reports;
		this.census = census;
	}

	@GetMapping("/work/reports")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String report(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = census.day(user.programId());
		LocalDate start = from == null ? today.minusWeeks(4) : from;
		LocalDate end = to == null ? today : to;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("mayExport", user.has(Role.ADMIN) || user.has(Role.CLINICIAN));
		try {
			model.addAttribute("report", reports.of(user, start, end, false));
		}
		catch (RuleViolation rule) {
			model.addAttribute("report", null);
			model.addAttribute("problem", rule.code());
			model.addAttribute("problemArgs", List.of(rule.arguments()));
		}
		return "work/reports";
	}
}
