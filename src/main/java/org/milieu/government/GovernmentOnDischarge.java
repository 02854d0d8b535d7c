package org.milieu.government;

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
 * Client government's part of a discharged resident's record, read from its own closure record
 * ({@link GovernmentDischarges}): the officer terms ended, the vacancies put on the agenda, and
 * that the resident no longer votes or moves motions.
 */
@Component
@Order(200)
class GovernmentOnDischarge implements DischargeClosures {

	private final JdbcClient jdbc;


	GovernmentOnDischarge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String titleKey() {
		return "closure.government.title";
	}

	@Override
	public DataCategory category() {
		return DataCategory.GOVERNMENT;
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		record Row(List<String> offices, int vacancies) {
		}
		return jdbc.sql("select offices_ended, cardinality(vacancy_items) from government_discharge_closure where stay_id = ?")
			.param(stay.stayId())
			.query((rs, n) -> new Row(List.of((String[]) rs.getArray(1).getArray()), rs.getInt(2))).optional()
			.map(row -> {
				List<Line> lines = new ArrayList<>();
				for (String office : row.offices()) {
					lines.add(Line.of("closure.government.termEnded." + office, stay.dischargedOn()));
				}
				if (row.vacancies() > 0) {
					lines.add(Line.of("closure.government.vacancies", row.vacancies()));
				}
				lines.add(Line.of("closure.government.noVote"));
				return Closed.of(lines);
			});
	}
}
