package org.milieu.levels.timeline;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.milieu.levels.RatingDomain;

/**
 * One resident's current ratings over a stretch of days (one day, or one week), per domain. On the
 * four-point domains {@link #average} is the mean rating; for {@link RatingDomain#SAFETY}, rated 1
 * for a safe shift and 0 for destructive behaviour, it is the share of rated shifts that were safe
 * (0 to 1), and {@link #destructive} counts the shifts with destructive behaviour.
 */
public record RatingSpan(LocalDate from, LocalDate to, Map<RatingDomain, Tally> tallies) {

	public RatingSpan {
		EnumMap<RatingDomain, Tally> copy = new EnumMap<>(RatingDomain.class);
		for (RatingDomain domain : RatingDomain.values()) {
			copy.put(domain, tallies.getOrDefault(domain, Tally.NONE));
		}
		tallies = java.util.Collections.unmodifiableMap(copy);
	}

	/** The domain's average over the span (see the type's note for safety), or null when it was not rated. */
	public Double average(RatingDomain domain) {
		return tallies.get(domain).average();
	}

	/** Every domain's average, in the domains' order; null where a domain was not rated. */
	public Map<RatingDomain, Double> averages() {
		Map<RatingDomain, Double> averages = new EnumMap<>(RatingDomain.class);
		for (RatingDomain domain : RatingDomain.values()) {
			averages.put(domain, average(domain));
		}
		return java.util.Collections.unmodifiableMap(averages);
	}

	/** The shifts rated as having destructive behaviour to self or others. */
	public int destructive() {
		Tally safety = tallies.get(RatingDomain.SAFETY);
		return safety.rated() - safety.sum();
	}

	/** Whether anything was rated in the span. */
	public boolean rated() {
		return tallies.values().stream().anyMatch(t -> t.rated() > 0);
	}

	/** This span and a later one as one span. */
	RatingSpan through(RatingSpan later) {
		Map<RatingDomain, Tally> sum = new EnumMap<>(RatingDomain.class);
		for (RatingDomain domain : RatingDomain.values()) {
			sum.put(domain, tallies.get(domain).plus(later.tallies.get(domain)));
		}
		return new RatingSpan(from, later.to, sum);
	}
}
