package org.milieu.levels.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.RatingSheet;
import org.milieu.levels.ShiftKind;
import org.milieu.levels.ShiftRating;
import org.milieu.levels.ShiftRatings;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The point sheet of a house for one shift, built for a tablet and the keyboard: one row per
 * resident, one choice per domain, each choice saved as soon as it is made (htmx), late ratings
 * flagged.
 */
@Controller
class PointSheetPage {

	private final ShiftRatings ratings;

	private final Houses houses;

	PointSheetPage(ShiftRatings ratings, Houses houses) {
		this.ratings = ratings;
		this.houses = houses;
	}

	@GetMapping("/houses/{id}/point-sheet")
	String sheet(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) ShiftKind shift, Model model) {
		ShiftKind.ShiftSlot now = ratings.currentShift(user.programId());
		LocalDate day = date != null ? date : now.date();
		ShiftKind kind = shift != null ? shift : (date == null ? now.kind() : ShiftKind.DAY);
		RatingSheet sheet = ratings.sheet(user, id, day, kind);
		model.addAttribute("house", houses.find(user.programId(), id));
		model.addAttribute("sheet", sheet);
		model.addAttribute("domains", RatingDomain.values());
		model.addAttribute("shifts", ShiftKind.values());
		model.addAttribute("future", day.isAfter(now.date())
				|| day.equals(now.date()) && kind.ordinal() > now.kind().ordinal());
		return "levels/point-sheet";
	}

	/**
	 * One choice on the sheet, saved at once; answers the small status text shown beside it. The
	 * safety question sends its note with it, and a changed note is saved like a changed choice.
	 */
	@PostMapping("/houses/{id}/point-sheet/ratings")
	String rate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam ShiftKind shift,
			@RequestParam UUID residentId, @RequestParam RatingDomain domain, @RequestParam(required = false) Integer value,
			@RequestParam(required = false) String note, Model model) {
		if (value == null) {
			model.addAttribute("error", "rating.page.choose");
			return "levels/point-sheet :: saved";
		}
		try {
			ShiftRating rating = ratings.rate(user, id, date, shift, residentId, domain, value,
					note == null || note.isBlank() ? null : note.strip());
			model.addAttribute("rating", rating);
		}
		catch (RuleViolation refused) {
			model.addAttribute("error", refused.code());
			model.addAttribute("errorArgs", Arrays.asList(refused.arguments()));
		}
		catch (org.springframework.security.access.AccessDeniedException denied) {
			// the refusal is already in the audit trail; the status beside the choice says so
			model.addAttribute("error", "rating.page.denied");
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			// two devices saved the same choice at once: the other one's stands
			model.addAttribute("error", "rating.page.raced");
		}
		return "levels/point-sheet :: saved";
	}
}
