package org.milieu.plans.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.facts.CriterionLink;
import org.milieu.levels.reviews.CriterionChoice;
import org.milieu.plans.ItemKind;
import org.milieu.plans.NewItem;
import org.milieu.plans.PlanArea;
import org.milieu.plans.PlanAreas;
import org.milieu.plans.PlanDraft;
import org.milieu.plans.PlanItem;
import org.milieu.plans.PlanStatus;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlan;
import org.milieu.plans.TreatmentPlans;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The plan pages: the clinician's page of a resident's plan (a version with every part and who
 * wrote it, the form that adds a part to a draft, a new version, the signatures with their check and
 * the way to sign), and the resident's own {@code /me/plan} (everything, a goal or comment in their
 * own words, the way to sign "I agree"). The rules are the service's; a refusal is shown as a message.
 */
@Controller
class PlanPages {

	private final TreatmentPlans plans;

	private final org.springframework.context.MessageSource messages;

	private final org.milieu.plans.PlanReviews reviews;

	private final org.milieu.plans.PlanTemplates templates;

	private final PlanAreas areas;

	PlanPages(TreatmentPlans plans, org.springframework.context.MessageSource messages, org.milieu.plans.PlanReviews reviews,
			org.milieu.plans.PlanTemplates templates, PlanAreas areas) {
		this.plans = plans;
		this.messages = messages;
		this.reviews = reviews;
		this.templates = templates;
		this.areas = areas;
	}

	@GetMapping("/residents/{id}/plan")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
	String plan(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Integer version, Model model) {
		if (id.equals(user.residentId())) {
			return "redirect:/me/plan" + (version == null ? "" : "?version=" + version);
		}
		show(user, id, version, model);
		boolean mayDraft = plans.mayDraft(user, id);
		model.addAttribute("mayDraft", mayDraft);
		model.addAttribute("own", false);
		if (mayDraft && Boolean.TRUE.equals(model.getAttribute("editable"))) {
			model.addAttribute("templates", templates.templates(user));
		}
		return "plans/plan";
	}

