package org.milieu.staffing.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.staffing.Workplaces;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.milieu.staffing.CheckIn;
import org.milieu.staffing.CheckIns;
import org.milieu.staffing.HandOffNote;
import org.milieu.staffing.HandOffNotes;
import org.milieu.staffing.HouseStaffing;
import org.milieu.staffing.RatioAlerts;
import org.milieu.staffing.RatioHistory;
import org.milieu.staffing.RosterEntry;
import org.milieu.staffing.Rosters;
import org.milieu.staffing.ShiftCode;
import org.milieu.staffing.ShiftOccurrence;
import org.milieu.staffing.ShiftPattern;
import org.milieu.staffing.Shifts;
import org.milieu.staffing.StaffingCensus;
import org.milieu.staffing.StaffingMinimums;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staffing as pages: the shift board (who is on shift, ratios, check-in and out, hand-off notes),
 * the week's roster, the ratio history, and the director's settings for shifts and minimums.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class StaffingPages {

	private final StaffingCensus census;

	private final CheckIns checkIns;

	private final Shifts shifts;

	private final StaffingMinimums minimums;

	private final Rosters rosters;

	private final RatioAlerts alerts;

	private final RatioHistory history;

	private final HandOffNotes notes;

	private final Workplaces workplaces;

	StaffingPages(StaffingCensus census, CheckIns checkIns, Shifts shifts, StaffingMinimums minimums, Rosters rosters,
			RatioAlerts alerts, RatioHistory history, HandOffNotes notes, Workplaces workplaces) {
		this.census = census;
		this.checkIns = checkIns;
		this.shifts = shifts;
		this.minimums = minimums;
		this.rosters = rosters;
		this.alerts = alerts;
		this.history = history;
		this.notes = notes;
		this.workplaces = workplaces;
	}

	/** A house on the board: its numbers, who is on shift and who was planned for this shift. */
	record BoardHouse(HouseStaffing staffing, List<Person> onShift, List<String> planned, boolean mine, LocalTime alertSince) {
	}

	record Person(UUID accountId, String name, LocalTime since) {
	}

	record Note(HandOffNote note, String houseName, LocalDateTime writtenAt, boolean canAcknowledge) {
	}

	@GetMapping("/staffing")
	String board(@AuthenticationPrincipal MilieuUser user, Model model) {
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm());
		}
		return boardView(user, model);
	}

	private String boardView(MilieuUser user, Model model) {
		ProgramId program = user.programId();
		ZoneId zone = shifts.zone(program);
		ShiftOccurrence shift = shifts.current(program);
		Set<UUID> mine = workplaces.of(user);
		Map<UUID, List<Person>> onShift = checkIns.onShift(program).stream()
			.collect(Collectors.groupingBy(CheckIn::houseId,
					Collectors.mapping(c -> new Person(c.accountId(), c.displayName(),
							c.checkedInAt().atZone(zone).toLocalTime()), Collectors.toList())));
		Map<UUID, List<String>> planned = rosters.between(program, shift.date(), shift.date()).stream()
			.filter(r -> r.shift() == shift.shift())
			.collect(Collectors.groupingBy(RosterEntry::houseId, Collectors.mapping(RosterEntry::displayName, Collectors.toList())));
		Map<UUID, Instant> alertSince = new java.util.HashMap<>();
		alerts.open(program).forEach(a -> alertSince.put(a.houseId(), a.startedAt()));
		List<BoardHouse> houses = census.now(program).stream()
			.map(h -> new BoardHouse(h, onShift.getOrDefault(h.houseId(), List.of()), planned.getOrDefault(h.houseId(), List.of()),
					mine.contains(h.houseId()),
					alertSince.containsKey(h.houseId()) ? alertSince.get(h.houseId()).atZone(zone).toLocalTime() : null))
			.toList();
		Map<UUID, String> names = houses.stream()
			.collect(Collectors.toMap(b -> b.staffing().houseId(), b -> b.staffing().name()));
		model.addAttribute("shift", shift);
		model.addAttribute("shiftStarts", shift.startsAt().atZone(zone).toLocalTime());
		model.addAttribute("shiftEnds", shift.endsAt().atZone(zone).toLocalTime());
		model.addAttribute("houses", houses);
		model.addAttribute("myHouses", houses.stream().filter(BoardHouse::mine).map(BoardHouse::staffing).toList());
		Optional<CheckIn> me = checkIns.current(user.accountId());
		model.addAttribute("me", me.orElse(null));
		model.addAttribute("meHouse", me.map(c -> names.get(c.houseId())).orElse(null));
		model.addAttribute("meSince", me.map(c -> c.checkedInAt().atZone(zone).toLocalTime()).orElse(null));
		model.addAttribute("notes", notes.recent(user).stream()
			.map(n -> new Note(n, names.getOrDefault(n.houseId(), "?"), LocalDateTime.ofInstant(n.writtenAt(), zone),
					!n.acknowledged() && !n.writtenBy().equals(user.accountId())))
			.toList());
		return "staffing/shift-board";
	}

	@PostMapping("/staffing/check-in")
	String checkIn(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID houseId,
			RedirectAttributes redirect) {
		if (houseId == null) {
			redirect.addFlashAttribute("problem", "staffing.checkIn.chooseHouse");
			return "redirect:/staffing";
		}
		try {
			checkIns.checkIn(user, houseId);
			redirect.addFlashAttribute("notice", "staffing.checkedIn");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
		}
		return "redirect:/staffing";
	}

	@PostMapping("/staffing/check-out")
	String checkOut(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID accountId,
			RedirectAttributes redirect) {
		try {
			checkIns.checkOut(user, accountId);
			redirect.addFlashAttribute("notice", "staffing.checkedOut");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
		}
		return "redirect:/staffing";
	}

	@PostMapping("/staffing/handoff-notes")
	String writeNote(@AuthenticationPrincipal MilieuUser user, @Valid @ModelAttribute("noteForm") NoteForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				notes.write(user, form.getHouseId(), form.getBody());
				redirect.addFlashAttribute("notice", "staffing.handoff.saved");
				return "redirect:/staffing#handoff";
			}
			catch (RuleViolation rule) {
				errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			}
		}
		return boardView(user, model);
	}

	@PostMapping("/staffing/handoff-notes/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			notes.acknowledge(user, id);
			redirect.addFlashAttribute("notice", "staffing.handoff.acknowledged");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
		}
		return "redirect:/staffing#handoff";
	}

	/** A week's roster, Monday to Sunday, one row per date and shift, one column per house. */
	@GetMapping("/staffing/roster")
	String roster(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
		if (!model.containsAttribute("rosterForm")) {
			model.addAttribute("rosterForm", new RosterForm());
		}
		return rosterView(user, week, model);
	}

	record RosterRow(LocalDate date, ShiftCode shift, Map<UUID, List<RosterEntry>> byHouse) {
	}

	private String rosterView(MilieuUser user, LocalDate week, Model model) {
		ProgramId program = user.programId();
		LocalDate monday = (week == null ? shifts.current(program).date() : week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<HouseStaffing> houses = census.now(program);
		Map<LocalDate, Map<ShiftCode, Map<UUID, List<RosterEntry>>>> grid = rosters.between(program, monday, monday.plusDays(6))
			.stream()
			.collect(Collectors.groupingBy(RosterEntry::shiftDate, Collectors.groupingBy(RosterEntry::shift,
					Collectors.groupingBy(RosterEntry::houseId))));
		List<RosterRow> rows = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			LocalDate date = monday.plusDays(d);
			for (ShiftCode code : ShiftCode.values()) {
				rows.add(new RosterRow(date, code, grid.getOrDefault(date, Map.of()).getOrDefault(code, Map.of())));
			}
		}
		model.addAttribute("monday", monday);
		model.addAttribute("houses", houses);
		model.addAttribute("rows", rows);
		model.addAttribute("shiftCodes", ShiftCode.values());
		model.addAttribute("people", rosters.staff(program));
		return "staffing/roster-week";
	}

	@PostMapping("/staffing/roster")
	@PreAuthorize("hasRole('ADMIN')")
	String plan(@AuthenticationPrincipal MilieuUser user, @Valid @ModelAttribute("rosterForm") RosterForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				rosters.plan(user, form.getHouseId(), form.getDate(), form.getShift(), form.getAccountId());
				redirect.addFlashAttribute("notice", "staffing.roster.saved");
				return "redirect:/staffing/roster?week=" + form.getDate();
			}
			catch (RuleViolation rule) {
				errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			}
		}
		return rosterView(user, form.getDate(), model);
	}

	@PostMapping("/staffing/roster/{id}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String unplan(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			RedirectAttributes redirect) {
		rosters.remove(user, id);
		redirect.addFlashAttribute("notice", "staffing.roster.removed");
		return "redirect:/staffing/roster" + (week == null ? "" : "?week=" + week);
	}

	/** The ratio history of one house over a period (the last seven days unless chosen). */
	@GetMapping("/staffing/history")
	String history(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ProgramId program = user.programId();
		List<HouseStaffing> houses = census.now(program);
		LocalDate today = shifts.current(program).date();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(6) : from;
		UUID house = houseId != null ? houseId : houses.isEmpty() ? null : houses.get(0).houseId();
		model.addAttribute("houses", houses);
		model.addAttribute("houseId", house);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		if (house != null) {
			try {
				model.addAttribute("rows", history.report(program, house, start, end));
			}
			catch (RuleViolation rule) {
				model.addAttribute("problem", rule.code());
				model.addAttribute("problemArg", rule.arguments().length > 0 ? rule.arguments()[0] : null);
				model.addAttribute("rows", List.of());
			}
		}
		return "staffing/ratio-history";
	}

	@GetMapping("/staffing/settings")
	@PreAuthorize("hasRole('ADMIN')")
	String settings(@AuthenticationPrincipal MilieuUser user, Model model) {
		if (!model.containsAttribute("shiftForm")) {
			ShiftPattern p = shifts.pattern(user.programId());
			ShiftForm form = new ShiftForm();
			form.setDayStarts(p.dayStarts());
			form.setEveningStarts(p.eveningStarts());
			form.setNightStarts(p.nightStarts());
			model.addAttribute("shiftForm", form);
		}
		return settingsView(user, model);
	}

	private String settingsView(MilieuUser user, Model model) {
		Map<UUID, Map<ShiftCode, Integer>> all = minimums.all(user.programId());
		Map<HouseStaffing, Map<ShiftCode, Integer>> byHouse = new LinkedHashMap<>();
		for (HouseStaffing h : census.now(user.programId())) {
			byHouse.put(h, all.getOrDefault(h.houseId(), minimums.of(user.programId(), h.houseId())));
		}
		model.addAttribute("minimums", byHouse);
		model.addAttribute("shiftCodes", ShiftCode.values());
		return "staffing/settings-form";
	}

	@PostMapping("/staffing/settings/shifts")
	@PreAuthorize("hasRole('ADMIN')")
	String configureShifts(@AuthenticationPrincipal MilieuUser user, @Valid @ModelAttribute("shiftForm") ShiftForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				shifts.configure(user.programId(), new ShiftPattern(form.getDayStarts(), form.getEveningStarts(),
						form.getNightStarts()));
				redirect.addFlashAttribute("notice", "staffing.settings.saved");
				return "redirect:/staffing/settings";
			}
			catch (RuleViolation rule) {
				errors.rejectValue(rule.field(), rule.code(), rule.arguments(), rule.code());
			}
		}
		return settingsView(user, model);
	}

	@PostMapping("/staffing/settings/minimums/{houseId}")
	@PreAuthorize("hasRole('ADMIN')")
	String setMinimums(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@RequestParam(required = false) Integer day, @RequestParam(required = false) Integer evening,
			@RequestParam(required = false) Integer night, RedirectAttributes redirect) {
		Map<ShiftCode, Integer> values = new EnumMap<>(ShiftCode.class);
		values.put(ShiftCode.DAY, day);
		values.put(ShiftCode.EVENING, evening);
		values.put(ShiftCode.NIGHT, night);
		try {
			minimums.set(user.programId(), houseId, values);
			redirect.addFlashAttribute("notice", "staffing.settings.saved");
		}
		catch (RuleViolation rule) {
			redirect.addFlashAttribute("problem", rule.code());
		}
		return "redirect:/staffing/settings";
	}

	static class NoteForm {

		@NotNull
		private UUID houseId;

		@NotBlank
		@Size(max = 4000)
		private String body;

		public UUID getHouseId() {
			return houseId;
		}

		public void setHouseId(UUID houseId) {
			this.houseId = houseId;
		}

		public String getBody() {
			return body;
		}

		public void setBody(String body) {
			this.body = body;
		}
	}

	static class RosterForm {

		@NotNull
		private UUID houseId;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@NotNull
		private ShiftCode shift;

		@NotNull
		private UUID accountId;

		public UUID getHouseId() {
			return houseId;
		}

		public void setHouseId(UUID houseId) {
			this.houseId = houseId;
		}

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public ShiftCode getShift() {
			return shift;
		}

		public void setShift(ShiftCode shift) {
			this.shift = shift;
		}

		public UUID getAccountId() {
			return accountId;
		}

		public void setAccountId(UUID accountId) {
			this.accountId = accountId;
		}
	}

	static class ShiftForm {

		@NotNull
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime dayStarts;

		@NotNull
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime eveningStarts;

		@NotNull
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime nightStarts;

		public LocalTime getDayStarts() {
			return dayStarts;
		}

		public void setDayStarts(LocalTime dayStarts) {
			this.dayStarts = dayStarts;
		}

		public LocalTime getEveningStarts() {
			return eveningStarts;
		}

		public void setEveningStarts(LocalTime eveningStarts) {
			this.eveningStarts = eveningStarts;
		}

		public LocalTime getNightStarts() {
			return nightStarts;
		}

		public void setNightStarts(LocalTime nightStarts) {
			this.nightStarts = nightStarts;
		}
	}

}
