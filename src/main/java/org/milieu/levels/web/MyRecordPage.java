package org.milieu.levels.web;

import java.time.temporal.ChronoUnit;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A resident's own page: where they live, since when, their level of responsibility and, in a
 * block of its own, their privileges now and what the next level brings.
 */
@Controller
class MyRecordPage {

	private final Census census;

	private final ResidentLevels levels;

	private final LevelPrivileges privileges;

	private final PrivilegeTexts privilegeTexts;

	MyRecordPage(Census census, ResidentLevels levels, LevelPrivileges privileges,
			PrivilegeTexts privilegeTexts) {
		this.census = census;
		this.levels = levels;
		this.privileges = privileges;
		this.privilegeTexts = privilegeTexts;
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('RESIDENT')")
	String myRecord(@AuthenticationPrincipal MilieuUser user, Model model) {
		CensusEntry me = census.read(user, user.residentId());
		CurrentLevel level = levels.current(user.programId()).get(user.residentId());
		model.addAttribute("me", me);
		model.addAttribute("level", level);
		model.addAttribute("days", ChronoUnit.DAYS.between(me.admittedOn(), census.day(user.programId())));
		// block: privileges (levels.privileges), shown by the fragment levels/my-privileges
		model.addAttribute("myPrivileges", MyPrivileges.of(privileges.of(user, user.residentId()),
				level == null ? 1 : level.level().number(), privilegeTexts));
		// end of block: privileges
		return "levels/my-record";
	}
}
