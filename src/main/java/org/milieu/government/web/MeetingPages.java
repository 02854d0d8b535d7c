package org.milieu.government.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.government.AgendaItemKind;
import org.milieu.government.Meeting;
import org.milieu.government.MeetingKind;
import org.milieu.government.MeetingMinutes;
import org.milieu.government.Meetings;
import org.milieu.government.ScheduleMeeting;
import org.milieu.government.SubmitAgendaItem;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
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

/** The meetings pages: the upcoming community meetings with their agenda, scheduling one, adding an item. */
@Controller
class MeetingPages {

	private final Meetings meetings;

	private final Houses houses;

	private final Programs programs;

	private final MotionBlock motionBlock;

	private final MeetingMinutes minutes;

	MeetingPages(Meetings meetings, Houses houses, Programs programs, MotionBlock motionBlock, MeetingMinutes minutes) {
		this.minutes = minutes;
		this.motionBlock = motionBlock;
		this.meetings = meetings;
		this.houses = houses;
		this.programs = programs;
	}

	@GetMapping("/meetings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String upcoming(@AuthenticationPrincipal MilieuUser user, Model model) {
		common(user, model);
		model.addAttribute("meetings", meetings.upcoming(user));
		model.addAttribute("pastMeetings", minutes.recent(user, 8));
		return "government/meetings";
	}

	@GetMapping("/meetings/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String meeting(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		common(user, model);
		Meeting meeting = meetings.read(user, id);
		model.addAttribute("meeting", meeting);
		motionBlock.addTo(model, user, id, meeting.houseId());
		return "government/meeting";
	}

	@PostMapping("/meetings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String schedule(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) MeetingKind kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			RedirectAttributes redirect) {
		try {
			Meeting meeting = meetings.schedule(user, new ScheduleMeeting(houseId, kind, title,
					startsAt == null ? null : startsAt.atZone(zone(user)).toInstant()));
			redirect.addFlashAttribute("notice", "meeting.page.scheduled");
			return "redirect:/meetings/" + meeting.id();
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, "schedule");
			return "redirect:/meetings";
		}
	}

	@PostMapping("/meetings/{id}/agenda-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String submit(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) AgendaItemKind kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		String target = "meeting".equals(back) ? "redirect:/meetings/" + id : "redirect:/meetings";
		try {
			meetings.submit(user, id, new SubmitAgendaItem(kind, title, description));
			redirect.addFlashAttribute("notice", "agenda.page.submitted");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, id.toString());
		}
		return target;
	}

	private void common(MilieuUser user, Model model) {
		boolean staff = user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF);
		model.addAttribute("staff", staff);
		Map<UUID, String> houseNames = new LinkedHashMap<>();
		for (HouseSummary h : houses.list(user.programId())) {
			houseNames.put(h.house().id(), h.house().name());
		}
		model.addAttribute("houseNames", houseNames);
		model.addAttribute("meetingKinds", List.of(MeetingKind.values()));
		model.addAttribute("itemKinds", List.of(AgendaItemKind.values()));
		model.addAttribute("zone", zone(user));
	}

	private static void problem(RedirectAttributes redirect, RuleViolation rule, String form) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemForm", form);
	}

	private ZoneId zone(MilieuUser user) {
		return programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}
}
