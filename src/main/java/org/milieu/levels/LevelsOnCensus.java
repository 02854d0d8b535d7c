package org.milieu.levels;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.residents.CensusHouseLines;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Under each house on the census, the way to the work of the shift: the point sheet of the shift
 * under way and the house's observation rounds. Links only; no resident data is read here.
 */
@Component
@Order(200)
class LevelsOnCensus implements CensusHouseLines {

	private final Houses houses;

	LevelsOnCensus(Houses houses) {
		this.houses = houses;
	}

	@Override
	public Map<UUID, List<Attention>> linesFor(MilieuUser user) {
		Map<UUID, List<Attention>> lines = new HashMap<>();
		if (!(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			return lines;
		}
		for (HouseSummary summary : houses.list(user.programId())) {
			UUID id = summary.house().id();
			lines.put(id, List.of(
					new Attention(Attention.Severity.NOTICE, "level.census.pointSheet", List.of(), "/houses/" + id + "/point-sheet", null),
					new Attention(Attention.Severity.NOTICE, "level.census.rounds", List.of(), "/houses/" + id + "/rounds", null)));
		}
		return lines;
	}
}
