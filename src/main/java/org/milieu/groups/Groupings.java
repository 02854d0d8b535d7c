package org.milieu.groups;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.milieu.audit.AuditAction;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.House;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A house's weekly grouping: Milieu proposes it ({@link GroupProposer}) from the residents living in
 * the house today, staff move residents between its groups, and someone approves it, which records
 * who and when. One proposal is open per house at a time; a new one withdraws it. A proposal is for
 * this week's Monday, or next week's once this week's grouping is approved. Every resident shown or
 * changed is audited as levels data; only the house's staff and clinicians, and the director, take part.
 */
@Service
public class Groupings {

	private static final int HISTORY = 26;

	private final GroupAccess access;

	private final GroupRules rules;

	private final GroupingInputs inputs;

	private final GroupingRows rows;

	private final Census census;

	private final Clock clock;

	private final GroupProposer proposer = new GroupProposer();

	Groupings(GroupAccess access, GroupRules rules, GroupingInputs inputs, GroupingRows rows, Census census, Clock clock) {
		this.access = access;
		this.rules = rules;
		this.inputs = inputs;
		this.rows = rows;
		this.census = census;
		this.clock = clock;
	}

	/** The house's settings, open proposal, grouping in force today and separations; every resident shown audited. */
	@Transactional
	public GroupingOverview overview(MilieuUser user, UUID houseId) {
		House house = access.toRead(user, houseId);
		LocalDate today = census.day(user.programId());
		Grouping proposal = rows.open(houseId).flatMap(id -> rows.find(user.programId(), id)).orElse(null);
		Grouping inForce = rows.approvedOn(houseId, today).or(() -> rows.latestApproved(houseId))
			.flatMap(id -> rows.find(user.programId(), id)).orElse(null);
		List<SeparationRecord> separations = rules.openIn(user, houseId);
		Map<UUID, String> residents = rules.names(user, houseId);
		Set<UUID> shown = new LinkedHashSet<>(residents.keySet());
		if (proposal != null) {
			shown.addAll(proposal.residents());
		}
		if (inForce != null) {
			shown.addAll(inForce.residents());
		}
		separations.forEach(s -> {
			shown.add(s.residentA());
			shown.add(s.residentB());
		});
		access.recordShown(user, houseId, shown, proposal != null ? proposal.id() : inForce != null ? inForce.id() : houseId);
		return new GroupingOverview(houseId, house.name(), today, rules.settingsOf(houseId), proposal, inForce, separations,
				residents);
	}

	/** One grouping of the house, approved or not; every resident in it audited. */
	@Transactional
	public Grouping find(MilieuUser user, UUID houseId, UUID groupingId) {
		access.toRead(user, houseId);
		Grouping grouping = inHouse(user, houseId, groupingId);
		access.recordShown(user, houseId, grouping.residents(), groupingId);
		return grouping;
	}

	/** The house's approved groupings, newest first (the last 26), never changed once approved. */
	@Transactional
	public List<Grouping> history(MilieuUser user, UUID houseId) {
		access.toRead(user, houseId);
		List<Grouping> history = new ArrayList<>();
		for (UUID id : rows.approved(houseId, HISTORY)) {
			rows.find(user.programId(), id).ifPresent(history::add);
		}
		Set<UUID> shown = new LinkedHashSet<>();
		history.forEach(g -> shown.addAll(g.residents()));
		access.recordShown(user, houseId, shown, houseId);
		return history;
	}

