package org.milieu.levels.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The level board: today's residents grouped by level of responsibility, with how long each has held it. */
@Controller
class LevelBoardPage {

	private final Census census;

	private final ResidentLevels levels;

	LevelBoardPage(Census census, ResidentLevels levels) {
		this.census = census;
		this.levels = levels;
	}

	@GetMapping("/levels")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	String board(@AuthenticationPrincipal MilieuUser user, Model model) {
		Map<java.util.UUID, CurrentLevel> current = levels.current(user.programId());
		Map<Level, List<Row>> board = new EnumMap<>(Level.class);
		for (Level level : Level.values()) {
			board.put(level, new ArrayList<>());
		}
		List<CensusEntry> unassigned = new ArrayList<>();
		for (CensusEntry entry : census.today(user.programId())) {
			CurrentLevel level = current.get(entry.residentId());
			if (level == null) {
				unassigned.add(entry);
			}
			else {
				board.get(level.level()).add(new Row(entry, level));
			}
		}
		model.addAttribute("board", board);
		model.addAttribute("unassigned", unassigned);
		return "levels/level-board";
	}

	record Row(CensusEntry resident, CurrentLevel level) {
	}
}
