package org.milieu.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups of positive and refused screens. Each clinician responsible for the resident (their
 * caseload clinicians or, when they have none, the clinicians of their house; failing both, the
 * program's directors) gets an item of their own, which they close with a note of what was done.
 * Items are closed, never deleted.
 */
@Service
public class ScreenFollowUps {

	private final JdbcClient jdbc;

	private final CareRelationships care;

	private final Accounts accounts;

	private final AccessPolicy policy;

	private final Census census;

	ScreenFollowUps(JdbcClient jdbc, CareRelationships care, Accounts accounts, AccessPolicy policy, Census census) {
		this.jdbc = jdbc;
		this.care = care;
		this.accounts = accounts;
		this.policy = policy;
		this.census = census;
	}

	/** Opens an item for each clinician responsible for the resident; returns whom it went to. */
	Set<UUID> open(ProgramId program, UUID screenId, CensusEntry resident) {
		Set<UUID> clinicians = care.cliniciansResponsibleFor(resident.residentId(), resident.houseId());
		if (clinicians.isEmpty()) {
			clinicians = Set.copyOf(accounts.list(program).stream()
				.filter(a -> a.enabled() && a.roles().contains(Role.ADMIN))
				.map(a -> a.id())
				.toList());
		}
		for (UUID clinician : clinicians) {
			jdbc.sql("""
					insert into screening_follow_up (id, program_id, screen_id, resident_id, clinician_account_id)
					values (?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), program.value(), screenId, resident.residentId(), clinician)
				.update();
		}
		return clinicians;
	}

	/**
	 * The open follow-ups assigned to {@code user}, oldest screen first, for residents within
	 * their reach; each resident shown is audited. Lists are for staff roles only.
	 */
	@Transactional
	public List<FollowUp> openFor(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.DRUG_SCREENS, "DrugScreenFollowUps");
		Map<UUID, CensusEntry> residents = new HashMap<>();
		census.today(user.programId()).forEach(e -> residents.put(e.residentId(), e));
		record Row(UUID id, UUID screenId, UUID residentId, Instant collectedAt, Outcome outcome, Instant openedAt) {
		}
		List<Row> rows = jdbc.sql("""
				select f.id, f.screen_id, f.resident_id, s.collected_at, s.outcome, f.opened_at
				  from screening_follow_up f join screening_drug_screen s on s.id = f.screen_id
				 where f.program_id = ? and f.clinician_account_id = ? and f.status = 'OPEN' and s.voided_at is null
				 order by s.collected_at, f.id""")
			.params(user.programId().value(), user.accountId())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("screen_id", UUID.class),
					rs.getObject("resident_id", UUID.class), rs.getTimestamp("collected_at").toInstant(),
					Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("opened_at").toInstant()))
			.list();
		List<FollowUp> shown = new ArrayList<>();
		List<ResidentScope> audited = new ArrayList<>();
		for (Row row : rows) {
			CensusEntry resident = residents.get(row.residentId());
			if (resident == null || !reach.includes(resident.residentId(), resident.houseId())) {
				continue;
			}
			shown.add(new FollowUp(row.id(), row.screenId(), row.residentId(), resident.displayName(),
					resident.houseName(), row.collectedAt(), row.outcome(), positives(row.screenId()), row.openedAt()));
			ResidentScope scope = new ResidentScope(resident.residentId(), resident.houseId());
			if (!audited.contains(scope)) {
				audited.add(scope);
			}
		}
		policy.recordListed(user, DataCategory.DRUG_SCREENS, "DrugScreenFollowUps", reach, audited);
		return shown;
	}

	/**
	 * How many follow-ups are open for this person, and since when the oldest: for the home
	 * page's attention list, which names no resident.
	 */
	@Transactional(readOnly = true)
	public Optional<OpenCount> countOpen(ProgramId program, UUID accountId) {
		return jdbc.sql("""
				select count(*) as n, min(f.opened_at) as since
				  from screening_follow_up f join screening_drug_screen s on s.id = f.screen_id
				 where f.program_id = ? and f.clinician_account_id = ? and f.status = 'OPEN' and s.voided_at is null""")
			.params(program.value(), accountId)
			.query((rs, n) -> new OpenCount(rs.getInt("n"),
					rs.getTimestamp("since") == null ? null : rs.getTimestamp("since").toInstant()))
			.optional().filter(c -> c.count() > 0);
	}

	/** A number of open follow-ups and when the oldest was opened. */
	public record OpenCount(int count, Instant since) {
	}

	/**
	 * Closes a follow-up with a note of what was done. Only the clinician it is assigned to (or a
	 * director) closes it; to anyone else it does not exist. A closed item stays closed.
	 */
	@Transactional
	public void close(MilieuUser user, UUID followUpId, String note) {
		record Item(UUID residentId, UUID clinician, String status) {
		}
		Item item = jdbc.sql("""
				select resident_id, clinician_account_id, status from screening_follow_up
				 where id = ? and program_id = ? for update""")
			.params(followUpId, user.programId().value())
			.query((rs, n) -> new Item(rs.getObject("resident_id", UUID.class),
					rs.getObject("clinician_account_id", UUID.class), rs.getString("status")))
			.optional()
			.filter(i -> i.clinician().equals(user.accountId()) || user.has(Role.ADMIN))
			.orElseThrow(() -> new RecordNotFound("DrugScreenFollowUp", followUpId));
		UUID house = census.find(user.programId(), item.residentId()).map(CensusEntry::houseId).orElse(null);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.DRUG_SCREENS, new ResidentScope(item.residentId(), house),
				"DrugScreenFollowUp", followUpId);
		if (!"OPEN".equals(item.status())) {
			throw new RuleViolation("screening.followUp.closed", null);
		}
		if (note == null || note.isBlank()) {
			throw new RuleViolation("screening.followUp.note.required", "note");
		}
		jdbc.sql("""
				update screening_follow_up set status = 'DONE', closed_at = now(), closed_by = ?, close_note = ?
				 where id = ?""")
			.params(user.getUsername(), note.trim(), followUpId)
			.update();
	}

	/** Closes every open item of a screen in someone's name: for the demo community's history. */
	void closeAll(ProgramId program, UUID screenId, String by, String note) {
		jdbc.sql("""
				update screening_follow_up set status = 'DONE', closed_at = now(), closed_by = ?, close_note = ?
				 where program_id = ? and screen_id = ? and status = 'OPEN'""")
			.params(by, note, program.value(), screenId)
			.update();
	}

	private List<Substance> positives(UUID screenId) {
		return jdbc.sql("""
				select substance from screening_substance_result where screen_id = ? and result = 'POSITIVE'
				 order by substance""")
			.param(screenId).query(String.class).list().stream().map(Substance::valueOf).sorted().toList();
	}
}
