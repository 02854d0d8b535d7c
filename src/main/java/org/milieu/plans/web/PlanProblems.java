package org.milieu.plans.web;

import java.util.List;

import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A refusal carried to the page the plan pages redirect to: its message key, arguments and field. */
final class PlanProblems {

	private PlanProblems() {
	}

	static void flash(RedirectAttributes redirect, RuntimeException refused) {
		if (refused instanceof RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
			redirect.addFlashAttribute("problemField", rule.field());
		}
		else if (refused instanceof StateConflict conflict) {
			redirect.addFlashAttribute("problem", conflict.code());
			redirect.addFlashAttribute("problemArgs", List.of());
		}
	}
}
