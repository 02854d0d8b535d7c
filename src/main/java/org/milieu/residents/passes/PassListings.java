package org.milieu.residents.passes;

import java.sql.Timestamp;
import java.time.Clock;
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
 * Every pass of the program, out now or returned, a page at a time: the whereabouts page's list and
 * the residents' pass histories in one listing, for the staff roles. Only passes within the reader's
 * reach are shown, and each one shown is audited as a read of that resident's whereabouts.
 */
@Service
public class PassListings {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Passes passes;

	private final Clock clock;

	private final Programs programs;

	PassListings(JdbcClient jdbc, AccessPolicy policy, Passes passes, Clock clock, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.passes = passes;
		this.clock = clock;
		this.programs = programs;
	}

	/**
	 * Passes within the reader's reach, latest sign-out first (ties by id), optionally of one resident,
	 * house, status (as of now), and left on a day within {@code from}..{@code to} (both included, in the
	 * program's time zone).
	 */
	@Transactional
	public Slice<Pass> passes(MilieuUser user, UUID residentId, UUID houseId, PassStatus status, LocalDate from,
			LocalDate to, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.WHEREABOUTS, "Pass");
		StringBuilder sql = new StringBuilder(Passes.SELECT);
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (!reach.everyone()) {
			Set<UUID> residents = new HashSet<>(reach.residents());
			residents.addAll(reach.emergency());
			sql.append(" and (p.house_id = any(?) or p.resident_id = any(?))");
			params.add(reach.houses().toArray(UUID[]::new));
			params.add(residents.toArray(UUID[]::new));
		}
		if (residentId != null) {
			sql.append(" and p.resident_id = ?");
			params.add(residentId);
		}
		if (houseId != null) {
			sql.append(" and p.house_id = ?");
			params.add(houseId);
		}
		if (status != null) {
			Timestamp now = Timestamp.from(clock.instant());
			switch (status) {
				case RETURNED -> sql.append(" and p.returned_at is not null");
				case OUT -> {
					sql.append(" and p.returned_at is null and p.expected_back_at >= ?");
					params.add(now);
				}
				case OVERDUE -> {
					sql.append(" and p.returned_at is null and p.expected_back_at < ?");
					params.add(now);
				}
			}
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			sql.append(" and p.left_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			sql.append(" and p.left_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			sql.append(" and (p.left_at, p.id) < (?, ?)");
			params.add(Timestamp.from(page.after().instant()));
			params.add(page.after().id());
		}
		sql.append(" order by p.left_at desc, p.id desc limit ?");
		params.add(page.fetch());
		Slice<Pass> slice = page.slice(jdbc.sql(sql.toString()).params(params).query((rs, n) -> Passes.pass(rs)).list(),
				p -> Keyset.of(p.leftAt(), p.id()));
		policy.recordListed(user, DataCategory.WHEREABOUTS, "Pass", reach, slice.items(),
				p -> new ResidentScope(p.residentId(), p.houseId()), Pass::id);
		return slice;
	}
}
