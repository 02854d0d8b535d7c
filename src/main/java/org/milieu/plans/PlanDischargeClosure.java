package org.milieu.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.DischargeClosures;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The treatment plan's part of a discharged resident's record, read from its closure record: the
 * draft versions ended, and the version in force at the discharge, which stays readable with its
 * signatures (a readmission continues the same plan). Clinical notes: shown only to whom the access
 * policy lets read them.
 */
@Component
@Order(250)
class PlanDischargeClosure implements DischargeClosures {

	private final PlanRows rows;

	PlanDischargeClosure(PlanRows rows) {
		this.rows = rows;
	}

	@Override
	public String titleKey() {
		return "closure.plans.title";
	}

	@Override
	public DataCategory category() {
		return DataCategory.CLINICAL_NOTES;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		return rows.closure(stay.stayId()).map(closure -> {
			List<Line> lines = new ArrayList<>();
			if (closure[0] > 0) {
				lines.add(Line.of("closure.plans.draftsEnded", closure[0], stay.dischargedOn()));
			}
			if (closure[1] > 0) {
				lines.add(Line.of("closure.plans.inForce", closure[1]));
			}
			return Closed.of(lines);
		});
	}
}
