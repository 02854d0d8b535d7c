package org.milieu.work.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.shared.RuleViolation;
import org.milieu.work.IncentiveAccount;
import org.milieu.work.Incentives;
import org.milieu.work.NewPayout;
import org.milieu.work.PayoutBatch;
import org.milieu.work.PayoutMethod;
import org.milieu.work.StipendBalance;
import org.milieu.work.StipendLedger;
import org.milieu.work.StipendPayouts;
import org.milieu.work.StipendSettings;
import org.milieu.work.StipendSettingsStore;
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
 * The stipend pages: a resident's own balance, statement and incentives ({@code /me/stipend});
 * the staff's balances of their houses with the payout batch form and the latest batches
 * ({@code /work/stipends}); a resident's statement for staff; a batch's printable receipt; and the
 * incentives page where staff award rules and redeem points ({@code /work/incentives}).
 */
@Controller
class StipendPages {

	static final int PAGE = 50;

	private final StipendLedger ledger;

	private final StipendPayouts payouts;

	private final StipendSettingsStore settings;

	private final Incentives incentives;

	private final Census census;

	StipendPages(StipendLedger ledger, StipendPayouts payouts, StipendSettingsStore settings, Incentives incentives,
			Census census) {
		this.ledger = ledger;
		this.payouts = payouts;
		this.settings = settings;
		this.incentives = incentives;
		this.census = census;
	}

	@GetMapping("/me/stipend")
	@PreAuthorize("hasRole('RESIDENT')")
	String mine(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("statement", ledger.statement(user, user.residentId(), before, PAGE));
		model.addAttribute("incentives", incentives.account(user, user.residentId(), 20));
		model.addAttribute("rules", incentives.rules(user.programId()));
		model.addAttribute("items", incentives.items(user.programId()));
		return "work/my-stipend";
	}

	@GetMapping("/work/stipends")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String stipends(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("balances", payouts.balances(user));
		model.addAttribute("batches", payouts.batches(user, 20));
		model.addAttribute("settings", settings.of(user.programId()));
		model.addAttribute("methods", PayoutMethod.values());
		return "work/stipends";
	}

	@PostMapping("/work/stipends/payouts")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String payOut(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) PayoutMethod method,
			@RequestParam(name = "residentId", required = false) List<UUID> residents,
			@RequestParam(name = "amount", required = false) List<String> amounts, RedirectAttributes redirect) {
		List<NewPayout> lines = new ArrayList<>();
		List<String> typed = new ArrayList<>();
		for (int i = 0; residents != null && i < residents.size(); i++) {
			String amount = amounts != null && i < amounts.size() ? amounts.get(i) : null;
			Long cents = StipendMoney.cents(amount);
			if (cents != null) {
				lines.add(new NewPayout(residents.get(i), cents));
			}
			typed.add(amount == null ? "" : amount);
		}
		try {
			PayoutBatch batch = payouts.payOut(user, method, lines);
			redirect.addFlashAttribute("notice", "stipend.page.paid");
			return "redirect:/work/stipends/receipts/" + batch.id();
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
			String field = rule.field() == null ? "" : rule.field();
			if (field.startsWith("payouts[")) {
				int line = Integer.parseInt(field.substring(8, field.indexOf(']')));
				redirect.addFlashAttribute("problemResident", lines.get(line).residentId());
			}
			redirect.addFlashAttribute("typed", typed);
			redirect.addFlashAttribute("typedMethod", method);
			return "redirect:/work/stipends";
		}
	}

	/** The director's caps: amounts typed in the currency (100.00), the point's worth in cents. */
	@PostMapping("/work/stipends/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String caps(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String weeklyCap, @RequestParam(required = false) String payoutCap,
			@RequestParam(required = false) String incentiveYearlyCap, @RequestParam(required = false) String pointValueCents,
			RedirectAttributes redirect) {
		try {
			settings.update(user, new StipendSettings(currency == null ? null : currency.strip(), amount(weeklyCap, "weeklyCapCents"),
					amount(payoutCap, "payoutCapCents"), amount(incentiveYearlyCap, "incentiveYearlyCapCents"),
					whole(pointValueCents, "pointValueCents")));
			redirect.addFlashAttribute("notice", "stipend.page.capsSaved");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/stipends#caps";
	}

	private static long amount(String typed, String field) {
		Long cents = StipendMoney.cents(typed);
		if (cents == null || cents < 0) {
			throw new RuleViolation("stipend.settings.amount", field);
		}
		return cents;
	}

	private static long whole(String typed, String field) {
		try {
			return Long.parseLong(typed == null ? "" : typed.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new RuleViolation("stipend.settings.amount", field);
		}
	}

	@GetMapping("/work/stipends/receipts/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String receipt(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("batch", payouts.receipt(user, id));
		return "work/receipt";
	}

	@GetMapping("/residents/{id}/stipend")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String statement(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Long before, Model model) {
		model.addAttribute("statement", ledger.statement(user, id, before, PAGE));
		model.addAttribute("resident", census.find(user.programId(), id).orElse(null));
		model.addAttribute("incentives", incentives.account(user, id, 20));
		return "work/statement";
	}

	@PostMapping("/residents/{id}/stipend/reversals")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String reverse(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam UUID entryId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			ledger.reverse(user, entryId, reason);
			redirect.addFlashAttribute("notice", "stipend.page.reversed");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/residents/" + id + "/stipend";
	}

	@GetMapping("/work/incentives")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String incentives(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID resident, Model model) {
		List<StipendBalance> residents = payouts.balances(user);
		model.addAttribute("residents", residents);
		model.addAttribute("rules", incentives.rules(user.programId()));
		model.addAttribute("items", incentives.items(user.programId()));
		UUID chosen = resident != null ? resident : residents.isEmpty() ? null : residents.get(0).residentId();
		IncentiveAccount account = chosen == null ? null : incentives.account(user, chosen, 20);
		model.addAttribute("account", account);
		model.addAttribute("chosen", chosen);
		return "work/incentives";
	}

	@PostMapping("/work/incentives/awards")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String award(@AuthenticationPrincipal MilieuUser user, @RequestParam UUID residentId,
			@RequestParam(required = false) UUID ruleId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			incentives.award(user, residentId, ruleId, note);
			redirect.addFlashAttribute("notice", "incentive.page.awarded");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/incentives?resident=" + residentId;
	}

	@PostMapping("/work/incentives/redemptions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String redeem(@AuthenticationPrincipal MilieuUser user, @RequestParam UUID residentId,
			@RequestParam(required = false) UUID itemId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			incentives.redeem(user, residentId, itemId, note);
			redirect.addFlashAttribute("notice", "incentive.page.redeemed");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule);
		}
		return "redirect:/work/incentives?resident=" + residentId;
	}

	static void problem(RedirectAttributes redirect, RuleViolation rule) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemField", rule.field());
	}
}
