package org.milieu.sessions;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An occurrence's roll: every expected attendee the reader may see, with their mark or none yet,
 * then the walk-ins (and anyone marked who is no longer expected).
 *
 * @param hidden how many expected attendees the reader may not see (outside their reach)
 */
public record RollCall(Occurrence occurrence, List<Line> lines, int hidden) {

	public RollCall {
		lines = List.copyOf(lines);
	}

	/** How many expected attendees shown have no mark yet. */
	public long unmarked() {
		return lines.stream().filter(l -> l.mark() == null).count();
	}

	/** One resident on the roll. */
	public record Line(UUID residentId, String name, boolean expected, @Nullable AttendanceMark mark) {

		public boolean walkIn() {
			return mark != null && mark.walkIn();
		}
	}
}
