package org.milieu.levels.web;

import java.util.List;
import java.util.Locale;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.HouseLevels;
import org.milieu.levels.LevelBoard;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The level board: today's residents grouped by level of responsibility, with how long each has
 * held it, and the same residents counted per house.
 */
@Controller
class LevelBoardPage {

	private final LevelBoard board;

	private final Houses houses;

	private final LevelCharts charts;

	LevelBoardPage(LevelBoard board, Houses houses, LevelCharts charts) {
		this.board = board;
		this.houses = houses;
		this.charts = charts;
	}

	@GetMapping("/levels")
	String board(@AuthenticationPrincipal MilieuUser user, Locale locale, Model model) {
		LevelBoard.Board board = this.board.forReader(user);
		model.addAttribute("board", board.columns());
		model.addAttribute("unassigned", board.unassigned());
		// the same residents counted per house, as a table and a stacked bar chart
		List<HouseLevels> distribution = board.byHouse();
		model.addAttribute("distribution", distribution);
		model.addAttribute("distributionChart", charts.distribution(distribution, locale));
		model.addAttribute("houses", houses.list(user.programId()).stream().map(HouseSummary::house).toList());
		// the houses of the residents shown, each with a link to its point sheet for the shift under way
		java.util.Map<java.util.UUID, String> sheetHouses = new java.util.TreeMap<>();
		board.columns().values().forEach(rows -> rows.forEach(r -> sheetHouses.put(r.resident().houseId(), r.resident().houseName())));
		board.unassigned().forEach(r -> sheetHouses.put(r.houseId(), r.houseName()));
		model.addAttribute("sheetHouses", sheetHouses.entrySet().stream()
			.sorted(java.util.Map.Entry.comparingByValue()).toList());
		return "levels/level-board";
	}
}
