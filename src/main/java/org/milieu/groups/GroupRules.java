package org.milieu.groups;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.milieu.audit.AuditAction;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff set for a house's small groups: the number and size of the groups, and the pairs of
 * residents who must be kept apart. The director, and staff and clinicians of the house, set them;
 * a bad value is refused naming the field and changes nothing.
 */
@Service
public class GroupRules {

	private static final TextInput TEXT = new TextInput("groups");

	private final JdbcClient jdbc;

	private final GroupAccess access;

	private final Census census;

	private final Clock clock;

	GroupRules(JdbcClient jdbc, GroupAccess access, Census census, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.census = census;
		this.clock = clock;
	}

	/** The house's settings (the defaults until someone sets them), for those who may read its groups. */
	@Transactional
	public GroupSettings settings(MilieuUser user, UUID houseId) {
		access.toRead(user, houseId);
		return settingsOf(houseId);
	}

	GroupSettings settingsOf(UUID houseId) {
		return jdbc.sql("select group_count, min_size, max_size, structured_groups, revision from groups_settings where house_id = ?")
			.param(houseId)
			.query((rs, n) -> new GroupSettings((Integer) rs.getObject("group_count", Integer.class), rs.getInt("min_size"),
					rs.getInt("max_size"), rs.getInt("structured_groups"), rs.getInt("revision")))
			.optional().orElse(GroupSettings.DEFAULT);
	}

