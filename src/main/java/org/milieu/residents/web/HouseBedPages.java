package org.milieu.residents.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Bed;
import org.milieu.residents.House;
import org.milieu.residents.Houses;
import org.milieu.residents.RetiredBed;
import org.milieu.shared.RuleViolation;
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
 * A house's rooms and beds as a page: every staff role sees which beds are taken or free (never
 * who holds them); the director adds beds and retires free ones.
 */
@Controller
class HouseBedPages {

	private final Houses houses;

	private final Programs programs;

	HouseBedPages(Houses houses, Programs programs) {
		this.houses = houses;
		this.programs = programs;
	}

	@GetMapping("/houses/{id}/beds")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String beds(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("form", new BedForm());
		return page(user, id, model);
	}

	@PostMapping("/houses/{id}/beds")
	@PreAuthorize("hasRole('ADMIN')")
	String addBed(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @Valid @ModelAttribute("form") BedForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		houses.find(user.programId(), id);
		if (errors.hasErrors()) {
			return page(user, id, model);
		}
		try {
			Bed bed = houses.addBed(user.programId(), id, form.getRoom(), form.getLabel());
			redirect.addFlashAttribute("notice", "house.bed.added");
			redirect.addFlashAttribute("noticeArg", bed.label());
			return "redirect:/houses/" + id + "/beds";
		}
		catch (RuleViolation rule) {
			if (rule.field() == null) {
				errors.reject(rule.code(), rule.arguments(), rule.code());
			}
			else {
				errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			}
			return page(user, id, model);
		}
	}

	@PostMapping("/houses/{id}/beds/{bedId}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	String retireBed(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable UUID bedId, Model model,
			RedirectAttributes redirect) {
		try {
			RetiredBed bed = houses.retireBed(user.programId(), id, bedId, user.getUsername());
			redirect.addFlashAttribute("notice", "house.bed.retiredNotice");
			redirect.addFlashAttribute("noticeArg", bed.label());
			return "redirect:/houses/" + id + "/beds";
		}
		catch (RuleViolation rule) {
			model.addAttribute("form", new BedForm());
			model.addAttribute("refusal", rule.code());
			model.addAttribute("refusalArg", rule.arguments().length > 0 ? rule.arguments()[0] : null);
			return page(user, id, model);
		}
	}

	private String page(MilieuUser user, UUID id, Model model) {
		House house = houses.find(user.programId(), id);
		List<Bed> beds = houses.beds(user.programId(), id);
		Map<String, List<Bed>> rooms = beds.stream()
			.collect(Collectors.groupingBy(Bed::room, () -> new TreeMap<>(NATURAL), Collectors.toList()));
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		List<RetiredRow> retired = houses.retiredBeds(user.programId(), id).stream()
			.map(b -> new RetiredRow(b.room(), b.label(), LocalDate.ofInstant(b.retiredAt(), zone), b.retiredBy()))
			.toList();
		model.addAttribute("house", house);
		model.addAttribute("rooms", rooms);
		model.addAttribute("bedCount", beds.size());
		model.addAttribute("takenCount", beds.stream().filter(Bed::taken).count());
		model.addAttribute("retired", retired);
		return "residents/house-beds";
	}

	/** Rooms and labels in the order people count them: "2" before "10", then alphabetically. */
	static final Comparator<String> NATURAL = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

	/** A retired bed as the page shows it: the day it was retired, in the program's time zone. */
	record RetiredRow(String room, String label, LocalDate retiredOn, String retiredBy) {
	}

	/** The add-a-bed form: the room it is in and its label, unique within the house. */
	static class BedForm {

		@NotBlank
		@Size(max = 20)
		private String room;

		@NotBlank
		@Size(max = 20)
		private String label;

		public String getRoom() {
			return room;
		}

		public void setRoom(String room) {
			this.room = room;
		}

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}
	}
}
