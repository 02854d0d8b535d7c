package org.milieu.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Attention;
import org.milieu.residents.CensusResidentNotes;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The census flag "drug-screen follow-up open": the resident has a positive or refused screen
 * that a clinician has not yet followed up. It is drug-screen data (42 CFR Part 2), so it is
 * shown only to people who may read {@link DataCategory#DRUG_SCREENS} for that resident, and
 * every resident checked is audited under that category: no flag says something too.
 */
@Component
@Order(200)
class ScreeningCensusNotes implements CensusResidentNotes {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	ScreeningCensusNotes(JdbcClient jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	@Override
	@Transactional
	public Map<UUID, List<Note>> notesFor(MilieuUser user, Collection<ResidentScope> residents) {
		// a person none of whose roles may read drug screens sees no flag, and nothing is read
		if (policy.reach(user, AccessAction.READ, DataCategory.DRUG_SCREENS).nobody()) {
			return Map.of();
		}
		Reach reach = policy.enforceListing(user, DataCategory.DRUG_SCREENS, "CensusFlag");
		List<ResidentScope> checked = residents.stream().filter(r -> reach.includes(r.residentId(), r.houseId())).toList();
		if (checked.isEmpty()) {
			return Map.of();
		}
		Set<UUID> open = new HashSet<>(jdbc.sql("""
				select distinct f.resident_id
				  from screening_follow_up f join screening_drug_screen s on s.id = f.screen_id
				 where f.program_id = ? and f.status = 'OPEN' and s.voided_at is null""")
			.param(user.programId().value())
			.query(UUID.class)
			.list());
		Map<UUID, List<Note>> notes = new HashMap<>();
		for (ResidentScope resident : checked) {
			if (open.contains(resident.residentId())) {
				notes.put(resident.residentId(), List.of(Note.flag(Attention.Severity.URGENT, "screening.census.followUp",
						"/residents/" + resident.residentId() + "/drug-screens")));
			}
		}
		policy.recordListed(user, DataCategory.DRUG_SCREENS, "CensusFlag", reach, checked);
		return notes;
	}
}