	/**
	 * Sets the house's groups: {@code groupCount} 1–20 or null (the size decides), sizes 2–30 with the
	 * smallest no larger than the largest, structured groups 0–20 and no more than the groups set.
	 */
	@Transactional
	public GroupSettings set(MilieuUser user, UUID houseId, @Nullable Integer groupCount, @Nullable Integer minSize,
			@Nullable Integer maxSize, @Nullable Integer structuredGroups) {
		access.toChange(user, houseId);
		if (groupCount != null && (groupCount < 1 || groupCount > 20)) {
			throw new RuleViolation("groups.settings.groupCount.range", "groupCount", 1, 20);
		}
		int min = within(minSize, "minSize", 2, 30);
		int max = within(maxSize, "maxSize", 2, 30);
		if (min > max) {
			throw new RuleViolation("groups.settings.sizes.order", "minSize");
		}
		int structured = within(structuredGroups, "structuredGroups", 0, 20);
		if (groupCount != null && structured > groupCount) {
			throw new RuleViolation("groups.settings.structured.more", "structuredGroups", groupCount);
		}
		int revision = settingsOf(houseId).revision() + 1;
		jdbc.sql("""
				insert into groups_settings (house_id, program_id, group_count, min_size, max_size, structured_groups, revision,
				                             changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (house_id) do update set group_count = excluded.group_count, min_size = excluded.min_size,
				       max_size = excluded.max_size, structured_groups = excluded.structured_groups, revision = excluded.revision,
				       changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
			.params(houseId, user.programId().value(), groupCount, min, max, structured, revision, user.getUsername(),
					java.sql.Timestamp.from(clock.instant()))
			.update();
		return settingsOf(houseId);
	}

	private static int within(@Nullable Integer value, String field, int low, int high) {
		if (value == null) {
			throw new RuleViolation("groups.field.required", field);
		}
		if (value < low || value > high) {
			throw new RuleViolation("groups.settings." + field + ".range", field, low, high);
		}
		return value;
	}

	/** The house's open separations; each resident they name is audited. */
	@Transactional
	public List<SeparationRecord> separations(MilieuUser user, UUID houseId) {
		access.toRead(user, houseId);
		List<SeparationRecord> open = openIn(user, houseId);
		access.recordShown(user, houseId, open.stream().flatMap(s -> java.util.stream.Stream.of(s.residentA(), s.residentB()))
			.distinct().toList(), houseId);
		return open;
	}

	List<SeparationRecord> openIn(MilieuUser user, UUID houseId) {
		Map<UUID, String> names = names(user, houseId);
		return jdbc.sql("""
				select id, house_id, resident_a, resident_b, kind, reason, set_by, set_at from groups_separation
				 where program_id = ? and house_id = ? and ended_at is null order by set_at, id""")
			.params(user.programId().value(), houseId)
			.query((rs, n) -> {
				UUID a = rs.getObject("resident_a", UUID.class);
				UUID b = rs.getObject("resident_b", UUID.class);
				return new SeparationRecord(rs.getObject("id", UUID.class), houseId, a, names.getOrDefault(a, "–"), b,
						names.getOrDefault(b, "–"), SeparationRecord.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
						rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
			})
			.list();
	}

	/** The open separations between residents, for the proposer and the moves by hand. */
	List<Separation> pairs(UUID houseId) {
		return jdbc.sql("select resident_a, resident_b from groups_separation where house_id = ? and ended_at is null")
			.param(houseId)
			.query((rs, n) -> new Separation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
	}

	/**
	 * Keeps two residents of the house apart from now on ({@code kind} KEEP_APART or REQUIRED, with a
	 * reason). Both must live in the house today and be two people; an open pair is not set twice.
	 */
	@Transactional
	public SeparationRecord separate(MilieuUser user, UUID houseId, @Nullable UUID residentA, @Nullable UUID residentB,
			@Nullable String kind, @Nullable String reason) {
		access.toChange(user, houseId);
		Map<UUID, String> names = names(user, houseId);
		if (residentA == null) {
			throw new RuleViolation("groups.field.required", "residentA");
		}
		if (residentB == null) {
			throw new RuleViolation("groups.field.required", "residentB");
		}
		if (!names.containsKey(residentA)) {
			throw new RuleViolation("groups.separation.notInHouse", "residentA");
		}
		if (!names.containsKey(residentB)) {
			throw new RuleViolation("groups.separation.notInHouse", "residentB");
		}
		if (residentA.equals(residentB)) {
			throw new RuleViolation("groups.separation.same", "residentB");
		}
		SeparationRecord.Kind chosen;
		try {
			chosen = SeparationRecord.Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolation("groups.separation.kind.invalid", "kind");
		}
		String why = TEXT.required(reason, "reason", 500);
		// in the database's order of uuids (byte by byte), which Java's signed comparison is not
		UUID a = residentA.toString().compareTo(residentB.toString()) < 0 ? residentA : residentB;
		UUID b = a.equals(residentA) ? residentB : residentA;
		boolean exists = jdbc.sql("select exists (select 1 from groups_separation where resident_a = ? and resident_b = ? and ended_at is null)")
			.params(a, b).query(Boolean.class).single();
		if (exists) {
			throw new RuleViolation("groups.separation.exists", "residentB");
		}
		access.enforceChange(user, houseId, residentA, houseId);
		access.enforceChange(user, houseId, residentB, houseId);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into groups_separation (id, program_id, house_id, resident_a, resident_b, kind, reason, set_by, set_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), houseId, a, b, chosen.name(), why, user.getUsername(),
					java.sql.Timestamp.from(clock.instant()))
			.update();
		return openIn(user, houseId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
	}

	/** Ends an open separation of the house; it is kept with who ended it and when. */
	@Transactional
	public void endSeparation(MilieuUser user, UUID houseId, UUID separationId) {
		access.toChange(user, houseId);
		record Pair(UUID a, UUID b) {
		}
		Pair pair = jdbc.sql("select resident_a, resident_b from groups_separation where id = ? and house_id = ? and ended_at is null")
			.params(separationId, houseId).query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.optional().orElseThrow(() -> new RecordNotFound("Separation", separationId));
		access.record(user, AuditAction.UPDATE, houseId, List.of(pair.a(), pair.b()), separationId, "separation ended");
		jdbc.sql("update groups_separation set ended_by = ?, ended_at = ? where id = ?")
			.params(user.getUsername(), java.sql.Timestamp.from(clock.instant()), separationId).update();
	}

	/** The house's residents today by id, with the names staff know them by. */
	Map<UUID, String> names(MilieuUser user, UUID houseId) {
		Map<UUID, String> names = new java.util.LinkedHashMap<>();
		for (CensusEntry e : census.ofHouse(user.programId(), houseId)) {
			names.put(e.residentId(), e.displayName());
		}
		return names;
	}
}
