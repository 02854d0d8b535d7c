package org.milieu.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.DischargeClosures;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The levels part of a discharged resident's record, read from the module's own closure record
 * ({@link LevelsDischarges}): observation orders ended, reviews closed, privileges stopped.
 */
@Component
@Order(300)
class LevelsOnDischarge implements DischargeClosures {

	private final JdbcClient jdbc;


	LevelsOnDischarge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String titleKey() {
		return "closure.levels.title";
	}

	@Override
	public DataCategory category() {
		return DataCategory.LEVELS_AND_RATINGS;
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		return jdbc.sql("select orders_ended, reviews_closed, privileges_stopped from levels_discharge_closure where stay_id = ?")
			.param(stay.stayId())
			.query((rs, n) -> {
				List<Line> lines = new ArrayList<>();
				if (rs.getInt(1) > 0) {
					lines.add(Line.of("closure.levels.ordersEnded", rs.getInt(1)));
				}
				if (rs.getInt(2) > 0) {
					lines.add(Line.of("closure.levels.reviewsClosed", rs.getInt(2)));
				}
				if (rs.getInt(3) > 0) {
					lines.add(Line.of("closure.levels.privilegesStopped", rs.getInt(3)));
				}
				return Closed.of(lines);
			}).optional();
	}
}
