package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.Admission;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.ResidentProfile;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admission form: who the person is, how to reach them and their emergency contact, which free bed. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdmissionPage {

	private final Admissions admissions;

	private final Houses houses;

	private final Census census;

	private final ResidentRecords records;

	AdmissionPage(Admissions admissions, Houses houses, Census census, ResidentRecords records) {
		this.admissions = admissions;
		this.houses = houses;
		this.census = census;
		this.records = records;
	}

	/**
	 * The empty form, or, with {@code readmissionOf}, the form for someone discharged earlier,
	 * filled in from their record (read through the access policy), so the new stay joins it.
	 */
	@GetMapping("/residents/new")
	String form(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID readmissionOf,
			Model model) {
		AdmissionForm form = new AdmissionForm();
		form.setAdmittedOn(census.day(user.programId()).toString());
		if (readmissionOf != null) {
			ResidentProfile earlier = records.profile(user, readmissionOf);
			form.setReadmissionOf(earlier.residentId().toString());
			form.setGivenName(earlier.givenName());
			form.setFamilyName(earlier.familyName());
			form.setPreferredName(earlier.preferredName());
			form.setPronouns(earlier.pronouns());
			form.setBirthDate(earlier.birthDate().toString());
			form.setPrimaryLanguage(earlier.primaryLanguage());
			form.setPhone(earlier.phone());
			form.setEmergencyContactName(earlier.emergencyContactName());
			form.setEmergencyContactPhone(earlier.emergencyContactPhone());
		}
		model.addAttribute("form", form);
		return view(user, model);
	}

	@PostMapping("/residents")
	String admit(@AuthenticationPrincipal MilieuUser user, @ModelAttribute("form") AdmissionForm form, Model model,
			RedirectAttributes redirect) {
		List<String> errors = new ArrayList<>();
		LocalDate birth = date(form.getBirthDate(), "admission.birthDate.invalid", errors);
		LocalDate admitted = date(form.getAdmittedOn(), "admission.admittedOn.invalid", errors);
		UUID bed = null;
		try {
			bed = UUID.fromString(form.getBedId());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			errors.add("admission.bed.choose");
		}
		if (blank(form.getGivenName()) || blank(form.getFamilyName())) {
			errors.add("admission.name.required");
		}
		UUID readmissionOf = null;
		if (!blank(form.getReadmissionOf())) {
			try {
				readmissionOf = UUID.fromString(form.getReadmissionOf().trim());
			}
			catch (IllegalArgumentException ex) {
				errors.add("admission.readmission.unknown");
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return view(user, model);
		}
		try {
			Admission admission = admissions.admit(user, new NewAdmission(form.getGivenName(), form.getFamilyName(),
					form.getPreferredName(), birth, bed, admitted,
					new NewAdmission.Details(form.getPronouns(), form.getPrimaryLanguage(), form.getPhone(),
							form.getEmergencyContactName(), form.getEmergencyContactPhone(), form.getReferralSource(),
							form.getFundingSource(), null), readmissionOf));
			redirect.addFlashAttribute("notice", "admission.done");
			redirect.addFlashAttribute("noticeArg", form.getGivenName().trim() + " " + form.getFamilyName().trim());
			redirect.addFlashAttribute("warnings", admission.warnings());
			return "redirect:/residents";
		}
		catch (RuleViolation rule) {
			model.addAttribute("errors", List.of(rule.code()));
			return view(user, model);
		}
	}

	private String view(MilieuUser user, Model model) {
		Map<String, List<Bed>> free = new LinkedHashMap<>();
		for (HouseSummary house : houses.list(user.programId())) {
			List<Bed> beds = houses.beds(user.programId(), house.house().id()).stream().filter(b -> !b.taken()).toList();
			if (!beds.isEmpty()) {
				free.put(house.house().name(), beds);
			}
		}
		model.addAttribute("freeBeds", free);
		return "residents/admission-form";
	}

	private static LocalDate date(String text, String code, List<String> errors) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (RuntimeException ex) {
			errors.add(code);
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The admission form's fields as typed. */
	static class AdmissionForm {

		private String givenName;

		private String familyName;

		private String preferredName;

		private String pronouns;

		private String birthDate;

		private String primaryLanguage;

		private String phone;

		private String emergencyContactName;

		private String emergencyContactPhone;

		private String referralSource;

		private String fundingSource;

		private String bedId;

		private String admittedOn;

		private String readmissionOf;

		public String getReadmissionOf() { return readmissionOf; }
		public void setReadmissionOf(String v) { readmissionOf = v; }
		public String getGivenName() { return givenName; }
		public void setGivenName(String v) { givenName = v; }
		public String getFamilyName() { return familyName; }
		public void setFamilyName(String v) { familyName = v; }
		public String getPreferredName() { return preferredName; }
		public void setPreferredName(String v) { preferredName = v; }
		public String getPronouns() { return pronouns; }
		public void setPronouns(String v) { pronouns = v; }
		public String getBirthDate() { return birthDate; }
		public void setBirthDate(String v) { birthDate = v; }
		public String getPrimaryLanguage() { return primaryLanguage; }
		public void setPrimaryLanguage(String v) { primaryLanguage = v; }
		public String getPhone() { return phone; }
		public void setPhone(String v) { phone = v; }
		public String getEmergencyContactName() { return emergencyContactName; }
		public void setEmergencyContactName(String v) { emergencyContactName = v; }
		public String getEmergencyContactPhone() { return emergencyContactPhone; }
		public void setEmergencyContactPhone(String v) { emergencyContactPhone = v; }
		public String getReferralSource() { return referralSource; }
		public void setReferralSource(String v) { referralSource = v; }
		public String getFundingSource() { return fundingSource; }
		public void setFundingSource(String v) { fundingSource = v; }
		public String getBedId() { return bedId; }
		public void setBedId(String v) { bedId = v; }
		public String getAdmittedOn() { return admittedOn; }
		public void setAdmittedOn(String v) { admittedOn = v; }
	}
}
