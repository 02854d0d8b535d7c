package org.milieu.identity.web;

import org.milieu.identity.AccountAdministration;
import org.milieu.shared.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where an invited person (or one whose access was reset) sets their password, once. */
@Controller
class InvitationPage {

	private final AccountAdministration administration;

	InvitationPage(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/invitation/{token}")
	String form(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		return "identity/invitation-form";
	}

	@PostMapping("/invitation/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model) {
		model.addAttribute("token", token);
		if (!password.equals(confirmation)) {
			model.addAttribute("error", "password.mismatch");
			return "identity/invitation-form";
		}
		try {
			administration.acceptInvitation(token, password);
			return "redirect:/login?passwordSet";
		}
		catch (RuleViolation rule) {
			model.addAttribute("error", rule.code());
			model.addAttribute("errorArgs", rule.arguments());
			return "identity/invitation-form";
		}
	}
}
