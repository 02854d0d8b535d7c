package org.milieu.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;

/**
 * What another module ended when a stay ended, for the discharged resident's record and the
 * printed discharge summary. Each module that holds something of a resident reacts to
 * {@link ResidentDischarged} after the discharge commits (a persisted event, completed at the
 * next start after a crash) and keeps its own record of what it closed; it implements this
 * interface to read that record back. {@code residents} knows none of them (ADR 0011, ADR 0016).
 */
public interface DischargeClosures {

	/** The message key naming the module's part ("Work and stipends"). */
	String titleKey();

	/**
	 * The category of the resident's data the part shows: {@link DischargeClosings} offers the part
	 * only to whom the access policy lets read it, and audits the read, before asking for it.
	 */
	DataCategory category();

	/**
	 * What the module closed for this stay, asked once the read of {@link #category()} is allowed
	 * and audited; empty while the module's reaction has not yet run (the page says "still being
	 * closed", never a false empty list).
	 */
	Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay);

	/** The stay that ended. */
	record Stay(UUID stayId, LocalDate dischargedOn) {
	}

	/**
	 * What was closed, as message keys with arguments (the page stays in the reader's language);
	 * no line at all means the module held nothing of the resident. {@code action}: an optional
	 * fragment (template with a fragment named {@code action}, and its model) the discharged
	 * record shows below the lines, such as paying out a stipend balance.
	 */
	record Closed(List<Line> lines, Action action) {

		public Closed {
			lines = List.copyOf(lines);
		}

		public static Closed of(List<Line> lines) {
			return new Closed(lines, null);
		}
	}

	/**
	 * One thing closed. {@code printed}: it also goes on the printed discharge summary, which
	 * carries only what the person leaving needs (the stipend balance), not the house's business.
	 */
	record Line(String key, List<Object> arguments, boolean printed) {

		public Line {
			arguments = List.copyOf(arguments);
		}

		public static Line of(String key, Object... arguments) {
			return new Line(key, List.of(arguments), false);
		}

		public Object[] args() {
			return arguments.toArray();
		}
	}

	/** A fragment of the module's own templates and the model it renders. */
	record Action(String template, Map<String, Object> model) {

		public Action {
			model = Map.copyOf(model);
		}
	}
}
