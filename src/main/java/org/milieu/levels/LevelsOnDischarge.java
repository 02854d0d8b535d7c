package org.milieu.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
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

	private final AccessPolicy policy;

	LevelsOnDischarge(JdbcClient jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	@Override
	public String titleKey() {
		return "closure.levels.title";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.LEVELS_AND_RATINGS, resident).allowed();
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, resident, "DischargeClosure", stay.stayId());
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
