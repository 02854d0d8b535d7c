package org.milieu.sessions.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.Houses;
import org.milieu.groups.SmallGroups;
import org.milieu.sessions.AttendeeKind;
import org.milieu.sessions.GroupNotes;
import org.milieu.sessions.NewSession;
import org.milieu.sessions.Occurrence;
import org.milieu.sessions.Occurrences;
import org.milieu.sessions.Session;
import org.milieu.sessions.SessionCalendar;
import org.milieu.sessions.SessionType;
import org.milieu.sessions.SessionTypes;
import org.milieu.sessions.Sessions;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
import org.springframework.http.HttpStatus;
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
 * The calendar pages for program staff: the day and week views (the program's, a house's, a staff
 * member's) with previous, next and today; the form to schedule a session, which keeps what was
 * entered and says in words why a booking is refused (a double booking names who and when); and a
 * session's page with its next occurrences, where one is cancelled or moved, or the series cancelled.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class SessionPages {

	private final SessionCalendar calendar;

	private final Sessions sessions;

	private final SessionTypes types;

	private final Occurrences occurrences;

	private final Houses houses;

	private final Accounts accounts;

	private final SmallGroups groups;

	private final Census census;

	private final GroupNotes notes;

	SessionPages(SessionCalendar calendar, Sessions sessions, SessionTypes types, Occurrences occurrences, Houses houses,
			Accounts accounts, Census census, SmallGroups groups, GroupNotes notes) {
		this.notes = notes;
		this.groups = groups;
		this.calendar = calendar;
		this.sessions = sessions;
		this.types = types;
		this.occurrences = occurrences;
		this.houses = houses;
		this.accounts = accounts;
		this.census = census;
	}

	/** One day or one week (Monday to Sunday) of the calendar. */
	@GetMapping("/sessions")
	String calendar(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String view,
			@RequestParam(required = false) LocalDate date, @RequestParam(required = false) UUID house,
			@RequestParam(required = false) UUID staff, Model model) {
		boolean day = "day".equals(view);
		LocalDate today = census.day(user.programId());
		LocalDate at = date == null ? today : date;
		LocalDate from = day ? at : at.with(DayOfWeek.MONDAY);
		LocalDate to = day ? at : from.plusDays(6);
		List<Occurrence> found = calendar.occurrences(user, from, to, house, staff);
		Map<LocalDate, List<Occurrence>> days = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			days.put(d, new ArrayList<>());
		}
		found.forEach(o -> days.computeIfAbsent(o.start().toLocalDate(), d -> new ArrayList<>()).add(o));
		model.addAttribute("view", day ? "day" : "week");
		model.addAttribute("days", days);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("today", today);
		model.addAttribute("previous", day ? at.minusDays(1) : from.minusWeeks(1));
		model.addAttribute("next", day ? at.plusDays(1) : from.plusWeeks(1));
		model.addAttribute("house", house);
		model.addAttribute("staff", staff);
		model.addAttribute("houses", houseNames(user));
		model.addAttribute("typeNames", typeNames(user));
		model.addAttribute("staffMembers", staffMembers(user));
		return "sessions/calendar";
	}

	@GetMapping("/sessions/new")
	String blank(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) UUID house, Model model) {
		SessionForm form = new SessionForm();
		form.setHouseId(house);
		form.setFirstOn(census.day(user.programId()));
		form.setStartsAt(LocalTime.of(10, 0));
		return form(user, form, model);
	}

	@PostMapping("/sessions")
	String schedule(@AuthenticationPrincipal MilieuUser user, SessionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Session session = sessions.schedule(user, form.command());
			redirect.addFlashAttribute("notice", "session.page.scheduled");
			return "redirect:/sessions/" + session.id();
		}
		catch (RuleViolation refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", refused.code());
			model.addAttribute("problemArgs", List.of(refused.arguments()));
			model.addAttribute("problemField", refused.field());
			return form(user, form, model);
		}
	}

	/** The director's kinds of session: their terms, changed or retired here; other staff read them. */
	@GetMapping("/sessions/types")
	String kinds(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("kinds", types.all(user.programId()));
		model.addAttribute("director", user.has(Role.ADMIN));
		return "sessions/types";
	}

	@PostMapping("/sessions/types")
	@PreAuthorize("hasRole('ADMIN')")
	String addKind(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) List<String> roles,
			@RequestParam(required = false) Integer minimumLevel, @RequestParam(required = false) String mandatoryLevels,
			@RequestParam(defaultValue = "false") boolean family, RedirectAttributes redirect) {
		return kindChange(redirect, () -> types.add(user, new org.milieu.sessions.SessionTypeTerms(name, durationMinutes,
				roles == null ? List.of() : roles, minimumLevel, levels(mandatoryLevels), family)));
	}

	@PostMapping("/sessions/types/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String changeKind(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam int revision,
			@RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) List<String> roles,
			@RequestParam(required = false) Integer minimumLevel, @RequestParam(required = false) String mandatoryLevels,
			@RequestParam(defaultValue = "false") boolean family, RedirectAttributes redirect) {
		return kindChange(redirect, () -> types.change(user, id, new org.milieu.sessions.SessionTypeTerms(null, durationMinutes,
				roles == null ? List.of() : roles, minimumLevel, levels(mandatoryLevels), family), revision));
	}

	@PostMapping("/sessions/types/{id}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	String retireKind(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "true") boolean retired, RedirectAttributes redirect) {
		return kindChange(redirect, () -> types.retire(user, id, retired));
	}

	private static String kindChange(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "session.types.saved");
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.code());
			redirect.addFlashAttribute("problemArgs", List.of(refused.arguments()).stream().map(String::valueOf).toList());
		}
		return "redirect:/sessions/types";
	}

	/** Levels written as 1, 2, 3; a word that is no number becomes 0, so the level check names the field. */
	private static List<Integer> levels(String text) {
		List<Integer> out = new ArrayList<>();
		if (text != null) {
			for (String part : text.split("[,\\s]+")) {
				if (!part.isBlank()) {
					try {
						out.add(Integer.valueOf(part.strip()));
					}
					catch (NumberFormatException notANumber) {
						out.add(0);
					}
				}
			}
		}
		return out;
	}

	/** A session with its next occurrences (from today, at most 12). */
	@GetMapping("/sessions/{id}")
	String session(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, Model model) {
		Session session = calendar.read(user, id);
		LocalDate today = census.day(user.programId());
		List<Occurrence> next = calendar.next(session, today, 12);
		model.addAttribute("series", session);
		model.addAttribute("next", next);
		model.addAttribute("today", today);
		// a group note is offered only for an occurrence that has begun
		model.addAttribute("noteOpen", next.stream().filter(o -> notes.begun(user.programId(), o.start()))
			.map(Occurrence::occursOn).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("groupName", session.attendeeGroupId() == null ? "" : groups.group(user.programId(),
				session.attendeeGroupId()).map(g -> g.name()).orElse(""));
		model.addAttribute("typeNames", typeNames(user));
		model.addAttribute("houses", houseNames(user));
		Map<UUID, String> names = new LinkedHashMap<>();
		census.today(user.programId()).forEach(e -> names.put(e.residentId(), e.displayName()));
		model.addAttribute("attendeeNames", session.residents().stream().map(r -> names.getOrDefault(r, "—")).toList());
		return "sessions/session-detail";
	}

	@PostMapping("/sessions/{id}/occurrences/{date}/cancel")
	String cancelOccurrence(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable LocalDate date,
			@RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return change(id, redirect, () -> sessions.cancelOccurrence(user, id, date, reason, version), "session.page.occurrenceCancelled");
	}

	@PostMapping("/sessions/{id}/occurrences/{date}/move")
	String moveOccurrence(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @PathVariable LocalDate date,
			@RequestParam int version, @RequestParam(required = false) LocalDate movedOn,
			@RequestParam(required = false) LocalTime movedAt, @RequestParam(required = false) String room,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return change(id, redirect, () -> sessions.moveOccurrence(user, id, date, movedOn, movedAt, room, reason, version),
				"session.page.occurrenceMoved");
	}

	@PostMapping("/sessions/{id}/cancel")
	String cancel(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return change(id, redirect, () -> sessions.cancel(user, id, reason, version), "session.page.cancelled");
	}

	private static String change(UUID id, RedirectAttributes redirect, Runnable action, String notice) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("problem", refused.code());
			redirect.addFlashAttribute("problemArgs", List.of(refused.arguments()).stream().map(String::valueOf).toList());
		}
		catch (VersionConflict stale) {
			redirect.addFlashAttribute("problem", "session.page.stale");
			redirect.addFlashAttribute("problemArgs", List.of());
		}
		return "redirect:/sessions/" + id;
	}

	private String form(MilieuUser user, SessionForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("types", types.offered(user.programId()));
		model.addAttribute("typeNames", typeNames(user));
		model.addAttribute("houses", houseNames(user));
		model.addAttribute("staffMembers", staffMembers(user));
		List<CensusEntry> residents = census.today(user).stream().toList();
		model.addAttribute("residents", residents);
		// the small groups of the houses the scheduler's residents live in, by house
		Map<UUID, String> houseNames = houseNames(user);
		List<GroupChoice> groupChoices = new ArrayList<>();
		residents.stream().map(CensusEntry::houseId).distinct().forEach(house -> groups.groupsOf(user.programId(), house)
			.forEach(g -> groupChoices.add(new GroupChoice(g.id(), g.name(), houseNames.getOrDefault(house, "")))));
		model.addAttribute("groupChoices", groupChoices);
		return "sessions/session-new";
	}

	/** A small group offered as a session's attendees: its id, its letter and its house's name. */
	record GroupChoice(UUID id, String label, String houseName) {
	}

	private Map<UUID, String> houseNames(MilieuUser user) {
		Map<UUID, String> names = new LinkedHashMap<>();
		houses.list(user.programId()).forEach(h -> names.put(h.house().id(), h.house().name()));
		return names;
	}

	/** The kinds' own names; a default technique is named by its message key {@code session.type.<code>}. */
	private Map<UUID, SessionType> typeNames(MilieuUser user) {
		Map<UUID, SessionType> named = new LinkedHashMap<>();
		types.all(user.programId()).forEach(t -> named.put(t.id(), t));
		return named;
	}

	private List<Account> staffMembers(MilieuUser user) {
		return accounts.list(user.programId()).stream().filter(Account::enabled)
			.filter(a -> a.roles().contains(Role.ADMIN) || a.roles().contains(Role.CLINICIAN) || a.roles().contains(Role.STAFF))
			.toList();
	}

	/** What the schedule form sends; kept as entered when a booking is refused. */
	static class SessionForm {

		private UUID typeId;

		private String title;

		private UUID houseId;

		private String room;

		private LocalDate firstOn;

		private LocalTime startsAt;

		private Integer durationMinutes;

		/** none, weekly (on {@code days}, every {@code interval} weeks) or custom ({@code rrule}) */
		private String repeat = "none";

		private List<String> days = new ArrayList<>();

		private Integer interval = 1;

		private String rrule;

		private LocalDate until;

		private Integer count;

		private String attendees = "HOUSE";

		private List<UUID> residents = new ArrayList<>();

		private UUID groupId;

		private List<UUID> facilitators = new ArrayList<>();

		NewSession command() {
			AttendeeKind kind = "RESIDENTS".equals(attendees) ? AttendeeKind.RESIDENTS
					: "GROUP".equals(attendees) ? AttendeeKind.GROUP : AttendeeKind.HOUSE;
			return new NewSession(typeId, title, houseId, room, firstOn, startsAt, durationMinutes, rule(), kind,
					kind == AttendeeKind.HOUSE ? houseId : null, kind == AttendeeKind.GROUP ? groupId : null,
					kind == AttendeeKind.RESIDENTS ? residents : null, facilitators);
		}

		/** The RFC 5545 rule the repeat choices make. */
		String rule() {
			String base;
			if ("weekly".equals(repeat)) {
				List<String> byDay = days.stream().filter(d -> d != null && d.matches("MO|TU|WE|TH|FR|SA|SU")).toList();
				base = "FREQ=WEEKLY" + (interval != null && interval > 1 ? ";INTERVAL=" + interval : "")
						+ (byDay.isEmpty() ? "" : ";BYDAY=" + String.join(",", byDay));
			}
			else if ("custom".equals(repeat)) {
				return rrule == null || rrule.isBlank() ? "" : rrule;
			}
			else {
				return null;
			}
			if (until != null) {
				return base + ";UNTIL=" + until.toString().replace("-", "");
			}
			if (count != null) {
				return base + ";COUNT=" + count;
			}
			return base;
		}

		public UUID getTypeId() { return typeId; }
		public void setTypeId(UUID typeId) { this.typeId = typeId; }
		public String getTitle() { return title; }
		public void setTitle(String title) { this.title = title; }
		public UUID getHouseId() { return houseId; }
		public void setHouseId(UUID houseId) { this.houseId = houseId; }
		public String getRoom() { return room; }
		public void setRoom(String room) { this.room = room; }
		public LocalDate getFirstOn() { return firstOn; }
		public void setFirstOn(LocalDate firstOn) { this.firstOn = firstOn; }
		public LocalTime getStartsAt() { return startsAt; }
		public void setStartsAt(LocalTime startsAt) { this.startsAt = startsAt; }
		public Integer getDurationMinutes() { return durationMinutes; }
		public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
		public String getRepeat() { return repeat; }
		public void setRepeat(String repeat) { this.repeat = repeat; }
		public List<String> getDays() { return days; }
		public void setDays(List<String> days) { this.days = days == null ? new ArrayList<>() : days; }
		public Integer getInterval() { return interval; }
		public void setInterval(Integer interval) { this.interval = interval; }
		public String getRrule() { return rrule; }
		public void setRrule(String rrule) { this.rrule = rrule; }
		public LocalDate getUntil() { return until; }
		public void setUntil(LocalDate until) { this.until = until; }
		public Integer getCount() { return count; }
		public void setCount(Integer count) { this.count = count; }
		public UUID getGroupId() { return groupId; }
		public void setGroupId(UUID groupId) { this.groupId = groupId; }
		public String getAttendees() { return attendees; }
		public void setAttendees(String attendees) { this.attendees = attendees; }
		public List<UUID> getResidents() { return residents; }
		public void setResidents(List<UUID> residents) { this.residents = residents == null ? new ArrayList<>() : residents; }
		public List<UUID> getFacilitators() { return facilitators; }
		public void setFacilitators(List<UUID> facilitators) { this.facilitators = facilitators == null ? new ArrayList<>() : facilitators; }
	}
}
