package org.milieu.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded drug screen as read back, with its derived outcome. */
public record DrugScreen(UUID id, UUID residentId, Instant collectedAt, Specimen specimen, Panel panel,
		boolean observed, String chainOfCustodyId, String collectedBy, boolean refused, Outcome outcome,
		List<SubstanceResult> results, String note, String recordedBy, Instant recordedAt) {

	public DrugScreen {
		results = List.copyOf(results);
	}

	/** The substances that read positive, in panel order. */
	public List<Substance> positives() {
		return results.stream().filter(r -> r.result() == SubstanceResult.Result.POSITIVE).map(SubstanceResult::substance)
			.toList();
	}
}
