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

	/**
	 * The clinicians responsible for a resident: those with the resident on their caseload or,
	 * when nobody has, the clinicians working in the resident's house. Disabled accounts are left
	 * out, so work is never handed to someone who can no longer sign in.
	 */
	@Transactional(readOnly = true)
	public Set<UUID> cliniciansResponsibleFor(UUID residentId, UUID houseId) {
		java.util.List<UUID> caseload = jdbc.sql("""
				select c.account_id from identity_caseload c
				  join identity_account a on a.id = c.account_id and a.enabled
				  join identity_account_role r on r.account_id = a.id and r.role = 'CLINICIAN'
				 where c.resident_id = ?""").param(residentId).query(UUID.class).list();
		if (!caseload.isEmpty() || houseId == null) {
			return Set.copyOf(caseload);
		}
		return Set.copyOf(jdbc.sql("""
				select h.account_id from identity_account_house h
				  join identity_account a on a.id = h.account_id and a.enabled
				  join identity_account_role r on r.account_id = a.id and r.role = 'CLINICIAN'
				 where h.house_id = ?""").param(houseId).query(UUID.class).list());
	}

	@Transactional
	public void addToCaseload(UUID clinicianAccountId, UUID residentId) {
		jdbc.sql("insert into identity_caseload (account_id, resident_id) values (?, ?) on conflict do nothing")
			.params(clinicianAccountId, residentId).update();
	}
}
