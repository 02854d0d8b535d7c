package org.milieu.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work rosters and job assignments of the program a page at a time, for the staff roles, as the
 * roster pages show them: the latest week first, ties by id. A roster in a listing comes without its
 * assignments (nothing of a resident); an assignment is a resident's record, shown only within the
 * reader's reach and audited as read, row by row, when its page is read.
 */
@Service
public class RosterListings {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	RosterListings(JdbcClient jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** Rosters, optionally of one status and of weeks starting within {@code from}..{@code to} (both included). */
	@Transactional
	public Slice<Roster> rosters(MilieuUser user, RosterStatus status, LocalDate from, LocalDate to, PageRequest page) {
		policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkRoster");
		StringBuilder sql = new StringBuilder("""
				select id, week_start, status, created_by, created_at, published_by, published_at
				  from work_roster where program_id = ?""");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		weeks(sql, params, "week_start", "id", status == null ? null : status.name(), "status", from, to, page);
		List<Roster> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Roster(rs.getObject("id", UUID.class), rs.getObject("week_start", LocalDate.class),
					RosterStatus.valueOf(rs.getString("status")), rs.getString("created_by"), Jobs.instant(rs, "created_at"),
					rs.getString("published_by"), Jobs.instant(rs, "published_at"), List.of()))
			.list();
		return page.slice(rows, r -> Keyset.of(r.weekStart(), r.id()));
	}

	/**
	 * Job assignments within the reader's reach, optionally of one resident, house, job, roster status,
	 * and of weeks starting within {@code from}..{@code to} (both included). Each one shown is audited.
	 * The page is read roster by roster, latest week first, each roster handing over at most a page of
	 * its assignments by id ({@code work_assignment_roster_order_idx}); the first rows of that merge
	 * are the page, so a page reads about a page of rows however long the history.
	 */
	@Transactional
	public Slice<Assignment> assignments(MilieuUser user, UUID residentId, UUID houseId, UUID jobId,
			RosterStatus status, LocalDate from, LocalDate to, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "JobAssignment");
		StringBuilder sql = new StringBuilder("""
				select a.id, a.roster_id, r.week_start, r.status, a.job_id, j.name as job_name, j.days, j.starts_at,
				       j.supervisor, a.resident_id, a.house_id, a.rate_cents, a.rate_unit, a.currency, a.expected_minutes,
				       a.chosen, a.left_on
				  from work_roster r
				  cross join lateral (select * from work_assignment a where a.roster_id = r.id and a.program_id = ?""");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (!reach.everyone()) {
			Set<UUID> residents = new HashSet<>(reach.residents());
			residents.addAll(reach.emergency());
			sql.append(" and (a.house_id = any(?) or a.resident_id = any(?))");
			params.add(reach.houses().toArray(UUID[]::new));
			params.add(residents.toArray(UUID[]::new));
		}
		if (residentId != null) {
			sql.append(" and a.resident_id = ?");
			params.add(residentId);
		}
		if (houseId != null) {
			sql.append(" and a.house_id = ?");
			params.add(houseId);
		}
		if (jobId != null) {
			sql.append(" and a.job_id = ?");
			params.add(jobId);
		}
		if (page.after() != null) { // within the page's last week, only the assignments after its last one
			sql.append(" and (r.week_start < ? or a.id < ?)");
			params.add(page.after().date());
			params.add(page.after().id());
		}
		sql.append(" order by a.id desc limit ?) a join work_job j on j.id = a.job_id where r.program_id = ?");
		params.add(page.fetch());
		params.add(user.programId().value());
		if (page.after() != null) { // no roster of a later week than the page's last (an index range of the rosters)
			sql.append(" and r.week_start <= ?");
			params.add(page.after().date());
		}
		weeks(sql, params, "r.week_start", "a.id", status == null ? null : status.name(), "r.status", from, to, page);
		Slice<Assignment> slice = page.slice(jdbc.sql(sql.toString()).params(params).query((rs, n) -> Rosters.assignment(rs))
			.list(), a -> Keyset.of(a.weekStart(), a.id()));
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "JobAssignment", reach, slice.items(),
				a -> new ResidentScope(a.residentId(), a.houseId()), Assignment::id);
		return slice;
	}

	/** The status and week filters, the keyset and the order (latest week first, ties by id) of both listings. */
	private static void weeks(StringBuilder sql, List<Object> params, String week, String id, String status,
			String statusColumn, LocalDate from, LocalDate to, PageRequest page) {
		if (status != null) {
			sql.append(" and ").append(statusColumn).append(" = ?");
			params.add(status);
		}
		if (from != null) {
			sql.append(" and ").append(week).append(" >= ?");
			params.add(from);
		}
		if (to != null) {
			sql.append(" and ").append(week).append(" <= ?");
			params.add(to);
		}
		if (page.after() != null) {
			sql.append(" and (").append(week).append(", ").append(id).append(") < (?, ?)");
			params.add(page.after().date());
			params.add(page.after().id());
		}
		sql.append(" order by ").append(week).append(" desc, ").append(id).append(" desc limit ?");
		params.add(page.fetch());
	}
}
