package org.milieu.residents.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.milieu.residents.Census;
import org.milieu.residents.CensusHouseLines;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.passes.Passes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The census page: who is in which house and bed today, and who is out on a pass. Whereabouts
 * are a category of their own, so the pass column comes from {@link Passes#out(MilieuUser)},
 * which applies the access policy to them and audits each resident shown out.
 */
@Controller
class CensusPage {

	private final Census census;

	private final Passes passes;

	private final Clock clock;

	private final ObjectProvider<CensusHouseLines> houseLines;

	CensusPage(Census census, Passes passes, Clock clock, ObjectProvider<CensusHouseLines> houseLines) {
		this.census = census;
		this.passes = passes;
		this.clock = clock;
		this.houseLines = houseLines;
	}

	@GetMapping("/residents")
	String census(@AuthenticationPrincipal MilieuUser user, Model model) {
		Map<String, List<CensusEntry>> byHouse = new LinkedHashMap<>();
		Map<String, UUID> houseIds = new java.util.HashMap<>();
		census.today(user).forEach(e -> {
			byHouse.computeIfAbsent(e.houseName(), h -> new java.util.ArrayList<>()).add(e);
			houseIds.put(e.houseName(), e.houseId());
		});
		Map<UUID, List<Attention>> lines = new java.util.HashMap<>();
		houseLines.orderedStream().forEach(source -> source.linesFor(user)
			.forEach((house, items) -> lines.computeIfAbsent(house, h -> new java.util.ArrayList<>()).addAll(items)));
		model.addAttribute("houseIds", houseIds);
		model.addAttribute("houseLines", lines);
		model.addAttribute("byHouse", byHouse);
		model.addAttribute("total", byHouse.values().stream().mapToInt(List::size).sum());
		Instant now = clock.instant();
		ZoneId zone = passes.zone(user.programId());
		Map<UUID, PassPages.OutLine> out = passes.out(user).stream()
			.collect(Collectors.toMap(p -> p.residentId(), p -> PassPages.OutLine.of(p, now, zone, passes)));
		model.addAttribute("passes", out);
		return "residents/census-list";
	}
}
