package org.milieu.government.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.milieu.government.MeetingMinutes;
import org.milieu.government.Meetings;
import org.milieu.government.Meeting;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
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

/** The minutes page of a meeting: reading them, the secretary's editing, the chair's approval at a later meeting. */
@Controller
class MinutesPages {

	private final MeetingMinutes minutes;

	private final Meetings meetings;

	private final Programs programs;

	MinutesPages(MeetingMinutes minutes, Meetings meetings, Programs programs) {
		this.minutes = minutes;
		this.meetings = meetings;
		this.programs = programs;
	}

	@GetMapping("/meetings/{id}/minutes")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String read(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		Meeting meeting = meetings.read(user, id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("zone", programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC));
		try {
			model.addAttribute("minutes", minutes.read(user, id));
			model.addAttribute("mayEdit", minutes.mayDraft(user, meeting));
			List<UUID> approvable = minutes.mayDraft(user, meeting) ? minutes.approvableAt(user.programId(), meeting) : List.of();
			model.addAttribute("approvableAt", approvable.isEmpty() ? null : meetings.read(user, approvable.get(0)));
		}
		catch (StateConflict notYet) {
			model.addAttribute("unavailable", notYet.code());
		}
		return "government/minutes";
	}

	@PostMapping("/meetings/{id}/minutes")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String save(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "-1") int basedOn, RedirectAttributes redirect) {
		try {
			minutes.save(user, id, text, basedOn);
			redirect.addFlashAttribute("notice", "minutes.page.saved");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
			redirect.addFlashAttribute("draft", text);
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "minutes.page.stale");
			redirect.addFlashAttribute("problemArgs", List.of());
			redirect.addFlashAttribute("draft", text);
		}
		return "redirect:/meetings/" + id + "/minutes";
	}

	@PostMapping("/meetings/{id}/minutes/approval")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String approve(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) UUID atMeetingId, RedirectAttributes redirect) {
		try {
			minutes.approve(user, id, atMeetingId);
			redirect.addFlashAttribute("notice", "minutes.page.approved");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		}
		return "redirect:/meetings/" + id + "/minutes";
	}
}
