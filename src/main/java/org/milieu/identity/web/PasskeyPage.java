package org.milieu.identity.web;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Passkeys;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Your passkeys: add one (the browser asks your device), see when each was last used, remove. */
@Controller
class PasskeyPage {

	private final Passkeys passkeys;

	PasskeyPage(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/account/passkeys")
	String list(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("passkeys", passkeys.list(user));
		return "identity/passkey-list";
	}

	@PostMapping("/account/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal MilieuUser user, @PathVariable String id, RedirectAttributes redirect) {
		passkeys.remove(user, id);
		redirect.addFlashAttribute("notice", "passkey.removed");
		return "redirect:/account/passkeys";
	}
}
