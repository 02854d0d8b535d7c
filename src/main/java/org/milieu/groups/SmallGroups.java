package org.milieu.groups;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small groups for other modules (a session whose attendees are "a small group"). No access check
 * here: the caller checks and audits what it shows.
 */
@Service
public class SmallGroups {

	private final JdbcClient jdbc;

	SmallGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The residents of the group on a day, by id: its members in the approved grouping of its house in
	 * force that day (the latest approved one starting on or before it), less those discharged on or
	 * before the day since that approval. Empty before the house's first approved grouping, or for a
	 * group that grouping does not use.
	 */
	@Transactional(readOnly = true)
	public List<UUID> members(ProgramId program, UUID groupId, LocalDate on) {
		return jdbc.sql("""
				with inforce as (
				    select gg.id, gg.approved_at from groups_grouping gg
				      join groups_group g on g.house_id = gg.house_id
				     where g.id = ? and g.program_id = ? and gg.status = 'APPROVED' and gg.starts_on <= ?
				     order by gg.starts_on desc, gg.approved_at desc limit 1)
				select m.resident_id from groups_member m join inforce i on i.id = m.grouping_id
				 where m.group_id = ?
				   and not exists (select 1 from groups_departure d where d.resident_id = m.resident_id
				                      and d.left_on <= ? and d.recorded_at >= i.approved_at)
				 order by m.resident_id""")
			.params(groupId, program.value(), on, groupId, on)
			.query(UUID.class).list();
	}

	/**
	 * The days among {@code days} on which the resident is among the group's residents, each day
	 * decided as {@link #members} decides it, in one query (a resident's feed asks this for every week of
	 * a series).
	 */
	@Transactional(readOnly = true)
	public Set<LocalDate> daysAmong(ProgramId program, UUID groupId, UUID resident, Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return Set.of();
		}
		String array = days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
		return new HashSet<>(jdbc.sql("""
				select d.day from unnest(cast(? as date[])) as d(day)
				cross join lateral (
				    select gg.id, gg.approved_at from groups_grouping gg
				      join groups_group g on g.house_id = gg.house_id
				     where g.id = ? and g.program_id = ? and gg.status = 'APPROVED' and gg.starts_on <= d.day
				     order by gg.starts_on desc, gg.approved_at desc limit 1) i
				where exists (select 1 from groups_member m
				               where m.grouping_id = i.id and m.group_id = ? and m.resident_id = ?)
				  and not exists (select 1 from groups_departure dep where dep.resident_id = ?
				                     and dep.left_on <= d.day and dep.recorded_at >= i.approved_at)""")
			.params(array, groupId, program.value(), groupId, resident, resident)
			.query(LocalDate.class).list());
	}

	/** The group, if it is one of the program's. */
	@Transactional(readOnly = true)
	public Optional<GroupSummary> group(ProgramId program, UUID groupId) {
		return jdbc.sql("select id, house_id, label, structured from groups_group where id = ? and program_id = ?")
			.params(groupId, program.value())
			.query((rs, n) -> new GroupSummary(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getString("label"), rs.getBoolean("structured")))
			.optional();
	}

	/** The groups of a house, in its order. */
	@Transactional(readOnly = true)
	public List<GroupSummary> groupsOf(ProgramId program, UUID houseId) {
		return jdbc.sql("select id, house_id, label, structured from groups_group where house_id = ? and program_id = ? order by position")
			.params(houseId, program.value())
			.query((rs, n) -> new GroupSummary(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getString("label"), rs.getBoolean("structured")))
			.list();
	}
}
