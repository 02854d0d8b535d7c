package org.milieu.identity.web;

import org.milieu.identity.AccountAdministration;
import org.milieu.identity.MilieuUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Your own account: who you are signed in as, and signing out on every device. */
@Controller
class AccountPage {

	private final AccountAdministration administration;

	AccountPage(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/account")
	String account() {
		return "identity/account-detail";
	}

	/** Ends every session of this account, this one included. */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal MilieuUser user) {
		administration.signOutEverywhere(user);
		return "redirect:/login?signedOut";
	}
}
