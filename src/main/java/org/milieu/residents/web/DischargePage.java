package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.NewDischarge;
import org.milieu.residents.ResidentProfile;
import org.milieu.residents.ResidentRecords;
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
 * The discharge form: how and when the stay ended, why, and the aftercare plan. Mistakes are
 * shown next to their fields and nothing is saved; a discharge leads back to the record, now
 * read-only. The access policy decides (the director discharges).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DischargePage {

	private static final int TEXT_LIMIT = 2000;

	private static final int PLAN_LIMIT = 4000;

	private final ResidentRecords records;

	private final Discharges discharges;

	private final Census census;

	DischargePage(ResidentRecords records, Discharges discharges, Census census) {
		this.records = records;
		this.discharges = discharges;
		this.census = census;
	}

	@GetMapping("/residents/{id}/discharge")
	String form(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		ResidentProfile profile = records.profile(user, id);
		if (profile.discharged()) {
			return "redirect:/residents/" + id;
		}
		DischargeForm form = new DischargeForm();
		form.setDischargedOn(census.day(user.programId()).toString());
		model.addAttribute("form", form);
		return view(profile, model);
	}

	@PostMapping("/residents/{id}/discharge")
	String discharge(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@ModelAttribute("form") DischargeForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		LocalDate date = null;
		try {
			date = LocalDate.parse(form.getDischargedOn().trim());
		}
		catch (RuntimeException ex) {
			errors.rejectValue("dischargedOn", "discharge.dischargedOn.invalid");
		}
		DischargeType type = null;
		try {
			type = DischargeType.valueOf(form.getType());
		}
		catch (RuntimeException ex) {
			errors.rejectValue("type", "discharge.type.required");
		}
		tooLong(errors, "reason", form.getReason(), TEXT_LIMIT);
		tooLong(errors, "livingArrangement", form.getLivingArrangement(), TEXT_LIMIT);
		tooLong(errors, "outpatientAppointments", form.getOutpatientAppointments(), TEXT_LIMIT);
		tooLong(errors, "supportMeetings", form.getSupportMeetings(), TEXT_LIMIT);
		tooLong(errors, "contacts", form.getContacts(), TEXT_LIMIT);
		tooLong(errors, "relapsePrevention", form.getRelapsePrevention(), PLAN_LIMIT);
		if (!errors.hasErrors()) {
			try {
				discharges.discharge(user, id, new NewDischarge(date, type, form.getReason(),
						new NewDischarge.Aftercare(form.getLivingArrangement(), form.getOutpatientAppointments(),
								form.getSupportMeetings(), form.getContacts(), form.getRelapsePrevention())));
				redirect.addFlashAttribute("notice", "discharge.done");
				return "redirect:/residents/" + id;
			}
			catch (RuleViolation rule) {
				if (rule.field() != null) {
					errors.rejectValue(rule.field(), rule.code(), rule.arguments(), null);
				}
				else {
					errors.reject(rule.code(), rule.arguments(), null);
				}
			}
		}
		ResidentProfile profile = records.profile(user, id);
		if (profile.discharged()) {
			return "redirect:/residents/" + id;
		}
		return view(profile, model);
	}

	private static void tooLong(BindingResult errors, String field, String value, int limit) {
		if (value != null && value.trim().length() > limit) {
			errors.rejectValue(field, "discharge.tooLong", new Object[] { limit }, null);
		}
	}

	private static String view(ResidentProfile profile, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("stay", profile.currentStay().orElseThrow());
		model.addAttribute("types", DischargeType.values());
		return "residents/discharge-form";
	}

	/** The discharge form's fields as typed. */
	static class DischargeForm {

		private String dischargedOn;

		private String type;

		private String reason;

		private String livingArrangement;

		private String outpatientAppointments;

		private String supportMeetings;

		private String contacts;

		private String relapsePrevention;

		public String getDischargedOn() { return dischargedOn; }
		public void setDischargedOn(String v) { dischargedOn = v; }
		public String getType() { return type; }
		public void setType(String v) { type = v; }
		public String getReason() { return reason; }
		public void setReason(String v) { reason = v; }
		public String getLivingArrangement() { return livingArrangement; }
		public void setLivingArrangement(String v) { livingArrangement = v; }
		public String getOutpatientAppointments() { return outpatientAppointments; }
		public void setOutpatientAppointments(String v) { outpatientAppointments = v; }
		public String getSupportMeetings() { return supportMeetings; }
		public void setSupportMeetings(String v) { supportMeetings = v; }
		public String getContacts() { return contacts; }
		public void setContacts(String v) { contacts = v; }
		public String getRelapsePrevention() { return relapsePrevention; }
		public void setRelapsePrevention(String v) { relapsePrevention = v; }
	}
}
