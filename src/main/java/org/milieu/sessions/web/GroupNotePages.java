package org.milieu.sessions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.sessions.GroupNote;
import org.milieu.sessions.GroupNotes;
import org.milieu.sessions.ObjectiveProgress;
import org.milieu.sessions.Participation;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
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
 * The keyboard-first page of an occurrence's group note: the shared part once, then one row per
 * attendee (participation, progress on each objective in force, the observation), each saved as the
 * writer leaves a field through the JSON API with an {@code Idempotency-Key}, retried with the same
 * key while the connection is lost ({@code group-note.js}; nothing is kept in browser storage). Then
 * "Sign the note" opens the signing page. Before the occurrence has begun the page says when it
 * starts and offers no form (the service refuses a save then too). A signed note shows read-only,
 * with its addenda and a form to add one.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class GroupNotePages {

	private final GroupNotes notes;

	GroupNotePages(GroupNotes notes) {
		this.notes = notes;
	}

	@GetMapping("/sessions/{id}/occurrences/{date}/note")
	String note(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		GroupNote note = notes.note(user, id, date);
		model.addAttribute("note", note);
		model.addAttribute("begun", notes.begun(user.programId(), note.start()));
		model.addAttribute("participations", Participation.values());
		model.addAttribute("progresses", ObjectiveProgress.values());
		model.addAttribute("apiPath", "/api/v1/sessions/" + id + "/occurrences/" + date + "/note");
		model.addAttribute("missingNames", String.join(", ", note.missing().stream().map(GroupNote.Attendee::name).toList()));
		return "sessions/note";
	}

	/**
	 * To the signing page of the note as saved; while an attendee has no complete entry, back to the
	 * note with the refusal naming who is missing (the signature component refuses it too).
	 */
	@GetMapping("/sessions/{id}/occurrences/{date}/note/sign")
	String sign(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
		GroupNote note = notes.note(user, id, date);
		try {
			GroupNotes.refuseUnsignable(note);
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
			return "redirect:/sessions/" + id + "/occurrences/" + date + "/note";
		}
		catch (StateConflict conflict) {
			return "redirect:/sessions/" + id + "/occurrences/" + date + "/note";
		}
		return "redirect:/sign/group-note/" + note.id() + "/1";
	}

	@PostMapping("/sessions/{id}/occurrences/{date}/note/addenda")
	String addendum(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			notes.addAddendum(user, id, date, text);
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		}
		catch (StateConflict conflict) {
			redirect.addFlashAttribute("problem", conflict.code());
			redirect.addFlashAttribute("problemArgs", List.of());
		}
		return "redirect:/sessions/" + id + "/occurrences/" + date + "/note";
	}
}
