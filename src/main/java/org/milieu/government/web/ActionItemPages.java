package org.milieu.government.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.government.ActionItemStatus;
import org.milieu.government.ActionItems;
import org.milieu.government.FollowUpStatus;
import org.milieu.government.FollowUps;
import org.milieu.government.Meeting;
import org.milieu.government.Meetings;
import org.milieu.government.RecordActionItem;
import org.milieu.government.RecordFollowUp;
import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action items pages: staff see the program's items (open and overdue first) and the problems
 * awaiting follow-up; a resident sees their own items and the problems they raised. A meeting's
 * page loads its action items, and for staff the form to add one, from here (htmx).
 */
@Controller
class ActionItemPages {

	private final ActionItems actionItems;

	private final FollowUps followUps;

	private final Meetings meetings;

	private final Census census;

	private final Accounts accounts;

	private final Programs programs;

	private final java.time.Clock clock;

	ActionItemPages(ActionItems actionItems, FollowUps followUps, Meetings meetings, Census census, Accounts accounts,
			Programs programs, java.time.Clock clock) {
		this.clock = clock;
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.meetings = meetings;
		this.census = census;
		this.accounts = accounts;
		this.programs = programs;
	}

	@GetMapping("/action-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String list(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String status, Model model) {
		boolean staff = staff(user);
		common(user, model);
		if (staff) {
			ActionItemStatus filter = "done".equals(status) ? ActionItemStatus.DONE : ActionItemStatus.OPEN;
			model.addAttribute("filter", filter.name().toLowerCase(java.util.Locale.ROOT));
			LocalDate today = actionItems.today(user.programId());
			List<org.milieu.government.ActionItem> items = new ArrayList<>(actionItems.list(user, filter));
			// overdue first, then the rest by due date (the list comes ordered by due date)
			items.sort(java.util.Comparator.comparing(i -> !i.overdueOn(today)));
			model.addAttribute("items", items);
			model.addAttribute("problems", followUps.open(user));
			model.addAttribute("followUpStatuses", List.of(FollowUpStatus.IN_PROGRESS, FollowUpStatus.RESOLVED,
					FollowUpStatus.DECLINED, FollowUpStatus.RAISED));
		}
		else {
			model.addAttribute("items", actionItems.list(user, null));
			model.addAttribute("problems", followUps.raisedBy(user));
		}
		return "government/action-items";
	}

	/** A meeting's action items, and for staff the form to add one: the fragment the meeting page loads. */
	@GetMapping("/meetings/{id}/action-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String forMeeting(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		meetingFragment(user, id, model);
		return "government/follow-up-fragments :: meetingActionItems";
	}

	@PostMapping("/meetings/{id}/action-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String record(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(required = false) UUID agendaItemId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		String notice = null;
		RuleViolation problem = null;
		try {
			UUID ownerResident = null;
			String ownerStaff = null;
			if (owner != null && owner.startsWith("resident:")) {
				ownerResident = parse(owner.substring("resident:".length()));
			}
			else if (owner != null && owner.startsWith("staff:")) {
				ownerStaff = owner.substring("staff:".length());
			}
			actionItems.record(user, id, new RecordActionItem(agendaItemId, title, description, ownerResident, ownerStaff, dueOn));
			notice = "action.page.recorded";
		}
		catch (RuleViolation rule) {
			problem = rule;
		}
		if (htmx != null) {
			if (notice != null) {
				model.addAttribute("notice", notice);
			}
			else {
				problem(model, problem, "action-new");
			}
			meetingFragment(user, id, model);
			return "government/follow-up-fragments :: meetingActionItems";
		}
		if (notice != null) {
			redirect.addFlashAttribute("notice", notice);
		}
		else {
			redirect.addFlashAttribute("problem", problem.code());
			redirect.addFlashAttribute("problemArgs", List.of(problem.arguments()));
			redirect.addFlashAttribute("problemForm", "action-new");
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/action-items/{id}/done")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String done(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String status, RedirectAttributes redirect) {
		try {
			actionItems.markDone(user, id, note);
			redirect.addFlashAttribute("notice", "action.page.done");
		}
		catch (RuleViolation rule) {
			flash(redirect, rule, "done-" + id);
		}
		return "redirect:/action-items" + ("done".equals(status) ? "?status=done" : "");
	}

	@PostMapping("/agenda-items/{id}/follow-up")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String followUp(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) FollowUpStatus status, @RequestParam(required = false) String note,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		try {
			followUps.record(user, id, new RecordFollowUp(status, note, dueOn));
			redirect.addFlashAttribute("notice", "follow-up.page.recorded");
		}
		catch (RuleViolation rule) {
			flash(redirect, rule, "follow-up-" + id);
		}
		return "redirect:/action-items";
	}

	private void meetingFragment(MilieuUser user, UUID meetingId, Model model) {
		boolean staff = staff(user);
		model.addAttribute("staff", staff);
		model.addAttribute("meetingId", meetingId);
		model.addAttribute("meetingItems", actionItems.forMeeting(user, meetingId));
		model.addAttribute("today", actionItems.today(user.programId()));
		if (staff) {
			Meeting meeting = meetings.read(user, meetingId);
			List<Option> owners = new ArrayList<>();
			for (CensusEntry e : census.today(user, meeting.houseId())) {
				owners.add(new Option("resident:" + e.residentId(), e.displayName() + " (" + e.houseName() + ")"));
			}
			for (Account a : accounts.list(user.programId())) {
				if (a.enabled() && (a.roles().contains(Role.ADMIN) || a.roles().contains(Role.CLINICIAN)
						|| a.roles().contains(Role.STAFF))) {
					owners.add(new Option("staff:" + a.username(), a.displayName() + " (" + a.username() + ")"));
				}
			}
			model.addAttribute("owners", owners);
			model.addAttribute("agenda", meeting.agenda());
		}
	}

	private void common(MilieuUser user, Model model) {
		model.addAttribute("staff", staff(user));
		model.addAttribute("today", actionItems.today(user.programId()));
		model.addAttribute("zone", zone(user));
		model.addAttribute("now", clock.instant());
	}

	private static void problem(Model model, RuleViolation rule, String form) {
		model.addAttribute("problem", rule.code());
		model.addAttribute("problemArgs", List.of(rule.arguments()));
		model.addAttribute("problemForm", form);
	}

	private static void flash(RedirectAttributes redirect, RuleViolation rule, String form) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemForm", form);
	}

	private static UUID parse(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException notAnId) {
			throw new RuleViolation("action.owner.one", "owner");
		}
	}

	private static boolean staff(MilieuUser user) {
		return user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
	}

	private ZoneId zone(MilieuUser user) {
		return programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	/** A choice in a select: its value and what it shows. */
	record Option(String value, String label) {
	}
}
