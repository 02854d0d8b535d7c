package org.milieu.government.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.government.AgendaItem;
import org.milieu.government.GovernmentSettings;
import org.milieu.government.Meeting;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.MeetingClosed;
import org.milieu.government.MeetingLifecycle;
import org.milieu.government.Meetings;
import org.milieu.government.Officers;
import org.milieu.government.Settings;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
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

/**
 * The chair's meeting view for a tablet or projector (attendance and quorum, opening and closing,
 * the current item and the secretary's notes, the agenda to take next), moving items up and down
 * the agenda, and the director's government settings page. Staff for now; the services decide who
 * may run a meeting.
 */
@Controller
class MeetingRunPages {

	/** The prefix of a roll-call field: {@code place-<residentId>} is PRESENT, EXCUSED or ABSENT. */
	private static final String PLACE = "place-";

	private final Meetings meetings;

	private final MeetingAttendance attendance;

	private final MeetingLifecycle lifecycle;

	private final GovernmentSettings settings;

	private final Houses houses;

	private final Programs programs;

	private final MotionBlock motionBlock;

	private final Officers officers;

	MeetingRunPages(Meetings meetings, MeetingAttendance attendance, MeetingLifecycle lifecycle,
			GovernmentSettings settings, Houses houses, Programs programs, MotionBlock motionBlock,
			Officers officers) {
		this.motionBlock = motionBlock;
		this.officers = officers;
		this.meetings = meetings;
		this.attendance = attendance;
		this.lifecycle = lifecycle;
		this.settings = settings;
		this.houses = houses;
		this.programs = programs;
	}

	@GetMapping("/meetings/{id}/run")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String run(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		Meeting meeting = meetings.read(user, id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("current", meeting.agenda().stream().filter(i -> i.id().equals(meeting.currentItemId()))
			.findFirst().orElse(null));
		model.addAttribute("present", attendance.shown(user, id));
		model.addAttribute("excused", attendance.shownExcused(user, id));
		model.addAttribute("quorum", attendance.quorum(user.programId(), id));
		// the secretary keeps the notes here too; the roll call is the chair's (or staff's), and anyone else is refused
		boolean secretaryOnly = !officers.mayChair(user, meeting.houseId()) && officers.mayKeepRecord(user, meeting.houseId());
		model.addAttribute("members", secretaryOnly ? List.of() : attendance.roll(user, id));
		motionBlock.addTo(model, user, id, meeting.houseId());
		model.addAttribute("house", houseName(user, meeting.houseId()));
		model.addAttribute("zone", zone(user));
		return "government/run";
	}

	/**
	 * The roll call shows the members this person may see ({@code shown}), each present, excused or
	 * not here ({@code place-<residentId>}); those it does not show keep their place, so a roll call
	 * limited by the access policy drops nobody. A checked {@code present} box (the form before the
	 * roll call had places) still counts as present. A place that is none of the three, or that names
	 * no resident, is refused naming {@code present} and changes nothing.
	 */
	@PostMapping("/meetings/{id}/run/attendance")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String attendance(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(name = "present", required = false) List<UUID> checked,
			@RequestParam(name = "shown", required = false) List<UUID> shown,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Set<UUID> present = new LinkedHashSet<>(attendance.present(id));
		Set<UUID> excused = new LinkedHashSet<>(attendance.excused(id));
		if (shown != null) {
			shown.forEach(present::remove);
			shown.forEach(excused::remove);
		}
		if (checked != null) {
			present.addAll(checked);
		}
		for (Map.Entry<String, String> field : form.entrySet()) {
			if (!field.getKey().startsWith(PLACE)) {
				continue;
			}
			UUID resident = resident(field.getKey().substring(PLACE.length()));
			String place = field.getValue() == null ? "" : field.getValue().strip();
			if (resident == null || !List.of("PRESENT", "EXCUSED", "ABSENT").contains(place)) {
				problem(redirect, new RuleViolation("meeting.attendance.place", "present"));
				return "redirect:/meetings/" + id + "/run";
			}
			present.remove(resident);
			excused.remove(resident);
			if (place.equals("PRESENT")) {
				present.add(resident);
			}
			else if (place.equals("EXCUSED")) {
				excused.add(resident);
			}
		}
		return act(id, redirect, "meeting.run.attendanceSaved",
				() -> attendance.record(user, id, new ArrayList<>(present), new ArrayList<>(excused)));
	}

	private static UUID resident(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	@PostMapping("/meetings/{id}/run/open")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String open(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "meeting.run.opened", () -> lifecycle.open(user, id));
	}

	@PostMapping("/meetings/{id}/run/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			MeetingClosed closed = lifecycle.close(user, id);
			redirect.addFlashAttribute("notice", closed.carried().isEmpty() ? "meeting.run.closed" : "meeting.run.closedCarried");
			redirect.addFlashAttribute("noticeArgs", List.of(closed.carried().size()));
			redirect.addFlashAttribute("nextMeetingId", closed.nextMeetingId());
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/meetings/" + id + "/run";
	}

	@PostMapping("/meetings/{id}/run/current-item")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String currentItem(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) UUID itemId, RedirectAttributes redirect) {
		return act(id, redirect, "meeting.run.taken", () -> lifecycle.takeItem(user, id, itemId));
	}

