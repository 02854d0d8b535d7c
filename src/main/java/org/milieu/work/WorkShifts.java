package org.milieu.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The times residents are at work: the occurrences of their jobs on published rosters, for other
 * modules that must not book a resident during a shift (the sessions calendar). One query for any
 * number of residents and days. No access check here and nothing of a mark: the caller has checked
 * its reader's right to the residents it asks about, as with the other modules' such reads.
 */
@Service
public class WorkShifts {

	private final JdbcClient jdbc;

	WorkShifts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The job occurrences with a start time (a job "at any time" has no shift to collide with) of the
	 * given residents on published rosters, from {@code from} to {@code to} (both included), by day
	 * and start; none on or after the day a resident left the roster.
	 */
	@Transactional(readOnly = true)
	public List<Occurrence> published(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		if (residents.isEmpty() || to.isBefore(from)) {
			return List.of();
		}
		List<Assignment> assignments = jdbc.sql(Rosters.ASSIGNMENT + " " + """
				 and a.resident_id = any(?) and r.status = 'PUBLISHED' and r.week_start between ? and ?
				 and j.starts_at is not null""")
			.params(program.value(), residents.toArray(UUID[]::new), Rosters.weekOf(from), to)
			.query((rs, n) -> Rosters.assignment(rs)).list();
		List<Occurrence> out = new ArrayList<>();
		for (Assignment a : assignments) {
			for (LocalDate day : a.dates()) {
				if (!day.isBefore(from) && !day.isAfter(to)) {
					out.add(new Occurrence(a.id(), a.residentId(), null, a.houseId(), a.jobId(), a.jobName(), a.startsAt(),
							a.expectedMinutes(), day, null));
				}
			}
		}
		out.sort(Comparator.comparing(Occurrence::day).thenComparing(Occurrence::startsAt));
		return out;
	}
}
