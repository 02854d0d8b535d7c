package org.milieu.levels.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.privileges.AdjustmentKind;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.levels.privileges.NewAdjustment;
import org.milieu.levels.privileges.NewPrivilege;
import org.milieu.levels.privileges.Privilege;
import org.milieu.levels.privileges.PrivilegeAdjustment;
import org.milieu.levels.privileges.PrivilegeCatalogue;
import org.milieu.levels.privileges.PrivilegeChange;
import org.milieu.levels.privileges.PrivilegeStatus;
import org.milieu.levels.privileges.RevisedPrivilege;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The privilege pages: the program's catalogue by level (staff roles read it; the director adds
 * privileges and changes one on its own page, which shows its history), and one resident's
 * privileges, each allowed or not and why, with the form where a clinician grants or restricts
 * one and the list of grants and restrictions, each ended with a reason.
 */
@Controller
class PrivilegePages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final PrivilegeCatalogue catalogue;

	private final LevelPrivileges privileges;

	private final ResidentLevels levels;

	private final Census census;

	private final PrivilegeTexts texts;

	private final Clock clock;

	PrivilegePages(PrivilegeCatalogue catalogue, LevelPrivileges privileges, ResidentLevels levels, Census census,
			PrivilegeTexts texts, Clock clock) {
		this.catalogue = catalogue;
		this.privileges = privileges;
		this.levels = levels;
		this.census = census;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/levels/privileges")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String catalogue(@AuthenticationPrincipal MilieuUser user, Model model) {
		return catalogueView(user, model, null, new NewPrivilege(null, null, null, 2, null));
	}

	@PostMapping("/levels/privileges")
	@PreAuthorize("hasRole('ADMIN')")
	String add(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) String description,
			@RequestParam(required = false) Integer minLevel, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		NewPrivilege command = new NewPrivilege(code, name, description, minLevel, reason);
		try {
			Privilege added = catalogue.add(user, command);
			redirect.addFlashAttribute("notice", "privilege.catalogue.added");
			redirect.addFlashAttribute("noticeArgs", List.of(texts.name(added)));
			return "redirect:/levels/privileges";
		}
		catch (RuleViolation rule) {
			return catalogueView(user, model, rule, command);
		}
	}

	@GetMapping("/levels/privileges/{code}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String privilege(@AuthenticationPrincipal MilieuUser user, @PathVariable String code, Model model) {
		return privilegeView(user, code, model, null, null);
	}

	@PostMapping("/levels/privileges/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	String revise(@AuthenticationPrincipal MilieuUser user, @PathVariable String code, @RequestParam int version,
			@RequestParam(required = false) Integer minLevel, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) String name, @RequestParam(required = false) String description,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		RevisedPrivilege command = new RevisedPrivilege(minLevel, active, name, description, reason);
		try {
			Privilege revised = catalogue.revise(user, code, version, command);
			redirect.addFlashAttribute("notice", "privilege.catalogue.saved");
			redirect.addFlashAttribute("noticeArgs", List.of(texts.name(revised)));
			return "redirect:/levels/privileges/" + revised.code();
		}
		catch (RuleViolation rule) {
			return privilegeView(user, code, model, rule, command);
		}
		catch (VersionConflict stale) {
			model.addAttribute("stale", true);
			return privilegeView(user, code, model, null, null);
		}
	}

	@GetMapping("/residents/{id}/privileges")
	String resident(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		return residentView(user, id, model, null, null);
	}

	@PostMapping("/residents/{id}/privileges")
	String adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) String privilegeCode, @RequestParam(required = false) AdjustmentKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		ZoneId zone = privileges.zone(user.programId());
		AdjustmentForm form = new AdjustmentForm(privilegeCode, kind, from, until, reason);
		try {
			PrivilegeAdjustment made = privileges.adjust(user, id, new NewAdjustment(privilegeCode, kind,
					from == null ? null : from.atZone(zone).toInstant(), until == null ? null : until.atZone(zone).toInstant(),
					reason));
			redirect.addFlashAttribute("notice", made.kind() == AdjustmentKind.GRANT ? "privilege.adjustment.granted"
					: "privilege.adjustment.restricted");
			return "redirect:/residents/" + id + "/privileges";
		}
		catch (RuleViolation rule) {
			return residentView(user, id, model, rule, form);
		}
	}

	@PostMapping("/privilege-adjustments/{id}/end")
	String end(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam UUID residentId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			privileges.end(user, id, reason);
			redirect.addFlashAttribute("notice", "privilege.adjustment.ended");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
			redirect.addFlashAttribute("problemAdjustment", id);
		}
		return "redirect:/residents/" + residentId + "/privileges";
	}

	private String catalogueView(MilieuUser user, Model model, RuleViolation rule, NewPrivilege form) {
		Map<Integer, List<CatalogueLine>> byLevel = new LinkedHashMap<>();
		for (Level level : Level.values()) {
			byLevel.put(level.number(), new java.util.ArrayList<>());
		}
		List<CatalogueLine> inactive = new java.util.ArrayList<>();
		for (Privilege p : catalogue.list(user.programId())) {
			CatalogueLine line = CatalogueLine.of(p, texts);
			(p.active() ? byLevel.get(p.minLevel()) : inactive).add(line);
		}
		model.addAttribute("levels", Level.values());
		model.addAttribute("byLevel", byLevel);
		model.addAttribute("inactive", inactive);
		model.addAttribute("director", user.has(Role.ADMIN));
		model.addAttribute("form", form);
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		return "levels/privilege-catalogue";
	}

	private String privilegeView(MilieuUser user, String code, Model model, RuleViolation rule, RevisedPrivilege form) {
		Privilege privilege = catalogue.find(user.programId(), code).orElseThrow(() -> new RecordNotFound("Privilege", code));
		ZoneId zone = privileges.zone(user.programId());
		List<PrivilegeChange> history = catalogue.history(user.programId(), code);
		model.addAttribute("privilege", CatalogueLine.of(privilege, texts));
		model.addAttribute("history", history.stream()
			.map(c -> new ChangeLine(c, TIME.format(c.changedAt().atZone(zone)))).toList());
		model.addAttribute("levels", Level.values());
		model.addAttribute("director", user.has(Role.ADMIN));
		model.addAttribute("form", form != null ? form
				: new RevisedPrivilege(privilege.minLevel(), privilege.active(), privilege.name(), privilege.description(), null));
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		return "levels/privilege-detail";
	}

	private String residentView(MilieuUser user, UUID id, Model model, RuleViolation rule, AdjustmentForm form) {
		CensusEntry resident = census.read(user, id);
		ZoneId zone = privileges.zone(user.programId());
		Instant now = clock.instant();
		List<PrivilegeStatus> statuses = privileges.of(user, id);
		List<PrivilegeAdjustment> adjustments = privileges.adjustments(user, id);
		boolean mayAdjust = privileges.mayAdjust(user, id);
		Map<String, String> names = new LinkedHashMap<>();
		statuses.forEach(s -> names.put(s.privilege().code(), texts.name(s.privilege())));
		Optional<CurrentLevel> level = levels.currentOf(user.programId(), id);
		model.addAttribute("resident", resident);
		model.addAttribute("level", level.map(CurrentLevel::level).orElse(Level.SAFETY));
		model.addAttribute("statuses", statuses.stream()
			.map(s -> new StatusLine(s.privilege().code(), names.get(s.privilege().code()), s.privilege().minLevel(),
					s.allowed(), texts.reason(s.answer())))
			.toList());
		model.addAttribute("adjustments", adjustments.stream()
			.map(a -> AdjustmentLine.of(a, names.getOrDefault(a.privilegeCode(), a.privilegeCode()), now, zone)).toList());
		model.addAttribute("mayAdjust", mayAdjust);
		model.addAttribute("choices", statuses.stream().filter(s -> s.privilege().active())
			.map(s -> Map.entry(s.privilege().code(), names.get(s.privilege().code()))).toList());
		model.addAttribute("kinds", AdjustmentKind.values());
		model.addAttribute("form", form != null ? form : new AdjustmentForm(null, AdjustmentKind.RESTRICT, null, null, null));
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		return "levels/resident-privileges";
	}

	/** A privilege of the catalogue, its words in the reader's language. */
	record CatalogueLine(String code, String name, String description, int minLevel, boolean active, boolean custom,
			int version) {

		static CatalogueLine of(Privilege p, PrivilegeTexts texts) {
			return new CatalogueLine(p.code(), texts.name(p), texts.description(p), p.minLevel(), p.active(), p.custom(),
					p.version());
		}
	}

	/** A version of a privilege in its history, the time in the program's zone. */
	record ChangeLine(PrivilegeChange change, String changedAt) {
	}

	/** One privilege for the resident: allowed or not, and why. */
	record StatusLine(String code, String name, int minLevel, boolean allowed, String reason) {
	}

	/** A grant or restriction, its times in the program's zone. */
	record AdjustmentLine(PrivilegeAdjustment adjustment, String privilegeName, PrivilegeAdjustment.Status status,
			String from, String until, String endedAt) {

		static AdjustmentLine of(PrivilegeAdjustment a, String name, Instant now, ZoneId zone) {
			return new AdjustmentLine(a, name, a.status(now), TIME.format(a.from().atZone(zone)),
					a.until() == null ? null : TIME.format(a.until().atZone(zone)),
					a.endedAt() == null ? null : TIME.format(a.endedAt().atZone(zone)));
		}
	}

	/** What the clinician entered, shown again when it is refused. */
	record AdjustmentForm(String privilegeCode, AdjustmentKind kind, LocalDateTime from, LocalDateTime until,
			String reason) {
	}
}
