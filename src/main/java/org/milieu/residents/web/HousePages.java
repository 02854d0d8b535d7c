package org.milieu.residents.web;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.House;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.HouseType;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
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

/** Houses as pages: everyone on staff sees them; the director founds and edits them. */
@Controller
class HousePages {

	private final Houses houses;

	HousePages(Houses houses) {
		this.houses = houses;
	}

	@GetMapping("/houses")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String list(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("houses", houses.list(user.programId()));
		return "residents/house-list";
	}

	@GetMapping("/houses/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(Model model) {
		HouseForm form = new HouseForm();
		form.setBeds(8);
		form.setKind(HouseKind.MIXED);
		form.setType(HouseType.RESIDENTIAL);
		model.addAttribute("form", form);
		return formView(model, null);
	}

	@PostMapping("/houses")
	@PreAuthorize("hasRole('ADMIN')")
	String found(@AuthenticationPrincipal MilieuUser user, @Valid @ModelAttribute("form") HouseForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (form.getBeds() == null) {
			errors.rejectValue("beds", "NotNull");
		}
		if (errors.hasErrors()) {
			return formView(model, null);
		}
		try {
			House house = houses.found(user.programId(), form.details(), form.getBeds());
			redirect.addFlashAttribute("notice", "house.saved");
			redirect.addFlashAttribute("noticeArg", house.name());
			return "redirect:/houses";
		}
		catch (RuleViolation rule) {
			errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			return formView(model, null);
		}
	}

	@GetMapping("/houses/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("form", HouseForm.of(houses.find(user.programId(), id)));
		return formView(model, id);
	}

	@PostMapping("/houses/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String revise(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @ModelAttribute("form") HouseForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formView(model, id);
		}
		try {
			House house = houses.revise(user.programId(), id, form.getVersion() == null ? -1 : form.getVersion(), form.details());
			redirect.addFlashAttribute("notice", "house.saved");
			redirect.addFlashAttribute("noticeArg", house.name());
			return "redirect:/houses";
		}
		catch (RuleViolation rule) {
			errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			return formView(model, id);
		}
		catch (VersionConflict stale) {
			HouseForm current = HouseForm.of(houses.find(user.programId(), id));
			model.addAttribute("form", current);
			model.addAttribute("stale", true);
			return formView(model, id);
		}
	}

	private String formView(Model model, UUID id) {
		model.addAttribute("houseId", id);
		model.addAttribute("kinds", HouseKind.values());
		model.addAttribute("types", HouseType.values());
		return "residents/house-form";
	}

	/** The house form's fields; {@code version} travels in a hidden field to catch stale edits. */
	static class HouseForm {

		@NotBlank
		@Size(max = 80)
		private String name;

		@NotNull
		private HouseKind kind;

		/** Left out, the house is residential. */
		private HouseType type;

		@Size(max = 200)
		private String address;

		@Min(0)
		@Max(200)
		private Integer beds;

		/** The house's curfew; empty means none. */
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime curfew;

		private Integer version;

		static HouseForm of(House house) {
			HouseForm form = new HouseForm();
			form.name = house.name();
			form.kind = house.kind();
			form.type = house.type();
			form.address = house.address();
			form.curfew = house.curfew();
			form.version = house.version();
			return form;
		}

		HouseDetails details() {
			return new HouseDetails(name, kind, type, address, curfew);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public HouseKind getKind() {
			return kind;
		}

		public void setKind(HouseKind kind) {
			this.kind = kind;
		}

		public HouseType getType() {
			return type;
		}

		public void setType(HouseType type) {
			this.type = type;
		}

		public String getAddress() {
			return address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public Integer getBeds() {
			return beds;
		}

		public void setBeds(Integer beds) {
			this.beds = beds;
		}

		public LocalTime getCurfew() {
			return curfew;
		}

		public void setCurfew(LocalTime curfew) {
			this.curfew = curfew;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}
	}
}
