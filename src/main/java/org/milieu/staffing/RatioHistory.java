package org.milieu.staffing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ratio history of a house, shift by shift: how many people were on shift, how many times the
 * house fell under its minimum and for how long. Built from check-ins and ratio alerts.
 */
@Service
public class RatioHistory {

	static final int LONGEST_PERIOD_DAYS = 93;

	private final JdbcClient jdbc;

	private final Houses houses;

	private final Shifts shifts;

	private final RatioAlerts alerts;

	private final Clock clock;

	RatioHistory(JdbcClient jdbc, Houses houses, Shifts shifts, RatioAlerts alerts, Clock clock) {
		this.jdbc = jdbc;
		this.houses = houses;
		this.shifts = shifts;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** One shift of the history. */
	public record Row(LocalDate date, ShiftCode shift, int staffCheckedIn, int alerts, long minutesBelowMinimum) {
	}

	@Transactional(readOnly = true)
	public List<Row> report(ProgramId program, UUID houseId, LocalDate from, LocalDate to) {
		houses.find(program, houseId);
		Workplaces.requirePeriod(from, to, LONGEST_PERIOD_DAYS);
		ZoneId zone = shifts.zone(program);
		ShiftPattern pattern = shifts.pattern(program);
		Instant start = pattern.occurrence(ShiftCode.DAY, from, zone).startsAt();
		Instant end = pattern.occurrence(ShiftCode.NIGHT, to, zone).endsAt();
		Instant now = clock.instant();
		record Stint(UUID account, Instant in, Instant out) {
		}
		List<Stint> stints = jdbc.sql("""
				select account_id, checked_in_at, checked_out_at from staffing_check_in
				 where program_id = ? and house_id = ? and checked_in_at < ? and (checked_out_at is null or checked_out_at > ?)""")
			.params(program.value(), houseId, java.sql.Timestamp.from(end), java.sql.Timestamp.from(start))
			.query((rs, n) -> new Stint(rs.getObject("account_id", UUID.class), rs.getTimestamp("checked_in_at").toInstant(),
					rs.getTimestamp("checked_out_at") == null ? now : rs.getTimestamp("checked_out_at").toInstant()))
			.list();
		List<RatioAlert> during = alerts.during(program, houseId, start, end);
		List<Row> rows = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			for (ShiftCode code : ShiftCode.values()) {
				ShiftOccurrence shift = pattern.occurrence(code, date, zone);
				if (shift.startsAt().isAfter(now)) {
					continue;
				}
				Set<UUID> people = new HashSet<>();
				stints.stream().filter(s -> s.in().isBefore(shift.endsAt()) && s.out().isAfter(shift.startsAt()))
					.forEach(s -> people.add(s.account()));
				int count = 0;
				long minutes = 0;
				for (RatioAlert alert : during) {
					Instant alertEnd = alert.endedAt() == null ? now : alert.endedAt();
					Instant overlapStart = alert.startedAt().isAfter(shift.startsAt()) ? alert.startedAt() : shift.startsAt();
					Instant overlapEnd = alertEnd.isBefore(shift.endsAt()) ? alertEnd : shift.endsAt();
					if (overlapEnd.isAfter(overlapStart)) {
						count++;
						minutes += Duration.between(overlapStart, overlapEnd).toMinutes();
					}
				}
				rows.add(new Row(date, code, people.size(), count, minutes));
			}
		}
		return rows;
	}
}
