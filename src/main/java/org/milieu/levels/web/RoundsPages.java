package org.milieu.levels.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.rounds.DueCheck;
import org.milieu.levels.rounds.Frequency;
import org.milieu.levels.rounds.NewObservation;
import org.milieu.levels.rounds.NewObservationOrder;
import org.milieu.levels.rounds.ObservationOrder;
import org.milieu.levels.rounds.ObservationRounds;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rounds page for the night staff on a tablet (who is on observation in a house, overdue
 * first, each with a quick "record check" form), and the page where a clinician orders or ends a
 * resident's observation.
 */
@Controller
class RoundsPages {

	private final ObservationRounds rounds;

	private final Census census;

	private final Houses houses;

	private final Clock clock;

	private final MessageSource messages;

	RoundsPages(ObservationRounds rounds, Census census, Houses houses, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.rounds = rounds;
		this.census = census;
		this.houses = houses;
		this.clock = clock;
	}

	@GetMapping("/houses/{id}/rounds")
	String rounds(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		ZoneId zone = rounds.zone(user.programId());
		model.addAttribute("house", houses.find(user.programId(), id));
		model.addAttribute("lines", rounds.due(user, id).stream().map(d -> RoundsLine.of(d, rounds, zone)).toList());
		return "levels/rounds-house";
	}

	@PostMapping("/houses/{houseId}/rounds/{residentId}")
	String check(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId, @PathVariable UUID residentId,
			@RequestParam(required = false) String location, @RequestParam(required = false) String activity,
			@RequestParam(required = false) String moodBehaviour,
			@RequestParam(defaultValue = "false") boolean safetyConcern,
			@RequestParam(required = false) String safetyNote, RedirectAttributes redirect) {
		CensusEntry resident = census.find(user.programId(), residentId).orElse(null);
		String name = resident == null ? "" : resident.displayName();
		try {
			rounds.observe(user, residentId,
					new NewObservation(residentId, null, location, activity, moodBehaviour, safetyConcern, safetyNote));
			redirect.addFlashAttribute("notice", "rounds.checked");
			redirect.addFlashAttribute("noticeArgs", List.of(name, rounds.clockTime(clock.instant(), rounds.zone(user.programId()))));
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", "rounds.checkRefused");
			redirect.addFlashAttribute("problemArgs", List.of(name, messages.getMessage(fieldName(rule.field()), null, LocaleContextHolder.getLocale())));
		}
		return "redirect:/houses/" + houseId + "/rounds";
	}

	@GetMapping("/residents/{id}/observation")
	String orderPage(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		return orderView(user, id, model, null, null, null);
	}

	@PostMapping("/residents/{id}/observation")
	String order(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Frequency frequency, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			rounds.order(user, id, new NewObservationOrder(frequency, reason, null, null));
			redirect.addFlashAttribute("notice", "rounds.ordered");
			return "redirect:/residents/" + id + "/observation";
		}
		catch (RuleViolation rule) {
			return orderView(user, id, model, rule, frequency, reason);
		}
	}

	@PostMapping("/observation-orders/{id}/end")
	String end(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		ObservationOrder order = rounds.endOrder(user, id, reason);
		redirect.addFlashAttribute("notice", "rounds.ended");
		return "redirect:/residents/" + order.residentId() + "/observation";
	}

	private String orderView(MilieuUser user, UUID id, Model model, RuleViolation rule, Frequency frequency, String reason) {
		CensusEntry resident = census.read(user, id);
		ZoneId zone = rounds.zone(user.programId());
		Instant now = clock.instant();
		List<ObservationOrder> orders = rounds.orders(user, id);
		model.addAttribute("resident", resident);
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("current", orders.stream().filter(o -> o.inForce(now)).findFirst().orElse(null));
		model.addAttribute("orders", orders.stream().map(o -> OrderLine.of(o, rounds, zone)).toList());
		model.addAttribute("frequency", frequency == null ? Frequency.EVERY_15 : frequency);
		model.addAttribute("reason", reason);
		model.addAttribute("error", rule);
		model.addAttribute("errorField", rule == null ? null : rule.field());
		return "levels/observation-order";
	}

	private static String fieldName(String field) {
		if (field == null) {
			return "rounds.field.resident";
		}
		String last = field.substring(field.lastIndexOf('.') + 1);
		return switch (last) {
			case "location", "activity", "moodBehaviour", "safetyNote", "observedAt" -> "rounds.field." + last;
			default -> "rounds.field.resident";
		};
	}

	/** A line of the rounds page, times already in the program's zone. */
	record RoundsLine(DueCheck check, String lastCheck, String nextDue) {

		static RoundsLine of(DueCheck d, ObservationRounds rounds, ZoneId zone) {
			return new RoundsLine(d, rounds.clockTime(d.lastCheck(), zone), rounds.clockTime(d.nextDue(), zone));
		}
	}

	/** A line of a resident's order history, times already in the program's zone. */
	record OrderLine(ObservationOrder order, String startsAt, String endedAt) {

		static OrderLine of(ObservationOrder o, ObservationRounds rounds, ZoneId zone) {
			Instant end = o.endedAt() != null ? o.endedAt() : o.endsAt();
			return new OrderLine(o, rounds.clockTime(o.startsAt(), zone), rounds.clockTime(end, zone));
		}
	}
}
