package org.milieu.groups;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The groupings' tables, in plain SQL: groups, groupings and their members. */
@Component
class GroupingRows {

	private final JdbcClient jdbc;

	GroupingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The house's first {@code count} groups, created when missing (labelled A, B, …), the first
	 * {@code structured} of them marked structured for this grouping.
	 */
	List<GroupSlot> slots(ProgramId program, UUID houseId, int count, int structured) {
		List<UUID> existing = jdbc.sql("select id from groups_group where house_id = ? order by position")
			.param(houseId).query(UUID.class).list();
		List<GroupSlot> slots = new ArrayList<>();
		for (int position = 1; position <= count; position++) {
			UUID id;
			if (position <= existing.size()) {
				id = existing.get(position - 1);
			}
			else {
				id = UUID.randomUUID();
				jdbc.sql("insert into groups_group (id, program_id, house_id, position, label, structured) values (?, ?, ?, ?, ?, ?)")
					.params(id, program.value(), houseId, position, label(position), position <= structured).update();
			}
			slots.add(new GroupSlot(id, label(position), position <= structured));
		}
		return slots;
	}

	static String label(int position) {
		return position <= 26 ? String.valueOf((char) ('A' + position - 1)) : "G" + position;
	}

	/** The house's latest approved grouping's members: resident → group. */
	Map<UUID, UUID> membersOf(UUID groupingId) {
		Map<UUID, UUID> members = new LinkedHashMap<>();
		jdbc.sql("select resident_id, group_id from groups_member where grouping_id = ?").param(groupingId)
			.query((java.sql.ResultSet rs) -> {
				members.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
			});
		return members;
	}

	Optional<UUID> latestApproved(UUID houseId) {
		return jdbc.sql("""
				select id from groups_grouping where house_id = ? and status = 'APPROVED'
				 order by starts_on desc, approved_at desc limit 1""")
			.param(houseId).query(UUID.class).optional();
	}

	/** The approved grouping in force on a day: the latest approved one starting on or before it. */
	Optional<UUID> approvedOn(UUID houseId, LocalDate day) {
		return jdbc.sql("""
				select id from groups_grouping where house_id = ? and status = 'APPROVED' and starts_on <= ?
				 order by starts_on desc, approved_at desc limit 1""")
			.params(houseId, day).query(UUID.class).optional();
	}

	Optional<UUID> open(UUID houseId) {
		return jdbc.sql("select id from groups_grouping where house_id = ? and status = 'PROPOSED'").param(houseId)
			.query(UUID.class).optional();
	}

	boolean approvedFor(UUID houseId, LocalDate startsOn) {
		return jdbc.sql("select exists (select 1 from groups_grouping where house_id = ? and starts_on = ? and status = 'APPROVED')")
			.params(houseId, startsOn).query(Boolean.class).single();
	}

	void withdrawOpen(UUID houseId) {
		jdbc.sql("update groups_grouping set status = 'WITHDRAWN' where house_id = ? and status = 'PROPOSED'").param(houseId).update();
	}

