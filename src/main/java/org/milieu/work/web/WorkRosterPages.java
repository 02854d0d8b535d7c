package org.milieu.work.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RuleViolation;
import org.milieu.work.Assignment;
import org.milieu.work.Job;
import org.milieu.work.JobClassification;
import org.milieu.work.JobPreference;
import org.milieu.work.JobPreferences;
import org.milieu.work.JobTerms;
import org.milieu.work.Jobs;
import org.milieu.work.RateUnit;
import org.milieu.work.Roster;
import org.milieu.work.Rosters;
import org.milieu.work.SwapRequest;
import org.milieu.work.SwapRequests;
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
 * The work pages: the job catalogue (staff roles read it; the director adds and edits jobs and
 * their rates), the staff roster board of a week (propose, adjust, publish, decide swap
 * requests) and a resident's own work (this week's jobs with days and times, their ranked
 * preferences, and swap requests). The services decide and refuse; a refusal is shown on the
 * page with the field marked.
 */
@Controller
class WorkRosterPages {

	private final Jobs jobs;

	private final Rosters rosters;

	private final JobPreferences preferences;

	private final SwapRequests swaps;

	private final Census census;

	private final LevelPrivileges privileges;

	private final Clock clock;

	private final org.milieu.work.Completions completions;

	WorkRosterPages(Jobs jobs, Rosters rosters, JobPreferences preferences, SwapRequests swaps, Census census,
			LevelPrivileges privileges, Clock clock, org.milieu.work.Completions completions) {
		this.completions = completions;
		this.jobs = jobs;
		this.rosters = rosters;
		this.preferences = preferences;
		this.swaps = swaps;
		this.census = census;
		this.privileges = privileges;
		this.clock = clock;
	}

	// --- the catalogue ---

	@GetMapping("/work/jobs")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String catalogue(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID edit, Model model) {
		JobForm form = edit == null ? JobForm.empty() : jobs.find(user.programId(), edit).map(JobForm::of).orElse(JobForm.empty());
		return catalogueView(user, model, form, null);
	}

	@PostMapping("/work/jobs")
	@PreAuthorize("hasRole('ADMIN')")
	String save(@AuthenticationPrincipal MilieuUser user, JobForm form, Model model, RedirectAttributes redirect) {
		try {
			Job saved = form.id() == null ? jobs.create(user, form.terms()) : jobs.update(user, form.id(), form.version(),
					form.terms());
			redirect.addFlashAttribute("notice", form.id() == null ? "job.page.added" : "job.page.saved");
			redirect.addFlashAttribute("noticeArgs", List.of(saved.name()));
			return "redirect:/work/jobs";
		}
		catch (RuleViolation rule) {
			return catalogueView(user, model, form, rule);
		}
	}

	private String catalogueView(MilieuUser user, Model model, JobForm form, RuleViolation rule) {
		model.addAttribute("jobs", jobs.list(user.programId()));
		model.addAttribute("director", user.has(Role.ADMIN));
		model.addAttribute("form", form);
		model.addAttribute("units", RateUnit.values());
		model.addAttribute("classifications", JobClassification.values());
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		return "work/job-catalogue";
	}

	// --- the roster board ---

	@GetMapping("/work/roster")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String board(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
		return boardView(user, week == null ? Rosters.weekOf(today(user)) : Rosters.weekOf(week), model, null);
	}

	@PostMapping("/work/roster")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	String propose(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model,
			RedirectAttributes redirect) {
		try {
			Roster roster = rosters.propose(user, week);
			redirect.addFlashAttribute("notice", "roster.page.proposed");
			return "redirect:/work/roster?week=" + roster.weekStart();
		}
		catch (RuleViolation rule) {
			return boardView(user, week == null ? Rosters.weekOf(today(user)) : Rosters.weekOf(week), model, rule);
		}
	}

