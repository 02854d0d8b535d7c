package org.milieu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.milieu.identity.AccountAdministration;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.OwnCredentials;
import org.milieu.identity.SecondFactor;
import org.milieu.shared.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Your own account: who you are signed in as, your password and second factor (each changed only
 * with the credentials you hold now), and signing out on every device.
 */
@Controller
class AccountPage {

	private final AccountAdministration administration;

	private final OwnCredentials credentials;

	private final SecondFactor secondFactor;

	AccountPage(AccountAdministration administration, OwnCredentials credentials, SecondFactor secondFactor) {
		this.administration = administration;
		this.credentials = credentials;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("secondFactorOn", secondFactor.enrolled(user.accountId()));
		return "identity/account-detail";
	}

	/** A new password, given the current one; every other session of the account ends. */
	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal MilieuUser user, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		try {
			OwnCredentials.Outcome outcome = credentials.changePassword(user, currentPassword, newPassword,
					request.getSession().getId());
			if (outcome == OwnCredentials.Outcome.CHANGED) {
				redirect.addFlashAttribute("notice", "account.password.changed");
				return "redirect:/account";
			}
			model.addAttribute("passwordError", refusal(outcome));
		}
		catch (RuleViolation rule) {
			model.addAttribute("passwordError", rule.code());
			model.addAttribute("passwordErrorArgs", rule.arguments());
		}
		return account(user, model);
	}

	/**
	 * Removes the second factor, given the password and a current code, and goes straight on to
	 * setting up a new one (a new phone, for example).
	 */
	@PostMapping("/account/second-factor/replace")
	String replaceSecondFactor(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String code,
			Model model) {
		OwnCredentials.Outcome outcome = credentials.removeSecondFactor(user, currentPassword, code);
		if (outcome == OwnCredentials.Outcome.CHANGED) {
			return "redirect:/account/second-factor";
		}
		model.addAttribute("secondFactorError", refusal(outcome));
		return account(user, model);
	}

	/** Ends every session of this account, this one included. */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal MilieuUser user) {
		administration.signOutEverywhere(user);
		return "redirect:/login?signedOut";
	}

	private static String refusal(OwnCredentials.Outcome outcome) {
		return outcome == OwnCredentials.Outcome.LOCKED ? "account.credentials.locked" : "account.credentials.wrong";
	}
}
