package org.milieu.identity.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.SecondFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Giving the second factor at sign-in, and enrolling an authenticator app. */
@Controller
class SecondFactorPages {

	private final SecondFactor secondFactor;

	private final SecurityContextRepository contexts;

	SecondFactorPages(SecondFactor secondFactor, SecurityContextRepository contexts) {
		this.secondFactor = secondFactor;
		this.contexts = contexts;
	}

	@GetMapping("/login/second-factor")
	String challenge() {
		return "identity/second-factor-challenge";
	}

	@PostMapping("/login/second-factor")
	String answer(@AuthenticationPrincipal MilieuUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		switch (secondFactor.signIn(user, code)) {
			case ACCEPTED -> {
				request.changeSessionId();
				SignInStages.become(SignInStages.complete(user), request, response, contexts);
				return "redirect:/";
			}
			case LOCKED -> {
				request.getSession().invalidate();
				SecurityContextHolder.clearContext();
				return "redirect:/login?error";
			}
			default -> {
				model.addAttribute("error", true);
				return "identity/second-factor-challenge";
			}
		}
	}

	@GetMapping("/account/second-factor")
	String enrolment(@AuthenticationPrincipal MilieuUser user, Model model) {
		if (secondFactor.enrolled(user.accountId())) {
			model.addAttribute("recoveryLeft", secondFactor.recoveryCodesLeft(user.accountId()));
			return "identity/second-factor-status";
		}
		model.addAttribute("enrolment", secondFactor.enrol(user));
		model.addAttribute("required", secondFactor.requiredFor(user));
		return "identity/second-factor-enrolment";
	}

	@PostMapping("/account/second-factor")
	String confirm(@AuthenticationPrincipal MilieuUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (secondFactor.enrolled(user.accountId())) {
			return "redirect:/account/second-factor";
		}
		Optional<List<String>> recovery = secondFactor.confirm(user, code);
		if (recovery.isEmpty()) {
			model.addAttribute("error", true);
			model.addAttribute("enrolment", secondFactor.enrol(user));
			model.addAttribute("required", secondFactor.requiredFor(user));
			return "identity/second-factor-enrolment";
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (SignInStages.holds(current, SignInStages.ENROLMENT_PENDING)) {
			request.changeSessionId();
			SignInStages.become(SignInStages.complete(user), request, response, contexts);
		}
		model.addAttribute("codes", recovery.get());
		return "identity/second-factor-recovery-codes";
	}
}
