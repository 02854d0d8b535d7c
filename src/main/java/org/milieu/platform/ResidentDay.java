package org.milieu.platform;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * A module's part of a resident's home page, their day: work gives today's jobs and the stipend
 * balance, government the next community meeting and its agenda, levels the level and what is left
 * for the next one. Each module answers for the signed-in resident's own data only, through its own
 * services, so the read passes the access policy and is audited like any other; platform renders the
 * cards without knowing the modules.
 */
public interface ResidentDay {

	/** This resident's cards for today; empty for anyone who is not a resident, or when there is nothing. */
	List<TodayCard> cardsFor(Authentication who);
}
