package org.milieu.levels.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.levels.scheme.SchemeLevel;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The director's form for a new version of the level scheme: from a date, each level's texts and
 * minimum days, each criterion's window and threshold. The criteria themselves (what they measure)
 * stay those of the version in force; the API takes a whole scheme for more.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SchemeEditPage {

	private final LevelSchemes schemes;

	SchemeEditPage(LevelSchemes schemes) {
		this.schemes = schemes;
	}

	@GetMapping("/levels/scheme/edit")
	String form(@AuthenticationPrincipal MilieuUser user, Model model) {
		LevelScheme scheme = schemes.today(user.programId());
		model.addAttribute("scheme", scheme);
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
		}
		return "levels/scheme-edit";
	}

	@PostMapping("/levels/scheme/edit")
	String publish(@AuthenticationPrincipal MilieuUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		LevelScheme current = schemes.today(user.programId());
		try {
			List<SchemeLevel> levels = new ArrayList<>();
			for (SchemeLevel level : current.levels()) {
				int n = level.number();
				List<Criterion> criteria = new ArrayList<>();
				for (Criterion c : level.criteria()) {
					Integer window = c.windowDays() == null ? null
							: whole(form.get("window-" + n + "-" + c.key()), c.windowDays(),
									"levels[" + (n - 1) + "].criteria." + c.key() + ".window");
					double threshold = decimal(form.get("threshold-" + n + "-" + c.key()), c.threshold(),
							"levels[" + (n - 1) + "].criteria." + c.key() + ".threshold");
					criteria.add(new Criterion(c.key(), c.kind(), window, threshold, c.domain(), c.atLeast(), c.waivable()));
				}
				levels.add(new SchemeLevel(n, text(form.get("name-" + n)), text(form.get("description-" + n)),
						text(form.get("focus-" + n)), text(form.get("responsibilities-" + n)),
						whole(form.get("minimumDays-" + n), level.minimumDays(), "levels[" + (n - 1) + "].minimumDays"),
						criteria));
			}
			String from = form.get("effectiveFrom");
			schemes.publish(user, from == null || from.isBlank() ? null : LocalDate.parse(from), form.get("note"), levels,
					current.stepDownOnDestructiveBehaviour(), current.stepDownOnMajorIncident());
			redirect.addFlashAttribute("notice", "scheme.published");
			return "redirect:/levels/scheme";
		}
		catch (RuleViolation rule) {
			LevelPages.problem(redirect, rule);
			redirect.addFlashAttribute("values", form);
			return "redirect:/levels/scheme/edit";
		}
		catch (java.time.DateTimeException bad) {
			LevelPages.problem(redirect, new RuleViolation("scheme.effective-from.missing", "effectiveFrom"));
			redirect.addFlashAttribute("values", form);
			return "redirect:/levels/scheme/edit";
		}
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static int whole(String value, int fallback, String field) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolation("scheme.number", field);
		}
	}

	private static double decimal(String value, double fallback, String field) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Double.parseDouble(value.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new RuleViolation("scheme.number", field);
		}
	}
}
