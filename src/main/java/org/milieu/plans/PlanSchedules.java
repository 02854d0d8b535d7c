package org.milieu.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.Slice;
import org.milieu.shared.TextInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is due of the treatment plans of the residents in the program today, as {@link ReviewSchedule}
 * counts it on the program's dates with the program's terms ({@link PlanSettings}) and each resident's
 * own review interval. The list is a listing of clinical data: for the director and the clinicians
 * (of their houses and caseload), each resident shown audited; staff, family and residents are
 * refused. A resident's own interval is set by whoever may write their plan, with a reason, audited.
 */
@Service
public class PlanSchedules {

	static final String RESOURCE = "TreatmentPlanSchedule";

	static final int REASON_MAX = 500;

	private static final TextInput TEXT = new TextInput("plan");

	private final ScheduleRows rows;

	private final Census census;

	private final AccessPolicy policy;

	private final PlanSettings settings;

	private final Programs programs;

	private final Clock clock;

	PlanSchedules(ScheduleRows rows, Census census, AccessPolicy policy, PlanSettings settings, Programs programs,
			Clock clock) {
		this.rows = rows;
		this.census = census;
		this.policy = policy;
		this.settings = settings;
		this.programs = programs;
		this.clock = clock;
	}

	/** Counts of what is due, for the home page: no names, so no resident's record is read. */
	public record Counts(int plansOverdue, int plansDue, int reviewsOverdue, int reviewsDue) {
	}

	/**
	 * Every current resident in the reader's reach with what is due of their plan: overdue first, then
	 * due, then the rest, each group by the nearest deadline. Each resident listed is audited.
	 */
	@Transactional
	public List<PlanDue> due(MilieuUser reader) {
		Reach reach = policy.enforceListing(reader, DataCategory.CLINICAL_NOTES, RESOURCE);
		List<PlanDue> all = compute(reader, reach, null);
		audit(reader, reach, all);
		return all;
	}

	/** One page of {@link #due(MilieuUser)}, in its order; only the residents on the page are audited. */
	@Transactional
	public Slice<PlanDue> due(MilieuUser reader, PageRequest page) {
		Reach reach = policy.enforceListing(reader, DataCategory.CLINICAL_NOTES, RESOURCE);
		List<PlanDue> all = compute(reader, reach, null);
		Keyset after = page.after();
		List<PlanDue> rest = after == null ? all : all.stream().filter(d -> {
			int order = sortKey(d).compareTo(after.key());
			return order > 0 || (order == 0 && d.residentId().compareTo(after.id()) > 0);
		}).toList();
		Slice<PlanDue> slice = page.slice(rest.subList(0, Math.min(rest.size(), page.fetch())),
				d -> Keyset.of(sortKey(d), d.residentId()));
		audit(reader, reach, slice.items());
		return slice;
	}

	/** How many plans and reviews are overdue and due among the residents the reader may see; none for other roles. */
	@Transactional(readOnly = true)
	public Counts counts(MilieuUser reader) {
		if (!(reader.has(Role.ADMIN) || reader.has(Role.CLINICIAN))) {
			return new Counts(0, 0, 0, 0);
		}
		Reach reach = policy.reach(reader, AccessAction.READ, DataCategory.CLINICAL_NOTES);
		int plansOverdue = 0;
		int plansDue = 0;
		int reviewsOverdue = 0;
		int reviewsDue = 0;
		for (PlanDue d : compute(reader, reach, null)) {
			if (reach.onlyInEmergency(d.residentId(), d.houseId())) {
				continue;
			}
			if (d.initialPlan() != null) {
				plansOverdue += d.initialPlan().standing() == PlanDue.Standing.OVERDUE ? 1 : 0;
				plansDue += d.initialPlan().standing() == PlanDue.Standing.DUE ? 1 : 0;
			}
			if (d.review() != null) {
				reviewsOverdue += d.review().standing() == PlanDue.Standing.OVERDUE ? 1 : 0;
				reviewsDue += d.review().standing() == PlanDue.Standing.DUE ? 1 : 0;
			}
		}
		return new Counts(plansOverdue, plansDue, reviewsOverdue, reviewsDue);
	}

	/** What is due of one current resident's plan; the read passes the policy and is audited. */
	@Transactional
	public PlanDue of(MilieuUser reader, UUID residentId) {
		CensusEntry resident = census.find(reader.programId(), residentId).orElse(null);
		policy.enforce(reader, AuditAction.READ, DataCategory.CLINICAL_NOTES,
				new ResidentScope(residentId, resident == null ? null : resident.houseId()), RESOURCE, residentId);
		if (resident == null || reader.has(Role.RESIDENT)) {
			throw new RecordNotFound("Resident", residentId);
		}
		return compute(reader, null, resident).get(0);
	}

