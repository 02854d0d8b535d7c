package org.milieu.levels.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.levels.Level;

/**
 * One resident's ratings from {@code from} to {@code to}: every day of the window, oldest first
 * (a day nobody rated has no averages), and the level steps that overlap the window, oldest first.
 */
public record Timeline(UUID residentId, String residentName, LocalDate from, LocalDate to, List<RatingSpan> days,
		List<LevelStep> levels) {

	public Timeline {
		days = List.copyOf(days);
		levels = List.copyOf(levels);
	}

	/** The level the resident held on that day, if they had one yet. */
	public Optional<Level> levelOn(LocalDate day) {
		return levels.stream().filter(s -> s.covers(day)).map(LevelStep::level).findFirst();
	}

	/**
	 * The window in weeks of seven days that end on {@code to}, newest first; the oldest week is
	 * shorter when the window is not a whole number of weeks. Each week weighs every rated shift alike.
	 */
	public List<RatingSpan> weeks() {
		List<RatingSpan> weeks = new ArrayList<>();
		for (int end = days.size() - 1; end >= 0; end -= 7) {
			int start = Math.max(0, end - 6);
			RatingSpan week = days.get(start);
			for (int i = start + 1; i <= end; i++) {
				week = week.through(days.get(i));
			}
			weeks.add(week);
		}
		return List.copyOf(weeks);
	}

	/** Whether anything was rated in the window. */
	public boolean rated() {
		return days.stream().anyMatch(RatingSpan::rated);
	}
}
