package org.milieu.residents;

import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.milieu.shared.ResidentId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admitting people to the program: a resident record and an open stay in a free bed. */
@Service
public class Admissions {

	private final ResidentRepository residents;

	private final JdbcClient jdbc;

	Admissions(ResidentRepository residents, JdbcClient jdbc) {
		this.residents = residents;
		this.jdbc = jdbc;
	}

	/** Admits a new resident to a free bed of the program; the id is the caller's choice. */
	@Transactional
	public ResidentId admit(ProgramId program, UUID residentId, NewAdmission admission) {
		Boolean free = jdbc.sql("""
				select not exists (select 1 from residents_stay s where s.bed_id = b.id and s.discharged_on is null)
				  from residents_bed b where b.id = ? and b.program_id = ?""")
			.params(admission.bedId(), program.value())
			.query(Boolean.class).optional().orElseThrow(() -> new RuleViolation("admission.bed.unknown", "bedId"));
		if (!free) {
			throw new RuleViolation("admission.bed.taken", "bedId");
		}
		residents.save(new Resident(residentId, program.value(), admission.givenName().trim(),
				admission.familyName().trim(), admission.preferredName(), admission.birthDate(), null));
		jdbc.sql("""
				insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on)
				select ?, ?, ?, b.house_id, b.id, ? from residents_bed b where b.id = ?""")
			.params(UUID.randomUUID(), program.value(), residentId, admission.admittedOn(), admission.bedId())
			.update();
		return new ResidentId(residentId);
	}
}
