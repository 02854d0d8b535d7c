package org.milieu.sessions.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.sessions.AttendanceStatus;
import org.milieu.sessions.GroupNotes;
import org.milieu.sessions.RollCall;
import org.milieu.sessions.SessionAttendance;
import org.milieu.sessions.SessionTypes;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
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
 * The roll call of an occurrence, built for a tablet: one row per expected attendee with large
 * buttons, one tap for present; each tap saved at once and the row redrawn in place (htmx), or the
 * page reloaded without script. Walk-ins are added from the program's residents; "all others
 * present" marks every row still unmarked.
 */
@Controller
class RollCallPage {

	private final SessionAttendance attendance;

	private final SessionTypes types;

	private final GroupNotes notes;

	RollCallPage(SessionAttendance attendance, SessionTypes types, GroupNotes notes) {
		this.attendance = attendance;
		this.types = types;
		this.notes = notes;
	}

	@GetMapping("/sessions/{id}/occurrences/{date}/roll-call")
	String rollCall(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		RollCall roll = attendance.roll(user, id, date);
		model.addAttribute("roll", roll);
		model.addAttribute("kind", types.all(user.programId()).stream()
			.filter(t -> t.id().equals(roll.occurrence().typeId())).findFirst().orElse(null));
		model.addAttribute("statuses", AttendanceStatus.values());
		model.addAttribute("walkIns", attendance.walkInChoices(user, id, date));
		model.addAttribute("noteOpen", notes.begun(user.programId(), roll.occurrence().start()));
		return "sessions/roll-call";
	}

	/** One tap: the resident's mark, saved; answers the redrawn row to htmx, a redirect otherwise. */
	@PostMapping("/sessions/{id}/occurrences/{date}/roll-call/{residentId}")
	String mark(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable UUID residentId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean walkIn,
			@RequestParam(defaultValue = "true") boolean expected,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		RollCall.Line line = null;
		String error = null;
		List<Object> errorArgs = List.of();
		try {
			line = attendance.mark(user, id, date, residentId, AttendanceApi.status(status), reason, walkIn);
		}
		catch (RuleViolation refused) {
			error = refused.code();
			errorArgs = Arrays.asList(refused.arguments());
		}
		catch (AccessDeniedException denied) {
			// the refusal is already in the audit trail; without htmx the error page says so
			if (htmx == null) {
				throw denied;
			}
			error = "rollcall.page.denied";
		}
		if (htmx == null) {
			if (error != null) {
				redirect.addFlashAttribute("error", error);
				redirect.addFlashAttribute("errorArgs", errorArgs);
			}
			return "redirect:/sessions/" + id + "/occurrences/" + date + "/roll-call";
		}
		if (line == null) {
			// the row as it was, with the refusal beside it
			line = attendance.roll(user, id, date).lines().stream().filter(l -> l.residentId().equals(residentId)).findFirst()
				.orElse(new RollCall.Line(residentId, name == null ? "" : name, expected, null));
		}
		model.addAttribute("line", line);
		model.addAttribute("rowError", error);
		model.addAttribute("rowErrorArgs", errorArgs);
		model.addAttribute("sessionId", id);
		model.addAttribute("date", date);
		model.addAttribute("statuses", AttendanceStatus.values());
		return "sessions/roll-call-row :: row";
	}

	/** Marks present everyone expected and not yet marked. */
	@PostMapping("/sessions/{id}/occurrences/{date}/roll-call/others-present")
	String othersPresent(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
		try {
			int marked = attendance.markOthersPresent(user, id, date);
			redirect.addFlashAttribute("notice", "rollcall.page.othersMarked");
			redirect.addFlashAttribute("noticeArgs", List.of(marked));
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("error", refused.code());
			redirect.addFlashAttribute("errorArgs", Arrays.asList(refused.arguments()));
		}
		return "redirect:/sessions/" + id + "/occurrences/" + date + "/roll-call";
	}

	/** Adds a walk-in, marked present. */
	@PostMapping("/sessions/{id}/occurrences/{date}/roll-call/walk-in")
	String walkIn(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) UUID residentId, RedirectAttributes redirect) {
		try {
			if (residentId == null) {
				throw new RuleViolation("rollcall.page.chooseWalkIn", "residentId");
			}
			attendance.mark(user, id, date, residentId, AttendanceStatus.PRESENT, null, true);
			redirect.addFlashAttribute("notice", "rollcall.page.walkInAdded");
			redirect.addFlashAttribute("noticeArgs", List.of());
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("error", refused.code());
			redirect.addFlashAttribute("errorArgs", Arrays.asList(refused.arguments()));
		}
		catch (AccessDeniedException denied) {
			redirect.addFlashAttribute("error", "rollcall.page.denied");
			redirect.addFlashAttribute("errorArgs", List.of());
		}
		return "redirect:/sessions/" + id + "/occurrences/" + date + "/roll-call";
	}
}
