package org.milieu.identity.web;

import java.util.UUID;

import org.milieu.identity.ApiTokens;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Your personal access tokens: create one (shown once), see when each was last used, revoke. */
@Controller
class TokenPage {

	private final ApiTokens tokens;

	TokenPage(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/account/tokens")
	String list(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		return "identity/token-list";
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal MilieuUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "30") int days, Model model) {
		try {
			model.addAttribute("issued", tokens.create(user, name, days));
		}
		catch (RuleViolation rule) {
			model.addAttribute("error", rule.code());
			model.addAttribute("errorArgs", rule.arguments());
		}
		model.addAttribute("tokens", tokens.list(user));
		return "identity/token-list";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(user, id);
		redirect.addFlashAttribute("notice", "token.revoked");
		return "redirect:/account/tokens";
	}
}
