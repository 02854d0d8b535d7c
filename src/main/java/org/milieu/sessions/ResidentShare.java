package org.milieu.sessions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.residents.HouseDays;
import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Component;

/**
 * A resident's share of their houses', small groups' and named sessions, for their calendar feed: a
 * small group's session cut to the weeks the resident is in the group, each house session cut to
 * the days they stay in that house (a move ends the old house's series on the day of the move and
 * starts the new house's there), and every one of them cut to the days they have reached the kind's
 * minimum level ({@link SessionEligibility}), as {@link ExpectedAttendees} decides for each
 * occurrence. A series the resident is expected at throughout stays whole; a cut one keeps its
 * rule from its first date in the stretch to its last (the rule's COUNT or UNTIL replaced by that
 * UNTIL), with the exceptions of those dates, and is named anew unless it keeps its first date, so
 * a resident who comes back to a house gets a second series beside the first.
 */
@Component
class ResidentShare {

	private final HouseDays houseDays;

	private final SessionEligibility eligibility;

	private final ExpectedAttendees expected;

	ResidentShare(HouseDays houseDays, SessionEligibility eligibility, ExpectedAttendees expected) {
		this.houseDays = houseDays;
		this.eligibility = eligibility;
		this.expected = expected;
	}

	/**
	 * The sessions as the resident's feed carries them, cut to the resident's days. Reads the
	 * resident's houses once, their level once per kind and a small group's members once per series.
	 */
	List<Session> of(ProgramId program, UUID resident, Collection<Session> sessions, Map<UUID, SessionType> kinds,
			LocalDate from, LocalDate to) {
		List<HouseDays.Spell> spells = null;
		Map<UUID, List<SessionEligibility.Span>> eligible = new java.util.HashMap<>();
		java.util.function.Function<UUID, List<SessionEligibility.Span>> levelled = kind -> eligible.computeIfAbsent(kind,
				t -> eligibility.eligibleSpans(program, kinds.get(t), resident));
		List<Session> out = new ArrayList<>();
		for (Session s : sessions) {
			if (s.attendeeKind() == AttendeeKind.HOUSE && spells == null) {
				spells = houseDays.spells(program, List.of(resident), from, to).getOrDefault(resident, List.of());
			}
			List<SessionEligibility.Span> stretches = switch (s.attendeeKind()) {
				case GROUP -> inGroup(program, resident, s, from, to);
				case RESIDENTS -> levelled.apply(s.typeId());
				case HOUSE -> inHouse(s, spells, levelled.apply(s.typeId()));
			};
			for (SessionEligibility.Span span : stretches) {
				Session cut = cut(s, span);
				if (cut != null) {
					out.add(cut);
				}
			}
		}
		return out;
	}

	/** The stretches in which the resident stays in the session's house and holds the kind's level. */
	private static List<SessionEligibility.Span> inHouse(Session s, List<HouseDays.Spell> spells,
			List<SessionEligibility.Span> levelled) {
		List<SessionEligibility.Span> out = new ArrayList<>();
		for (HouseDays.Spell spell : spells) {
			if (!spell.houseId().equals(s.attendeeHouseId())) {
				continue;
			}
			for (SessionEligibility.Span span : levelled) {
				SessionEligibility.Span both = intersection(new SessionEligibility.Span(spell.from(), spell.until()), span);
				if (both != null) {
					out.add(both);
				}
			}
		}
		return out;
	}

	/**
	 * The stretches in which the resident is among a small group's session's expected attendees, from
	 * the group's approved groupings week by week: from an occurrence they are expected at to the next
	 * one they are not (open at the end of the window: the latest grouping holds until another is
	 * approved). The days they are expected are read for the whole window at once.
	 */
	private List<SessionEligibility.Span> inGroup(ProgramId program, UUID resident, Session s, LocalDate from, LocalDate to) {
		List<SessionEligibility.Span> spans = new ArrayList<>();
		LocalDate open = null;
		List<Occurrence> occurrences = Occurrences.occurrencesOf(s, from, to);
		Set<LocalDate> expectedOn = expected.daysInGroup(program, s, resident,
				occurrences.stream().map(Occurrence::occursOn).toList());
		for (Occurrence o : occurrences) {
			boolean member = expectedOn.contains(o.occursOn());
			if (member && open == null) {
				open = o.occursOn();
			}
			else if (!member && open != null) {
				spans.add(new SessionEligibility.Span(open, o.occursOn()));
				open = null;
			}
		}
		if (open != null) {
			spans.add(new SessionEligibility.Span(open, null));
		}
		return spans;
	}

	private static SessionEligibility.Span intersection(SessionEligibility.Span a, SessionEligibility.Span b) {
		LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
		LocalDate until = a.until() == null ? b.until() : b.until() == null ? a.until()
				: a.until().isBefore(b.until()) ? a.until() : b.until();
		return until != null && !until.isAfter(from) ? null : new SessionEligibility.Span(from, until);
	}

	/** The session within the stretch: itself when it lies wholly in it, null when none of its dates does. */
	static Session cut(Session s, SessionEligibility.Span span) {
		if (!s.recurring()) {
			return span.covers(s.firstOn()) ? s : null;
		}
		boolean fromStart = !span.from().isAfter(s.firstOn());
		boolean toEnd = span.until() == null || (s.lastOn() != null && span.until().isAfter(s.lastOn()));
		if (fromStart && toEnd) {
			return s;
		}
		Recurrence rule = Recurrence.of(s.rrule(), s.firstOn());
		LocalDate start = fromStart ? s.firstOn() : span.from();
		List<LocalDate> firsts = rule.dates(start, start.plusDays(400));
		if (firsts.isEmpty() || !span.covers(firsts.get(0))) {
			return null;
		}
		LocalDate first = firsts.get(0);
		LocalDate last;
		if (toEnd) {
			last = s.lastOn();
		}
		else {
			LocalDate end = span.until().minusDays(1);
			List<LocalDate> lasts = rule.dates(end.minusDays(400).isBefore(first) ? first : end.minusDays(400), end);
			last = lasts.isEmpty() ? first : lasts.get(lasts.size() - 1);
		}
		String text = String.join(";", java.util.Arrays.stream(s.rrule().split(";"))
			.filter(part -> !part.startsWith("COUNT=") && !part.startsWith("UNTIL=")).toList())
				+ (last == null ? "" : ";UNTIL=" + last.format(DateTimeFormatter.BASIC_ISO_DATE));
		UUID id = first.equals(s.firstOn()) ? s.id()
				: UUID.nameUUIDFromBytes(("resident-share/" + s.id() + "/" + first).getBytes(StandardCharsets.UTF_8));
		LocalDate lastDay = last;
		List<SessionException> exceptions = s.exceptions().stream()
			.filter(e -> !e.occursOn().isBefore(first) && (lastDay == null || !e.occursOn().isAfter(lastDay))).toList();
		return new Session(id, s.typeId(), s.title(), s.houseId(), s.room(), first, s.startsAt(), s.durationMinutes(), text,
				last, s.attendeeKind(), s.attendeeHouseId(), s.attendeeGroupId(), s.facilitators(), s.residents(), exceptions,
				s.cancelled(), s.version());
	}
}
