package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.residents.Moves;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving a resident to another bed or house: a page with the free beds (the same over JSON is
 * {@link MoveApi}).
 * The access policy decides who may (a change of the resident's demographics).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class MovePages {

	private final Moves moves;

	private final Census census;

	private final Houses houses;

	MovePages(Moves moves, Census census, Houses houses) {
		this.moves = moves;
		this.census = census;
		this.houses = houses;
	}

	@GetMapping("/residents/{id}/move")
	String form(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		MoveForm form = new MoveForm();
		form.setMovedOn(census.day(user.programId()));
		model.addAttribute("form", form);
		return view(user, id, model);
	}

	@PostMapping("/residents/{id}/move")
	String submit(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @Valid @ModelAttribute("form") MoveForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				moves.move(user, id, form.getBedId(), form.getMovedOn(), form.getReason());
				redirect.addFlashAttribute("notice", "move.done");
				return "redirect:/residents/" + id;
			}
			catch (RuleViolation rule) {
				if (rule.field() == null) {
					errors.reject(rule.code(), rule.arguments(), rule.code());
				}
				else {
					errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
				}
			}
		}
		return view(user, id, model);
	}

	private String view(MilieuUser user, UUID id, Model model) {
		CensusEntry resident = census.read(user, id);
		Map<String, List<Bed>> free = new LinkedHashMap<>();
		for (HouseSummary house : houses.list(user.programId())) {
			List<Bed> beds = houses.beds(user.programId(), house.house().id()).stream().filter(b -> !b.taken()).toList();
			if (!beds.isEmpty()) {
				free.put(house.house().name(), beds);
			}
		}
		model.addAttribute("resident", resident);
		model.addAttribute("freeBeds", free);
		return "residents/move-form";
	}

	static class MoveForm {

		@NotNull
		private UUID bedId;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate movedOn;

		@Size(max = 500)
		private String reason;

		public UUID getBedId() {
			return bedId;
		}

		public void setBedId(UUID bedId) {
			this.bedId = bedId;
		}

		public LocalDate getMovedOn() {
			return movedOn;
		}

		public void setMovedOn(LocalDate movedOn) {
			this.movedOn = movedOn;
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}
	}
}
