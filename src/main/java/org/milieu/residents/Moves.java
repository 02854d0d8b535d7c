package org.milieu.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a resident to another free bed, in the same house or another, during their stay. The
 * stay then points at the new bed; the move itself is kept (from, to, when, by whom, why), and
 * other modules hear {@link ResidentMoved}.
 */
@Service
public class Moves {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Programs programs;

	Moves(JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events, Clock clock, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.programs = programs;
	}

	/** The new bed's house, and the house the resident leaves. */
	public record Move(UUID residentId, UUID fromHouseId, UUID toHouseId, UUID toBedId, LocalDate movedOn) {
	}

	@Transactional
	public Move move(MilieuUser user, UUID residentId, UUID bedId, LocalDate movedOn, String reason) {
		record Stay(UUID id, UUID houseId, UUID bedId, LocalDate admittedOn) {
		}
		boolean known = jdbc.sql("select exists (select 1 from residents_resident where id = ? and program_id = ?)")
			.params(residentId, user.programId().value()).query(Boolean.class).single();
		if (!known) {
			throw new RecordNotFound("Resident", residentId);
		}
		Stay stay = jdbc.sql("""
				select id, house_id, bed_id, admitted_on from residents_stay
				 where resident_id = ? and program_id = ? order by admitted_on desc limit 1 for update""")
			.params(residentId, user.programId().value())
			.query((rs, n) -> new Stay(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getObject("bed_id", UUID.class), rs.getObject("admitted_on", LocalDate.class)))
			.optional().orElseThrow(() -> new RecordNotFound("Resident", residentId));
		// the access policy decides before anything about the stay or the beds is revealed
		policy.enforce(user, AuditAction.UPDATE, DataCategory.DEMOGRAPHICS, new ResidentScope(residentId, stay.houseId()),
				"Stay", stay.id());
		boolean open = jdbc.sql("select discharged_on is null from residents_stay where id = ?").param(stay.id())
			.query(Boolean.class).single();
		if (!open) {
			throw new RuleViolation("move.notInProgram", null);
		}
		record Target(UUID houseId, boolean retired) {
		}
		// share-locked until the move commits, so the director cannot retire the bed in between
		Target target = jdbc.sql("select house_id, retired_at is not null from residents_bed where id = ? and program_id = ? for share")
			.params(bedId, user.programId().value())
			.query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional()
			.orElseThrow(() -> new RuleViolation("move.bed.unknown", "bedId"));
		if (target.retired()) {
			throw new RuleViolation("move.bed.retired", "bedId");
		}
		UUID toHouse = target.houseId();
		if (bedId.equals(stay.bedId())) {
			throw new RuleViolation("move.bed.same", "bedId");
		}
		LocalDate today = LocalDate.now(clock.withZone(programs.find(user.programId()).map(Program::timeZone)
			.orElse(ZoneOffset.UTC)));
		if (movedOn.isAfter(today)) {
			throw new RuleViolation("move.movedOn.future", "movedOn");
		}
		if (movedOn.isBefore(stay.admittedOn())) {
			throw new RuleViolation("move.movedOn.beforeAdmission", "movedOn", stay.admittedOn());
		}
		try {
			int moved = jdbc.sql("""
					update residents_stay set bed_id = ?, house_id = ?
					 where id = ? and not exists (select 1 from residents_stay o where o.bed_id = ? and o.discharged_on is null)""")
				.params(bedId, toHouse, stay.id(), bedId)
				.update();
			if (moved == 0) {
				throw new RuleViolation("move.bed.taken", "bedId");
			}
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolation("move.bed.taken", "bedId");
		}
		jdbc.sql("""
				insert into residents_move (id, program_id, stay_id, resident_id, from_house, from_bed, to_house, to_bed,
				                            moved_on, moved_by, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), user.programId().value(), stay.id(), residentId, stay.houseId(), stay.bedId(), toHouse,
					bedId, movedOn, user.getUsername(), TrimmedText.orNull(reason))
			.update();
		events.publishEvent(new ResidentMoved(user.programId().value(), residentId, stay.houseId(), toHouse, movedOn));
		return new Move(residentId, stay.houseId(), toHouse, bedId, movedOn);
	}
}
