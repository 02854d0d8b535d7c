package org.milieu.residents.passes;

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
 * The passes a discharge closed. The discharge itself closes a pass still open, in its own
 * transaction ({@code Discharges}): the resident is not coming back to the house. So this part
 * is never pending.
 */
@Component
@Order(400)
class PassesOnDischarge implements DischargeClosures {

	static final String NOTE = "closed by the discharge";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	PassesOnDischarge(JdbcClient jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	@Override
	public String titleKey() {
		return "closure.passes.title";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.WHEREABOUTS, resident).allowed();
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		policy.enforce(user, AuditAction.READ, DataCategory.WHEREABOUTS, resident, "DischargeClosure", stay.stayId());
		int closed = jdbc.sql("select count(*) from residents_pass where stay_id = ? and return_note = ?")
			.params(stay.stayId(), NOTE).query(Integer.class).single();
		return Optional.of(Closed.of(closed == 0 ? List.of() : List.of(Line.of("closure.passes.closed", closed))));
	}
}
