package org.milieu.residents.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.occupancy.CensusSnapshots;
import org.milieu.residents.occupancy.OccupancyDay;
import org.milieu.shared.Csv;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The occupancy report over a period, from the daily census snapshots: as a page and as CSV (as
 * JSON: {@link OccupancyApi}). Counts per house and day; no resident is named. For every staff role.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class OccupancyPages {

	private final CensusSnapshots snapshots;

	private final Census census;

	OccupancyPages(CensusSnapshots snapshots, Census census) {
		this.snapshots = snapshots;
		this.census = census;
	}

	@GetMapping("/residents/occupancy")
	String report(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate end = to == null ? census.day(user.programId()).minusDays(1) : to;
		LocalDate start = from == null ? end.minusDays(13) : from;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		try {
			model.addAttribute("days", snapshots.report(user, start, end, false));
		}
		catch (RuleViolation rule) {
			model.addAttribute("problem", rule.code());
			model.addAttribute("problemArg", rule.arguments().length > 0 ? rule.arguments()[0] : null);
			model.addAttribute("days", List.of());
		}
		return "residents/occupancy-report";
	}

	@GetMapping("/residents/occupancy.csv")
	void csv(@AuthenticationPrincipal MilieuUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		List<OccupancyDay> days = snapshots.report(user, from, to, true);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"occupancy-" + from + "-" + to + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(Csv.row("date", "house", "beds", "occupied", "occupancy_percent", "admissions", "discharges"));
		for (OccupancyDay d : days) {
			out.write(Csv.row(d.date(), d.houseName(), d.beds(), d.occupied(), d.occupancyPercent(), d.admissions(),
					d.discharges()));
		}
		out.flush();
	}
}
