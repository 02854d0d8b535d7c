package org.milieu.work;

import java.sql.Timestamp;
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
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job completions and stipend payout batches of the program a page at a time, for the staff roles,
 * as the verification and stipend pages show them. A completion is a resident's record: shown only
 * within the reader's reach and audited as read, row by row, when its page is read. A batch in a
 * listing comes without its lines (nothing of a resident; its receipt gives them).
 */
@Service
public class WorkListings {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Programs programs;

	WorkListings(JdbcClient jdbc, AccessPolicy policy, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.programs = programs;
	}

	/**
	 * Completions within the reader's reach, latest occurrence first (ties by id), optionally of one
	 * resident, house, job, verification status, and of occurrences within {@code from}..{@code to}
	 * (both included). Each one shown is audited.
	 */
	@Transactional
	public Slice<Completion> completions(MilieuUser user, UUID residentId, UUID houseId, UUID jobId,
			VerificationStatus status, LocalDate from, LocalDate to, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion");
		StringBuilder sql = new StringBuilder(Completions.SELECT);
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (!reach.everyone()) {
			Set<UUID> residents = new HashSet<>(reach.residents());
			residents.addAll(reach.emergency());
			sql.append(" and (a.house_id = any(?) or a.resident_id = any(?))");
			params.add(reach.houses().toArray(UUID[]::new));
			params.add(residents.toArray(UUID[]::new));
		}
		equal(sql, params, "a.resident_id", residentId);
		equal(sql, params, "a.house_id", houseId);
		equal(sql, params, "a.job_id", jobId);
		if (status != null) {
			sql.append(status == VerificationStatus.VERIFIED ? " and c.verified_at is not null" : " and c.verified_at is null");
		}
		if (from != null) {
			sql.append(" and c.occurs_on >= ?");
			params.add(from);
		}
		if (to != null) {
			sql.append(" and c.occurs_on <= ?");
			params.add(to);
		}
		if (page.after() != null) {
			sql.append(" and (c.occurs_on, c.id) < (?, ?)");
			params.add(page.after().date());
			params.add(page.after().id());
		}
		sql.append(" order by c.occurs_on desc, c.id desc limit ?");
		params.add(page.fetch());
		record Row(Completion completion, UUID houseId) {
		}
		List<Row> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(Completions.completion(rs, n), rs.getObject("house_id", UUID.class))).list();
		Slice<Row> slice = page.slice(rows, r -> Keyset.of(r.completion().occursOn(), r.completion().id()));
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "JobCompletion", reach, slice.items(),
				r -> new ResidentScope(r.completion().residentId(), r.houseId()), r -> r.completion().id());
		return slice.map(Row::completion);
	}

	/**
	 * Payout batches, latest paid first (ties by id), without their lines, optionally of one method
	 * and paid on a day within {@code from}..{@code to} (both included, in the program's time zone).
	 */
	@Transactional
	public Slice<PayoutBatch> payouts(MilieuUser user, PayoutMethod method, LocalDate from, LocalDate to,
			PageRequest page) {
		policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "PayoutBatch");
		StringBuilder sql = new StringBuilder("""
				select id, method, receipt_number, total_cents, currency, line_count, paid_by, paid_at
				  from work_payout_batch where program_id = ?""");
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		equal(sql, params, "method", method == null ? null : method.name());
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			sql.append(" and paid_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			sql.append(" and paid_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			sql.append(" and (paid_at, id) < (?, ?)");
			params.add(Timestamp.from(page.after().instant()));
			params.add(page.after().id());
		}
		sql.append(" order by paid_at desc, id desc limit ?");
		params.add(page.fetch());
		List<PayoutBatch> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> StipendPayouts.batch(rs)).list();
		return page.slice(rows, b -> Keyset.of(b.paidAt(), b.id()));
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}
}
