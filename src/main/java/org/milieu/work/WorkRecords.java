package org.milieu.work;

import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.DischargedResident;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.DataCategory;
import org.milieu.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work-and-skills record of a resident, in the program or discharged: jobs done (verified and
 * not marked not done), skills practised and hours. Reading it is a read of the resident's
 * {@code WORK_AND_STIPENDS}; printing it (the PDF the resident takes along at discharge) is an
 * export, which the access policy's export rule decides: the resident themself, a clinician or the
 * director. Both are audited.
 */
@Service
public class WorkRecords {

	private final JdbcClient jdbc;

	private final Census census;

	private final ResidentRecords records;

	private final AccessPolicy policy;

	WorkRecords(JdbcClient jdbc, Census census, ResidentRecords records, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.census = census;
		this.records = records;
		this.policy = policy;
	}

	/** The record, read ({@code AuditAction.READ}) or printed ({@code AuditAction.EXPORT}). */
	@Transactional
	public WorkRecord of(MilieuUser user, UUID residentId, AuditAction action) {
		String name;
		UUID house;
		CensusEntry current = census.find(user.programId(), residentId).orElse(null);
		if (current != null) {
			name = current.givenName() + " " + current.familyName();
			house = current.houseId();
		}
		else {
			DischargedResident gone = records.discharged(user.programId()).stream()
				.filter(d -> d.residentId().equals(residentId)).findFirst()
				.orElseThrow(() -> new RecordNotFound("Resident", residentId));
			name = gone.givenName() + " " + gone.familyName();
			house = gone.houseId();
		}
		policy.enforce(user, action, DataCategory.WORK_AND_STIPENDS, new ResidentScope(residentId, house), "WorkRecord",
				residentId);
		List<WorkRecord.Line> lines = jdbc.sql("""
				select j.name, j.classification, j.skills, count(*) as occurrences, sum(c.minutes) as minutes,
				       min(c.occurs_on) as first, max(c.occurs_on) as last
				  from work_completion c join work_assignment a on a.id = c.assignment_id join work_job j on j.id = a.job_id
				 where c.program_id = ? and a.resident_id = ? and c.verified_at is not null and c.outcome <> 'NOT_DONE'
				 group by j.id, j.name, j.classification, j.skills
				 order by sum(c.minutes) desc, j.name""")
			.params(user.programId().value(), residentId)
			.query((rs, n) -> new WorkRecord.Line(rs.getString("name"), JobClassification.valueOf(rs.getString("classification")),
					skills(rs.getArray("skills")), rs.getInt("occurrences"), rs.getLong("minutes"),
					rs.getObject("first", LocalDate.class), rs.getObject("last", LocalDate.class)))
			.list();
		TreeSet<String> skills = new TreeSet<>();
		long minutes = 0;
		LocalDate from = null;
		LocalDate to = null;
		for (WorkRecord.Line line : lines) {
			skills.addAll(line.skills());
			minutes += line.minutes();
			from = from == null || line.first().isBefore(from) ? line.first() : from;
			to = to == null || line.last().isAfter(to) ? line.last() : to;
		}
		return new WorkRecord(residentId, name, lines, new ArrayList<>(skills), minutes, from, to);
	}

	private static List<String> skills(Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
