package org.milieu.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.platform.ResidentDay;
import org.milieu.platform.TodayCard;
import org.milieu.platform.TodayCard.Line;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A resident's next session today on their home page, read through {@link SessionCalendar} as the
 * resident (access checked, audited); a group shows by its title, never by who else attends.
 */
@Component
class SessionsDay implements ResidentDay {

	private final SessionCalendar calendar;

	private final Programs programs;

	private final Clock clock;

	SessionsDay(SessionCalendar calendar, Programs programs, Clock clock) {
		this.calendar = calendar;
		this.programs = programs;
		this.clock = clock;
	}

	@Override
	public List<TodayCard> cardsFor(Authentication who) {
		return MilieuUser.signedInResident(who).map(this::cards).orElse(List.of());
	}

	private List<TodayCard> cards(MilieuUser user) {
		ZoneId zone = programs.timeZone(user.programId());
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
		LocalDate today = now.toLocalDate();
		List<Line> lines = calendar.residentDay(user, user.residentId(), today).stream()
			.filter(o -> o.end().isAfter(now)).limit(1)
			.map(o -> Line.of("today.sessions.next", o.title().isBlank() ? "—" : o.title(), o.start().toLocalTime().toString()))
			.toList();
		return List.of(new TodayCard(15, "today-sessions", "today.sessions.heading", lines, "today.sessions.none", List.of(),
				"/me/schedule", "today.sessions.link"));
	}
}
