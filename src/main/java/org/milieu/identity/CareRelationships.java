package org.milieu.identity;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The houses a staff member or clinician works in and the residents on a clinician's caseload:
 * read fresh for every decision, so a change of assignment applies at once.
 */
@Service
public class CareRelationships {

	private final JdbcClient jdbc;

	CareRelationships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Set<UUID> houses(UUID accountId) {
		return Set.copyOf(jdbc.sql("select house_id from identity_account_house where account_id = ?")
			.param(accountId).query(UUID.class).list());
	}

	@Transactional(readOnly = true)
	public boolean onCaseload(UUID accountId, UUID residentId) {
		return jdbc.sql("select exists (select 1 from identity_caseload where account_id = ? and resident_id = ?)")
			.params(accountId, residentId).query(Boolean.class).single();
	}

	@Transactional(readOnly = true)
	public Set<UUID> caseload(UUID accountId) {
		return Set.copyOf(jdbc.sql("select resident_id from identity_caseload where account_id = ?")
			.param(accountId).query(UUID.class).list());
	}

	/** Replaces the houses an account works in. */
	@Transactional
	public void assignHouses(UUID accountId, Collection<UUID> houseIds) {
		jdbc.sql("delete from identity_account_house where account_id = ?").param(accountId).update();
		for (UUID house : Set.copyOf(houseIds)) {
			jdbc.sql("insert into identity_account_house (account_id, house_id) values (?, ?)").params(accountId, house).update();
		}
	}

	@Transactional
	public void addToCaseload(UUID clinicianAccountId, UUID residentId) {
		jdbc.sql("insert into identity_caseload (account_id, resident_id) values (?, ?) on conflict do nothing")
			.params(clinicianAccountId, residentId).update();
	}


}
