package org.milieu.government;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.platform.ResidentDay;
import org.milieu.platform.TodayCard;
import org.milieu.platform.TodayCard.Line;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A resident's community on their home page: the next meeting of their house or the whole program
 * with its agenda, and the open action items they took on, which they are asked to do. Read through
 * {@link Meetings#upcoming} and {@link ActionItems#list}, which keep a resident to their own house and
 * their own items and audit the read.
 */
@Component
class MeetingDay implements ResidentDay {

	static final int AGENDA_SHOWN = 6;

	private final Meetings meetings;

	private final ActionItems actionItems;

	private final Programs programs;

	MeetingDay(Meetings meetings, ActionItems actionItems, Programs programs) {
		this.meetings = meetings;
		this.actionItems = actionItems;
		this.programs = programs;
	}

	@Override
	public List<TodayCard> cardsFor(Authentication who) {
		return MilieuUser.signedInResident(who).map(this::cards).orElse(List.of());
	}

	private List<TodayCard> cards(MilieuUser user) {
		ZoneId zone = programs.timeZone(user.programId());
		DateTimeFormatter when = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", LocaleContextHolder.getLocale());
		List<Line> lines = new ArrayList<>();
		String link = "/meetings";
		Meeting next = meetings.upcoming(user).stream().filter(m -> m.status() != MeetingStatus.CLOSED).findFirst()
			.orElse(null);
		if (next != null) {
			link = "/meetings/" + next.id();
			lines.add(Line.of("today.meeting.when", next.title(), when.format(next.startsAt().atZone(zone))).linkedTo(link));
			next.agenda().stream().limit(AGENDA_SHOWN)
				.forEach(i -> lines.add(Line.of("today.meeting.item." + i.kind().name(), i.title())));
			if (next.agenda().isEmpty()) {
				lines.add(Line.of("today.meeting.noAgenda"));
			}
		}
		List<Line> asks = actionItems.list(user, ActionItemStatus.OPEN).stream()
			.map(a -> (a.dueOn() == null ? Line.of("today.ask.actionItemNoDue", a.title())
					: Line.of("today.ask.actionItem", a.title(), a.dueOn().toString())).linkedTo("/action-items#action-" + a.id()))
			.toList();
		return List.of(new TodayCard(20, "today-meeting", "today.meeting.heading", lines, "today.meeting.none", asks, link,
				"today.meeting.link"));
	}
}
