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
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending a stay: discharge type, date and reason, and the aftercare plan. The bed is free at
 * once; the resident's record stays, read-only, and other modules hear {@link ResidentDischarged}.
 */
@Service
public class Discharges {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Programs programs;

	Discharges(JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events, Clock clock, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
		this.programs = programs;
	}

	/**
	 * Discharges a resident who is in the program today. The date may not precede the admission
	 * nor lie in the future; a resident already discharged cannot be discharged again.
	 */
	@Transactional
	public void discharge(MilieuUser user, UUID residentId, NewDischarge discharge) {
		record Stay(UUID id, UUID houseId, LocalDate admittedOn, LocalDate dischargedOn) {
		}
		boolean known = jdbc.sql("select exists (select 1 from residents_resident where id = ? and program_id = ?)")
			.params(residentId, user.programId().value()).query(Boolean.class).single();
		if (!known) {
			throw new RecordNotFound("Resident", residentId);
		}
		// the latest stay, locked: the access policy decides first, so a refused caller learns nothing of its state
		Stay stay = jdbc.sql("""
				select id, house_id, admitted_on, discharged_on from residents_stay
				 where resident_id = ? and program_id = ? order by admitted_on desc, discharged_on desc nulls first limit 1 for update""")
			.params(residentId, user.programId().value())
			.query((rs, n) -> new Stay(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getObject("admitted_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class)))
			.optional().orElseThrow(() -> new RecordNotFound("Resident", residentId));
		policy.enforce(user, AuditAction.UPDATE, DataCategory.DEMOGRAPHICS, new ResidentScope(residentId, stay.houseId()),
				"Stay", stay.id());
		if (stay.dischargedOn() != null) {
			throw new RuleViolation("discharge.notInProgram", null);
		}
		LocalDate today = LocalDate.now(clock.withZone(programs.find(user.programId()).map(Program::timeZone)
			.orElse(ZoneOffset.UTC)));
		if (discharge.dischargedOn().isBefore(stay.admittedOn())) {
			throw new RuleViolation("discharge.beforeAdmission", "dischargedOn", stay.admittedOn());
		}
		if (discharge.dischargedOn().isAfter(today)) {
			throw new RuleViolation("discharge.future", "dischargedOn");
		}
		close(user.programId(), residentId, stay.id(), stay.houseId(), discharge, user.getUsername());
	}

	/**
	 * Discharges a resident of the program without asking the access policy: for the demo
	 * community's generator (and test fixtures) only, which act for nobody. The date may not
	 * precede the admission.
	 */
	@Transactional
	public void discharge(ProgramId program, UUID residentId, NewDischarge discharge, String dischargedBy) {
		record Open(UUID id, UUID houseId, LocalDate admittedOn) {
		}
		Open stay = jdbc.sql("""
				select id, house_id, admitted_on from residents_stay
				 where resident_id = ? and program_id = ? and discharged_on is null for update""")
			.params(residentId, program.value())
			.query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getObject("admitted_on", LocalDate.class)))
			.optional().orElseThrow(() -> new RuleViolation("discharge.notInProgram", null));
		if (discharge.dischargedOn().isBefore(stay.admittedOn())) {
			throw new RuleViolation("discharge.beforeAdmission", "dischargedOn", stay.admittedOn());
		}
		close(program, residentId, stay.id(), stay.houseId(), discharge, dischargedBy);
	}

	private void close(ProgramId program, UUID residentId, UUID stayId, UUID houseId, NewDischarge discharge,
			String dischargedBy) {
		jdbc.sql("""
				update residents_stay set discharged_on = ?, discharge_type = ?, discharge_reason = ?, discharged_by = ?
				 where id = ?""")
			.params(discharge.dischargedOn(), discharge.type().name(), TrimmedText.orNull(discharge.reason()), dischargedBy,
					stayId)
			.update();
		// a resident out on a pass when discharged is not coming back to the house: the pass ends with the stay
		jdbc.sql("""
				update residents_pass set returned_at = greatest(left_at, ?), returned_recorded_by = ?,
				       return_note = 'closed by the discharge'
				 where stay_id = ? and returned_at is null""")
			.params(java.sql.Timestamp.from(clock.instant()), dischargedBy, stayId)
			.update();
		NewDischarge.Aftercare a = discharge.aftercare() == null ? NewDischarge.Aftercare.NONE : discharge.aftercare();
		jdbc.sql("""
				insert into residents_aftercare_plan (stay_id, program_id, living_arrangement, outpatient_appointments,
				                                      support_meetings, contacts, relapse_prevention)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(stayId, program.value(), TrimmedText.orNull(a.livingArrangement()),
					TrimmedText.orNull(a.outpatientAppointments()), TrimmedText.orNull(a.supportMeetings()),
					TrimmedText.orNull(a.contacts()), TrimmedText.orNull(a.relapsePrevention()))
			.update();
		events.publishEvent(new ResidentDischarged(program.value(), residentId, houseId, discharge.dischargedOn(),
				discharge.type(), stayId));
	}

}
