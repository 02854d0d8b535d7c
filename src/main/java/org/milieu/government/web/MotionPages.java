package org.milieu.government.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.government.BallotReceipt;
import org.milieu.government.Ballots;
import org.milieu.government.Choice;
import org.milieu.government.HouseRules;
import org.milieu.government.Motion;
import org.milieu.government.MotionKind;
import org.milieu.government.Motions;
import org.milieu.government.MoveMotion;
import org.milieu.government.Office;
import org.milieu.government.Officers;
import org.milieu.government.OverruleGround;
import org.milieu.government.PaperBallots;
import java.time.ZoneOffset;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
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
 * The forms of the motions block on a meeting's pages (moving, seconding, voting, paper ballots,
 * closing, overruling, checking a receipt), each answering with the meeting page again, and the
 * page of house rules and officers.
 */
@Controller
class MotionPages {

	private final Motions motions;

	private final Ballots ballots;

	private final HouseRules rules;

	private final Officers officers;

	private final Houses houses;

	private final Census census;

	private final Programs programs;

	MotionPages(Motions motions, Ballots ballots, HouseRules rules, Officers officers, Houses houses, Census census,
			Programs programs) {
		this.programs = programs;
		this.motions = motions;
		this.ballots = ballots;
		this.rules = rules;
		this.officers = officers;
		this.houses = houses;
		this.census = census;
	}

	@PostMapping("/meetings/{id}/motions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) MotionKind kind,
			@RequestParam(required = false) String text, @RequestParam(required = false) boolean secret,
			@RequestParam(required = false) UUID agendaItemId, @RequestParam(required = false) UUID ruleId,
			@RequestParam(required = false) String ruleTitle, @RequestParam(required = false) String ruleText,
			@RequestParam(required = false) Office office, @RequestParam(required = false) List<UUID> candidates,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			motions.move(user, id, new MoveMotion(kind, text, kind == MotionKind.ELECTION ? Boolean.TRUE : secret, agendaItemId,
					ruleId, ruleTitle, ruleText, office, candidates));
			redirect.addFlashAttribute("notice", kind == MotionKind.ELECTION ? "motion.page.called" : "motion.page.moved");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, kind == MotionKind.ELECTION ? "election" : "move");
		}
		return back(id, back);
	}

	@PostMapping("/motions/{id}/second")
	@PreAuthorize("hasRole('RESIDENT')")
	String second(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			motions.second(user, id);
			redirect.addFlashAttribute("notice", "motion.page.seconded");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, id.toString());
		}
		return back(motion.meetingId(), back);
	}

	@PostMapping("/motions/{id}/ballots")
	@PreAuthorize("hasRole('RESIDENT')")
	String cast(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String choice,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			Choice answer = null;
			UUID candidate = null;
			if (choice != null && choice.startsWith("candidate:")) {
				candidate = UUID.fromString(choice.substring("candidate:".length()));
			}
			else if (choice != null && !choice.isBlank()) {
				answer = MotionApi.parse(Choice.class, choice, "choice");
			}
			BallotReceipt receipt = ballots.cast(user, id, answer, candidate);
			redirect.addFlashAttribute("receipt", receipt.code());
			redirect.addFlashAttribute("receiptMotion", id);
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, id.toString());
		}
		catch (IllegalArgumentException malformed) {
			problem(redirect, new RuleViolation("ballot.candidate", "candidateId"), id.toString());
		}
		return back(motion.meetingId(), back);
	}

	@PostMapping("/motions/{id}/paper-ballots")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String paper(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) List<UUID> voters, @RequestParam Map<String, String> form,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			Map<UUID, Integer> byCandidate = new LinkedHashMap<>();
			for (UUID candidate : motion.candidates()) {
				int n = count(form.get("candidate-" + candidate));
				if (n > 0) {
					byCandidate.put(candidate, n);
				}
			}
			ballots.paper(user, id, new PaperBallots(voters == null ? List.of() : voters, count(form.get("yes")),
					count(form.get("no")), count(form.get("abstain")), byCandidate));
			redirect.addFlashAttribute("notice", "motion.page.paperCounted");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, "paper-" + id);
		}
		return back(motion.meetingId(), back);
	}

	@PostMapping("/motions/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			motions.close(user, id);
			redirect.addFlashAttribute("notice", "motion.page.closed");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, id.toString());
		}
		return back(motion.meetingId(), back);
	}

	@PostMapping("/motions/{id}/overrule")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	String overrule(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) OverruleGround ground, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			motions.overrule(user, id, ground, reason);
			redirect.addFlashAttribute("notice", "motion.page.overruled");
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, "overrule-" + id);
		}
		return back(motion.meetingId(), back);
	}

	@PostMapping("/motions/{id}/receipt-check")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String check(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		Motion motion = motions.read(user, id);
		try {
			Ballots.ReceiptCheck check = ballots.check(user, id, code);
			redirect.addFlashAttribute("receiptCheck", check);
			redirect.addFlashAttribute("receiptCheckMotion", id);
		}
		catch (RuleViolation rule) {
			problem(redirect, rule, "receipt-" + id);
		}
		return back(motion.meetingId(), back);
	}

	@GetMapping("/house-rules")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	String rules(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("rules", rules.inForce(user));
		model.addAttribute("officers", officers.current(user));
		Map<UUID, String> houseNames = new LinkedHashMap<>();
		for (HouseSummary h : houses.list(user.programId())) {
			houseNames.put(h.house().id(), h.house().name());
		}
		model.addAttribute("houseNames", houseNames);
		Map<UUID, String> names = new LinkedHashMap<>();
		for (CensusEntry e : census.today(user.programId())) {
			names.put(e.residentId(), e.displayName());
		}
		model.addAttribute("names", names);
		model.addAttribute("zone", programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC));
		return "government/house-rules";
	}

	private static int count(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new RuleViolation("ballot.paper.negative", "counts");
		}
	}

	private static String back(UUID meetingId, String back) {
		return "redirect:/meetings/" + meetingId + ("run".equals(back) ? "/run" : "") + "#motions";
	}

	private static void problem(RedirectAttributes redirect, RuleViolation rule, String form) {
		redirect.addFlashAttribute("problem", rule.code());
		redirect.addFlashAttribute("problemArgs", List.of(rule.arguments()));
		redirect.addFlashAttribute("problemForm", form);
	}
}
