package org.milieu.levels.rounds;

import java.time.ZoneId;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The home page's word on observation rounds, for staff roles: one urgent item per overdue check,
 * linking to the house's rounds page. Naming residents reads their rounds, so the list comes from
 * {@link ObservationRounds#overdue(MilieuUser)}, which applies the access policy and audits it:
 * staff see only the residents of the houses they work in.
 */
@Component
class RoundsAttention implements AttentionSource {

	static final String OVERDUE = "rounds.attention.overdue";

	private final ObservationRounds rounds;

	RoundsAttention(ObservationRounds rounds) {
		this.rounds = rounds;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			return List.of();
		}
		List<DueCheck> overdue = rounds.overdue(user);
		if (overdue.isEmpty()) {
			return List.of();
		}
		ZoneId zone = rounds.zone(user.programId());
		return overdue.stream()
			.map(d -> new Attention(Attention.Severity.URGENT, OVERDUE,
					List.of(d.residentName(), rounds.clockTime(d.nextDue(), zone)), "/houses/" + d.houseId() + "/rounds",
					d.nextDue()))
			.toList();
	}
}
