package org.milieu.residents.occupancy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily census snapshots and the occupancy report made of them. A day's snapshot counts, for
 * each house, its beds in use at the end of that day (a bed retired later still counts), the
 * residents whose stay covered the end of that day, and the day's admissions and discharges.
 * Taking a snapshot twice for a day gives the same row (it is replaced), so a retried or doubled
 * job does no harm.
 */
@Service
public class CensusSnapshots {

	static final int LONGEST_REPORT_DAYS = 366;

	private final JdbcClient jdbc;

	private final Programs programs;

	private final Clock clock;

	private final AuditTrail audit;

	CensusSnapshots(JdbcClient jdbc, Programs programs, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.clock = clock;
		this.audit = audit;
	}

	/** Takes (or retakes) the snapshot of one day, for every house of the program; answers the rows written. */
	@Transactional
	public int take(ProgramId program, LocalDate date) {
		return jdbc.sql("""
				insert into residents_census_snapshot (program_id, house_id, snapshot_date, beds, occupied, admissions,
				                                       discharges, taken_at)
				select h.program_id, h.id, :date,
				       (select count(*) from residents_bed b where b.house_id = h.id
				                and (b.retired_at is null or b.retired_at >= :dayEnds)),
				       (select count(*) from residents_stay s where s.house_id = h.id and s.admitted_on <= :date
				                and (s.discharged_on is null or s.discharged_on > :date)),
				       (select count(*) from residents_stay s where s.house_id = h.id and s.admitted_on = :date),
				       (select count(*) from residents_stay s where s.house_id = h.id and s.discharged_on = :date),
				       now()
				  from residents_house h
				 where h.program_id = :program
				on conflict (house_id, snapshot_date) do update
				   set beds = excluded.beds, occupied = excluded.occupied, admissions = excluded.admissions,
				       discharges = excluded.discharges, taken_at = excluded.taken_at""")
			.param("program", program.value())
			.param("date", date)
			.param("dayEnds", java.sql.Timestamp.from(date.plusDays(1)
				.atStartOfDay(programs.find(program).map(Program::timeZone).orElse(java.time.ZoneOffset.UTC)).toInstant()))
			.update();
	}

	/** Takes yesterday's snapshot (in the program's time zone) for every program that lacks it. */
	@Transactional
	public void takeMissing() {
		for (Program program : programs.all()) {
			LocalDate yesterday = LocalDate.now(clock.withZone(program.timeZone())).minusDays(1);
			boolean taken = jdbc.sql("select exists (select 1 from residents_census_snapshot where program_id = ? and snapshot_date = ?)")
				.params(program.id().value(), yesterday).query(Boolean.class).single();
			if (!taken) {
				take(program.id(), yesterday);
			}
		}
	}

	/**
	 * The occupancy report: each house's snapshot for every day of the period (at most a year),
	 * ordered by date and house. Days without a snapshot are absent. Reading it for an export is
	 * recorded in the audit trail.
	 */
	@Transactional
	public List<OccupancyDay> report(MilieuUser user, LocalDate from, LocalDate to, boolean export) {
		if (to.isBefore(from)) {
			throw new RuleViolation("occupancy.period.order", "to");
		}
		if (ChronoUnit.DAYS.between(from, to) >= LONGEST_REPORT_DAYS) {
			throw new RuleViolation("occupancy.period.tooLong", "to", LONGEST_REPORT_DAYS);
		}
		List<OccupancyDay> days = jdbc.sql("""
				select s.snapshot_date, s.house_id, h.name, s.beds, s.occupied, s.admissions, s.discharges
				  from residents_census_snapshot s join residents_house h on h.id = s.house_id
				 where s.program_id = ? and s.snapshot_date between ? and ?
				 order by s.snapshot_date, h.name""")
			.params(user.programId().value(), from, to)
			.query((rs, n) -> new OccupancyDay(rs.getObject("snapshot_date", LocalDate.class),
					rs.getObject("house_id", UUID.class), rs.getString("name"), rs.getInt("beds"), rs.getInt("occupied"),
					rs.getInt("admissions"), rs.getInt("discharges")))
			.list();
		if (export) {
			audit.record(AuditEntry.of(user.actor(), AuditAction.EXPORT, AuditOutcome.SUCCESS)
				.on("OccupancyReport", null).saying(from + ".." + to));
		}
		return days;
	}
}
