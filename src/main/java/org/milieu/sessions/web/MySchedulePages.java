package org.milieu.sessions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.milieu.government.Meeting;
import org.milieu.government.Meetings;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.residents.passes.Pass;
import org.milieu.residents.passes.Passes;
import org.milieu.sessions.Occurrence;
import org.milieu.sessions.SessionCalendar;
import org.milieu.shared.PageRequest;
import org.milieu.work.Assignment;
import org.milieu.work.Rosters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A resident's day, today by default with the previous and next day: the sessions they are expected
 * at, their jobs on the published roster, their house's and the program's community meetings, and
 * their passes. Each is read through its own module as the resident, so each module checks the
 * access and audits it. Sessions name no other resident here: a group shows by its title.
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MySchedulePages {

	/** One line of the day: when, what, and its kind (session, job, meeting, pass). */
	record Entry(LocalTime startsAt, LocalTime endsAt, String kind, String what, String where) {
	}

	private final SessionCalendar calendar;

	private final Rosters rosters;

	private final Meetings meetings;

	private final Passes passes;

	private final Programs programs;

	private final java.time.Clock clock;

	MySchedulePages(SessionCalendar calendar, Rosters rosters, Meetings meetings, Passes passes, Programs programs,
			java.time.Clock clock) {
		this.calendar = calendar;
		this.rosters = rosters;
		this.meetings = meetings;
		this.passes = passes;
		this.programs = programs;
		this.clock = clock;
	}

	@GetMapping("/me/schedule")
	String day(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) LocalDate date, Model model) {
		ZoneId zone = programs.timeZone(user.programId());
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate day = date == null ? today : date;
		List<Entry> entries = new ArrayList<>();
		for (Occurrence o : calendar.residentDay(user, user.residentId(), day)) {
			entries.add(new Entry(o.start().toLocalTime(), o.end().toLocalTime(), "session", o.title(), o.room()));
		}
		for (Assignment a : rosters.publishedFor(user, user.residentId())) {
			if (a.scheduledOn(day)) {
				entries.add(new Entry(a.startsAt(), a.startsAt() == null ? null : a.startsAt().plusMinutes(a.expectedMinutes()),
						"job", a.jobName(), null));
			}
		}
		for (Meeting m : meetings.list(user, null, null, day, day, new PageRequest(null, PageRequest.MAX_LIMIT)).items()) {
			entries.add(new Entry(LocalDateTime.ofInstant(m.startsAt(), zone).toLocalTime(), null, "meeting", m.title(), null));
		}
		Instant dayStart = day.atStartOfDay(zone).toInstant();
		Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
		for (Pass p : passes.history(user, user.residentId())) {
			Instant back = p.returnedAt() != null ? p.returnedAt() : p.expectedBackAt();
			if (p.leftAt().isBefore(dayEnd) && (back == null || back.isAfter(dayStart))) {
				entries.add(new Entry(LocalDateTime.ofInstant(p.leftAt(), zone).toLocalTime(),
						back == null ? null : LocalDateTime.ofInstant(back, zone).toLocalTime(), "pass", p.destination(), null));
			}
		}
		entries.sort(Comparator.comparing(Entry::startsAt, Comparator.nullsLast(Comparator.naturalOrder())));
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("entries", entries);
		return "sessions/my-schedule";
	}
}
