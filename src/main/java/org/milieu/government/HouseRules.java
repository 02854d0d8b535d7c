package org.milieu.government;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The house rules, until a conduct module takes them over. A rule changes only by a carried
 * rule-change motion (two thirds), which adds a version linked to its vote; a version whose motion
 * a clinician overruled is not in force, and the version before it is again. The rules bind the
 * community and name no resident: everyone in the program may read them.
 */
@Service
public class HouseRules {

	private final JdbcClient jdbc;

	private final Membership membership;

	private final Programs programs;

	HouseRules(JdbcClient jdbc, Membership membership, Programs programs) {
		this.jdbc = jdbc;
		this.membership = membership;
		this.programs = programs;
	}

	/**
	 * The rules in force: for staff every house's and the program's, for a resident their house's
	 * and the program's; a rule whose every version was overruled is not listed.
	 */
	@Transactional(readOnly = true)
	public List<HouseRule> inForce(MilieuUser user) {
		UUID house = Membership.staff(user) ? null : membership.residentHouse(user, "HouseRule", null);
		return rules("r.program_id = ? and (?::uuid is null or r.house_id is null or r.house_id = ?::uuid)",
				"r.house_id nulls first, r.created_at, r.title", user.programId().value(), house, house);
	}

	/**
	 * The rules in force a page at a time, by title (ties by id), seen as {@link #inForce}: optionally
	 * of one house, and whose text in force was adopted on a day within {@code from}..{@code to} (both
	 * included, in the program's time zone).
	 */
	@Transactional(readOnly = true)
	public Slice<HouseRule> inForce(MilieuUser user, UUID houseId, LocalDate from, LocalDate to, PageRequest page) {
		UUID house = Membership.staff(user) ? null : membership.residentHouse(user, "HouseRule", null);
		StringBuilder sql = new StringBuilder("""
				select r.id from government_rule r
				  join lateral (select v.adopted_at from government_rule_version v
				                  left join government_motion m on m.id = v.motion_id
				                 where v.rule_id = r.id and m.overruled_at is null
				                 order by v.adopted_at desc limit 1) current on true
				 where r.program_id = ?""");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (house != null) {
			sql.append(" and (r.house_id is null or r.house_id = ?)");
			params.add(house);
		}
		if (houseId != null) {
			sql.append(" and r.house_id = ?");
			params.add(houseId);
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			sql.append(" and current.adopted_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			sql.append(" and current.adopted_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			sql.append(" and (r.title, r.id) > (?, ?)");
			params.add(page.after().key());
			params.add(page.after().id());
		}
		sql.append(" order by r.title, r.id limit ?");
		params.add(page.fetch());
		List<UUID> ids = jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
		List<HouseRule> rows = ids.isEmpty() ? List.of()
				: rules("r.id = any(?)", "r.title, r.id", (Object) ids.toArray(UUID[]::new));
		return page.slice(rows, r -> Keyset.of(r.title(), r.id()));
	}

	/** The rules chosen by {@code where}, in {@code order}, each with its versions; one wholly overruled is left out. */
	private List<HouseRule> rules(String where, String order, Object... params) {
		Map<UUID, List<HouseRule.Version>> versions = new LinkedHashMap<>();
		Map<UUID, Object[]> rules = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.house_id, r.title, v.id as version_id, v.text, v.motion_id, m.meeting_id, v.adopted_at, v.adopted_by,
				       m.overruled_at is not null as overruled
				  from government_rule r join government_rule_version v on v.rule_id = r.id
				  left join government_motion m on m.id = v.motion_id
				 where %s
				 order by %s, v.adopted_at desc""".formatted(where, order))
			.params(params).query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				rules.putIfAbsent(id, new Object[] { rs.getObject("house_id", UUID.class), rs.getString("title") });
				versions.computeIfAbsent(id, k -> new ArrayList<>())
					.add(new HouseRule.Version(rs.getObject("version_id", UUID.class), rs.getString("text"),
							rs.getObject("motion_id", UUID.class), rs.getObject("meeting_id", UUID.class),
							rs.getTimestamp("adopted_at").toInstant(),
							rs.getString("adopted_by"), rs.getBoolean("overruled")));
				return id;
			}).list();
		List<HouseRule> result = new ArrayList<>();
		rules.forEach((id, rule) -> {
			List<HouseRule.Version> history = versions.get(id);
			history.stream().filter(v -> !v.overruled()).findFirst().ifPresent(current -> result.add(new HouseRule(id,
					(UUID) rule[0], (String) rule[1], current.text(), current.motionId(), current.adoptedAt(),
					List.copyOf(history))));
		});
		return result;
	}

	/** The house (null: the whole program) a rule of this program belongs to, if there is such a rule. */
	Optional<Optional<UUID>> houseOf(ProgramId program, UUID ruleId) {
		return jdbc.sql("select house_id from government_rule where id = ? and program_id = ?")
			.params(ruleId, program.value())
			.query((rs, n) -> Optional.ofNullable(rs.getObject("house_id", UUID.class))).optional();
	}

	/**
	 * Puts a carried rule change in force: a new version of the rule it amends, or a new rule of
	 * the motion's house.
	 */
	void adopt(ProgramId program, UUID house, UUID motionId, UUID ruleId, String title, String text, String by,
			Instant at) {
		UUID rule = ruleId;
		if (rule == null) {
			rule = create(program, house, title, at);
		}
		version(rule, text, motionId, by, at);
	}

	/** A rule the program starts with, adopted by staff without a vote. */
	UUID establish(ProgramId program, UUID house, String title, String text, String by, Instant at) {
		UUID rule = create(program, house, title, at);
		version(rule, text, null, by, at);
		return rule;
	}

	private UUID create(ProgramId program, UUID house, String title, Instant at) {
		UUID rule = UUID.randomUUID();
		jdbc.sql("insert into government_rule (id, program_id, house_id, title, created_at) values (?, ?, ?, ?, ?)")
			.params(rule, program.value(), house, title, Timestamp.from(at)).update();
		return rule;
	}

	private void version(UUID rule, String text, UUID motionId, String by, Instant at) {
		jdbc.sql("insert into government_rule_version (id, rule_id, text, motion_id, adopted_at, adopted_by) "
				+ "values (?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), rule, text, motionId, Timestamp.from(at), by).update();
	}
}
