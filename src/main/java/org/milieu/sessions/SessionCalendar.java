package org.milieu.sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.groups.SmallGroups;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.HouseDays;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar as people read it, through the access policy: a session with its attendees, the
 * occurrences of a range of days (the program's, a house's, a staff member's), and a resident's own
 * day. Staff see their houses' sessions, those of the whole program and those they facilitate; the
 * director everything; a resident only their own. Every read is audited.
 */
@Service
public class SessionCalendar {

	/** The longest range of days one read of the calendar covers: two months. */
	public static final int LONGEST_RANGE_DAYS = 62;

	private final SessionRows rows;

	private final Occurrences occurrences;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Census census;

	private final HouseDays houseDays;

	private final SessionTypes types;

	private final SessionEligibility eligibility;

	private final SmallGroups groups;

	SessionCalendar(SessionRows rows, Occurrences occurrences, AccessPolicy policy, AuditTrail trail, Census census,
			HouseDays houseDays, SessionTypes types, SessionEligibility eligibility, SmallGroups groups) {
		this.groups = groups;
		this.houseDays = houseDays;
		this.types = types;
		this.eligibility = eligibility;
		this.rows = rows;
		this.occurrences = occurrences;
		this.policy = policy;
		this.trail = trail;
		this.census = census;
	}

	/**
	 * One session with its facilitators, named residents and exceptions, for program staff within
	 * whose reach its house (or each named resident) is; the named residents are audited as read.
	 */
	@Transactional
	public Session read(MilieuUser user, UUID id) {
		Reach reach = policy.enforceListing(user, Sessions.CATEGORY, "Session");
		Session session = rows.find(user.programId().value(), id).orElseThrow(() -> new RecordNotFound("Session", id));
		UUID house = session.attendeeHouseId() != null ? session.attendeeHouseId() : session.houseId();
		List<ResidentScope> named = new ArrayList<>();
		if (!session.residents().isEmpty()) {
			Map<UUID, UUID> houses = census.housesToday(user.programId());
			session.residents().forEach(r -> named.add(new ResidentScope(r, houses.get(r))));
		}
		if (!reach.everyone()) {
			boolean houseInReach = house == null || reach.houses().contains(house);
			boolean residentsInReach = named.stream().allMatch(s -> reach.includes(s.residentId(), s.houseId()));
			if (!houseInReach || !residentsInReach) {
				deny(user, id, "session " + id + " is of a house or residents outside " + user.getUsername() + "'s reach");
			}
		}
		if (named.isEmpty()) {
			trail.record(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS).on("Session", id));
		}
		else {
			policy.recordListed(user, Sessions.CATEGORY, "Session", reach, named, s -> s, s -> id);
		}
		return session;
	}

	/**
	 * The occurrences from {@code from} to {@code to} (at most {@link #LONGEST_RANGE_DAYS} days), of
	 * one house and/or one facilitator when named, as far as the reader's reach goes: a house outside
	 * it is refused; otherwise the occurrences of houses outside it are left out. Audited as one read.
	 */
	@Transactional
	public List<Occurrence> occurrences(MilieuUser user, LocalDate from, LocalDate to, UUID houseId, UUID facilitatorId) {
		requireRange(from, to);
		Reach reach = policy.enforceListing(user, Sessions.CATEGORY, "Session");
		ProgramId program = user.programId();
		if (houseId != null && !reach.everyone() && !reach.houses().contains(houseId)) {
			deny(user, null, "house " + houseId + " is not one " + user.getUsername() + " works in");
		}
		List<Occurrence> found = houseId != null ? occurrences.ofHouse(program, houseId, from, to)
				: facilitatorId != null ? occurrences.ofFacilitator(program, facilitatorId, from, to)
						: occurrences.between(program, from, to);
		List<Occurrence> shown = found.stream()
			.filter(o -> facilitatorId == null || o.facilitators().stream().anyMatch(f -> f.accountId().equals(facilitatorId)))
			.filter(o -> reach.everyone() || o.houseId() == null || reach.houses().contains(o.houseId())
					|| o.facilitators().stream().anyMatch(f -> f.accountId().equals(user.accountId())))
			.toList();
		trail.record(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS).on("Session", null)
			.saying("calendar " + from + ".." + to + (houseId == null ? "" : " of house " + houseId)
					+ (facilitatorId == null ? "" : " of facilitator " + facilitatorId) + ": " + shown.size() + " occurrences"));
		return shown;
	}

	/**
	 * The occurrences a resident is expected at on a day, not cancelled, by start: read by the
	 * resident themself (or staff in reach of them), audited as a read of their record. A house's
	 * sessions are those of the house they stay in that day (a move changes it from the day of the
	 * move), a small group's those of the group they are in on the occurrence's date, and a session
	 * naming them one they are named at; each of a kind whose minimum level they have reached by then.
	 * One read of the day's sessions, one of the resident's house and one of their level, whatever the
	 * number of sessions, and one of the group's members for each small group's session of the day.
	 */
	@Transactional
	public List<Occurrence> residentDay(MilieuUser user, UUID residentId, LocalDate day) {
		ProgramId program = user.programId();
		UUID house = census.find(program, residentId).map(CensusEntry::houseId).orElse(null);
		policy.enforce(user, AuditAction.READ, Sessions.CATEGORY, new ResidentScope(residentId, house), "Session", residentId);
		UUID houseThatDay = houseDays.houseOf(program, residentId, day).orElse(null);
		int level = eligibility.levelOn(program, residentId, day);
		Map<UUID, SessionType> kinds = types.all(program).stream()
			.collect(java.util.stream.Collectors.toMap(SessionType::id, t -> t));
		List<Occurrence> out = new ArrayList<>();
		for (Session s : rows.within(program.value(), day.minusDays(Occurrences.MOVE_REACH_DAYS),
				day.plusDays(Occurrences.MOVE_REACH_DAYS))) {
			boolean expected = switch (s.attendeeKind()) {
				case HOUSE -> houseThatDay != null && houseThatDay.equals(s.attendeeHouseId())
						&& SessionEligibility.reached(kinds.get(s.typeId()), level);
				case RESIDENTS -> s.residents().contains(residentId) && SessionEligibility.reached(kinds.get(s.typeId()), level);
				// the group's members are decided below, for each occurrence on its date
				case GROUP -> SessionEligibility.reached(kinds.get(s.typeId()), level);
			};
			if (!expected) {
				continue;
			}
			for (Occurrence o : Occurrences.occurrencesOf(s, day.minusDays(Occurrences.MOVE_REACH_DAYS),
					day.plusDays(Occurrences.MOVE_REACH_DAYS))) {
				if (!o.cancelled() && o.start().toLocalDate().equals(day) && (s.attendeeKind() != AttendeeKind.GROUP
						|| !groups.daysAmong(program, s.attendeeGroupId(), residentId, List.of(o.occursOn())).isEmpty())) {
					out.add(o);
				}
			}
		}
		out.sort(java.util.Comparator.comparing(Occurrence::start).thenComparing(Occurrence::title));
		return out;
	}

	/** The session's next occurrences from {@code from} (at most {@code most}, within a year), cancelled ones marked. */
	public List<Occurrence> next(Session session, LocalDate from, int most) {
		return Occurrences.occurrencesOf(session, from.minusDays(Occurrences.MOVE_REACH_DAYS), from.plusYears(1)).stream()
			.filter(o -> !o.start().toLocalDate().isBefore(from)).sorted(java.util.Comparator.comparing(Occurrence::start))
			.limit(most).toList();
	}

	/** Refuses a range without both ends, backwards, or longer than {@link #LONGEST_RANGE_DAYS} days. */
	public static void requireRange(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new RuleViolation("session.field.required", "from");
		}
		if (to == null) {
			throw new RuleViolation("session.field.required", "to");
		}
		if (to.isBefore(from)) {
			throw new RuleViolation("session.range.backwards", "to");
		}
		if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= LONGEST_RANGE_DAYS) {
			throw new RuleViolation("session.range.long", "to", LONGEST_RANGE_DAYS);
		}
	}

	private void deny(MilieuUser user, UUID id, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.on("Session", id).saying("READ refused: " + reason));
		throw new AccessDeniedException(reason);
	}
}
