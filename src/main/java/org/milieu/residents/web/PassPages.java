package org.milieu.residents.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.Houses;
import org.milieu.residents.passes.NewPass;
import org.milieu.residents.passes.Pass;
import org.milieu.residents.passes.PassStatus;
import org.milieu.residents.passes.Passes;
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
 * The whereabouts page for the staff on shift (a tablet at night): who is out, overdue first,
 * with a one-touch "Signed back in", and who is in the house, each with a "Sign out" button.
 */
@Controller
class PassPages {

	private static final Set<String> FORM_FIELDS = Set.of("destination", "purpose", "companion", "leftAt", "expectedBackAt");

	private final Passes passes;

	private final Census census;

	private final Houses houses;

	private final Clock clock;

	PassPages(Passes passes, Census census, Houses houses, Clock clock) {
		this.passes = passes;
		this.census = census;
		this.houses = houses;
		this.clock = clock;
	}

	@GetMapping("/passes")
	String whereabouts(@AuthenticationPrincipal MilieuUser user, Model model) {
		Instant now = clock.instant();
		ZoneId zone = passes.zone(user.programId());
		List<Pass> out = passes.out(user);
		Set<UUID> away = out.stream().map(Pass::residentId).collect(Collectors.toSet());
		model.addAttribute("out", out.stream().map(p -> OutLine.of(p, now, zone, passes)).toList());
		model.addAttribute("home", census.today(user).stream().filter(e -> !away.contains(e.residentId())).toList());
		return "residents/pass-list";
	}

	@GetMapping("/residents/{id}/passes/new")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	String newForm(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		ZoneId zone = passes.zone(user.programId());
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
		PassForm form = new PassForm();
		form.setLeftAt(now);
		form.setExpectedBackAt(now.plusHours(2).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(now.getMinute() < 30 ? 0 : 30)));
		model.addAttribute("form", form);
		return formView(user, id, model);
	}

	@PostMapping("/residents/{id}/passes")
	String signOut(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @ModelAttribute("form") PassForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formView(user, id, model);
		}
		ZoneId zone = passes.zone(user.programId());
		try {
			Pass pass = passes.signOut(user, id, new NewPass(form.getDestination(), form.getPurpose(), form.getCompanion(),
					form.getLeftAt() == null ? null : form.getLeftAt().atZone(zone).toInstant(),
					form.getExpectedBackAt().atZone(zone).toInstant(), form.isPastCurfew()));
			redirect.addFlashAttribute("notice", "pass.signedOut");
			redirect.addFlashAttribute("noticeArgs", List.of(pass.residentName(), passes.clockTime(pass.expectedBackAt(), zone)));
			return "redirect:/passes";
		}
		catch (RuleViolation rule) {
			if (rule.field() != null && FORM_FIELDS.contains(rule.field())) {
				errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			}
			else {
				errors.reject(rule.code(), rule.arguments(), rule.code());
			}
			return formView(user, id, model);
		}
	}

	@PostMapping("/passes/{id}/return")
	String signIn(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Pass pass = passes.signIn(user, id, null, null);
			redirect.addFlashAttribute("notice", "pass.signedIn");
			redirect.addFlashAttribute("noticeArgs", List.of(pass.residentName()));
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
			redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		}
		return "redirect:/passes";
	}

	private String formView(MilieuUser user, UUID residentId, Model model) {
		CensusEntry resident = census.read(user, residentId);
		model.addAttribute("resident", resident);
		model.addAttribute("curfew", houses.find(user.programId(), resident.houseId()).curfew());
		return "residents/pass-form";
	}

	/** A line of the "out now" table, with its times already in the program's zone. */
	record OutLine(Pass pass, boolean overdue, String left, String expected) {

		static OutLine of(Pass p, Instant now, ZoneId zone, Passes passes) {
			return new OutLine(p, p.status(now) == PassStatus.OVERDUE, passes.clockTime(p.leftAt(), zone),
					passes.clockTime(p.expectedBackAt(), zone));
		}
	}

	/** The sign-out form; times are the program's local date and time, as a datetime-local field sends them. */
	static class PassForm {

		@NotBlank
		@Size(max = 200)
		private String destination;

		@NotBlank
		@Size(max = 200)
		private String purpose;

		@Size(max = 120)
		private String companion;

		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
		private LocalDateTime leftAt;

		@NotNull
		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
		private LocalDateTime expectedBackAt;

		private boolean pastCurfew;

		public String getDestination() {
			return destination;
		}

		public void setDestination(String destination) {
			this.destination = destination;
		}

		public String getPurpose() {
			return purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public String getCompanion() {
			return companion;
		}

		public void setCompanion(String companion) {
			this.companion = companion;
		}

		public LocalDateTime getLeftAt() {
			return leftAt;
		}

		public void setLeftAt(LocalDateTime leftAt) {
			this.leftAt = leftAt;
		}

		public LocalDateTime getExpectedBackAt() {
			return expectedBackAt;
		}

		public void setExpectedBackAt(LocalDateTime expectedBackAt) {
			this.expectedBackAt = expectedBackAt;
		}

		public boolean isPastCurfew() {
			return pastCurfew;
		}

		public void setPastCurfew(boolean pastCurfew) {
			this.pastCurfew = pastCurfew;
		}
	}
}
