package org.milieu.staffing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.milieu.residents.CensusHouseLines;
import org.springframework.stereotype.Component;

/** The live ratio under each house's heading on the census: staff on shift against the minimum. */
@Component
@org.springframework.core.annotation.Order(100)
class StaffingOnCensus implements CensusHouseLines {

	private final StaffingCensus census;

	StaffingOnCensus(StaffingCensus census) {
		this.census = census;
	}

	@Override
	public Map<UUID, List<Attention>> linesFor(MilieuUser user) {
		Map<UUID, List<Attention>> lines = new HashMap<>();
		for (HouseStaffing h : census.now(user.programId())) {
			Attention line;
			if (h.staffOnShift() == 0 && h.belowMinimum()) {
				line = new Attention(Attention.Severity.URGENT, "staffing.census.noStaff", List.of(h.minimumResidentsPerStaff()),
						"/staffing", null);
			}
			else if (h.staffOnShift() > 0) {
				line = new Attention(h.belowMinimum() ? Attention.Severity.URGENT : Attention.Severity.NOTICE,
						h.belowMinimum() ? "staffing.census.belowLine" : "staffing.census.line",
						List.of(h.staffOnShift(), h.residentsPerStaff(), h.minimumResidentsPerStaff()), "/staffing", null);
			}
			else {
				continue;
			}
			lines.put(h.houseId(), List.of(line));
		}
		return lines;
	}
}
