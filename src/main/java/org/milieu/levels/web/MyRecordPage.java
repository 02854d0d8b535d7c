package org.milieu.levels.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A resident's own page: where they live, since when, and their level of responsibility. */
@Controller
class MyRecordPage {

	private final Census census;

	private final ResidentLevels levels;

	private final Clock clock;

	MyRecordPage(Census census, ResidentLevels levels, Clock clock) {
		this.census = census;
		this.levels = levels;
		this.clock = clock;
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('RESIDENT')")
	String myRecord(@AuthenticationPrincipal MilieuUser user, Model model) {
		CensusEntry me = census.read(user, user.residentId());
		CurrentLevel level = levels.current(user.programId()).get(user.residentId());
		model.addAttribute("me", me);
		model.addAttribute("level", level);
		model.addAttribute("days", ChronoUnit.DAYS.between(me.admittedOn(), LocalDate.now(clock)));
		return "levels/my-record";
	}
}
