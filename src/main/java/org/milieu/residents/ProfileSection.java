package org.milieu.residents;

import java.util.Map;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;

/**
 * A tab of the resident profile contributed by another module (levels contributes the level
 * history). {@code residents} knows nothing of the modules downstream of it: each implements this
 * interface, and the profile shows the tabs of the modules present, in {@code @Order}. A tab
 * with nothing behind it is never shown.
 */
public interface ProfileSection {

	/** The tab's key in the page's address ({@code ?tab=level}): lower-case letters only. */
	String key();

	/** The message key of the tab's title. */
	String titleKey();

	/**
	 * Whether the tab is offered to this person for this resident: the access policy's decision
	 * for the section's category, asked without recording (nothing is read yet).
	 */
	boolean visibleTo(MilieuUser user, ResidentScope resident);

	/**
	 * The section's content: the access policy decides the read of the section's data and
	 * records it, as every read of a resident's data.
	 */
	Content read(MilieuUser user, ResidentScope resident);

	/**
	 * A Thymeleaf template holding a fragment named {@code section} (e.g. {@code "levels/level-history"})
	 * and the model it renders.
	 */
	record Content(String template, Map<String, Object> model) {

		public Content {
			model = Map.copyOf(model);
		}
	}
}
