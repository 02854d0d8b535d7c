package org.milieu.levels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.audit.Purpose;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessDecision;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.facts.FactKind;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's history as one listing: their shift ratings, observation checks and the facts
 * entered by hand, over a date range, newest first, one page per query. The reader passes the
 * access policy as for reading the resident's ratings ({@link DataCategory#LEVELS_AND_RATINGS});
 * facts show only in the kinds whose category the reader may read. Each request leaves one audit
 * record for the resident naming the categories and every record shown (the trail merges the
 * entries of a transaction for one resident). Facts a module records (work, attendance at
 * meetings) are that module's records and are read through the level evidence, not here.
 */
@Service
public class ResidentHistories {

	/** The longest range one request may cover. */
	public static final int MAX_DAYS = 366;

	/** Where a rating sits in time: its shift's start, where the program is. */
	private static final String RATING_AT = "((r.shift_date + case r.shift when 'DAY' then time '07:00' "
			+ "when 'EVENING' then time '15:00' else time '23:00' end) at time zone ?)";

	private static final String FACT_AT = "(f.occurred_on::timestamp at time zone ?)";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	private final Census census;

	private final Programs programs;

	ResidentHistories(JdbcClient jdbc, AccessPolicy policy, AuditTrail trail, Census census, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.trail = trail;
		this.census = census;
		this.programs = programs;
	}