	@PostMapping("/meetings/{id}/run/notes")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String notes(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam UUID itemId,
			@RequestParam(required = false) String notes, @RequestParam(defaultValue = "false") boolean discussed,
			RedirectAttributes redirect) {
		return act(id, redirect, "meeting.run.notesSaved", () -> lifecycle.writeNotes(user, itemId, notes, discussed));
	}

	/** Moves one item a place up or down the agenda, from the meeting page or the chair's view. */
	@PostMapping("/meetings/{id}/agenda-order/move")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam UUID itemId,
			@RequestParam String direction, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		String target = "run".equals(back) ? "redirect:/meetings/" + id + "/run" : "redirect:/meetings/" + id;
		List<UUID> order = new ArrayList<>(meetings.read(user, id).agenda().stream().map(AgendaItem::id).toList());
		int at = order.indexOf(itemId);
		int to = "up".equals(direction) ? at - 1 : at + 1;
		if (at >= 0 && to >= 0 && to < order.size()) {
			order.add(to, order.remove(at));
			try {
				meetings.reorder(user, id, order);
				redirect.addFlashAttribute("notice", "meeting.run.moved");
			}
			catch (RuleViolation rule) {
				problem(redirect, rule);
			}
		}
		return target;
	}

	@GetMapping("/meetings/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String settings(@AuthenticationPrincipal MilieuUser user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", settings.of(user.programId()));
		}
		model.addAttribute("days", List.of(DayOfWeek.values()));
		return "government/settings";
	}

	@PostMapping("/meetings/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String saveSettings(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) DayOfWeek meetingDay,
			@RequestParam(required = false) String meetingTime, @RequestParam(required = false) Integer quorumPercent,
			@RequestParam(required = false) Integer officerTermWeeks, @RequestParam(required = false) Integer officerTermLimit,
			RedirectAttributes redirect) {
		try {
			LocalTime time = parseTime(meetingTime);
			settings.update(user, new Settings(meetingDay, time, quorumPercent == null ? 0 : quorumPercent,
					officerTermWeeks == null ? 0 : officerTermWeeks, officerTermLimit == null ? 0 : officerTermLimit));
			redirect.addFlashAttribute("notice", "meeting.settings.page.saved");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/meetings/settings";
	}

	private static LocalTime parseTime(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException bad) {
			throw new RuleViolation("meeting.settings.time.unknown", "meetingTime", value);
		}
	}

	private String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/meetings/" + id + "/run";
	}

	private static void problem(RedirectAttributes redirect, RuleViolation rule) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemField", rule.field());
	}

	private String houseName(MilieuUser user, UUID houseId) {
		if (houseId == null) {
			return null;
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		for (HouseSummary h : houses.list(user.programId())) {
			names.put(h.house().id(), h.house().name());
		}
		return names.get(houseId);
	}

	private ZoneId zone(MilieuUser user) {
		return programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}
}
