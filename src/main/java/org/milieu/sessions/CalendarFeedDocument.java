package org.milieu.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a calendar feed as RFC 5545 text: one VEVENT per session, its UID the session's id (stable
 * as the session changes; SEQUENCE is the session's version), its times local to the program's time
 * zone with the zone's VTIMEZONE. A series carries its RRULE (an UNTIL date becomes the UTC instant
 * of its last start, as RFC 5545 requires beside a zoned DTSTART), a cancelled occurrence is an
 * EXDATE, a moved one an override VEVENT of the same UID with RECURRENCE-ID (its original start),
 * its new times and room. A cancelled session stays in the feed with STATUS:CANCELLED, so a
 * subscribed calendar shows it called off instead of silently losing it.
 *
 * <p>Privacy: no feed names a resident. The session's title is free text and could name someone, so
 * no feed carries it: an event is named by its kind of session. A resident's feed says "Group
 * session: kind" with the time and room and nothing else (no facilitators, no attendees, no notes).
 * A staff member's and a house's feed add the house and the facilitators (staff), and say who is
 * expected only as "the residents of the house", "a small group" or a count of named residents
 * (no initials either).
 */
@Component
class CalendarFeedDocument {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

	private static final Pattern UNTIL_DATE = Pattern.compile("UNTIL=(\\d{8})(?=;|$)");

	private static final String UID_DOMAIN = "@sessions.milieu";

	private final MessageSource messages;

