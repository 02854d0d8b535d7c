package org.milieu.sessions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.milieu.shared.RuleViolation;

/**
 * A session's recurrence rule: an RFC 5545 {@code RRULE} value (without the {@code RRULE:} prefix)
 * from the session's first date, expanded by ical4j. A session recurs by days, weeks, months or
 * years, at its own time of day, so a rule may not name hours, minutes or seconds; {@code UNTIL} is a
 * date. An open rule (neither {@code UNTIL} nor {@code COUNT}) runs on until the session is ended.
 * Refused rules raise {@code session.rrule.*} naming the field {@code rrule}.
 */
public final class Recurrence {

	static final int TEXT_MAX = 500;

	/** The most occurrences one expansion answers, whatever the range asked (a daily session for years). */
	static final int MOST = 2_000;

	private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
			Frequency.YEARLY);

	private final String text;

	private final Recur<LocalDate> rule;

	private final LocalDate first;

	private Recurrence(String text, Recur<LocalDate> rule, LocalDate first) {
		this.text = text;
		this.rule = rule;
		this.first = first;
	}

	/** The rule in {@code text}, from {@code first}; refused when it is not a rule a session may have. */
	public static Recurrence of(String text, LocalDate first) {
		String value = text == null ? "" : text.strip();
		if (value.regionMatches(true, 0, "RRULE:", 0, 6)) {
			value = value.substring(6);
		}
		value = value.toUpperCase(java.util.Locale.ROOT);
		if (value.isEmpty() || value.length() > TEXT_MAX) {
			throw new RuleViolation("session.rrule.invalid", "rrule");
		}
		Recur<LocalDate> rule;
		try {
			rule = new Recur<>(value, true);
			if (rule.getUntil() != null) {
				// UNTIL must parse as a date: a date-time until is refused rather than guessed at
				LocalDate until = rule.getUntil();
				if (until.isBefore(first)) {
					throw new RuleViolation("session.rrule.until", "rrule");
				}
			}
		}
		catch (RuleViolation ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleViolation("session.rrule.invalid", "rrule");
		}
		if (rule.getFrequency() == null || !FREQUENCIES.contains(rule.getFrequency())) {
			throw new RuleViolation("session.rrule.frequency", "rrule");
		}
		if (!rule.getHourList().isEmpty() || !rule.getMinuteList().isEmpty() || !rule.getSecondList().isEmpty()) {
			throw new RuleViolation("session.rrule.time", "rrule");
		}
		if (rule.getInterval() > 52 || rule.getCount() > 1_000) {
			throw new RuleViolation("session.rrule.invalid", "rrule");
		}
		Recurrence recurrence = new Recurrence(rule.toString(), rule, first);
		if (recurrence.dates(first, first.plusYears(2)).isEmpty()) {
			throw new RuleViolation("session.rrule.empty", "rrule");
		}
		return recurrence;
	}

	/** The rule as stored and as written into a calendar feed. */
	public String text() {
		return text;
	}

	/** The dates the rule gives from {@code from} to {@code to}, both included, in order; at most {@link #MOST}. */
	public List<LocalDate> dates(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || to.isBefore(first)) {
			return List.of();
		}
		LocalDate start = from.isBefore(first) ? first : from;
		// a day more, then the filter: the range is inclusive whatever ical4j's period end is
		return rule.getDates(first, start, to.plusDays(1), MOST).stream()
			.filter(d -> !d.isBefore(start) && !d.isAfter(to))
			.toList();
	}

	/** The last date of a rule with an end (UNTIL or COUNT); empty for an open rule. */
	public Optional<LocalDate> lastDate() {
		if (rule.getUntil() == null && rule.getCount() < 1) {
			return Optional.empty();
		}
		LocalDate horizon = rule.getUntil() != null ? rule.getUntil() : first.plus(rule.getCount() * 366L * Math.max(1, rule.getInterval()), ChronoUnit.DAYS);
		List<LocalDate> all = dates(first, horizon);
		return all.isEmpty() ? Optional.of(first) : Optional.of(all.get(all.size() - 1));
	}
}