	@GetMapping("/me/plan")
	@PreAuthorize("hasRole('RESIDENT')")
	String myPlan(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) Integer version, Model model) {
		show(user, user.residentId(), version, model);
		model.addAttribute("mayDraft", false);
		model.addAttribute("own", true);
		return "plans/plan";
	}

	@PostMapping("/residents/{id}/plan/versions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String start(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			RedirectAttributes redirect) {
		try {
			PlanVersion started = plans.startVersion(user, id, startsOn);
			redirect.addFlashAttribute("notice", "plan.page.started");
			return "redirect:/residents/" + id + "/plan?version=" + started.number();
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
			return "redirect:/residents/" + id + "/plan";
		}
	}

	/** Adds one part to a draft: the draft's team parts as they are, and the new one. */
	@PostMapping("/residents/{id}/plan/versions/{number}/items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String addItem(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable int number,
			@RequestParam int revision, @RequestParam(required = false) ItemKind kind,
			@RequestParam(required = false) String area, @RequestParam(required = false) String text,
			@RequestParam(required = false) String clinicalText, @RequestParam(required = false) String measure,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
			@RequestParam(required = false) String responsible, @RequestParam(required = false) String frequency,
			@RequestParam(required = false) String criterion, RedirectAttributes redirect) {
		try {
			PlanVersion draft = plans.version(user, id, number);
			List<NewItem> items = new ArrayList<>();
			for (PlanItem i : draft.items()) {
				if (!i.residentsWords()) {
					items.add(new NewItem(i.id(), i.kind(), i.area(), i.text(), i.clinicalText(), i.measure(),
							i.targetDate(), i.responsible(), i.frequency(), i.criterion()));
				}
			}
			items.add(new NewItem(null, kind, kind == ItemKind.PROBLEM ? area : null, text,
					kind == ItemKind.PROBLEM ? clinicalText : null, kind == ItemKind.OBJECTIVE ? measure : null,
					kind == ItemKind.OBJECTIVE ? targetDate : null, kind == ItemKind.INTERVENTION ? responsible : null,
					kind == ItemKind.INTERVENTION ? frequency : null,
					kind == ItemKind.OBJECTIVE && criterion != null && !criterion.isBlank() ? CriterionLink.parse(criterion) : null));
			plans.revise(user, id, number, revision, new PlanDraft(draft.startsOn(), items));
			redirect.addFlashAttribute("notice", "plan.page.added");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.page.stale");
		}
		return "redirect:/residents/" + id + "/plan?version=" + number;
	}

	/** Adds a template's parts to a draft; each shows that it came from the template until it is rewritten. */
	@PostMapping("/residents/{id}/plan/versions/{number}/template-applications")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String applyTemplate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable int number,
			@RequestParam int revision, @RequestParam(required = false) UUID templateId, RedirectAttributes redirect) {
		try {
			templates.apply(user, id, number, templateId, revision);
			redirect.addFlashAttribute("notice", "plan.template.applied");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.page.stale");
		}
		return "redirect:/residents/" + id + "/plan?version=" + number;
	}

	/** Rewrites the words of one of the team's parts of a draft (the other parts as they are). */
	@PostMapping("/residents/{id}/plan/versions/{number}/items/{itemId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String reviseItem(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable int number,
			@PathVariable UUID itemId, @RequestParam int revision, @RequestParam(required = false) String text,
			@RequestParam(required = false) String clinicalText, RedirectAttributes redirect) {
		try {
			PlanVersion draft = plans.version(user, id, number);
			List<NewItem> items = new ArrayList<>();
			for (PlanItem i : draft.items()) {
				if (i.residentsWords()) {
					continue;
				}
				boolean edited = i.id().equals(itemId);
				items.add(new NewItem(i.id(), i.kind(), i.area(), edited ? text : i.text(),
						edited && i.kind() == ItemKind.PROBLEM ? clinicalText : i.clinicalText(), i.measure(),
						i.targetDate(), i.responsible(), i.frequency()));
			}
			plans.revise(user, id, number, revision, new PlanDraft(draft.startsOn(), items));
			redirect.addFlashAttribute("notice", "plan.page.partSaved");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "plan.page.stale");
		}
		return "redirect:/residents/" + id + "/plan?version=" + number;
	}

	@PostMapping("/me/plan/versions/{number}/own-words")
	@PreAuthorize("hasRole('RESIDENT')")
	String addOwnWords(@AuthenticationPrincipal MilieuUser user, @PathVariable int number,
			@RequestParam(required = false) ItemKind kind, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		try {
			plans.addOwnWords(user, user.residentId(), number, kind, text);
			redirect.addFlashAttribute("notice", "plan.page.ownWordsAdded");
		}
		catch (RuleViolation | StateConflict refused) {
			PlanProblems.flash(redirect, refused);
		}
		return "redirect:/me/plan?version=" + number;
	}

	private void show(MilieuUser user, UUID residentId, Integer number, Model model) {
		model.addAttribute("residentId", residentId);
		List<PlanArea> programAreas = areas.all(user.programId().value());
		model.addAttribute("areas", programAreas.stream().filter(a -> !a.retired()).toList());
		java.util.Map<String, String> named = new java.util.HashMap<>();
		programAreas.stream().filter(a -> a.name() != null).forEach(a -> named.put(a.code(), a.name()));
		model.addAttribute("areaNames", named);
		model.addAttribute("kinds", ItemKind.values());
		Optional<TreatmentPlan> plan = plans.find(user, residentId);
		model.addAttribute("plan", plan.orElse(null));
		if (plan.isEmpty()) {
			return;
		}
		int shown = number != null && plan.get().versions().stream().anyMatch(v -> v.number() == number) ? number
				: plan.get().current();
		PlanVersion version = plans.version(user, residentId, shown);
		model.addAttribute("version", version);
		model.addAttribute("verifications", plans.signaturesOf(user, residentId, shown));
		model.addAttribute("editable", version.status() == PlanStatus.DRAFT && !version.locked());
		model.addAttribute("latest", plan.get().versions().get(0).number() == shown);
		model.addAttribute("signable", version.status() == PlanStatus.DRAFT || version.status() == PlanStatus.IN_FORCE);
		model.addAttribute("groups", List.of(ItemKind.values()));
		model.addAttribute("reviews", reviews.reviews(user, residentId, org.milieu.shared.PageRequest.first()).items());
		model.addAttribute("reviewReasons", org.milieu.plans.ReviewReason.values());
		model.addAttribute("inForce", plan.get().versions().stream().anyMatch(v -> v.status() == PlanStatus.IN_FORCE));
		boolean editable = version.status() == PlanStatus.DRAFT && !version.locked();
		boolean linked = version.items().stream().anyMatch(i -> i.criterion() != null);
		List<CriterionOption> options = List.of();
		if (linked || (editable && plans.mayDraft(user, residentId))) {
			Locale locale = LocaleContextHolder.getLocale();
			options = plans.criteriaAhead(user, residentId).stream().map(c -> CriterionOption.of(c, messages, locale)).toList();
		}
		model.addAttribute("criterionGroups", options.stream().collect(java.util.stream.Collectors.groupingBy(
				CriterionOption::level, java.util.TreeMap::new, java.util.stream.Collectors.toList())));
		java.util.Map<String, String> labels = new java.util.HashMap<>();
		options.forEach(o -> labels.put(o.value(), o.sentence()));
		model.addAttribute("criterionLabels", labels);
	}

	/**
	 * A level criterion an objective may be linked to, for the draft form's select and the parts'
	 * lines: its select value, level, the sentence in the reader's language, and the option's text
	 * (saying where it is adapted or waived for the resident).
	 */
	record CriterionOption(String value, int level, String sentence, String label) {

		static CriterionOption of(CriterionChoice c, org.springframework.context.MessageSource messages, Locale locale) {
			String sentence = messages.getMessage(c.description(), locale);
			String label = c.adjusted() == null ? sentence
					: messages.getMessage("plan.page.criterion" + (c.adjusted().name().equals("WAIVE") ? "Waived" : "Adapted"),
							new Object[] { sentence }, locale);
			return new CriterionOption(c.link().value(), c.level(), sentence, label);
		}
	}
}