	@PostMapping("/work/roster/{id}/publish")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	String publish(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam LocalDate week,
			RedirectAttributes redirect) {
		try {
			rosters.publish(user, id);
			redirect.addFlashAttribute("notice", "roster.page.published");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/roster?week=" + week;
	}

	@PostMapping("/work/roster/assignments/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	String adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) UUID jobId,
			@RequestParam LocalDate week, RedirectAttributes redirect) {
		try {
			rosters.adjust(user, id, null, jobId);
			redirect.addFlashAttribute("notice", "roster.page.adjusted");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/roster?week=" + week;
	}

	@PostMapping("/work/swap-requests/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	String decide(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam boolean approve,
			@RequestParam(required = false) String note, @RequestParam LocalDate week, RedirectAttributes redirect) {
		try {
			swaps.decide(user, id, approve, note);
			redirect.addFlashAttribute("notice", approve ? "roster.page.swapApproved" : "roster.page.swapDeclined");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/roster?week=" + week;
	}

	private String boardView(MilieuUser user, LocalDate week, Model model, RuleViolation rule) {
		Optional<Roster> roster = rosters.week(user, week);
		Map<UUID, String> names = census.today(user.programId()).stream()
			.collect(Collectors.toMap(CensusEntry::residentId, CensusEntry::displayName, (a, b) -> a));
		Map<UUID, String> houses = census.today(user.programId()).stream()
			.collect(Collectors.toMap(CensusEntry::residentId, CensusEntry::houseName, (a, b) -> a));
		List<Job> active = jobs.active(user.programId());
		model.addAttribute("week", week);
		model.addAttribute("previous", week.minusWeeks(1));
		model.addAttribute("next", week.plusWeeks(1));
		model.addAttribute("roster", roster.orElse(null));
		model.addAttribute("lines", roster.map(r -> r.assignments().stream()
			.map(a -> new BoardLine(a, names.getOrDefault(a.residentId(), "?"), houses.getOrDefault(a.residentId(), "")))
			.toList()).orElse(List.of()));
		model.addAttribute("jobs", active);
		model.addAttribute("writer", user.has(Role.ADMIN) || user.has(Role.STAFF));
		List<SwapLine> waiting = new ArrayList<>();
		if (user.has(Role.ADMIN) || user.has(Role.STAFF)) {
			for (SwapRequest s : swaps.waiting(user)) {
				Assignment from = rosters.assignment(user.programId(), s.assignmentId());
				Assignment to = rosters.assignment(user.programId(), s.withAssignmentId());
				waiting.add(new SwapLine(s, names.getOrDefault(from.residentId(), "?"), from.jobName(),
						names.getOrDefault(to.residentId(), "?"), to.jobName()));
			}
		}
		model.addAttribute("swaps", waiting);
		model.addAttribute("error", rule);
		return "work/roster-board";
	}

	// --- a resident's own work ---

	@GetMapping("/me/work")
	@PreAuthorize("hasRole('RESIDENT')")
	String mine(@AuthenticationPrincipal MilieuUser user, Model model) {
		return mineView(user, model, null);
	}

	@PostMapping("/me/work/preferences")
	@PreAuthorize("hasRole('RESIDENT')")
	String rank(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID first,
			@RequestParam(required = false) UUID second, @RequestParam(required = false) UUID third, Model model,
			RedirectAttributes redirect) {
		List<UUID> ranked = Arrays.asList(first, second, third).stream().filter(java.util.Objects::nonNull).toList();
		try {
			preferences.replace(user, user.residentId(), ranked);
			redirect.addFlashAttribute("notice", "roster.page.preferencesSaved");
			return "redirect:/me/work";
		}
		catch (RuleViolation rule) {
			return mineView(user, model, rule);
		}
	}

	@PostMapping("/me/work/swap")
	@PreAuthorize("hasRole('RESIDENT')")
	String requestSwap(@AuthenticationPrincipal MilieuUser user, @RequestParam UUID assignmentId,
			@RequestParam(required = false) UUID withAssignmentId, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			swaps.request(user, assignmentId, withAssignmentId, reason);
			redirect.addFlashAttribute("notice", "roster.page.swapRequested");
			return "redirect:/me/work";
		}
		catch (RuleViolation rule) {
			return mineView(user, model, rule);
		}
	}

	private String mineView(MilieuUser user, Model model, RuleViolation rule) {
		LocalDate thisWeek = Rosters.weekOf(today(user));
		List<Assignment> published = rosters.publishedFor(user, user.residentId());
		List<Assignment> current = published.stream().filter(a -> !a.weekStart().isBefore(thisWeek)).toList();
		List<JobPreference> ranked = preferences.of(user, user.residentId());
		Map<UUID, Job> catalogue = jobs.active(user.programId()).stream().collect(Collectors.toMap(Job::id, Function.identity()));
		List<SwapOption> options = new ArrayList<>();
		for (Assignment mine : current) {
			options.addAll(rosters.housemates(user.programId(), mine).stream()
				.map(a -> new SwapOption(a.id(), a.jobName(), a.dates())).toList());
		}
		model.addAttribute("current", current.stream().map(a -> new MyJob(a, catalogue.get(a.jobId()))).toList());
		model.addAttribute("earlier", published.stream().filter(a -> a.weekStart().isBefore(thisWeek)).limit(4).toList());
		model.addAttribute("ranked", ranked);
		model.addAttribute("first", ranked.size() > 0 ? ranked.get(0).job().id() : null);
		model.addAttribute("second", ranked.size() > 1 ? ranked.get(1).job().id() : null);
		model.addAttribute("third", ranked.size() > 2 ? ranked.get(2).job().id() : null);
		model.addAttribute("jobs", catalogue.values().stream().sorted(java.util.Comparator.comparing(Job::name)).toList());
		model.addAttribute("options", options);
		model.addAttribute("requests", swaps.of(user.programId(), user.residentId()));
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		model.addAttribute("coordinates", completions.coordinates(user));
		return "work/my-work";
	}

	private LocalDate today(MilieuUser user) {
		ZoneId zone = privileges.zone(user.programId());
		return LocalDate.now(clock.withZone(zone));
	}

	private static void problem(RedirectAttributes redirect, RuleViolation rule) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
	}

	/** The catalogue form's fields, bound from the request. */
	record JobForm(UUID id, Integer version, UUID houseId, String name, String description, String skills, Integer minLevel,
			Boolean senior, Integer crewSize, List<Integer> days, LocalTime startsAt, Integer expectedMinutes, Long rateCents,
			RateUnit rateUnit, String currency, String supervisor, JobClassification classification, String beneficiary,
			Boolean active) {

		static JobForm empty() {
			return new JobForm(null, null, null, null, null, null, 1, false, 1, List.of(), LocalTime.of(9, 0), 60, null,
					RateUnit.PER_COMPLETION, "USD", null, JobClassification.THERAPEUTIC_CHORE, null, true);
		}

		static JobForm of(Job j) {
			return new JobForm(j.id(), j.version(), j.houseId(), j.name(), j.description(), String.join(", ", j.skills()),
					j.minLevel(), j.senior(), j.crewSize(), j.days(), j.startsAt(), j.expectedMinutes(), j.rateCents(),
					j.rateUnit(), j.currency(), j.supervisor(), j.classification(), j.beneficiary(), j.active());
		}

		JobTerms terms() {
			List<String> skillList = skills == null ? List.of() : Arrays.stream(skills.split(",")).map(String::trim)
				.filter(s -> !s.isEmpty()).toList();
			return new JobTerms(houseId, name, description, skillList, minLevel, Boolean.TRUE.equals(senior), crewSize,
					days, startsAt, expectedMinutes, rateCents, rateUnit, currency, supervisor, classification, beneficiary,
					Boolean.TRUE.equals(active));
		}
	}

	record BoardLine(Assignment assignment, String residentName, String houseName) {
	}

	record SwapLine(SwapRequest request, String fromName, String fromJob, String toName, String toJob) {
	}

	record SwapOption(UUID assignmentId, String jobName, List<LocalDate> dates) {
	}

	record MyJob(Assignment assignment, Job job) {
	}
}