	private final Clock clock;

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	CalendarFeedDocument(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	String write(CalendarFeedKind kind, ZoneId zone, List<Session> sessions, List<SessionType> types,
			Map<UUID, String> houses, Locale locale) {
		Times times = times(zone);
		Map<UUID, SessionType> kinds = types.stream().collect(Collectors.toMap(SessionType::id, Function.identity()));
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Milieu//Therapeutic sessions//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", text(locale, "calendarFeed.calendarName." + kind)));
		if (times.zone != null) {
			calendar.add(new XProperty("X-WR-TIMEZONE", times.zone.getValue()));
			calendar.add(times.vtimezone);
		}
		String stamp = UTC.format(clock.instant().atOffset(ZoneOffset.UTC));
		for (Session s : sessions) {
			String summary = summary(kind, s, kinds.get(s.typeId()), houses, locale);
			String description = kind == CalendarFeedKind.RESIDENT ? null : description(s, houses, locale);
			// a one-off session's one occurrence, moved or cancelled as it is; a series is written as its rule
			List<Occurrence> occurrences = s.recurring() ? List.of() : Occurrences.occurrencesOf(s, s.firstOn(), s.firstOn());
			VEvent event = new VEvent(false);
			event.add(new Uid(s.id() + UID_DOMAIN));
			event.add(new DtStamp(stamp));
			event.add(new Sequence(s.version()));
			if (s.recurring()) {
				event.add(new DtStart<>(times.params(), times.format(s.firstOn().atTime(s.startsAt()))));
				event.add(new DtEnd<>(times.params(),
						times.format(s.firstOn().atTime(s.startsAt()).plusMinutes(s.durationMinutes()))));
				event.add(new RRule<>(rule(s, times)));
				List<String> cancelled = s.exceptions().stream().filter(e -> e.kind() == SessionException.Kind.CANCELLED)
					.map(e -> times.format(e.occursOn().atTime(s.startsAt()))).toList();
				if (!cancelled.isEmpty()) {
					event.add(new ExDate<>(times.params(), String.join(",", cancelled)));
				}
			}
			else {
				Occurrence only = occurrences.isEmpty() ? null : occurrences.get(0);
				LocalDateTime start = only == null ? s.firstOn().atTime(s.startsAt()) : only.start();
				event.add(new DtStart<>(times.params(), times.format(start)));
				event.add(new DtEnd<>(times.params(), times.format(start.plusMinutes(s.durationMinutes()))));
			}
			boolean offCancelled = s.cancelled() || (!occurrences.isEmpty() && occurrences.get(0).cancelled());
			event.add(new Summary(summary));
			String room = occurrences.isEmpty() ? s.room() : occurrences.get(0).room();
			if (room != null && !room.isBlank()) {
				event.add(new Location(room));
			}
			if (description != null) {
				event.add(new Description(description));
			}
			event.add(new Status(offCancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
			calendar.add(event);
			if (s.recurring()) {
				for (SessionException moved : s.exceptions()) {
					if (moved.kind() == SessionException.Kind.MOVED) {
						calendar.add(override(s, moved, summary, description, stamp, times));
					}
				}
			}
		}
		return calendar.toString();
	}

	/** The moved occurrence: the same UID, its original start as RECURRENCE-ID, its new day, time and room. */
	private VEvent override(Session s, SessionException moved, String summary, String description, String stamp, Times times) {
		LocalDateTime start = moved.movedOn().atTime(moved.movedAt());
		VEvent event = new VEvent(false);
		event.add(new Uid(s.id() + UID_DOMAIN));
		event.add(new DtStamp(stamp));
		event.add(new Sequence(s.version()));
		event.add(new RecurrenceId<>(times.params(), times.format(moved.occursOn().atTime(s.startsAt()))));
		event.add(new DtStart<>(times.params(), times.format(start)));
		event.add(new DtEnd<>(times.params(), times.format(start.plusMinutes(s.durationMinutes()))));
		event.add(new Summary(summary));
		String room = moved.room() != null ? moved.room() : s.room();
		if (room != null && !room.isBlank()) {
			event.add(new Location(room));
		}
		if (description != null) {
			event.add(new Description(description));
		}
		event.add(new Status(s.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		return event;
	}

	/** The session's rule, its UNTIL date made the UTC instant of the last start (RFC 5545, 3.3.10). */
	private static String rule(Session s, Times times) {
		Matcher until = UNTIL_DATE.matcher(s.rrule());
		if (!until.find()) {
			return s.rrule();
		}
		LocalDate last = LocalDate.parse(until.group(1), DateTimeFormatter.BASIC_ISO_DATE);
		String instant = UTC.format(last.atTime(s.startsAt()).atZone(times.java).withZoneSameInstant(ZoneOffset.UTC));
		return until.replaceFirst("UNTIL=" + instant);
	}

	private String summary(CalendarFeedKind kind, Session s, SessionType type, Map<UUID, String> houses, Locale locale) {
		String name = type == null ? text(locale, "calendarFeed.session")
				: type.name() != null ? type.name() : text(locale, "session.type." + type.code());
		if (kind == CalendarFeedKind.RESIDENT) {
			return messages.getMessage("calendarFeed.summary.resident", new Object[] { name }, locale);
		}
		UUID house = s.houseId() != null ? s.houseId() : s.attendeeHouseId();
		return house == null || !houses.containsKey(house) ? name
				: messages.getMessage("calendarFeed.summary.house", new Object[] { name, houses.get(house) }, locale);
	}

	private String description(Session s, Map<UUID, String> houses, Locale locale) {
		List<String> lines = new ArrayList<>();
		String who = switch (s.attendeeKind()) {
			case HOUSE -> messages.getMessage("calendarFeed.attendees.house",
					new Object[] { houses.getOrDefault(s.attendeeHouseId(), "") }, locale);
			case GROUP -> text(locale, "calendarFeed.attendees.group");
			case RESIDENTS -> messages.getMessage("calendarFeed.attendees.residents", new Object[] { s.residents().size() },
					locale);
		};
		lines.add(who);
		if (!s.facilitators().isEmpty()) {
			lines.add(messages.getMessage("calendarFeed.facilitators",
					new Object[] { s.facilitators().stream().map(Facilitator::name).collect(Collectors.joining(", ")) },
					locale));
		}
		return String.join("\n", lines);
	}

	private String text(Locale locale, String code) {
		return messages.getMessage(code, null, code, locale);
	}

	/**
	 * How times are written: local to the program's zone with its TZID and VTIMEZONE when ical4j knows
	 * the zone; otherwise (a fixed offset, or a zone it lacks) as UTC instants.
	 */
	private Times times(ZoneId zone) {
		VTimeZone vtimezone = null;
		if (!(zone instanceof ZoneOffset) && !zone.getRules().isFixedOffset()) {
			net.fortuna.ical4j.model.TimeZone known = zones.getTimeZone(zone.getId());
			vtimezone = known == null ? null : known.getVTimeZone();
		}
		return new Times(zone, vtimezone == null ? null : new TzId(zone.getId()), vtimezone);
	}

	private record Times(ZoneId java, TzId zone, VTimeZone vtimezone) {

		ParameterList params() {
			return zone == null ? new ParameterList() : new ParameterList(List.of(zone));
		}

		String format(LocalDateTime local) {
			return zone == null ? UTC.format(local.atZone(java).withZoneSameInstant(ZoneOffset.UTC)) : LOCAL.format(local);
		}
	}
}