	/**
	 * One page of the resident's history from {@code from} to {@code to} (both included, at most
	 * {@value #MAX_DAYS} days), of the kinds asked, newest first (by time, then id). Refused with
	 * nothing read: {@code from} after {@code to} (naming {@code from}), a longer range (naming
	 * {@code to}); a reader outside the resident's care is refused and the refusal recorded.
	 */
	@Transactional
	public Slice<HistoryEntry> list(MilieuUser user, UUID residentId, LocalDate from, LocalDate to,
			Set<HistoryEntry.Kind> kinds, PageRequest page) {
		if (from.isAfter(to)) {
			throw new RuleViolation("history.range.reversed", "from");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new RuleViolation("history.range.too-long", "to", MAX_DAYS);
		}
		ResidentScope scope = scope(user, residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, scope, "ResidentHistory", residentId);
		boolean emergency = policy.decide(user, AccessAction.READ, DataCategory.LEVELS_AND_RATINGS, scope).emergency();
		Purpose purpose = emergency ? Purpose.EMERGENCY : Purpose.NORMAL;
		// one decision per category, not per kind or per row: the facts of a category the reader may not read stay out
		Map<DataCategory, Boolean> readable = new EnumMap<>(DataCategory.class);
		readable.put(DataCategory.LEVELS_AND_RATINGS, true);
		Set<FactKind> factKinds = EnumSet.noneOf(FactKind.class);
		if (kinds.contains(HistoryEntry.Kind.FACT)) {
			for (FactKind kind : FactKind.values()) {
				if (readable.computeIfAbsent(kind.category(), category -> {
					AccessDecision decision = policy.decide(user, AccessAction.READ, category, scope);
					return decision.allowed() && decision.emergency() == emergency;
				})) {
					factKinds.add(kind);
				}
			}
		}
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		List<HistoryEntry> rows = read(user, residentId, from, to, kinds, factKinds, zone, page);
		Slice<HistoryEntry> slice = page.slice(rows, e -> Keyset.of(e.at(), e.id()));
		List<AuditEntry> shown = new ArrayList<>(slice.items().size());
		for (HistoryEntry entry : slice.items()) {
			shown.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS).about(residentId, entry.category())
				.on(resourceType(entry.kind()), entry.id()).because(purpose));
		}
		trail.recordAll(shown);
		return slice;
	}

	/** The page's rows: one query, each kind's part read by its index in the listing's order, then merged. */
	private List<HistoryEntry> read(MilieuUser user, UUID residentId, LocalDate from, LocalDate to,
			Set<HistoryEntry.Kind> kinds, Set<FactKind> factKinds, ZoneId zone, PageRequest page) {
		Keyset after = page.after();
		OffsetDateTime afterAt = after == null ? null : after.instant().atOffset(ZoneOffset.UTC);
		LocalDate lastDay = after == null ? to : min(to, after.instant().atZone(zone).toLocalDate());
		String tz = zone.getId();
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (kinds.contains(HistoryEntry.Kind.RATING)) {
			StringBuilder sql = new StringBuilder("select 'RATING' as kind, r.id, " + RATING_AT + " as at_time, r.shift_date as day, "
					+ "r.rated_by as by_whom, r.sheet_id as ref, r.shift, r.domain as what, r.value, r.late as flag, "
					+ "null::text as place, null::text as detail from levels_shift_rating r "
					+ "where r.program_id = ? and r.resident_id = ? and r.shift_date between ? and ? and r.superseded_by is null");
			params.addAll(List.of(tz, user.programId().value(), residentId, from, lastDay));
			if (after != null) {
				sql.append(" and (" + RATING_AT + ", r.id) < (?, ?)");
				params.addAll(List.of(tz, afterAt, after.id()));
			}
			parts.add(sql + " order by at_time desc, r.id desc limit ?");
			params.add(page.fetch());
		}
		if (kinds.contains(HistoryEntry.Kind.CHECK)) {
			StringBuilder sql = new StringBuilder("select 'CHECK' as kind, o.id, o.observed_at as at_time, (o.observed_at at time zone ?)::date as day, "
					+ "o.observed_by as by_whom, o.order_id as ref, null as shift, o.location as what, null as value, "
					+ "o.safety_concern as flag, o.activity as place, null as detail "
					+ "from levels_observation o where o.program_id = ? and o.resident_id = ? "
					+ "and o.observed_at >= ? and o.observed_at < ?");
			params.addAll(List.of(tz, user.programId().value(), residentId, start(from, zone), start(to.plusDays(1), zone)));
			if (after != null) {
				sql.append(" and o.observed_at <= ? and (o.observed_at, o.id) < (?, ?)");
				params.addAll(List.of(afterAt, afterAt, after.id()));
			}
			parts.add(sql + " order by o.observed_at desc, o.id desc limit ?");
			params.add(page.fetch());
		}
		if (!factKinds.isEmpty()) {
			StringBuilder sql = new StringBuilder("select 'FACT' as kind, f.id, " + FACT_AT + " as at_time, f.occurred_on as day, f.recorded_by as by_whom, "
					+ "null as ref, null as shift, f.kind as what, null as value, null as flag, f.outcome as place, f.detail "
					+ "from levels_fact f "
					+ "where f.program_id = ? and f.resident_id = ? and f.kind = any(?) "
					+ "and f.occurred_on between ? and ? and f.withdrawn_at is null");
			params.addAll(List.of(tz, user.programId().value(), residentId,
					factKinds.stream().map(FactKind::name).toArray(String[]::new), from, lastDay));
			if (after != null) {
				sql.append(" and (" + FACT_AT + ", f.id) < (?, ?)");
				params.addAll(List.of(tz, afterAt, after.id()));
			}
			parts.add(sql + " order by 3 desc, f.id desc limit ?");
			params.add(page.fetch());
		}
		if (parts.isEmpty()) {
			return List.of();
		}
		String union = parts.stream().map(p -> "(" + p + ")").reduce((a, b) -> a + " union all " + b).orElseThrow();
		params.add(page.fetch());
		return jdbc.sql("select * from (" + union + ") h order by at_time desc, id desc limit ?").params(params)
			.query(ResidentHistories::entry).list();
	}

	/** Where the policy places the resident: their house today, else the house of their latest rating. */
	private ResidentScope scope(MilieuUser user, UUID residentId) {
		UUID house = census.find(user.programId(), residentId).map(CensusEntry::houseId).orElse(null);
		if (house == null) {
			house = jdbc.sql("select house_id from levels_shift_rating where program_id = ? and resident_id = ? "
					+ "order by shift_date desc limit 1").params(user.programId().value(), residentId).query(UUID.class)
				.optional().orElseThrow(() -> new RecordNotFound("Resident", residentId));
		}
		return new ResidentScope(residentId, house);
	}

	private static String resourceType(HistoryEntry.Kind kind) {
		return switch (kind) {
			case RATING -> "ShiftRating";
			case CHECK -> "Observation";
			case FACT -> "LevelFact";
		};
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static OffsetDateTime start(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toOffsetDateTime();
	}

	private static HistoryEntry entry(ResultSet rs, int n) throws SQLException {
		HistoryEntry.Kind kind = HistoryEntry.Kind.valueOf(rs.getString("kind"));
		UUID id = rs.getObject("id", UUID.class);
		Timestamp at = rs.getTimestamp("at_time");
		LocalDate day = rs.getObject("day", LocalDate.class);
		String by = rs.getString("by_whom");
		return switch (kind) {
			case RATING -> new HistoryEntry(kind, id, at.toInstant(), day, DataCategory.LEVELS_AND_RATINGS, by,
					new HistoryEntry.Rating(rs.getObject("ref", UUID.class), ShiftKind.valueOf(rs.getString("shift")),
							RatingDomain.valueOf(rs.getString("what")), rs.getInt("value"), rs.getBoolean("flag")),
					null, null);
			case CHECK -> new HistoryEntry(kind, id, at.toInstant(), day, DataCategory.LEVELS_AND_RATINGS, by, null,
					new HistoryEntry.Check(rs.getObject("ref", UUID.class), rs.getString("what"), rs.getString("place"),
							rs.getBoolean("flag")),
					null);
			case FACT -> {
				FactKind fact = FactKind.valueOf(rs.getString("what"));
				yield new HistoryEntry(kind, id, at.toInstant(), day, fact.category(), by, null, null,
						new HistoryEntry.FactLine(fact, rs.getString("place"), rs.getString("detail")));
			}
		};
	}
}
