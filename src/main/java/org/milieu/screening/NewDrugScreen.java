package org.milieu.screening;

import java.time.Instant;
import java.util.List;

/**
 * A command to record a drug screen. {@code results} is empty when the resident refused;
 * {@code chainOfCustodyId}, {@code collectedBy} and {@code note} are optional (the recorder is
 * taken as the collector when none is named).
 */
public record NewDrugScreen(Instant collectedAt, Specimen specimen, Panel panel, boolean observed,
		String chainOfCustodyId, String collectedBy, boolean refused, List<SubstanceResult> results, String note) {

	public NewDrugScreen {
		results = results == null ? List.of() : List.copyOf(results);
	}
}
