package org.milieu.groups.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.groups.GroupRules;
import org.milieu.groups.GroupingOverview;
import org.milieu.groups.Groupings;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
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
 * A house's small groups on one page ({@code /houses/{houseId}/groups}): the proposal with a move
 * for each resident and the approval, the grouping in force, the settings, the separations and the
 * history. Made for a tablet; the rules are the services', a refusal is a message naming the field.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class GroupPages {

	private final Groupings groupings;

	private final GroupRules rules;

	GroupPages(Groupings groupings, GroupRules rules) {
		this.groupings = groupings;
		this.rules = rules;
	}

	@GetMapping("/houses/{houseId}/groups")
	String page(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId, Model model) {
		GroupingOverview overview = groupings.overview(user, houseId);
		model.addAttribute("o", overview);
		model.addAttribute("history", groupings.history(user, houseId));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "groups/house-groups";
	}

	@PostMapping("/houses/{houseId}/groups/proposals")
	String propose(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId, RedirectAttributes redirect) {
		return act(redirect, houseId, "groups.proposed", "proposal", () -> groupings.propose(user, houseId));
	}

	@PostMapping("/houses/{houseId}/groups/groupings/{groupingId}/moves")
	String move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId, @PathVariable UUID groupingId,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) UUID groupId,
			RedirectAttributes redirect) {
		return act(redirect, houseId, "groups.moved", "proposal",
				() -> groupings.move(user, houseId, groupingId, residentId, groupId));
	}

	@PostMapping("/houses/{houseId}/groups/groupings/{groupingId}/approval")
	String approve(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId, @PathVariable UUID groupingId,
			RedirectAttributes redirect) {
		return act(redirect, houseId, "groups.approved", "in-force", () -> groupings.approve(user, houseId, groupingId));
	}

	@PostMapping("/houses/{houseId}/groups/settings")
	String settings(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@RequestParam(required = false) Integer groupCount, @RequestParam(required = false) Integer minSize,
			@RequestParam(required = false) Integer maxSize, @RequestParam(required = false) Integer structuredGroups,
			RedirectAttributes redirect) {
		String to = act(redirect, houseId, "groups.settings.saved", "settings",
				() -> rules.set(user, houseId, groupCount, minSize, maxSize, structuredGroups));
		if (redirect.getFlashAttributes().containsKey("problem")) {
			java.util.HashMap<String, Object> form = new java.util.HashMap<>();
			form.put("groupCount", groupCount);
			form.put("minSize", minSize);
			form.put("maxSize", maxSize);
			form.put("structuredGroups", structuredGroups);
			redirect.addFlashAttribute("form", form);
		}
		return to;
	}

	@PostMapping("/houses/{houseId}/groups/separations")
	String separate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@RequestParam(required = false) UUID residentA, @RequestParam(required = false) UUID residentB,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(redirect, houseId, "groups.separation.added", "separations",
				() -> rules.separate(user, houseId, residentA, residentB, kind, reason));
	}

	@PostMapping("/houses/{houseId}/groups/separations/{separationId}/end")
	String endSeparation(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@PathVariable UUID separationId, RedirectAttributes redirect) {
		return act(redirect, houseId, "groups.separation.ended", "separations", () -> {
			rules.endSeparation(user, houseId, separationId);
			return null;
		});
	}

	private static String act(RedirectAttributes redirect, UUID houseId, String notice, String anchor,
			java.util.function.Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.code());
			redirect.addFlashAttribute("problemArgs", List.of(refused.arguments()));
			redirect.addFlashAttribute("problemField", refused.field());
			redirect.addFlashAttribute("problemAt", anchor);
		}
		catch (StateConflict conflict) {
			redirect.addFlashAttribute("problem", conflict.code());
			redirect.addFlashAttribute("problemArgs", List.of());
			redirect.addFlashAttribute("problemAt", anchor);
		}
		return "redirect:/houses/" + houseId + "/groups#" + anchor;
	}
}
