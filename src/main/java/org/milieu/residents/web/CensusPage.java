package org.milieu.residents.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The census page: who is in which house and bed today. */
@Controller
class CensusPage {

	private final Census census;

	CensusPage(Census census) {
		this.census = census;
	}

	@GetMapping("/residents")
	String census(@AuthenticationPrincipal MilieuUser user, Model model) {
		Map<String, List<CensusEntry>> byHouse = new LinkedHashMap<>();
		census.today(user).forEach(e -> byHouse.computeIfAbsent(e.houseName(), h -> new java.util.ArrayList<>()).add(e));
		model.addAttribute("byHouse", byHouse);
		model.addAttribute("total", byHouse.values().stream().mapToInt(List::size).sum());
		return "residents/census-list";
	}
}
