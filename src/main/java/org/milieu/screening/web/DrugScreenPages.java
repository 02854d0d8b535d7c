package org.milieu.screening.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.CensusEntry;
import org.milieu.screening.DrugScreens;
import org.milieu.screening.NewDrugScreen;
import org.milieu.screening.Panel;
import org.milieu.screening.ScreenFollowUps;
import org.milieu.screening.Specimen;
import org.milieu.screening.Substance;
import org.milieu.screening.SubstanceResult;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drug screens as pages: a resident's screens with their trend, the form staff record a screen
 * with (on a tablet, at collection), and a clinician's list of follow-ups.
 */
@Controller
class DrugScreenPages {

	private final DrugScreens screens;

	private final ScreenFollowUps followUps;

	private final Programs programs;

	private final Clock clock;

	DrugScreenPages(DrugScreens screens, ScreenFollowUps followUps, Programs programs, Clock clock) {
		this.screens = screens;
		this.followUps = followUps;
		this.programs = programs;
		this.clock = clock;
	}

	@GetMapping("/residents/{id}/drug-screens")
	String history(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("history", screens.history(user, id));
		model.addAttribute("zone", zone(user));
		model.addAttribute("outcomes", org.milieu.screening.Outcome.values());
		return "screening/screen-list";
	}

	@GetMapping("/residents/{id}/drug-screens/new")
	String form(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(name = "panel", required = false) String panel, Model model) {
		CensusEntry resident = screens.residentToScreen(user, id);
		ScreenForm form = new ScreenForm();
		form.setPanel(panelOr(panel, Panel.TEN_PANEL).name());
		form.setSpecimen(Specimen.URINE.name());
		form.setCollectedAt(LocalDateTime.now(clock.withZone(zone(user))).truncatedTo(ChronoUnit.MINUTES).toString());
		form.setCollectedBy(user.displayName());
		model.addAttribute("form", form);
		return formView(resident, form, model);
	}

	@PostMapping("/residents/{id}/drug-screens")
	String record(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @ModelAttribute("form") ScreenForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		CensusEntry resident = screens.residentToScreen(user, id);
		Panel panel = panelOr(form.getPanel(), null);
		Specimen specimen = null;
		try {
			specimen = Specimen.valueOf(String.valueOf(form.getSpecimen()));
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("specimen", "screening.form.specimen.choose");
		}
		LocalDateTime collected = null;
		try {
			collected = LocalDateTime.parse(String.valueOf(form.getCollectedAt()).trim());
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue("collectedAt", "screening.form.collectedAt.invalid");
		}
		if (form.getObserved() == null) {
			errors.rejectValue("observed", "screening.form.observed.choose");
		}
		if (panel == null) {
			errors.rejectValue("panel", "screening.form.panel.choose");
		}
		List<SubstanceResult> results = new ArrayList<>();
		if (!form.isRefused() && panel != null) {
			for (Substance substance : panel.substances()) {
				String value = form.getResults().get(substance.name());
				if (value == null || value.isBlank()) {
					if (panel != Panel.CUSTOM) {
						errors.rejectValue("results", "screening.form.results.each");
						results = null;
						break;
					}
					continue;
				}
				try {
					results.add(new SubstanceResult(substance, SubstanceResult.Result.valueOf(value)));
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("results", "screening.form.results.each");
					results = null;
					break;
				}
			}
		}
		if (errors.hasErrors()) {
			return formView(resident, form, model);
		}
		try {
			screens.record(user, id, new NewDrugScreen(collected.atZone(zone(user)).toInstant(), specimen, panel,
					form.getObserved(), form.getChainOfCustodyId(), form.getCollectedBy(), form.isRefused(), results,
					form.getNote()));
		}
		catch (RuleViolation rule) {
			errors.rejectValue(rule.field() == null ? "note" : rule.field(), rule.code(), rule.arguments(), rule.code());
			return formView(resident, form, model);
		}
		redirect.addFlashAttribute("notice", "screening.recorded");
		return "redirect:/residents/" + id + "/drug-screens";
	}

	@GetMapping("/drug-screens/follow-ups")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String followUps(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("followUps", followUps.openFor(user));
		model.addAttribute("zone", zone(user));
		return "screening/follow-up-list";
	}

	@PostMapping("/drug-screens/follow-ups/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(name = "note", required = false) String note, Model model, RedirectAttributes redirect) {
		try {
			followUps.close(user, id, note);
		}
		catch (RuleViolation rule) {
			model.addAttribute("closeError", rule.code());
			model.addAttribute("closeErrorId", id);
			return followUps(user, model);
		}
		redirect.addFlashAttribute("notice", "screening.followUp.done");
		return "redirect:/drug-screens/follow-ups";
	}

	private String formView(CensusEntry resident, ScreenForm form, Model model) {
		Panel panel = panelOr(form.getPanel(), Panel.TEN_PANEL);
		model.addAttribute("resident", resident);
		model.addAttribute("panels", Panel.values());
		model.addAttribute("specimens", Specimen.values());
		model.addAttribute("substances", panel.substances());
		model.addAttribute("custom", panel == Panel.CUSTOM);
		model.addAttribute("readings", SubstanceResult.Result.values());
		return "screening/screen-form";
	}

	private ZoneId zone(MilieuUser user) {
		return programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	private static Panel panelOr(String name, Panel fallback) {
		try {
			return name == null ? fallback : Panel.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/** The recording form's fields as typed; results map a substance's name to its reading. */
	static class ScreenForm {

		private String collectedAt;

		private String specimen;

		private String panel;

		private Boolean observed;

		private String chainOfCustodyId;

		private String collectedBy;

		private boolean refused;

		private Map<String, String> results = new LinkedHashMap<>();

		private String note;

		public String getCollectedAt() { return collectedAt; }
		public void setCollectedAt(String v) { collectedAt = v; }
		public String getSpecimen() { return specimen; }
		public void setSpecimen(String v) { specimen = v; }
		public String getPanel() { return panel; }
		public void setPanel(String v) { panel = v; }
		public Boolean getObserved() { return observed; }
		public void setObserved(Boolean v) { observed = v; }
		public String getChainOfCustodyId() { return chainOfCustodyId; }
		public void setChainOfCustodyId(String v) { chainOfCustodyId = v; }
		public String getCollectedBy() { return collectedBy; }
		public void setCollectedBy(String v) { collectedBy = v; }
		public boolean isRefused() { return refused; }
		public void setRefused(boolean v) { refused = v; }
		public Map<String, String> getResults() { return results; }
		public void setResults(Map<String, String> v) { results = v; }
		public String getNote() { return note; }
		public void setNote(String v) { note = v; }
	}
}
