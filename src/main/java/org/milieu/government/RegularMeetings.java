package org.milieu.government;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regular weekly meeting of each house, on the day and at the time of the program's
 * settings. Every hour (once per cluster) each house with residents gets its next two regular
 * meetings scheduled, if they are not already; ad-hoc meetings are scheduled by hand. Safe to run
 * twice: runs for one program take turns on a transaction-scoped advisory lock and count what is
 * already scheduled.
 */
@Service
public class RegularMeetings {

	/** The title of a regular meeting scheduled by Milieu itself. */
	static final String TITLE = "Weekly community meeting";

	/** Who schedules regular meetings in the audit trail and on the meeting. */
	static final String SYSTEM = "milieu";

	private static final int AHEAD = 2;

	private final JdbcClient jdbc;

	private final Houses houses;

	private final Programs programs;

	private final GovernmentSettings settings;

	private final AuditTrail trail;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RegularMeetings(JdbcClient jdbc, Houses houses, Programs programs, GovernmentSettings settings, AuditTrail trail,
			Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.houses = houses;
		this.programs = programs;
		this.settings = settings;
		this.trail = trail;
		this.clock = clock;
	}

	/** Every hour: the next two regular meetings of each house of each program, each program in a transaction of its own. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
	@SchedulerLock(name = "government-regular-meetings", lockAtMostFor = "PT10M")
	void hourly() {
		for (Program program : programs.all()) {
			transactions.executeWithoutResult(status -> ensureScheduled(program.id()));
		}
	}

	/** Schedules what is missing of each house's next two regular meetings; returns how many it scheduled. */
	@Transactional
	public int ensureScheduled(ProgramId program) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("government-regular:" + program.value())
			.query((rs, n) -> 1).list();
		Instant now = clock.instant();
		int scheduled = 0;
		for (HouseSummary house : houses.list(program)) {
			if (house.occupied() == 0) {
				continue;
			}
			UUID houseId = house.house().id();
			int ahead = jdbc.sql("select count(*) from government_meeting where program_id = ? and house_id = ? "
					+ "and kind = 'REGULAR' and status <> 'CLOSED' and starts_at >= ?")
				.params(program.value(), houseId, Timestamp.from(now)).query(Integer.class).single();
			Instant after = jdbc.sql("select max(starts_at) from government_meeting where program_id = ? and house_id = ? "
					+ "and kind = 'REGULAR' and starts_at >= ?")
				.params(program.value(), houseId, Timestamp.from(now)).query(Timestamp.class).optional()
				.map(Timestamp::toInstant).orElse(now);
			for (int i = ahead; i < AHEAD; i++) {
				Instant next = next(program, after);
				schedule(program, houseId, next, now);
				after = next;
				scheduled++;
			}
		}
		return scheduled;
	}

	/**
	 * Schedules the next regular meeting of a house (or the whole program, {@code houseId} null)
	 * strictly after {@code after}, as closing a meeting does when there is none to carry its items to.
	 */
	@Transactional
	UUID scheduleNext(ProgramId program, UUID houseId, Instant after) {
		return schedule(program, houseId, next(program, after), clock.instant());
	}

	/** The first meeting time of the program's settings strictly after the given instant, in its time zone. */
	Instant next(ProgramId program, Instant after) {
		Settings s = settings.of(program);
		ZoneId zone = programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
		ZonedDateTime local = after.atZone(zone);
		java.time.LocalDate day = local.toLocalDate().with(TemporalAdjusters.nextOrSame(s.meetingDay()));
		ZonedDateTime candidate = day.atTime(s.meetingTime()).atZone(zone);
		if (!candidate.toInstant().isAfter(after)) {
			candidate = day.plusWeeks(1).atTime(s.meetingTime()).atZone(zone);
		}
		return candidate.toInstant();
	}

	private UUID schedule(ProgramId program, UUID houseId, Instant startsAt, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
				values (?, ?, ?, 'REGULAR', ?, ?, 'SCHEDULED', ?, ?)""")
			.params(id, program.value(), houseId, TITLE, Timestamp.from(startsAt), SYSTEM, Timestamp.from(now))
			.update();
		trail.record(AuditEntry.of(new Actor(program.value(), null, SYSTEM, null), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Meeting", id).saying("regular meeting scheduled"));
		return id;
	}
}
