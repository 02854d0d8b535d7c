package org.milieu.plans.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.plans.ItemKind;
import org.milieu.plans.PlanAreas;
import org.milieu.plans.PlanTemplate;
import org.milieu.plans.PlanTemplates;
import org.milieu.plans.TemplateDraft;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The program's plan templates as pages: the list (the director and the clinicians read it) and the
 * director's form that writes or rewrites one (the problem, then rows of goals, objectives and
 * interventions; a blank row is left out). A refusal shows the form again with what was typed.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
class PlanTemplatePages {

	/** Blank rows offered under each kind's filled ones. */
	static final int BLANK_ROWS = 2;

	private final PlanTemplates templates;

	private final PlanAreas areas;

	PlanTemplatePages(PlanTemplates templates, PlanAreas areas) {
		this.templates = templates;
		this.areas = areas;
	}

	/** The program's problem areas a template may name, and the director's names of their own areas. */
	@org.springframework.web.bind.annotation.ModelAttribute
	void areas(@AuthenticationPrincipal MilieuUser user, Model model) {
		List<org.milieu.plans.PlanArea> all = areas.all(user.programId().value());
		model.addAttribute("areas", all.stream().filter(a -> !a.retired()).toList());
		java.util.Map<String, String> named = new java.util.HashMap<>();
		all.stream().filter(a -> a.name() != null).forEach(a -> named.put(a.code(), a.name()));
		model.addAttribute("areaNames", named);
	}

	@GetMapping("/plan-templates")
	String list(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("templates", templates.templates(user));
		model.addAttribute("director", user.has(Role.ADMIN));
		return "plans/template-list";
	}

	@GetMapping("/plan-templates/new")
	@PreAuthorize("hasRole('ADMIN')")
	String blank(Model model) {
		return form(new PlanTemplate(null, "", "", "", null, 0, false, List.of()), model);
	}

	@GetMapping("/plan-templates/{templateId}")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID templateId, Model model) {
		return form(templates.template(user, templateId), model);
	}

	@PostMapping("/plan-templates")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@AuthenticationPrincipal MilieuUser user, TemplateForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			templates.create(user, form.draft());
			redirect.addFlashAttribute("notice", "plan.template.saved");
			return "redirect:/plan-templates";
		}
		catch (RuleViolation refused) {
			return refused(form.shown(null, 0), refused, model, response);
		}
	}

	@PostMapping("/plan-templates/{templateId}")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID templateId, @RequestParam int revision,
			TemplateForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			templates.revise(user, templateId, revision, form.draft());
			redirect.addFlashAttribute("notice", "plan.template.saved");
			return "redirect:/plan-templates";
		}
		catch (RuleViolation refused) {
			return refused(form.shown(templateId, revision), refused, model, response);
		}
		catch (VersionConflict | StateConflict stale) {
			redirect.addFlashAttribute("problem", "plan.template.stale");
			return "redirect:/plan-templates";
		}
	}

	@PostMapping("/plan-templates/{templateId}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	String retire(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID templateId, @RequestParam int revision,
			RedirectAttributes redirect) {
		try {
			templates.retire(user, templateId, revision);
			redirect.addFlashAttribute("notice", "plan.template.retired");
		}
		catch (VersionConflict | StateConflict stale) {
			redirect.addFlashAttribute("problem", "plan.template.stale");
		}
		return "redirect:/plan-templates";
	}

	private String refused(PlanTemplate shown, RuleViolation refused, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", refused.code());
		model.addAttribute("problemArgs", List.of(refused.arguments()));
		model.addAttribute("problemField", refused.field());
		return form(shown, model);
	}

	private static String form(PlanTemplate template, Model model) {
		model.addAttribute("template", template);
		model.addAttribute("goals", rows(template.partsOf(ItemKind.GOAL), ItemKind.GOAL));
		model.addAttribute("objectives", rows(template.partsOf(ItemKind.OBJECTIVE), ItemKind.OBJECTIVE));
		model.addAttribute("interventions", rows(template.partsOf(ItemKind.INTERVENTION), ItemKind.INTERVENTION));
		return "plans/template-edit";
	}

	private static List<PlanTemplate.Part> rows(List<PlanTemplate.Part> filled, ItemKind kind) {
		List<PlanTemplate.Part> rows = new ArrayList<>(filled);
		for (int i = 0; i < BLANK_ROWS; i++) {
			rows.add(new PlanTemplate.Part(kind, "", "", null, "", ""));
		}
		return rows;
	}

	/** The form as posted: the problem, and parallel lists of each kind's rows. */
	record TemplateForm(String name, String area, String problemText, String clinicalText, List<String> goalText,
			List<String> objectiveText, List<String> objectiveMeasure, List<String> objectiveDays,
			List<String> interventionText, List<String> interventionWho, List<String> interventionOften) {

		TemplateDraft draft() {
			List<PlanTemplate.Part> parts = parts(true);
			return new TemplateDraft(name, area, problemText, clinicalText, parts);
		}

		PlanTemplate shown(UUID id, int revision) {
			return new PlanTemplate(id, name, area, problemText, clinicalText, revision, false, parts(false));
		}

		/** The filled rows in order (goals, objectives, interventions); a wrong number of days is refused when strict. */
		private List<PlanTemplate.Part> parts(boolean strict) {
			List<PlanTemplate.Part> parts = new ArrayList<>();
			for (int i = 0; i < size(goalText); i++) {
				if (filled(at(goalText, i))) {
					parts.add(new PlanTemplate.Part(ItemKind.GOAL, at(goalText, i), null, null, null, null));
				}
			}
			for (int i = 0; i < size(objectiveText); i++) {
				if (filled(at(objectiveText, i)) || filled(at(objectiveMeasure, i)) || filled(at(objectiveDays, i))) {
					parts.add(new PlanTemplate.Part(ItemKind.OBJECTIVE, at(objectiveText, i), at(objectiveMeasure, i),
							days(at(objectiveDays, i), strict, "parts[" + parts.size() + "].targetOffsetDays"), null, null));
				}
			}
			for (int i = 0; i < size(interventionText); i++) {
				if (filled(at(interventionText, i)) || filled(at(interventionWho, i)) || filled(at(interventionOften, i))) {
					parts.add(new PlanTemplate.Part(ItemKind.INTERVENTION, at(interventionText, i), null, null,
							at(interventionWho, i), at(interventionOften, i)));
				}
			}
			return parts;
		}

		private static Integer days(String value, boolean strict, String field) {
			if (!filled(value)) {
				return null;
			}
			try {
				return Integer.valueOf(value.strip());
			}
			catch (NumberFormatException notANumber) {
				if (strict) {
					throw new RuleViolation("plan.template.offset.range", field, 730);
				}
				return null;
			}
		}

		private static int size(List<String> values) {
			return values == null ? 0 : values.size();
		}

		private static String at(List<String> values, int i) {
			return values == null || i >= values.size() ? null : values.get(i);
		}

		private static boolean filled(String value) {
			return value != null && !value.isBlank();
		}
	}
}
