package org.milieu.identity.web;

import java.util.UUID;

import org.milieu.identity.EmergencyAccess;
import org.milieu.identity.MilieuUser;
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

/** The director's page for reviewing emergency ("break-glass") access. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class EmergencyAccessPage {

	private final EmergencyAccess emergency;

	EmergencyAccessPage(EmergencyAccess emergency) {
		this.emergency = emergency;
	}

	@GetMapping("/admin/emergency-access")
	String page(@AuthenticationPrincipal MilieuUser admin, Model model) {
		model.addAttribute("grants", emergency.forReview(admin));
		return "identity/emergency-access-list";
	}

	@PostMapping("/admin/emergency-access/{id}/review")
	String reviewFromPage(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		try {
			emergency.review(admin, id, note);
			redirect.addFlashAttribute("notice", "emergency.reviewed");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", "emergency.note.required");
		}
		return "redirect:/admin/emergency-access";
	}

}
