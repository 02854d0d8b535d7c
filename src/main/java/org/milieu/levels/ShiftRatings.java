package org.milieu.levels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The point sheet: each shift, staff rate every resident of a house on the {@link RatingDomain}s.
 * One sheet per house, date and shift; ratings are never changed or deleted, a correction
 * supersedes the old rating and keeps it. Only residents living in the house today can be rated,
 * never for a shift that has not started, and a rating entered more than twelve hours after the
 * shift ended is flagged late so reviewers can weigh it. Every rating passes the access policy
 * for {@link DataCategory#LEVELS_AND_RATINGS} and is audited with it.
 */
@Service
public class ShiftRatings {

	/** How long after its shift's end a rating still counts as on time. */
	public static final Duration ON_TIME = Duration.ofHours(12);

	private static final String COLUMNS = "id, sheet_id, resident_id, house_id, shift_date, shift, domain, value, note, "
			+ "rated_by, rated_at, late, supersedes, superseded_by";

	private final JdbcClient jdbc;

	private final Census census;

	private final Houses houses;

	private final Programs programs;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	ShiftRatings(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Census census, Houses houses,
			Programs programs, AccessPolicy policy, AuditTrail trail, Clock clock, ApplicationEventPublisher events) {
		this.batch = batch;
		this.events = events;
		this.jdbc = jdbc;
		this.census = census;
		this.houses = houses;
		this.programs = programs;
		this.policy = policy;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Records a whole sheet. Refused, changing nothing, when the shift has not started
	 * ({@code shiftDate}), when the house already has a sheet for that shift (a change is a
	 * correction, {@code shiftDate}), when a resident does not live in the house or appears twice
	 * ({@code entries[i].residentId}), or when a value is off its domain's scale
	 * ({@code entries[i].ratings[j].value}).
	 */
	@Transactional
	public RatingSheet rateSheet(MilieuUser user, UUID houseId, RateSheet command) {
		ProgramId program = user.programId();
		houses.find(program, houseId);
		ZoneId zone = zone(program);
		Instant now = clock.instant();
		requireStarted(command.shiftDate(), command.shift(), zone, now);
		Map<UUID, CensusEntry> living = livingIn(program, houseId);
		requireWriteReach(user, houseId, living);
		if (sheetId(houseId, command.shiftDate(), command.shift()) != null) {
			throw new RuleViolation("rating.sheet.exists", "shiftDate", command.shiftDate(), command.shift());
		}
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < command.entries().size(); i++) {
			RateSheet.Entry entry = command.entries().get(i);
			if (!living.containsKey(entry.residentId())) {
				throw new RuleViolation("rating.resident.not-in-house", "entries[" + i + "].residentId");
			}
			if (!seen.add(entry.residentId())) {
				throw new RuleViolation("rating.resident.twice", "entries[" + i + "].residentId");
			}
			Set<RatingDomain> domains = new HashSet<>();
			for (int j = 0; j < entry.ratings().size(); j++) {
				RateSheet.Rating rating = entry.ratings().get(j);
				String field = "entries[" + i + "].ratings[" + j + "]";
				if (!domains.add(rating.domain())) {
					throw new RuleViolation("rating.domain.twice", field + ".domain");
				}
				requireOnScale(rating.domain(), rating.value(), field + ".value");
			}
		}
		boolean late = late(command.shiftDate(), command.shift(), zone, now);
		UUID sheet = openSheet(user, program, houseId, command.shiftDate(), command.shift(), now);
		List<Object[]> rows = new java.util.ArrayList<>();
		List<DestructiveBehaviourRated> destructive = new java.util.ArrayList<>();
		for (RateSheet.Entry entry : command.entries()) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS,
					new ResidentScope(entry.residentId(), houseId), "ShiftRating", sheet);
			for (RateSheet.Rating rating : entry.ratings()) {
				UUID id = UUID.randomUUID();
				rows.add(values(id, program, sheet, entry.residentId(), houseId, command.shiftDate(), command.shift(),
						rating.domain(), rating.value(), rating.note(), user.getUsername(), now, late, null));
				if (rating.domain() == RatingDomain.SAFETY && rating.value() == 0) {
					destructive.add(new DestructiveBehaviourRated(program, entry.residentId(), id, command.shiftDate()));
				}
			}
		}
		// one JDBC batch, sent as multi-row inserts (reWriteBatchedInserts), instead of a statement per rating
		batch.batchUpdate(INSERT_RATING, rows);
		destructive.forEach(events::publishEvent);
		return read(sheet, houseId, command.shiftDate(), command.shift(), late, List.copyOf(living.values()),
				living.keySet());
	}

	/**
	 * Rates one resident on one domain, as the point-sheet page does with each choice ("saved as
	 * you go"): opens the house's sheet for the shift if need be, and if the resident already has a
	 * rating on that domain, the new value supersedes it. The same value again changes nothing.
	 */
	@Transactional
	public ShiftRating rate(MilieuUser user, UUID houseId, LocalDate shiftDate, ShiftKind shift, UUID residentId,
			RatingDomain domain, int value, String note) {
		ProgramId program = user.programId();
		houses.find(program, houseId);
		ZoneId zone = zone(program);
		Instant now = clock.instant();
		requireStarted(shiftDate, shift, zone, now);
		Map<UUID, CensusEntry> living = livingIn(program, houseId);
		if (!living.containsKey(residentId)) {
			throw new RuleViolation("rating.resident.not-in-house", "residentId");
		}
		requireOnScale(domain, value, "value");
		policy.enforce(user, AuditAction.CREATE, DataCategory.LEVELS_AND_RATINGS, new ResidentScope(residentId, houseId),
				"ShiftRating", residentId);
		UUID sheet = openSheet(user, program, houseId, shiftDate, shift, now);
		ShiftRating current = jdbc.sql("select " + COLUMNS + " from levels_shift_rating "
				+ "where sheet_id = ? and resident_id = ? and domain = ? and superseded_by is null")
			.params(sheet, residentId, domain.name()).query(ShiftRatings::rating).optional().orElse(null);
		if (current != null && current.value() == value && java.util.Objects.equals(current.note(), note)) {
			return current;
		}
		UUID id = UUID.randomUUID();
		if (current != null) {
			supersede(current.id(), id);
		}
		insert(id, program, sheet, residentId, houseId, shiftDate, shift, domain, value, note, user.getUsername(), now,
				late(shiftDate, shift, zone, now), current == null ? null : current.id());
		return find(id);
	}

	/**
	 * Corrects a rating: the new value (and note) becomes the current rating and the old one is
	 * kept, marked as superseded. A rating already corrected is refused: correct its correction.
	 */
	@Transactional
	public ShiftRating correct(MilieuUser user, UUID ratingId, int value, String note) {
		ShiftRating old = jdbc.sql("select " + COLUMNS + " from levels_shift_rating where id = ? and program_id = ?")
			.params(ratingId, user.programId().value()).query(ShiftRatings::rating).optional()
			.orElseThrow(() -> new RecordNotFound("ShiftRating", ratingId));
		policy.enforce(user, AuditAction.UPDATE, DataCategory.LEVELS_AND_RATINGS,
				scope(user.programId(), old.residentId(), old.houseId()), "ShiftRating", ratingId);
		if (!old.current()) {
			throw new RuleViolation("rating.already-corrected", "id", old.supersededBy());
		}
		requireOnScale(old.domain(), value, "value");
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		supersede(old.id(), id);
		insert(id, user.programId(), old.sheetId(), old.residentId(), old.houseId(), old.shiftDate(), old.shift(),
				old.domain(), value, note, user.getUsername(), now,
				late(old.shiftDate(), old.shift(), zone(user.programId()), now), old.id());
		return find(id);
	}

	/**
	 * A house's sheet for one shift, with the residents living there today whom the reader may
	 * see and their current ratings; each resident shown is audited. Residents and family may not
	 * read lists; staff of another house are refused.
	 */
	@Transactional
	public RatingSheet sheet(MilieuUser user, UUID houseId, LocalDate shiftDate, ShiftKind shift) {
		ProgramId program = user.programId();
		houses.find(program, houseId);
		Reach reach = policy.enforceListing(user, DataCategory.LEVELS_AND_RATINGS, "RatingSheet");
		Map<UUID, CensusEntry> living = livingIn(program, houseId);
		List<CensusEntry> shown = living.values().stream().filter(e -> reach.includes(e.residentId(), houseId)).toList();
		if (!reach.everyone() && !reach.houses().contains(houseId) && shown.isEmpty()) {
			refuseHouse(user, houseId, "READ");
		}
		policy.recordListed(user, DataCategory.LEVELS_AND_RATINGS, "RatingSheet", reach,
				shown.stream().map(e -> new ResidentScope(e.residentId(), houseId)).toList());
		boolean lateNow = late(shiftDate, shift, zone(program), clock.instant());
		Set<UUID> ids = new HashSet<>();
		shown.forEach(e -> ids.add(e.residentId()));
		return read(sheetId(houseId, shiftDate, shift), houseId, shiftDate, shift, lateNow, shown, ids);
	}

	/**
	 * A resident's current ratings between two dates, oldest first; a resident reads their own.
	 * The read is audited.
	 */
	@Transactional
	public List<ShiftRating> forResident(MilieuUser user, UUID residentId, LocalDate from, LocalDate to) {
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope(user.programId(), residentId, null),
				"ShiftRating", residentId);
		return jdbc.sql("select " + COLUMNS + " from levels_shift_rating where program_id = ? and resident_id = ? "
				+ "and shift_date between ? and ? and superseded_by is null order by shift_date, "
				+ "array_position(array['NIGHT','DAY','EVENING'], shift), domain")
			.params(user.programId().value(), residentId, from, to).query(ShiftRatings::rating).list();
	}

	/** The shift under way now where the program is, the page's default. */
	@Transactional(readOnly = true)
	public ShiftKind.ShiftSlot currentShift(ProgramId program) {
		return ShiftKind.at(clock.instant().atZone(zone(program)));
	}

	private RatingSheet read(UUID sheet, UUID houseId, LocalDate date, ShiftKind shift, boolean lateNow,
			List<CensusEntry> residents, Set<UUID> shownIds) {
		List<ShiftRating> entries = sheet == null ? List.of()
				: jdbc.sql("select " + COLUMNS + " from levels_shift_rating where sheet_id = ? and superseded_by is null "
						+ "order by resident_id, domain").param(sheet).query(ShiftRatings::rating).list()
					.stream().filter(r -> shownIds.contains(r.residentId())).toList();
		return new RatingSheet(sheet, houseId, date, shift, lateNow, residents, entries);
	}

	private void requireStarted(LocalDate date, ShiftKind shift, ZoneId zone, Instant now) {
		if (shift.start(date, zone).toInstant().isAfter(now)) {
			throw new RuleViolation("rating.shift.future", "shiftDate", date, shift);
		}
	}

	private static void requireOnScale(RatingDomain domain, int value, String field) {
		if (!domain.accepts(value)) {
			throw new RuleViolation("rating.value.off-scale", field, domain, domain.lowest(), domain.highest());
		}
	}

	private static boolean late(LocalDate date, ShiftKind shift, ZoneId zone, Instant now) {
		return now.isAfter(shift.end(date, zone).toInstant().plus(ON_TIME));
	}

	/** Someone who works in none of the house's care may not keep its sheet; the refusal is audited. */
	private void requireWriteReach(MilieuUser user, UUID houseId, Map<UUID, CensusEntry> living) {
		Reach reach = policy.reach(user, AccessAction.WRITE, DataCategory.LEVELS_AND_RATINGS);
		boolean any = reach.everyone() || reach.houses().contains(houseId)
				|| living.keySet().stream().anyMatch(reach.residents()::contains);
		if (!any) {
			refuseHouse(user, houseId, "WRITE");
		}
	}

	private void refuseHouse(MilieuUser user, UUID houseId, String action) {
		String reason = "house " + houseId + " is outside the care of " + user.getUsername();
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.about(null, DataCategory.LEVELS_AND_RATINGS).on("RatingSheet", houseId).saying(action + " refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	private Map<UUID, CensusEntry> livingIn(ProgramId program, UUID houseId) {
		Map<UUID, CensusEntry> living = new LinkedHashMap<>();
		census.ofHouse(program, houseId).forEach(e -> living.put(e.residentId(), e));
		return living;
	}

	/** Where the policy places the resident: their house today, else the house of their latest rating. */
	private ResidentScope scope(ProgramId program, UUID residentId, UUID fallbackHouse) {
		UUID house = census.find(program, residentId).map(CensusEntry::houseId).orElse(fallbackHouse);
		if (house == null) {
			house = jdbc.sql("select house_id from levels_shift_rating where program_id = ? and resident_id = ? "
					+ "order by shift_date desc limit 1").params(program.value(), residentId).query(UUID.class).optional()
				.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		}
		return new ResidentScope(residentId, house);
	}

	private UUID sheetId(UUID houseId, LocalDate date, ShiftKind shift) {
		return jdbc.sql("select id from levels_rating_sheet where house_id = ? and shift_date = ? and shift = ?")
			.params(houseId, date, shift.name()).query(UUID.class).optional().orElse(null);
	}

	private UUID openSheet(MilieuUser user, ProgramId program, UUID houseId, LocalDate date, ShiftKind shift, Instant now) {
		jdbc.sql("""
				insert into levels_rating_sheet (id, program_id, house_id, shift_date, shift, opened_by, opened_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (house_id, shift_date, shift) do nothing""")
			.params(UUID.randomUUID(), program.value(), houseId, date, shift.name(), user.getUsername(),
					Timestamp.from(now))
			.update();
		return sheetId(houseId, date, shift);
	}

	private void supersede(UUID old, UUID replacement) {
		int changed = jdbc.sql("update levels_shift_rating set superseded_by = ? where id = ? and superseded_by is null")
			.params(replacement, old).update();
		if (changed != 1) {
			throw new RuleViolation("rating.already-corrected", "id", old);
		}
	}

	private void insert(UUID id, ProgramId program, UUID sheet, UUID residentId, UUID houseId, LocalDate date,
			ShiftKind shift, RatingDomain domain, int value, String note, String ratedBy, Instant ratedAt, boolean late,
			UUID supersedes) {
		jdbc.sql(INSERT_RATING)
			.params(values(id, program, sheet, residentId, houseId, date, shift, domain, value, note, ratedBy, ratedAt, late,
					supersedes))
			.update();
		if (domain == RatingDomain.SAFETY && value == 0) {
			events.publishEvent(new DestructiveBehaviourRated(program, residentId, id, date));
		}
	}

	private static final String INSERT_RATING = """
			insert into levels_shift_rating (id, program_id, sheet_id, resident_id, house_id, shift_date, shift, domain,
			                                 value, note, rated_by, rated_at, late, supersedes)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static Object[] values(UUID id, ProgramId program, UUID sheet, UUID residentId, UUID houseId, LocalDate date,
			ShiftKind shift, RatingDomain domain, int value, String note, String ratedBy, Instant ratedAt, boolean late,
			UUID supersedes) {
		return new Object[] { id, program.value(), sheet, residentId, houseId, date, shift.name(), domain.name(), value,
				note == null || note.isBlank() ? null : note.strip(), ratedBy, Timestamp.from(ratedAt), late, supersedes };
	}

	private ShiftRating find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from levels_shift_rating where id = ?").param(id)
			.query(ShiftRatings::rating).single();
	}

	private ZoneId zone(ProgramId program) {
		return programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	private static ShiftRating rating(ResultSet rs, int n) throws SQLException {
		return new ShiftRating(rs.getObject("id", UUID.class), rs.getObject("sheet_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class),
				rs.getObject("shift_date", LocalDate.class), ShiftKind.valueOf(rs.getString("shift")),
				RatingDomain.valueOf(rs.getString("domain")), rs.getInt("value"), rs.getString("note"),
				rs.getString("rated_by"), rs.getTimestamp("rated_at").toInstant(), rs.getBoolean("late"),
				rs.getObject("supersedes", UUID.class), rs.getObject("superseded_by", UUID.class));
	}
}
