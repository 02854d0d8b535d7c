package org.milieu.levels;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.CensusResidentNotes;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census's Level column: each resident's level today, read under
 * {@link DataCategory#LEVELS_AND_RATINGS} like the level board, and audited for every resident it
 * answers for.
 */
@Component
@Order(100)
class LevelCensusNotes implements CensusResidentNotes {

	private final ResidentLevels levels;

	private final AccessPolicy policy;

	LevelCensusNotes(ResidentLevels levels, AccessPolicy policy) {
		this.levels = levels;
		this.policy = policy;
	}

	@Override
	@Transactional
	public Map<UUID, List<Note>> notesFor(MilieuUser user, Collection<ResidentScope> residents) {
		// a person none of whose roles may read levels gets an empty column, and nothing is read
		if (policy.reach(user, AccessAction.READ, DataCategory.LEVELS_AND_RATINGS).nobody()) {
			return Map.of();
		}
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "CensusLevel");
		List<ResidentScope> shown = residents.stream().filter(r -> reach.includes(r.residentId(), r.houseId())).toList();
		Map<UUID, CurrentLevel> current = levels.current(user.programId());
		Map<UUID, List<Note>> notes = new HashMap<>();
		for (ResidentScope resident : shown) {
			CurrentLevel level = current.get(resident.residentId());
			if (level != null) {
				notes.put(resident.residentId(), List.of(Note.level("level.census.level", level.level().number())));
			}
		}
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "CensusLevel", reach, shown);
		return notes;
	}
}
