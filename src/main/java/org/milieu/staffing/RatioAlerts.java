package org.milieu.staffing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts for houses under their staffing minimum. {@link #evaluate} compares every house with its
 * minimum and opens an alert where one is missing, or closes it once the house is staffed again;
 * it runs when someone checks in or out, after admissions and discharges, and every 20 seconds
 * (the ratio watch), so an alert appears within a minute whatever caused it.
 */
@Service
public class RatioAlerts {

	private static final String SELECT = """
			select id, house_id, shift, residents, staff, minimum, started_at, ended_at from staffing_ratio_alert""";

	private final JdbcClient jdbc;

	private final StaffingCensus census;

	private final Clock clock;

	RatioAlerts(JdbcClient jdbc, StaffingCensus census, Clock clock) {
		this.jdbc = jdbc;
		this.census = census;
		this.clock = clock;
	}

	/**
	 * Opens and closes the program's alerts to match the houses now. Evaluations of one program
	 * take turns (a transaction-scoped advisory lock), so one that read the houses before a
	 * concurrent check-in committed cannot leave an alert behind it.
	 */
	@Transactional
	public void evaluate(ProgramId program) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('staffing-ratio:' || ?, 0))")
			.param(program.value().toString()).query((rs, n) -> 1).list();
		Instant now = clock.instant();
		Map<UUID, RatioAlert> open = open(program).stream().collect(Collectors.toMap(RatioAlert::houseId, Function.identity()));
		for (HouseStaffing house : census.now(program)) {
			RatioAlert alert = open.get(house.houseId());
			if (house.belowMinimum() && alert == null) {
				jdbc.sql("""
						insert into staffing_ratio_alert (id, program_id, house_id, shift, residents, staff, minimum, started_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (house_id) where ended_at is null do nothing""")
					.params(UUID.randomUUID(), program.value(), house.houseId(), house.shift().name(), house.occupied(),
							house.staffOnShift(), house.minimumResidentsPerStaff(), java.sql.Timestamp.from(now))
					.update();
			}
			else if (!house.belowMinimum() && alert != null) {
				jdbc.sql("update staffing_ratio_alert set ended_at = ? where id = ? and ended_at is null")
					.params(java.sql.Timestamp.from(now), alert.id())
					.update();
			}
		}
	}

	/** The alerts still open, oldest first. */
	@Transactional(readOnly = true)
	public List<RatioAlert> open(ProgramId program) {
		return jdbc.sql(SELECT + " where program_id = ? and ended_at is null order by started_at")
			.param(program.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** A house's alerts that overlap the period, oldest first. */
	@Transactional(readOnly = true)
	public List<RatioAlert> during(ProgramId program, UUID houseId, Instant from, Instant to) {
		return jdbc.sql(SELECT + " " + """
				 where program_id = ? and house_id = ? and started_at < ? and (ended_at is null or ended_at > ?)
				 order by started_at""")
			.params(program.value(), houseId, java.sql.Timestamp.from(to), java.sql.Timestamp.from(from))
			.query((rs, n) -> row(rs))
			.list();
	}

	static RatioAlert row(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp ended = rs.getTimestamp("ended_at");
		return new RatioAlert(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				ShiftCode.valueOf(rs.getString("shift")), rs.getInt("residents"), rs.getInt("staff"), rs.getInt("minimum"),
				rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
	}
}
