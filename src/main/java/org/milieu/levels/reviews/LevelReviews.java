package org.milieu.levels.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.Slice;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The level review workflow. The engine (or a staff member) opens a review; the resident writes a
 * self-assessment; residents at level 3 or 4 of the same house may add peer input; a clinician or
 * the director records the team's decision (advance, hold or step down) with a rationale and what
 * to work on next. The decision sets the level from that day and publishes {@link LevelChanged}.
 * A decided review is final. Every read and change passes the access policy and is audited.
 */
@Service
public class LevelReviews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Census census;

	private final ResidentLevels levels;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Programs programs;

	LevelReviews(JdbcClient jdbc, AccessPolicy policy, Census census, ResidentLevels levels,
			ApplicationEventPublisher events, Clock clock, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.census = census;
		this.levels = levels;
		this.events = events;
		this.clock = clock;
		this.programs = programs;
	}

	/** Opens an advancement review from the evidence, unless the resident already has an open review. */
	@Transactional
	Optional<UUID> openAdvancement(ProgramId program, Evidence evidence, String openedBy, String reason) {
		return insert(program, evidence.residentId(), Review.Kind.ADVANCEMENT, evidence.level().number(),
				evidence.nextLevel(), openedBy, reason, findings(evidence), null, null, null);
	}

	/**
	 * Opens a step-down review for a trigger (a destructive-behaviour rating or a major incident),
	 * once per trigger. An open advancement review gives way: it is closed as held, saying why.
	 */
	@Transactional
	Optional<UUID> openStepDown(ProgramId program, UUID residentId, int fromLevel, Evidence evidence,
			Review.TriggerKind trigger, UUID triggerRef, LocalDate triggerOn) {
		Instant now = clock.instant();
		jdbc.sql("""
				update levels_review set status = 'DECIDED', decision = 'HOLD', new_level = from_level,
				       rationale = ?, decided_by = ?, decided_at = ?
				 where resident_id = ? and status = 'OPEN' and kind = 'ADVANCEMENT'""")
			.params("Held: a step-down review opened (" + trigger + " on " + triggerOn + ").", SYSTEM, Timestamp.from(now),
					residentId)
			.update();
		return insert(program, residentId, Review.Kind.STEP_DOWN, fromLevel, Math.max(1, fromLevel - 1), SYSTEM, null,
				evidence == null ? List.of() : findings(evidence), trigger, triggerRef, triggerOn);
	}

	/** A staff member opens a review by hand (e.g. after a team meeting), with a reason. */
	@Transactional
	public Review open(MilieuUser user, UUID residentId, Review.Kind kind, String reason, Evidence evidence) {
		CensusEntry resident = census.find(user.programId(), residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		if (kind == null) {
			throw new RuleViolation("review.kind.missing", "kind");
		}
		String text = required(reason, "reason", 2000);
		policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.houseId()), "LevelReview", residentId);
		int from = levels.currentOf(user.programId(), residentId).map(c -> c.level().number()).orElse(1);
		if (kind == Review.Kind.ADVANCEMENT && from == 4) {
			throw new RuleViolation("review.advance.top", "kind");
		}
		if (kind == Review.Kind.STEP_DOWN && from == 1) {
			throw new RuleViolation("review.step-down.bottom", "kind");
		}
		UUID id = insert(user.programId(), residentId, kind, from, kind == Review.Kind.ADVANCEMENT ? from + 1 : from - 1,
				user.getUsername(), text, evidence == null ? List.of() : findings(evidence), null, null, null)
			.orElseThrow(() -> new RuleViolation("review.already-open", "residentId"));
		return load(user.programId(), id);
	}

	/** Reviews with a status, newest first, of the residents the reader may see; each one shown is audited. */
	@Transactional
	public List<Review> list(MilieuUser user, Review.Status status) {
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "LevelReview");
		Map<UUID, UUID> houses = census.housesToday(user.programId());
		List<Review> shown = new ArrayList<>();
		for (Review review : reviews("program_id = ? and status = ? order by opened_at desc limit 500",
				user.programId().value(), status.name())) {
			UUID house = houses.get(review.residentId());
			if (house != null && reach.includes(review.residentId(), house)) {
				shown.add(review);
			}
		}
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "LevelReview", reach,
				shown.stream().map(r -> new ResidentScope(r.residentId(), houses.get(r.residentId()))).toList());
		return shown;
	}

	/**
	 * A page of reviews, newest opened first (ties by id), of the residents in the program today whom
	 * the reader may see (a list: for staff roles, as the reviews page); each one shown is audited.
	 * Filters: a status ({@code null} for both), one resident, one house (today's), and the days it was
	 * opened on, {@code from} and {@code to} both included.
	 * <p>
	 * Who is in the program today is the residents module's fact, so the query cannot join it. A reader
	 * whose listing is narrowed (by reach, house or resident) names those residents in the query; for a
	 * reader who sees the whole program the reviews are read in the listing's order and those of residents
	 * no longer in the program are skipped, rather than sending every resident of the program with each
	 * page (which cost more to plan than the page cost to read).
	 */
	@Transactional
	public Slice<Review> list(MilieuUser user, Review.Status status, UUID residentId, UUID houseId, LocalDate from,
			LocalDate to, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "LevelReview");
		Map<UUID, UUID> houses = new java.util.HashMap<>();
		census.housesToday(user.programId()).forEach((resident, house) -> {
			if (reach.includes(resident, house) && (houseId == null || houseId.equals(house))
					&& (residentId == null || residentId.equals(resident))) {
				houses.put(resident, house);
			}
		});
		boolean named = !reach.everyone() || houseId != null || residentId != null;
		StringBuilder condition = new StringBuilder("program_id = ?");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (named) {
			condition.append(" and resident_id = any(?)");
			params.add(houses.keySet().toArray(UUID[]::new));
		}
		if (status != null) {
			condition.append(" and status = ?");
			params.add(status.name());
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			condition.append(" and opened_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			condition.append(" and opened_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		List<Review> rows = new ArrayList<>();
		Keyset after = page.after();
		int batch = page.fetch();
		while (true) {
			StringBuilder sql = new StringBuilder(condition);
			List<Object> values = new ArrayList<>(params);
			if (after != null) {
				sql.append(" and (opened_at, id) < (?, ?)");
				values.add(Timestamp.from(after.instant()));
				values.add(after.id());
			}
			sql.append(" order by opened_at desc, id desc limit ?");
			values.add(batch);
			List<Review> read = jdbc.sql("select * from levels_review where " + sql).params(values)
				.query(LevelReviews::review).list();
			for (Review review : read) {
				if (rows.size() < page.fetch() && houses.containsKey(review.residentId())) {
					rows.add(review);
				}
			}
			if (named || rows.size() == page.fetch() || read.size() < batch) {
				break;
			}
			Review last = read.get(read.size() - 1);
			after = Keyset.of(last.openedAt(), last.id());
			batch = Math.min(batch * 2, 1000);
		}
		Slice<Review> slice = page.slice(withPeerInput(rows), r -> Keyset.of(r.openedAt(), r.id()));
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "LevelReview", reach,
				slice.items().stream().map(r -> new ResidentScope(r.residentId(), houses.get(r.residentId()))).toList());
		return slice;
	}

	/** One review, with its peer input; a resident reads their own. */
	@Transactional
	public Review find(MilieuUser user, UUID id) {
		Review review = load(user.programId(), id);
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope(user.programId(), review.residentId()),
				"LevelReview", id);
		return review;
	}

	/** A resident's reviews, newest first; a resident reads their own. */
	@Transactional
	public List<Review> forResident(MilieuUser user, UUID residentId) {
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope(user.programId(), residentId),
				"LevelReview", residentId);
		return reviews("program_id = ? and resident_id = ? order by opened_at desc", user.programId().value(), residentId);
	}

	/**
	 * Records the team's decision. Refused, changing nothing: a decided review ({@code id}), no
	 * rationale, advancing from level 4 or stepping down from level 1 ({@code decision}).
	 */
	@Transactional
	public Review decide(MilieuUser user, UUID id, Review.Decision decision, String rationale, String workOn) {
		ProgramId program = user.programId();
		Review review = load(program, id);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.LEVELS_AND_RATINGS, scope(program, review.residentId()),
				"LevelReview", id);
		if (!user.has(Role.CLINICIAN) && !user.has(Role.ADMIN)) {
			throw new AccessDeniedException("level decisions are for clinicians and the program director");
		}
		if (!review.open()) {
			throw new RuleViolation("review.closed", "id", review.decision());
		}
		if (decision == null) {
			throw new RuleViolation("review.decision.missing", "decision");
		}
		String why = required(rationale, "rationale", 4000);
		String next = workOn == null || workOn.isBlank() ? null : workOn.strip();
		if (next != null && next.length() > 4000) {
			throw new RuleViolation("review.text.too-long", "workOn", 4000);
		}
		int from = levels.currentOf(program, review.residentId()).map(c -> c.level().number()).orElse(review.fromLevel());
		int to = switch (decision) {
			case ADVANCE -> from + 1;
			case HOLD -> from;
			case STEP_DOWN -> from - 1;
		};
		if (to > 4) {
			throw new RuleViolation("review.advance.top", "decision");
		}
		if (to < 1) {
			throw new RuleViolation("review.step-down.bottom", "decision");
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update levels_review set status = 'DECIDED', decision = ?, new_level = ?, rationale = ?, work_on = ?,
				       decided_by = ?, decided_at = ?
				 where id = ? and status = 'OPEN'""")
			.params(decision.name(), to, why, next, user.getUsername(), Timestamp.from(now), id).update();
		if (changed != 1) {
			throw new RuleViolation("review.closed", "id", "");
		}
		if (to != from) {
			LocalDate today = census.day(program);
			levels.assign(program, review.residentId(), Level.of(to), today, user.getUsername(), why);
			events.publishEvent(new LevelChanged(program, review.residentId(), from, to, today, id));
		}
		return load(program, id);
	}

	/** The resident's own words on their open review; written again, the latest stands. */
	@Transactional
	public Review selfAssess(MilieuUser user, UUID id, String text) {
		ProgramId program = user.programId();
		Review review = load(program, id);
		policy.enforceResidentContribution(user, AuditAction.UPDATE, DataCategory.LEVELS_AND_RATINGS,
				scope(program, review.residentId()), "LevelReview", id, null);
		if (!review.open()) {
			throw new RuleViolation("review.closed", "id", review.decision());
		}
		String words = required(text, "text", 4000);
		jdbc.sql("update levels_review set self_assessment = ?, self_assessed_at = ? where id = ? and status = 'OPEN'")
			.params(words, Timestamp.from(clock.instant()), id).update();
		return load(program, id);
	}

	/**
	 * A peer's input to a housemate's open review: the peer is a resident at level 3 or 4 living in
	 * the same house, not the resident reviewed, and writes once.
	 */
	@Transactional
	public Review addPeerInput(MilieuUser user, UUID id, String text) {
		ProgramId program = user.programId();
		Review review = load(program, id);
		String eligibility = peerEligibility(user, review.residentId());
		policy.enforceResidentContribution(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS,
				scope(program, review.residentId()), "LevelReviewPeerInput", id, eligibility);
		if (review.residentId().equals(user.residentId())) {
			throw new RuleViolation("review.peer.self", "id");
		}
		if (!review.open()) {
			throw new RuleViolation("review.closed", "id", review.decision());
		}
		String words = required(text, "text", 4000);
		int added = jdbc.sql("""
				insert into levels_review_peer_input (id, review_id, author_resident_id, text, written_at)
				values (?, ?, ?, ?, ?) on conflict (review_id, author_resident_id) do nothing""")
			.params(UUID.randomUUID(), id, user.residentId(), words, Timestamp.from(clock.instant())).update();
		if (added == 0) {
			throw new RuleViolation("review.peer.twice", "text");
		}
		return load(program, id);
	}

	/**
	 * The open reviews of the signed-in resident's housemates, if they are at level 3 or 4 and may
	 * give peer input; each one shown is audited as a peer's read. Others see none.
	 */
	@Transactional
	public List<PeerReview> openForPeer(MilieuUser user) {
		if (!user.has(Role.RESIDENT) || user.residentId() == null) {
			return List.of();
		}
		ProgramId program = user.programId();
		Optional<CensusEntry> me = census.find(program, user.residentId());
		Optional<CurrentLevel> level = levels.currentOf(program, user.residentId());
		if (me.isEmpty() || level.isEmpty() || level.get().level().number() < 3) {
			return List.of();
		}
		String eligibility = "level " + level.get().level().number() + ", same house";
		Map<UUID, CensusEntry> mates = new java.util.HashMap<>();
		census.today(program).stream()
			.filter(e -> e.houseId().equals(me.get().houseId()) && !e.residentId().equals(user.residentId()))
			.forEach(e -> mates.put(e.residentId(), e));
		List<PeerReview> result = new ArrayList<>();
		for (Review review : reviews("program_id = ? and status = 'OPEN' and resident_id = any(?) order by opened_at",
				program.value(), mates.keySet().toArray(UUID[]::new))) {
			CensusEntry mate = mates.get(review.residentId());
			policy.enforceResidentContribution(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS,
					new ResidentScope(mate.residentId(), mate.houseId()), "LevelReview", review.id(), eligibility);
			boolean written = review.peerInput().stream().anyMatch(p -> p.authorResidentId().equals(user.residentId()));
			result.add(new PeerReview(review.id(), mate.displayName(), review.kind(), review.proposedLevel(), written));
		}
		return result;
	}

	/** A housemate's open review as a peer sees it: who, which way, and whether they wrote already. */
	public record PeerReview(UUID reviewId, String residentName, Review.Kind kind, int proposedLevel, boolean written) {
	}

	private String peerEligibility(MilieuUser user, UUID reviewed) {
		if (user.residentId() == null || user.residentId().equals(reviewed)) {
			return null;
		}
		ProgramId program = user.programId();
		Optional<CensusEntry> me = census.find(program, user.residentId());
		Optional<CensusEntry> them = census.find(program, reviewed);
		Optional<CurrentLevel> level = levels.currentOf(program, user.residentId());
		if (me.isEmpty() || them.isEmpty() || level.isEmpty() || level.get().level().number() < 3
				|| !me.get().houseId().equals(them.get().houseId())) {
			return null;
		}
		return "level " + level.get().level().number() + ", same house";
	}

	private Optional<UUID> insert(ProgramId program, UUID residentId, Review.Kind kind, int from, int proposed,
			String openedBy, String reason, List<Review.Finding> findings, Review.TriggerKind trigger, UUID triggerRef,
			LocalDate triggerOn) {
		UUID id = UUID.randomUUID();
		int added = jdbc.sql("""
				insert into levels_review (id, program_id, resident_id, kind, from_level, proposed_level, status, opened_at,
				                           opened_by, reason, findings, trigger_ref, trigger_kind, trigger_on)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, cast(? as jsonb), ?, ?, ?) on conflict do nothing""")
			.params(id, program.value(), residentId, kind.name(), from, proposed, Timestamp.from(clock.instant()), openedBy,
					reason, JSON.writeValueAsString(findings), triggerRef, trigger == null ? null : trigger.name(), triggerOn)
			.update();
		return added == 1 ? Optional.of(id) : Optional.empty();
	}

	static List<Review.Finding> findings(Evidence evidence) {
		return evidence.criteria().stream()
			.map(r -> new Review.Finding(r.key(), r.criterion().kind().name(), r.value(), r.criterion().threshold(),
					r.criterion().windowDays(), r.met(), r.waived(),
					r.criterion().domain() == null ? null : r.criterion().domain().name(), r.criterion().atLeast()))
			.toList();
	}

	private Review load(ProgramId program, UUID id) {
		return reviews("id = ? and program_id = ?", id, program.value()).stream().findFirst().orElseThrow(() -> new RecordNotFound("LevelReview", id));
	}

	private ResidentScope scope(ProgramId program, UUID residentId) {
		UUID house = census.find(program, residentId).map(CensusEntry::houseId).orElse(null);
		if (house == null) {
			throw new RuleViolation("review.resident.not-in-program", "residentId");
		}
		return new ResidentScope(residentId, house);
	}

	private static String required(String text, String field, int max) {
		if (text == null || text.isBlank()) {
			throw new RuleViolation("review.text.missing", field);
		}
		if (text.strip().length() > max) {
			throw new RuleViolation("review.text.too-long", field, max);
		}
		return text.strip();
	}

	/** Reviews matching a condition, with their peer input read in one more query for all of them. */
	private List<Review> reviews(String condition, Object... params) {
		return withPeerInput(jdbc.sql("select * from levels_review where " + condition).params(params)
			.query(LevelReviews::review).list());
	}

	/** The reviews with their peer input, read for all of them at once. */
	private List<Review> withPeerInput(List<Review> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, List<Review.PeerInput>> peers = new java.util.HashMap<>();
		jdbc.sql("select review_id, author_resident_id, text, written_at from levels_review_peer_input "
				+ "where review_id = any(?) order by written_at")
			.param(rows.stream().map(Review::id).toArray(UUID[]::new))
			.query((ResultSet p) -> {
				peers.computeIfAbsent(p.getObject("review_id", UUID.class), k -> new ArrayList<>())
					.add(new Review.PeerInput(p.getObject("author_resident_id", UUID.class), p.getString("text"),
							p.getTimestamp("written_at").toInstant()));
			});
		return rows.stream().map(r -> r.withPeerInput(peers.getOrDefault(r.id(), List.of()))).toList();
	}

	private static Review review(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String trigger = rs.getString("trigger_kind");
		String decision = rs.getString("decision");
		return new Review(id, rs.getObject("resident_id", UUID.class), Review.Kind.valueOf(rs.getString("kind")),
				rs.getInt("from_level"), rs.getInt("proposed_level"), Review.Status.valueOf(rs.getString("status")),
				instant(rs, "opened_at"), rs.getString("opened_by"), rs.getString("reason"),
				JSON.readValue(rs.getString("findings"), new TypeReference<List<Review.Finding>>() {
				}), trigger == null ? null : Review.TriggerKind.valueOf(trigger), rs.getObject("trigger_on", LocalDate.class),
				rs.getString("self_assessment"), instant(rs, "self_assessed_at"),
				decision == null ? null : Review.Decision.valueOf(decision), (Integer) rs.getObject("new_level"),
				rs.getString("rationale"), rs.getString("work_on"), rs.getString("decided_by"), instant(rs, "decided_at"),
				List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
