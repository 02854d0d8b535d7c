package org.milieu.work;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's completed work, after the rosters ({@link WorkRosterDemoData}) and before the ledger
 * ({@link StipendDemoData}, which earns from it): every occurrence of last week's published roster
 * marked by the job's supervisor (mostly done, some partly, a few not done) and verified at once,
 * with what it earned; this week's days so far marked too, except one occurrence marked by a
 * resident work coordinator and waiting for staff to verify it. Uses a random source of its own.
 */
@Component
@Order(710)
class WorkCompletionDemoData implements DemoContributor {

	private static final long SEED = 20_261_127_710L;

	private final JdbcTemplate jdbc;

	private final org.milieu.residents.Census census;

	private final org.milieu.levels.privileges.LevelPrivileges privileges;

	private final java.time.Clock clock;

	WorkCompletionDemoData(JdbcTemplate jdbc, org.milieu.residents.Census census,
			org.milieu.levels.privileges.LevelPrivileges privileges, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.census = census;
		this.privileges = privileges;
		this.clock = clock;
	}

	@Override
	public void contribute(DemoCommunity community) {
		Random random = new Random(SEED);
		UUID program = community.program().id().value();
		ZoneId zone = community.program().timeZone();
		LocalDate today = community.today();
		LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Object[]> rows = new ArrayList<>();
		boolean coordinatorMarked = false;
		for (LocalDate week : List.of(thisWeek.minusWeeks(1), thisWeek)) {
			List<Object[]> assignments = jdbc.query("""
					select a.id, a.resident_id, a.rate_cents, a.rate_unit, a.currency, a.expected_minutes, j.days, j.supervisor
					  from work_assignment a join work_roster r on r.id = a.roster_id join work_job j on j.id = a.job_id
					 where a.program_id = ? and r.status = 'PUBLISHED' and r.week_start = ? order by j.name, a.resident_id""",
					(rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
							rs.getLong("rate_cents"), rs.getString("rate_unit"), rs.getString("currency"),
							rs.getInt("expected_minutes"), (Short[]) rs.getArray("days").getArray(), rs.getString("supervisor") },
					program, week);
			for (Object[] a : assignments) {
				for (Short d : (Short[]) a[6]) {
					LocalDate day = week.plusDays(d - 1L);
					if (!day.isBefore(today)) {
						continue;
					}
					int roll = random.nextInt(20);
					CompletionOutcome outcome = roll < 16 ? CompletionOutcome.DONE
							: roll < 19 ? CompletionOutcome.PARTLY_DONE : CompletionOutcome.NOT_DONE;
					int expected = (int) a[5];
					int minutes = switch (outcome) {
						case DONE -> expected;
						case PARTLY_DONE -> expected / 2;
						case NOT_DONE -> 0;
					};
					Timestamp marked = Timestamp.from(day.atTime(17, 30).atZone(zone).toInstant());
					boolean byCoordinator = !coordinatorMarked && week.equals(thisWeek) && outcome == CompletionOutcome.DONE;
					UUID coordinator = byCoordinator ? coordinator(community.program().id(), (UUID) a[1]) : null;
					if (coordinator != null) {
						coordinatorMarked = true;
						rows.add(new Object[] { UUID.randomUUID(), program, a[0], day, outcome.name(), 4, minutes,
								"Done well; the coordinator's mark", username(coordinator), coordinator, marked, null, null,
								null, a[4] });
						continue;
					}
					long earned = Earnings.of((String) a[3], (long) a[2], outcome, minutes);
					rows.add(new Object[] { UUID.randomUUID(), program, a[0], day, outcome.name(),
							outcome == CompletionOutcome.NOT_DONE ? null : 3 + random.nextInt(3), minutes,
							outcome == CompletionOutcome.NOT_DONE ? "Did not turn up" : null, a[7], null, marked, a[7], marked,
							earned, a[4] });
				}
			}
		}
		jdbc.batchUpdate("""
				insert into work_completion (id, program_id, assignment_id, occurs_on, outcome, quality, minutes, note, marked_by,
				                             marked_by_resident, marked_at, verified_by, verified_at, earned_cents, currency)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** A housemate of the resident who may coordinate work (the WORK_COORDINATOR privilege), if any. */
	private UUID coordinator(org.milieu.shared.ProgramId program, UUID resident) {
		UUID house = census.find(program, resident).map(org.milieu.residents.CensusEntry::houseId).orElse(null);
		return census.today(program).stream()
			.filter(e -> e.houseId().equals(house) && !e.residentId().equals(resident))
			.filter(e -> privileges.may(program, e.residentId(), org.milieu.levels.privileges.DefaultPrivilege.WORK_COORDINATOR.name(),
					clock.instant()).allowed())
			.map(org.milieu.residents.CensusEntry::residentId).findFirst().orElse(null);
	}

	private String username(UUID resident) {
		return jdbc.query("select username from identity_account where resident_id = ?", rs -> rs.next() ? rs.getString(1) : "staff",
				resident);
	}
}
