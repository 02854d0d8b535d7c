package org.milieu.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.milieu.identity.Account;
import org.milieu.identity.AccountAdministration;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.HouseDirectory;
import org.milieu.identity.Invitation;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewInvitation;
import org.milieu.identity.Role;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The director's pages for accounts: list, invite, edit roles and houses, disable, reset access. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final CareRelationships care;

	private final HouseDirectory houses;

	private final Programs programs;

	UserPages(Accounts accounts, AccountAdministration administration, CareRelationships care, HouseDirectory houses,
			Programs programs) {
		this.accounts = accounts;
		this.administration = administration;
		this.care = care;
		this.houses = houses;
		this.programs = programs;
	}

	@GetMapping("/admin/users")
	String list(@AuthenticationPrincipal MilieuUser admin, Model model) {
		Map<UUID, String> houseNames = houses.houses(admin.programId());
		List<Row> rows = accounts.list(admin.programId()).stream()
			.map(a -> new Row(a, care.houses(a.id()).stream().map(houseNames::get).filter(n -> n != null).sorted().toList()))
			.toList();
		model.addAttribute("rows", rows);
		return "identity/user-list";
	}

	@GetMapping("/admin/users/new")
	String newForm(@AuthenticationPrincipal MilieuUser admin, Model model) {
		return form(admin, model, null, "", "", EnumSet.noneOf(Role.class), Set.of(), 0);
	}

	@PostMapping("/admin/users")
	String invite(@AuthenticationPrincipal MilieuUser admin, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(required = false) Set<UUID> houseIds, HttpServletRequest http, Model model) {
		Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		Set<UUID> chosenHouses = houseIds == null ? Set.of() : new LinkedHashSet<>(houseIds);
		if (displayName.isBlank()) {
			model.addAttribute("error", "account.name.blank");
			return form(admin, model, null, username, displayName, chosen, chosenHouses, 0);
		}
		if (chosen.contains(Role.RESIDENT)) {
			model.addAttribute("error", "account.roles.resident-by-page");
			return form(admin, model, null, username, displayName, chosen, chosenHouses, 0);
		}
		try {
			Invitation invitation = administration.invite(admin,
					new NewInvitation(username, displayName, chosen, chosenHouses, null));
			return invitationView(admin, invitation, http, model);
		}
		catch (RuleViolation rule) {
			model.addAttribute("error", rule.code());
			model.addAttribute("errorArgs", rule.arguments());
			return form(admin, model, null, username, displayName, chosen, chosenHouses, 0);
		}
	}

	@GetMapping("/admin/users/{id}/edit")
	String editForm(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id, Model model) {
		Account account = own(admin, id);
		return form(admin, model, account, account.username(), account.displayName(), account.roles(), care.houses(id),
				account.version());
	}

	@PostMapping("/admin/users/{id}")
	String revise(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(required = false) Set<UUID> houseIds, @RequestParam(defaultValue = "-1") int version,
			Model model, RedirectAttributes redirect) {
		Account account = own(admin, id);
		Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		Set<UUID> chosenHouses = houseIds == null ? Set.of() : new LinkedHashSet<>(houseIds);
		if (displayName.isBlank()) {
			model.addAttribute("error", "account.name.blank");
			return form(admin, model, account, account.username(), displayName, chosen, chosenHouses, version);
		}
		try {
			administration.revise(admin, id, version, displayName, chosen, chosenHouses);
		}
		catch (RuleViolation rule) {
			model.addAttribute("error", rule.code());
			model.addAttribute("errorArgs", rule.arguments());
			return form(admin, model, account, account.username(), displayName, chosen, chosenHouses, version);
		}
		catch (StateConflict refused) {
			model.addAttribute("error", refused.code());
			return form(admin, model, account, account.username(), displayName, chosen, chosenHouses, version);
		}
		catch (VersionConflict stale) {
			model.addAttribute("error", "account.stale");
			return editForm(admin, id, model);
		}
		redirect.addFlashAttribute("notice", "account.saved");
		redirect.addFlashAttribute("noticeArg", account.username());
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/disable")
	String disable(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Account account = administration.disable(admin, id);
			redirect.addFlashAttribute("notice", "account.disabled");
			redirect.addFlashAttribute("noticeArg", account.username());
		}
		catch (StateConflict refused) {
			redirect.addFlashAttribute("problem", refused.code());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/enable")
	String enable(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
		Account account = administration.enable(admin, id);
		redirect.addFlashAttribute("notice", "account.enabled");
		redirect.addFlashAttribute("noticeArg", account.username());
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/second-factor/reset")
	String resetSecondFactor(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Account account = administration.resetSecondFactor(admin, id);
			redirect.addFlashAttribute("notice", "account.secondFactorReset");
			redirect.addFlashAttribute("noticeArg", account.username());
		}
		catch (StateConflict refused) {
			redirect.addFlashAttribute("problem", refused.code());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/reset")
	String reset(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id, HttpServletRequest http, Model model,
			RedirectAttributes redirect) {
		try {
			return invitationView(admin, administration.resetAccess(admin, id), http, model);
		}
		catch (StateConflict refused) {
			redirect.addFlashAttribute("problem", refused.code());
			return "redirect:/admin/users";
		}
	}

	private String invitationView(MilieuUser admin, Invitation invitation, HttpServletRequest http, Model model) {
		java.time.ZoneId zone = programs.find(admin.programId()).map(Program::timeZone).orElse(java.time.ZoneOffset.UTC);
		model.addAttribute("account", invitation.account());
		model.addAttribute("link", InvitationUrls.of(http, invitation.token()));
		model.addAttribute("expiresAt", invitation.expiresAt().atZone(zone));
		return "identity/user-invitation";
	}

	private String form(MilieuUser admin, Model model, Account account, String username, String displayName,
			Set<Role> roles, Set<UUID> houseIds, int version) {
		model.addAttribute("account", account);
		model.addAttribute("username", username);
		model.addAttribute("displayName", displayName);
		model.addAttribute("roles", roles);
		model.addAttribute("houseIds", houseIds);
		model.addAttribute("version", version);
		boolean resident = account != null && account.residentId() != null;
		model.addAttribute("allRoles", resident ? EnumSet.of(Role.RESIDENT)
				: EnumSet.of(Role.ADMIN, Role.CLINICIAN, Role.STAFF, Role.FAMILY));
		model.addAttribute("houses", houses.houses(admin.programId()));
		return "identity/user-form";
	}

	private Account own(MilieuUser admin, UUID id) {
		return accounts.find(id).filter(a -> a.programId().equals(admin.programId().value()))
			.orElseThrow(() -> new RecordNotFound("Account", id));
	}

	record Row(Account account, List<String> houses) {
	}
}
