package org.milieu.plans;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RecordNotFound;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.Verification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's plan and its whole history, for printing: taking it out of Milieu is an export, so
 * the access policy's export rule decides (the director and the resident's clinicians; the resident
 * for their own plan, as a party to it; staff and family never) and the export is audited once.
 */
@Service
public class PlanHistories {

	private final PlanRows rows;

	private final PlanReviewReadings reviews;

	private final Census census;

	private final Signatures signatures;

	private final Clock clock;

	private final PlanAreas areas;

	private final PlanAccess access;

	PlanHistories(PlanRows rows, PlanReviewReadings reviews, Census census, Signatures signatures,
			Clock clock, PlanAreas areas, PlanAccess access) {
		this.areas = areas;
		this.access = access;
		this.rows = rows;
		this.reviews = reviews;
		this.census = census;
		this.signatures = signatures;
		this.clock = clock;
	}

	/**
	 * Every version newest first with all its parts, each version's signatures checked against its
	 * content now (a signed row changed since reads "does not match"), and every review. 404 when the
	 * resident has no plan.
	 */
	@Transactional
	public PlanHistory history(MilieuUser reader, UUID residentId) {
		UUID program = reader.programId().value();
		CensusEntry entry = census.find(reader.programId(), residentId).orElse(null);
		ResidentScope scope = new ResidentScope(residentId, entry == null ? null : entry.houseId());
		UUID planId = rows.planOf(program, residentId).orElse(null);
		UUID resource = planId == null ? residentId : planId;
		access.enforceAsPartyOrClinical(reader, AuditAction.EXPORT, scope, "TreatmentPlan", resource);
		if (planId == null) {
			throw new RecordNotFound("TreatmentPlan", residentId);
		}
		Map<Integer, List<Verification>> signed = signatures.signaturesOf(reader, PlanDocuments.KIND, planId, null)
			.stream().collect(Collectors.groupingBy(v -> v.signature().version()));
		List<PlanHistory.VersionRecord> versions = rows.versions(program, planId).stream()
			.map(s -> rows.version(program, planId, s.number(), false).orElseThrow())
			.map(v -> new PlanHistory.VersionRecord(v, signed.getOrDefault(v.number(), List.of())))
			.toList();
		return new PlanHistory(planId, residentId, entry == null ? null : entry.displayName(), clock.instant(), versions,
				reviews.reviewsOf(program, planId), areas.all(program).stream().filter(a -> a.name() != null)
					.collect(Collectors.toMap(PlanArea::code, PlanArea::name)));
	}
}