	/**
	 * Proposes the house's grouping for the week: everyone living in the house today, in as many groups
	 * as the settings give, kept as close as the rules allow to the last approved grouping. Withdraws
	 * the open proposal, if any. Refused when nobody lives in the house.
	 */
	@Transactional
	public Grouping propose(MilieuUser user, UUID houseId) {
		access.toChange(user, houseId);
		LocalDate today = census.day(user.programId());
		LocalDate startsOn = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (rows.approvedFor(houseId, startsOn)) {
			startsOn = startsOn.plusWeeks(1);
		}
		Map<UUID, String> residents = rules.names(user, houseId);
		if (residents.isEmpty()) {
			throw new RuleViolation("groups.propose.empty", null);
		}
		Map<UUID, NeedProfile> needs = inputs.profiles(user.programId(), houseId, residents.keySet(), today);
		GroupSettings settings = rules.settingsOf(houseId);
		int count = settings.groupsFor(residents.size());
		List<GroupSlot> slots = rows.slots(user.programId(), houseId, count, Math.min(settings.structuredGroups(), count));
		Optional<UUID> basedOn = rows.latestApproved(houseId);
		Map<UUID, UUID> lastWeek = basedOn.map(rows::membersOf).orElse(Map.of());
		Proposal proposal = proposer.propose(needs.values(), slots, lastWeek, rules.pairs(houseId), settings.maxSize());
		rows.withdrawOpen(houseId);
		UUID id = UUID.randomUUID();
		rows.insert(user.programId(), id, houseId, startsOn, basedOn.orElse(null), proposal, slots, needs, user.displayName(),
				clock.instant());
		access.record(user, AuditAction.CREATE, houseId, residents.keySet(), id, "grouping proposed");
		return rows.find(user.programId(), id).orElseThrow();
	}

	/**
	 * Moves a resident of the open proposal into another of its groups, by hand; the reason then names
	 * who moved them. Refused, naming the field, when the resident is not in the proposal, the group is
	 * not one of it, or a resident they must be kept apart from is in that group.
	 */
	@Transactional
	public Grouping move(MilieuUser user, UUID houseId, UUID groupingId, @Nullable UUID residentId, @Nullable UUID groupId) {
		access.toChange(user, houseId);
		Grouping grouping = open(user, houseId, groupingId);
		if (residentId == null) {
			throw new RuleViolation("groups.field.required", "residentId");
		}
		if (groupId == null) {
			throw new RuleViolation("groups.field.required", "groupId");
		}
		if (!grouping.residents().contains(residentId)) {
			throw new RuleViolation("groups.move.notMember", "residentId");
		}
		Grouping.Group target = grouping.groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
			.orElseThrow(() -> new RuleViolation("groups.move.unknownGroup", "groupId"));
		for (Separation s : rules.pairs(houseId)) {
			if (s.involves(residentId)) {
				UUID other = s.other(residentId);
				Optional<Grouping.Member> clash = target.members().stream().filter(m -> m.residentId().equals(other)).findFirst();
				if (clash.isPresent()) {
					throw new RuleViolation("groups.move.keepApart", "groupId", clash.get().name());
				}
			}
		}
		access.enforceChange(user, houseId, residentId, groupingId);
		rows.move(groupingId, residentId, groupId, "groups.reason.manual", List.of(target.label(), user.displayName()));
		return rows.find(user.programId(), groupingId).orElseThrow();
	}

	/** Approves the open proposal as it stands: who and when are recorded, and it becomes history. */
	@Transactional
	public Grouping approve(MilieuUser user, UUID houseId, UUID groupingId) {
		access.toChange(user, houseId);
		Grouping grouping = open(user, houseId, groupingId);
		if (!rows.approve(groupingId, user.displayName(), user.accountId(), clock.instant())) {
			throw new StateConflict("groups.grouping.notOpen");
		}
		access.record(user, AuditAction.UPDATE, houseId, grouping.residents(), groupingId, "grouping approved");
		return rows.find(user.programId(), groupingId).orElseThrow();
	}

	private Grouping open(MilieuUser user, UUID houseId, UUID groupingId) {
		Grouping grouping = inHouse(user, houseId, groupingId);
		if (grouping.status() != Grouping.Status.PROPOSED) {
			throw new StateConflict("groups.grouping.notOpen");
		}
		return grouping;
	}

	private Grouping inHouse(MilieuUser user, UUID houseId, UUID groupingId) {
		return rows.find(user.programId(), groupingId).filter(g -> g.houseId().equals(houseId))
			.orElseThrow(() -> new RecordNotFound("Grouping", groupingId));
	}
}
