package org.milieu.residents.passes;

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
 * The passes a discharge closed. The discharge itself closes a pass still open, in its own
 * transaction ({@code Discharges}): the resident is not coming back to the house. So this part
 * is never pending.
 */
@Component
@Order(400)
class PassesOnDischarge implements DischargeClosures {

	static final String NOTE = "closed by the discharge";

	private final JdbcClient jdbc;


	PassesOnDischarge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String titleKey() {
		return "closure.passes.title";
	}

	@Override
	public DataCategory category() {
		return DataCategory.WHEREABOUTS;
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		int closed = jdbc.sql("select count(*) from residents_pass where stay_id = ? and return_note = ?")
			.params(stay.stayId(), NOTE).query(Integer.class).single();
		return Optional.of(Closed.of(closed == 0 ? List.of() : List.of(Line.of("closure.passes.closed", closed))));
	}
}
