package org.milieu.residents.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Attention;
import org.milieu.residents.Census;
import org.milieu.residents.CensusBoard;
import org.milieu.residents.CensusHouseLines;
import org.milieu.residents.CensusResidentNotes;
import org.milieu.residents.passes.Passes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The census and bed board: who is in which house and bed today with their days in the program,
 * each house's free beds, and who is out on a pass. Whereabouts are a category of their own, so
 * the pass column comes from {@link Passes#out(MilieuUser)}, which applies the access policy to
 * them and audits each resident shown out. The level and flag columns come from other modules
 * ({@link CensusResidentNotes}), each reading its own category through the policy. All of it is
 * read in one transaction, so the page pays for one commit and its audit rows go in together; the
 * page is drawn after the transaction has ended and given its connection back.
 */
@Controller
class CensusPage {

	private final Census census;

	private final Passes passes;

	private final Clock clock;

	private final ObjectProvider<CensusHouseLines> houseLines;

	private final ObjectProvider<CensusResidentNotes> residentNotes;

	private final TransactionTemplate inOneTransaction;

	CensusPage(Census census, Passes passes, Clock clock, ObjectProvider<CensusHouseLines> houseLines,
			ObjectProvider<CensusResidentNotes> residentNotes, PlatformTransactionManager transactions) {
		this.census = census;
		this.passes = passes;
		this.clock = clock;
		this.houseLines = houseLines;
		this.residentNotes = residentNotes;
		this.inOneTransaction = new TransactionTemplate(transactions);
	}

	@GetMapping("/residents")
	String census(@AuthenticationPrincipal MilieuUser user,
			@org.springframework.web.bind.annotation.RequestParam(required = false) UUID house, Model model) {
		inOneTransaction.executeWithoutResult(status -> gather(user, house, model));
		return "residents/census-list";
	}

	private void gather(MilieuUser user, UUID house, Model model) {
		CensusBoard board = census.board(user, house);
		model.addAttribute("houseChoices", board.choices());
		model.addAttribute("chosenHouse", house);
		List<ResidentScope> shown = board.residents().stream()
			.map(e -> new ResidentScope(e.residentId(), e.houseId()))
			.toList();
		Map<UUID, List<Attention>> lines = new HashMap<>();
		houseLines.orderedStream().forEach(source -> source.linesFor(user)
			.forEach((houseId, items) -> lines.computeIfAbsent(houseId, h -> new ArrayList<>()).addAll(items)));
		Map<UUID, List<CensusResidentNotes.Note>> levels = new HashMap<>();
		Map<UUID, List<CensusResidentNotes.Note>> flags = new HashMap<>();
		if (!shown.isEmpty()) {
			residentNotes.orderedStream().forEach(source -> source.notesFor(user, shown).forEach((resident, notes) -> notes
				.forEach(note -> (note.kind() == CensusResidentNotes.Kind.LEVEL ? levels : flags)
					.computeIfAbsent(resident, r -> new ArrayList<>()).add(note))));
		}
		model.addAttribute("board", board);
		model.addAttribute("houseLines", lines);
		model.addAttribute("levels", levels);
		model.addAttribute("flags", flags);
		model.addAttribute("total", board.total());
		Instant now = clock.instant();
		ZoneId zone = passes.zone(user.programId());
		Map<UUID, PassPages.OutLine> out = passes.out(user).stream()
			.collect(Collectors.toMap(p -> p.residentId(), p -> PassPages.OutLine.of(p, now, zone, passes)));
		model.addAttribute("passes", out);
	}
}
