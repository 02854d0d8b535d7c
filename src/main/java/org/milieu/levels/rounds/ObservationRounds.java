package org.milieu.levels.rounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observation rounds: clinicians order and end observation ({@link DataCategory#CLINICAL_NOTES},
 * which staff may not write), staff record checks and one-to-one hand-overs
 * ({@link DataCategory#LEVELS_AND_RATINGS}, which they do write), and the rounds screen and the home
 * page read who is due and overdue. Every read and write passes the access policy and is audited;
 * only residents in today's census (an open stay) can be ordered or observed. Times come from the
 * injected {@link Clock}.
 */
@Service
public class ObservationRounds {

	private static final TextInput TEXT = new TextInput("rounds");

	/** The most checks one batch may carry. */
	public static final int MAX_BATCH = 10_000;

	static final int MAX_PLACE = 120;

	static final int MAX_MOOD = 500;

	static final int MAX_NOTE = 2000;

	private static final String ORDER = """
			select id, resident_id, frequency, reason, starts_at, ends_at, ordered_by, ordered_at, ended_by, ended_at, end_reason
			  from levels_observation_order where program_id = ?""";

	private static final String IN_FORCE = " and starts_at <= ? and (ends_at is null or ends_at > ?) and (ended_at is null or ended_at > ?)";

	private static final String INSERT_OBSERVATION = """
			insert into levels_observation (id, program_id, resident_id, house_id, order_id, observed_at, location, activity,
			                                mood_behaviour, safety_concern, safety_note, observed_by, recorded_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final AccessPolicy policy;

	private final Census census;

	private final Programs programs;

	private final Clock clock;

	ObservationRounds(JdbcClient jdbc, JdbcTemplate batch, AccessPolicy policy, Census census, Programs programs,
			Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.policy = policy;
		this.census = census;
		this.programs = programs;
		this.clock = clock;
	}

	/**
	 * Puts a resident on observation. A clinical decision: clinicians of the resident's house or
	 * caseload and the director only. The reason is required (an order nobody can explain is not an
	 * order); the resident must be in today's census. An order in force for the resident is
	 * superseded: it ends when the new one starts, so the history shows every change.
	 */
	@Transactional
	public ObservationOrder order(MilieuUser user, UUID residentId, NewObservationOrder command) {
		ProgramId program = user.programId();
		Optional<CensusEntry> resident = census.find(program, residentId);
		UUID orderId = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.CLINICAL_NOTES,
				new ResidentScope(residentId, resident.map(CensusEntry::houseId).orElse(null)), "ObservationOrder", orderId);
		if (resident.isEmpty()) {
			throw new RuleViolation("rounds.notInProgram", "resident");
		}
		if (command.frequency() == null) {
			throw new RuleViolation("rounds.field.required", "frequency");
		}
		String reason = required(command.reason(), "reason", MAX_NOTE);
		Instant now = clock.instant();
		Instant startsAt = command.startsAt() == null ? now : command.startsAt();
		if (command.endsAt() != null && !command.endsAt().isAfter(startsAt)) {
			throw new RuleViolation("rounds.endsAt.beforeStart", "endsAt");
		}
		if (command.endsAt() != null && !command.endsAt().isAfter(now)) {
			throw new RuleViolation("rounds.endsAt.past", "endsAt");
		}
		// the resident's orders queue here, so two orders at once leave one in force
		jdbc.sql(ORDER + " and resident_id = ? and ended_at is null for update").params(program.value(), residentId)
			.query((rs, n) -> order(rs)).list();
		jdbc.sql("""
				update levels_observation_order set ended_by = ?, ended_at = ?, end_reason = 'superseded'
				 where program_id = ? and resident_id = ? and ended_at is null and (ends_at is null or ends_at > ?)""")
			.params(user.getUsername(), utc(startsAt.isAfter(now) ? startsAt : now), program.value(), residentId, utc(now))
			.update();
		jdbc.sql("""
				insert into levels_observation_order (id, program_id, resident_id, frequency, reason, starts_at, ends_at,
				                                      ordered_by, ordered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(orderId, program.value(), residentId, command.frequency().name(), reason, utc(startsAt),
					command.endsAt() == null ? null : utc(command.endsAt()), user.getUsername(), utc(now))
			.update();
		return load(program, orderId).orElseThrow();
	}

	/**
	 * Ends an order before its planned end, with who, when and why; the order stays in the record.
	 * Clinicians and the director only, like ordering it.
	 */
	@Transactional
	public ObservationOrder endOrder(MilieuUser user, UUID orderId, String reason) {
		ProgramId program = user.programId();
		if (policy.reach(user, AccessAction.WRITE, DataCategory.CLINICAL_NOTES).nobody()) {
			throw new AccessDeniedException("no role of " + user.getUsername() + " may end an observation order");
		}
		ObservationOrder order = jdbc.sql(ORDER + " and id = ? for update").params(program.value(), orderId)
			.query((rs, n) -> order(rs)).optional().orElseThrow(() -> new RecordNotFound("ObservationOrder", orderId));
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, scope(program, order.residentId()),
				"ObservationOrder", orderId);
		Instant now = clock.instant();
		if (order.endedAt() != null || (order.endsAt() != null && !order.endsAt().isAfter(now))) {
			throw new RuleViolation("rounds.order.alreadyEnded", "order");
		}
		String why = optional(reason, "reason", MAX_NOTE);
		jdbc.sql("update levels_observation_order set ended_by = ?, ended_at = ?, end_reason = ? where id = ?")
			.params(user.getUsername(), utc(now), why, orderId).update();
		return load(program, orderId).orElseThrow();
	}

	/**
	 * Records one check of a resident on observation. Staff of the resident's house, clinicians and
	 * the director may; the resident must be in today's census with an order in force, and the
	 * check may not lie in the future nor before the order began.
	 */
	@Transactional
	public Observation observe(MilieuUser user, UUID residentId, NewObservation check) {
		ProgramId program = user.programId();
		Optional<CensusEntry> resident = census.find(program, residentId);
		UUID id = timeOrderedId(clock.millis());
		policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.map(CensusEntry::houseId).orElse(null)), "Observation", id);
		if (resident.isEmpty()) {
			throw new RuleViolation("rounds.notInProgram", "resident");
		}
		Instant now = clock.instant();
		Map<UUID, ObservationOrder> orders = ordersInForce(program, now);
		Object[] row = row(program, id, resident.get(), orders, check.forResident(residentId), "", now, user);
		jdbc.sql(INSERT_OBSERVATION).params(row).update();
		return jdbc.sql("select * from levels_observation where id = ?").param(id).query((rs, n) -> observation(rs)).single();
	}

	/**
	 * Records many checks of one house in one call, all or nothing: one bad entry stores none and
	 * names itself ({@code observations[i].field}). Each resident named is a write of their data,
	 * decided and audited once per resident per batch. The rows go in as one JDBC batch, before the
	 * audit rows: every auditing transaction queues on the audit chain's head until it commits, so
	 * writing the audit rows last holds the head for those rows and the commit only, not for the
	 * insert, and concurrent batches do not wait for each other's rows. A refusal still throws
	 * before the commit, so its batch stores nothing.
	 */
	@Transactional
	public int observeAll(MilieuUser user, UUID houseId, List<NewObservation> checks) {
		ProgramId program = user.programId();
		Reach reach = policy.reach(user, AccessAction.WRITE, DataCategory.LEVELS_AND_RATINGS);
		if (!reach.everyone() && !reach.houses().contains(houseId)) {
			throw new AccessDeniedException(user.getUsername() + " does not record rounds in house " + houseId);
		}
		if (checks == null || checks.isEmpty()) {
			throw new RuleViolation("rounds.batch.empty", "observations");
		}
		if (checks.size() > MAX_BATCH) {
			throw new RuleViolation("rounds.batch.tooLarge", "observations", MAX_BATCH);
		}
		Map<UUID, CensusEntry> residents = census.ofHouse(program, houseId).stream()
			.collect(Collectors.toMap(CensusEntry::residentId, Function.identity()));
		Instant now = clock.instant();
		Map<UUID, ObservationOrder> orders = ordersInForce(program, now);
		List<Object[]> rows = new ArrayList<>(checks.size());
		Map<UUID, CensusEntry> named = new LinkedHashMap<>();
		for (int i = 0; i < checks.size(); i++) {
			NewObservation check = checks.get(i);
			String prefix = "observations[" + i + "].";
			if (check == null || check.residentId() == null) {
				throw new RuleViolation("rounds.field.required", prefix + "residentId");
			}
			CensusEntry resident = residents.get(check.residentId());
			if (resident == null) {
				throw new RuleViolation("rounds.notInHouse", prefix + "residentId");
			}
			rows.add(row(program, timeOrderedId(now.toEpochMilli()), resident, orders, check, prefix, now, user));
			named.put(resident.residentId(), resident);
		}
		batch.batchUpdate(INSERT_OBSERVATION, rows);
		for (CensusEntry resident : named.values()) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS,
					new ResidentScope(resident.residentId(), resident.houseId()), "Observation", resident.residentId());
		}
		return rows.size();
	}

	/**
	 * Documents that one-to-one observation passes to someone else. Only for an order in force that
	 * is one-to-one; the person handing over is the one recording it.
	 */
	@Transactional
	public Handover handOver(MilieuUser user, UUID orderId, String toStaff, String note) {
		ProgramId program = user.programId();
		if (policy.reach(user, AccessAction.WRITE, DataCategory.LEVELS_AND_RATINGS).nobody()) {
			throw new AccessDeniedException("no role of " + user.getUsername() + " records rounds");
		}
		ObservationOrder order = load(program, orderId).orElseThrow(() -> new RecordNotFound("ObservationOrder", orderId));
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS, scope(program, order.residentId()),
				"ObservationHandover", id);
		Instant now = clock.instant();
		if (order.frequency() != Frequency.ONE_TO_ONE) {
			throw new RuleViolation("rounds.handover.notOneToOne", "order");
		}
		if (!order.inForce(now)) {
			throw new RuleViolation("rounds.order.notInForce", "order");
		}
		String to = required(toStaff, "toStaff", MAX_PLACE);
		String text = optional(note, "note", MAX_NOTE);
		String from = holder(order.id()).orElse(user.displayName());
		jdbc.sql("""
				insert into levels_observation_handover (id, program_id, order_id, from_staff, to_staff, handed_at, note,
				                                         recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program.value(), orderId, from, to, utc(now), text, user.getUsername(), utc(now)).update();
		return new Handover(id, orderId, from, to, now, text, user.getUsername());
	}

	/**
	 * Who in a house is on observation now, as this person may see it: overdue first, then
	 * one-to-one, then by the next check due. For staff roles; each resident shown is audited.
	 */
	@Transactional
	public List<DueCheck> due(MilieuUser user, UUID houseId) {
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "Observation");
		List<DueCheck> lines = lines(user.programId(), houseId, reach);
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "Observation", reach,
				lines.stream().map(l -> new ResidentScope(l.residentId(), l.houseId())).toList());
		return lines;
	}

	/** The overdue checks in every house this person may see; only those shown are audited. */
	@Transactional
	public List<DueCheck> overdue(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "Observation");
		List<DueCheck> overdue = lines(user.programId(), null, reach).stream().filter(DueCheck::overdue).toList();
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "Observation", reach,
				overdue.stream().map(l -> new ResidentScope(l.residentId(), l.houseId())).toList());
		return overdue;
	}

	/** A resident's observation orders, latest first: clinical, so for clinicians and the director. Audited. */
	@Transactional
	public List<ObservationOrder> orders(MilieuUser user, UUID residentId) {
		ProgramId program = user.programId();
		policy.enforce(user, AuditAction.READ, DataCategory.CLINICAL_NOTES, scope(program, residentId), "ObservationOrder",
				residentId);
		return jdbc.sql(ORDER + " and resident_id = ? order by starts_at desc, ordered_at desc")
			.params(program.value(), residentId).query((rs, n) -> order(rs)).list();
	}

	/** The program's time zone, for showing times. */
	@Transactional(readOnly = true)
	public ZoneId zone(ProgramId program) {
		return programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	/** "02:15" today, or "2026-11-25 23:50" on another day, in the given zone. */
	public String clockTime(Instant at, ZoneId zone) {
		if (at == null) {
			return null;
		}
		ZonedDateTime local = at.atZone(zone);
		boolean today = local.toLocalDate().equals(LocalDate.now(clock.withZone(zone)));
		return local.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
	}

	private List<DueCheck> lines(ProgramId program, UUID houseId, Reach reach) {
		Instant now = clock.instant();
		record Line(ObservationOrder order, Instant lastCheck, String heldBy) {
		}
		List<Line> lines = jdbc.sql("""
				select o.id, o.resident_id, o.frequency, o.reason, o.starts_at, o.ends_at, o.ordered_by, o.ordered_at,
				       o.ended_by, o.ended_at, o.end_reason,
				       (select max(b.observed_at) from levels_observation b where b.order_id = o.id) as last_check,
				       (select x.to_staff from levels_observation_handover x where x.order_id = o.id
				         order by x.handed_at desc, x.recorded_at desc limit 1) as held_by
				  from levels_observation_order o
				 where o.program_id = ? and o.starts_at <= ? and (o.ends_at is null or o.ends_at > ?)
				   and (o.ended_at is null or o.ended_at > ?)""")
			.params(program.value(), utc(now), utc(now), utc(now))
			.query((rs, n) -> new Line(order(rs), instant(rs, "last_check"), rs.getString("held_by"))).list();
		// the orders in force are few; the census is read only when there is one to place
		if (lines.isEmpty()) {
			return List.of();
		}
		Map<UUID, CensusEntry> residents = census.today(program).stream()
			.filter(e -> houseId == null || houseId.equals(e.houseId()))
			.filter(e -> reach.includes(e.residentId(), e.houseId()))
			.collect(Collectors.toMap(CensusEntry::residentId, Function.identity()));
		return lines.stream().filter(l -> residents.containsKey(l.order().residentId())).map(l -> {
			CensusEntry r = residents.get(l.order().residentId());
			return DueCheck.of(r.residentId(), r.displayName(), r.houseId(), r.houseName(), l.order(), l.lastCheck(),
					l.heldBy(), now);
		}).sorted(Comparator.comparing((DueCheck d) -> !d.overdue()).thenComparing(d -> !d.frequency().continuous())
			.thenComparing(DueCheck::nextDue, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(DueCheck::residentName)).toList();
	}

	private Object[] row(ProgramId program, UUID id, CensusEntry resident, Map<UUID, ObservationOrder> orders,
			NewObservation check, String prefix, Instant now, MilieuUser user) {
		ObservationOrder order = orders.get(resident.residentId());
		if (order == null) {
			throw new RuleViolation("rounds.notOnObservation", prefix.isEmpty() ? "resident" : prefix + "residentId",
					resident.displayName());
		}
		Instant observedAt = check.observedAt() == null ? now : check.observedAt();
		if (observedAt.isAfter(now)) {
			throw new RuleViolation("rounds.observedAt.future", prefix + "observedAt");
		}
		if (observedAt.isBefore(order.startsAt())) {
			throw new RuleViolation("rounds.observedAt.beforeOrder", prefix + "observedAt");
		}
		String location = required(check.location(), prefix + "location", MAX_PLACE);
		String activity = required(check.activity(), prefix + "activity", MAX_PLACE);
		String mood = optional(check.moodBehaviour(), prefix + "moodBehaviour", MAX_MOOD);
		String note = optional(check.safetyNote(), prefix + "safetyNote", MAX_NOTE);
		if (check.safetyConcern() && note == null) {
			throw new RuleViolation("rounds.safetyNote.required", prefix + "safetyNote");
		}
		return new Object[] { id, program.value(), resident.residentId(), resident.houseId(), order.id(),
				utc(observedAt), location, activity, mood, check.safetyConcern(), note, user.getUsername(),
				utc(now) };
	}

	/** The order in force for each resident of the program now (at most one each: a new order supersedes). */
	private Map<UUID, ObservationOrder> ordersInForce(ProgramId program, Instant now) {
		return jdbc.sql(ORDER + IN_FORCE + " order by starts_at").params(program.value(), utc(now), utc(now), utc(now))
			.query((rs, n) -> order(rs)).list().stream()
			.collect(Collectors.toMap(ObservationOrder::residentId, Function.identity(), (a, b) -> b));
	}

	private Optional<String> holder(UUID orderId) {
		return jdbc.sql("select to_staff from levels_observation_handover where order_id = ? order by handed_at desc, recorded_at desc limit 1")
			.param(orderId).query(String.class).optional();
	}

	private Optional<ObservationOrder> load(ProgramId program, UUID orderId) {
		return jdbc.sql(ORDER + " and id = ?").params(program.value(), orderId).query((rs, n) -> order(rs)).optional();
	}

	/** The resident and the house they live in now (none once discharged), for the access policy. */
	private ResidentScope scope(ProgramId program, UUID residentId) {
		return new ResidentScope(residentId, census.find(program, residentId).map(CensusEntry::houseId).orElse(null));
	}

	private static String required(String value, String field, int max) {
		return TEXT.required(value, field, max);
	}

	private static String optional(String value, String field, int max) {
		return TEXT.optional(value, field, max);
	}

	/**
	 * A version 7 UUID (RFC 9562): the milliseconds of recording first, then random bits. Checks are
	 * the program's highest-volume rows; random keys send each row of a batch to a different page of
	 * the primary key index (each written whole to the write-ahead log after a checkpoint), keys that
	 * grow with time to its last pages. A batch of 1,000 checks inserts in about two thirds of the
	 * time (docs/PERFORMANCE.md).
	 */
	static UUID timeOrderedId(long millis) {
		UUID random = UUID.randomUUID();
		long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
		return new UUID(high, random.getLeastSignificantBits());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static ObservationOrder order(ResultSet rs) throws SQLException {
		return new ObservationOrder(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				Frequency.valueOf(rs.getString("frequency")), rs.getString("reason"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getString("ordered_by"), instant(rs, "ordered_at"), rs.getString("ended_by"),
				instant(rs, "ended_at"), rs.getString("end_reason"));
	}

	private static Observation observation(ResultSet rs) throws SQLException {
		return new Observation(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getObject("house_id", UUID.class), rs.getObject("order_id", UUID.class), instant(rs, "observed_at"),
				rs.getString("location"), rs.getString("activity"), rs.getString("mood_behaviour"),
				rs.getBoolean("safety_concern"), rs.getString("safety_note"), rs.getString("observed_by"),
				instant(rs, "recorded_at"));
	}
}