	/** Writes a proposal with its groups and members. */
	void insert(ProgramId program, UUID id, UUID houseId, LocalDate startsOn, UUID basedOn, Proposal proposal,
			List<GroupSlot> slots, Map<UUID, NeedProfile> needs, String proposedBy, Instant at) {
		jdbc.sql("""
				insert into groups_grouping (id, program_id, house_id, starts_on, status, based_on, moves, proposed_by, proposed_at)
				values (?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?)""")
			.params(id, program.value(), houseId, startsOn, basedOn, proposal.moves(), proposedBy, Timestamp.from(at)).update();
		for (GroupSlot slot : slots) {
			jdbc.sql("insert into groups_grouping_group (grouping_id, group_id, structured) values (?, ?, ?)")
				.params(id, slot.groupId(), slot.structured()).update();
		}
		for (Placement p : proposal.placements()) {
			jdbc.sql("""
					insert into groups_member (grouping_id, resident_id, group_id, program_id, level, reason_key, reason_args, moved)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, p.residentId(), p.groupId(), program.value(), needs.get(p.residentId()).level(), p.reasonKey(),
						p.reasonArgs().toArray(new String[0]), p.moved())
				.update();
		}
	}

	/** The grouping with its groups and members, names as the residents' records give them. */
	Optional<Grouping> find(ProgramId program, UUID id) {
		record Head(UUID house, LocalDate startsOn, Grouping.Status status, int moves, String proposedBy, Instant proposedAt,
				String approvedBy, Instant approvedAt, int revision) {
		}
		Optional<Head> head = jdbc.sql("""
				select house_id, starts_on, status, moves, proposed_by, proposed_at, approved_by, approved_at, revision
				  from groups_grouping where id = ? and program_id = ?""")
			.params(id, program.value())
			.query((rs, n) -> new Head(rs.getObject("house_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
					Grouping.Status.valueOf(rs.getString("status")), rs.getInt("moves"), rs.getString("proposed_by"),
					rs.getTimestamp("proposed_at").toInstant(), rs.getString("approved_by"),
					rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant(), rs.getInt("revision")))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		record GroupHead(UUID id, String label, boolean structured) {
		}
		Map<UUID, GroupHead> heads = new LinkedHashMap<>();
		Map<UUID, List<Grouping.Member>> members = new LinkedHashMap<>();
		jdbc.sql("""
				select gg.group_id, g.label, gg.structured, m.resident_id, m.level, m.reason_key, m.reason_args, m.moved,
				       coalesce(r.preferred_name, r.given_name) || ' ' || r.family_name as name
				  from groups_grouping_group gg
				  join groups_group g on g.id = gg.group_id
				  left join groups_member m on m.grouping_id = gg.grouping_id and m.group_id = gg.group_id
				  left join residents_resident r on r.id = m.resident_id
				 where gg.grouping_id = ?
				 order by g.position, name, m.resident_id""")
			.param(id)
			.query((java.sql.ResultSet rs) -> {
				UUID group = rs.getObject("group_id", UUID.class);
				heads.computeIfAbsent(group, g -> {
					try {
						return new GroupHead(g, rs.getString("label"), rs.getBoolean("structured"));
					}
					catch (java.sql.SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				List<Grouping.Member> list = members.computeIfAbsent(group, g -> new ArrayList<>());
				UUID resident = rs.getObject("resident_id", UUID.class);
				if (resident != null) {
					list.add(new Grouping.Member(resident, rs.getString("name"), rs.getInt("level"), rs.getString("reason_key"),
							List.of((String[]) rs.getArray("reason_args").getArray()), rs.getBoolean("moved")));
				}
			});
		List<Grouping.Group> groups = heads.values().stream()
			.map(h -> new Grouping.Group(h.id(), h.label(), h.structured(), List.copyOf(members.get(h.id()))))
			.toList();
		Head h = head.get();
		return Optional.of(new Grouping(id, h.house(), h.startsOn(), h.status(), h.moves(), h.proposedBy(), h.proposedAt(),
				h.approvedBy(), h.approvedAt(), h.revision(), groups));
	}

	/** The ids of the house's approved groupings, newest first, at most {@code limit}. */
	List<UUID> approved(UUID houseId, int limit) {
		return jdbc.sql("""
				select id from groups_grouping where house_id = ? and status = 'APPROVED'
				 order by starts_on desc, approved_at desc limit ?""")
			.params(houseId, limit).query(UUID.class).list();
	}

	/** Puts a member of an open proposal in another group, with the reason, and counts the grouping's moves again. */
	void move(UUID groupingId, UUID residentId, UUID groupId, String reasonKey, List<String> args) {
		jdbc.sql("""
				update groups_member m set group_id = ?, reason_key = ?, reason_args = ?,
				       moved = coalesce((select b.group_id <> ? from groups_grouping g
				                           join groups_member b on b.grouping_id = g.based_on and b.resident_id = m.resident_id
				                          where g.id = m.grouping_id), false)
				 where grouping_id = ? and resident_id = ?""")
			.params(groupId, reasonKey, args.toArray(new String[0]), groupId, groupingId, residentId).update();
		jdbc.sql("""
				update groups_grouping set revision = revision + 1,
				       moves = (select count(*) from groups_member where grouping_id = ? and moved)
				 where id = ?""")
			.params(groupingId, groupingId).update();
	}

	/** Approves the grouping if it is still open; false when someone else approved or replaced it first. */
	boolean approve(UUID groupingId, String approvedBy, UUID account, Instant at) {
		int approved = jdbc.sql("""
				update groups_grouping set status = 'APPROVED', approved_by = ?, approved_by_account = ?, approved_at = ?,
				       revision = revision + 1
				 where id = ? and status = 'PROPOSED'""")
			.params(approvedBy, account, Timestamp.from(at), groupingId).update();
		if (approved == 0) {
			return false;
		}
		jdbc.sql("""
				update groups_group g set structured = gg.structured from groups_grouping_group gg
				 where gg.grouping_id = ? and gg.group_id = g.id""")
			.param(groupingId).update();
		return true;
	}
}