	/**
	 * Sets the resident's own review interval (1 to 365 days), or with {@code days} null puts them back
	 * on the program's; a reason is required. For whoever may write the resident's plan; audited.
	 */
	@Transactional
	public PlanDue setReviewInterval(MilieuUser clinician, UUID residentId, Integer days, String reason) {
		CensusEntry resident = census.find(clinician.programId(), residentId).orElse(null);
		policy.enforce(clinician, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES,
				new ResidentScope(residentId, resident == null ? null : resident.houseId()), RESOURCE, residentId);
		if (clinician.has(Role.RESIDENT)) {
			throw new AccessDeniedException("a resident's review interval is their clinician's");
		}
		if (resident == null) {
			throw new RecordNotFound("Resident", residentId);
		}
		Integer interval = days == null ? null : PlanSettings.days(days, "days");
		String why = TEXT.required(reason, "reason", REASON_MAX);
		rows.setOwnInterval(clinician.programId().value(), residentId, interval, why, clinician.accountId(),
				clinician.displayName(), clock.instant());
		return compute(clinician, null, resident).get(0);
	}

	/** The program's today, where the program is. */
	@Transactional(readOnly = true)
	public LocalDate today(MilieuUser reader) {
		return census.day(reader.programId());
	}

	private List<PlanDue> compute(MilieuUser reader, Reach reach, CensusEntry only) {
		UUID program = reader.programId().value();
		ZoneId zone = programs.timeZone(reader.programId());
		LocalDate today = census.day(reader.programId());
		PlanTerms terms = settings.terms(program);
		UUID residentId = only == null ? null : only.residentId();
		Map<UUID, ScheduleRows.PlanState> plans = rows.plans(program, residentId);
		Map<UUID, List<ScheduleRows.OpenRequest>> open = rows.openRequests(program, residentId);
		Map<UUID, Integer> own = rows.ownIntervals(program, residentId);
		List<CensusEntry> residents = only != null ? List.of(only)
				: census.today(reader.programId()).stream().filter(e -> reach.includes(e.residentId(), e.houseId())).toList();
		List<PlanDue> due = new ArrayList<>();
		for (CensusEntry e : residents) {
			ScheduleRows.PlanState plan = plans.get(e.residentId());
			Integer ownDays = own.get(e.residentId());
			int interval = ownDays != null ? ownDays : terms.reviewIntervalDays();
			List<PlanDue.Request> requests = open.getOrDefault(e.residentId(), List.of()).stream()
				.map(q -> new PlanDue.Request(q.id(), PlanDue.Reason.valueOf(q.reason()),
						ReviewSchedule.dateOf(q.requestedAt(), zone), q.eventId()))
				.toList();
			boolean inForce = plan != null && plan.inForceNumber() != null;
			PlanDue.Status status = inForce ? (plan.residentDeclined() ? PlanDue.Status.NOT_SIGNED_BY_RESIDENT
					: PlanDue.Status.IN_FORCE) : plan != null && plan.draftNumber() != null ? PlanDue.Status.DRAFT
							: PlanDue.Status.NONE;
			Integer version = inForce ? plan.inForceNumber() : plan == null ? null : plan.draftNumber();
			due.add(new PlanDue(e.residentId(), e.displayName(), e.houseId(), e.houseName(), e.admittedOn(), status, version,
					inForce ? null : ReviewSchedule.initialPlan(today, e.admittedOn(), terms),
					inForce ? ReviewSchedule.review(today, zone, plan.inForceAt(), plan.lastReviewOn(), interval, requests)
							: null,
					requests, interval, ownDays != null));
		}
		due.sort(Comparator.comparing(PlanSchedules::sortKey).thenComparing(PlanDue::residentId));
		return due;
	}

	/** Overdue first, then due, then the rest; within each, the nearest deadline first. */
	static String sortKey(PlanDue d) {
		int rank = d.overdue() ? 0 : d.due() ? 1 : 2;
		LocalDate next = d.nextDeadline();
		return rank + "|" + (next == null ? "9999-12-31" : next.toString());
	}

	private void audit(MilieuUser reader, Reach reach, List<PlanDue> shown) {
		policy.recordListed(reader, DataCategory.CLINICAL_NOTES, RESOURCE, reach, shown,
				d -> new ResidentScope(d.residentId(), d.houseId()), PlanDue::residentId);
	}
}
