package org.milieu.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.Accounts;
import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staffing for the demo: the default shifts and minimums, a roster for this week, a week of past
 * check-ins (with one night when Linden House fell under its minimum for 45 minutes), who is on
 * shift now, and hand-off notes, one still waiting for acknowledgement. Bayview House is staffed
 * to its minimum now; Linden House has one staff member for its residents, so it shows the alert.
 */
@Component
@Order(400)
class StaffingDemoData implements DemoContributor {

	private final Houses houses;

	private final Accounts accounts;

	private final Shifts shifts;

	private final StaffingMinimums minimums;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RatioAlerts alerts;

	StaffingDemoData(Houses houses, Accounts accounts, Shifts shifts, StaffingMinimums minimums, JdbcClient jdbc,
			Clock clock, RatioAlerts alerts) {
		this.houses = houses;
		this.accounts = accounts;
		this.shifts = shifts;
		this.minimums = minimums;
		this.jdbc = jdbc;
		this.clock = clock;
		this.alerts = alerts;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		ZoneId zone = community.program().timeZone();
		shifts.configure(program, ShiftPattern.DEFAULT);
		UUID bayview = house(program, "Bayview House");
		UUID linden = house(program, "Linden House");
		Map<ShiftCode, Integer> usual = Map.of(ShiftCode.DAY, 8, ShiftCode.EVENING, 8, ShiftCode.NIGHT, 12);
		minimums.set(program, bayview, usual);
		minimums.set(program, linden, usual);
		UUID staff = account("staff");
		UUID staff2 = account("staff2");
		UUID nurse = account("nurse");
		UUID clinician = account("clinician");
		// who works which shift: the pattern of a small program with too few hands
		Map<ShiftCode, List<UUID>> bayviewCrew = Map.of(ShiftCode.DAY, List.of(staff, nurse), ShiftCode.EVENING,
				List.of(staff, clinician), ShiftCode.NIGHT, List.of(nurse));
		Map<ShiftCode, List<UUID>> lindenCrew = Map.of(ShiftCode.DAY, List.of(staff2, clinician), ShiftCode.EVENING,
				List.of(staff2, nurse), ShiftCode.NIGHT, List.of(staff2));
		ShiftPattern pattern = ShiftPattern.DEFAULT;
		Instant now = clock.instant();
		ShiftOccurrence current = pattern.at(now, zone);
		for (int day = -7; day <= 6; day++) {
			LocalDate date = community.today().plusDays(day);
			for (ShiftCode code : ShiftCode.values()) {
				plan(program, bayview, date, code, bayviewCrew.get(code));
				plan(program, linden, date, code, lindenCrew.get(code));
				ShiftOccurrence shift = pattern.occurrence(code, date, zone);
				if (!shift.endsAt().isAfter(current.startsAt()) && shift.startsAt().isAfter(now.minus(Duration.ofDays(7)))) {
					worked(program, bayview, shift, bayviewCrew.get(code));
					worked(program, linden, shift, lindenCrew.get(code));
				}
			}
		}
		// three nights ago Linden's night staff member was called away for 45 minutes
		ShiftOccurrence night = pattern.occurrence(ShiftCode.NIGHT, community.today().minusDays(3), zone);
		Instant away = night.startsAt().plus(Duration.ofHours(3));
		jdbc.sql("""
				insert into staffing_ratio_alert (id, program_id, house_id, shift, residents, staff, minimum, started_at, ended_at)
				values (?, ?, ?, 'NIGHT', 12, 0, 12, ?, ?)""")
			.params(community.id("ratio-alert", "linden-night"), program.value(), linden, java.sql.Timestamp.from(away),
					java.sql.Timestamp.from(away.plus(Duration.ofMinutes(45))))
			.update();
		// on shift now: Bayview's crew in full, Linden's first person only (the second called in sick)
		Instant shiftStart = current.startsAt();
		for (UUID person : bayviewCrew.get(current.shift())) {
			checkIn(program, bayview, person, shiftStart.plus(Duration.ofMinutes(5)), null);
		}
		checkIn(program, linden, lindenCrew.get(current.shift()).get(0), shiftStart.plus(Duration.ofMinutes(3)), null);
		// hand-off notes from the shift before this one
		ShiftOccurrence previous = pattern.at(shiftStart.minusSeconds(60), zone);
		note(community, program, bayview, previous, nurse, "Quiet shift. Two residents on evening pass, both back before curfew. "
				+ "Laundry room dryer is out of order; maintenance called.", clinician, shiftStart.plus(Duration.ofMinutes(20)));
		note(community, program, linden, previous, staff2, "Kitchen crew short one person tomorrow morning; "
				+ "please ask at the morning meeting who can cover. Fire drill is scheduled for Thursday.", null, null);
		alerts.evaluate(program);
	}

	private void plan(ProgramId program, UUID house, LocalDate date, ShiftCode shift, List<UUID> people) {
		for (UUID person : people) {
			jdbc.sql("""
					insert into staffing_roster_entry (id, program_id, house_id, shift_date, shift, account_id, added_by)
					values (?, ?, ?, ?, ?, ?, 'director') on conflict do nothing""")
				.params(UUID.nameUUIDFromBytes((house + ":" + date + ":" + shift + ":" + person).getBytes()), program.value(),
						house, date, shift.name(), person)
				.update();
		}
	}

	private void worked(ProgramId program, UUID house, ShiftOccurrence shift, List<UUID> people) {
		for (UUID person : people) {
			checkIn(program, house, person, shift.startsAt().plus(Duration.ofMinutes(4)), shift.endsAt().plus(Duration.ofMinutes(6)));
		}
	}

	private void checkIn(ProgramId program, UUID house, UUID person, Instant in, Instant out) {
		jdbc.sql("""
				insert into staffing_check_in (id, program_id, house_id, account_id, checked_in_at, checked_out_at, checked_out_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), program.value(), house, person, java.sql.Timestamp.from(in),
					out == null ? null : java.sql.Timestamp.from(out), out == null ? null : "demo")
			.update();
	}

	private void note(DemoCommunity community, ProgramId program, UUID house, ShiftOccurrence shift, UUID writer, String body,
			UUID acknowledger, Instant acknowledgedAt) {
		jdbc.sql("""
				insert into staffing_handoff_note (id, program_id, house_id, shift_date, shift, body, written_by, written_at,
				                                   acknowledged_by, acknowledged_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id("handoff", house + ":" + shift.date() + shift.shift()), program.value(), house, shift.date(),
					shift.shift().name(), body, writer, java.sql.Timestamp.from(shift.endsAt().minus(Duration.ofMinutes(15))),
					acknowledger, acknowledgedAt == null ? null : java.sql.Timestamp.from(acknowledgedAt))
			.update();
	}

	private UUID house(ProgramId program, String name) {
		return houses.list(program).stream().map(HouseSummary::house).filter(h -> h.name().equals(name)).findFirst()
			.orElseThrow().id();
	}

	private UUID account(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}
}
