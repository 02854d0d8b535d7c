package org.milieu.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's follow-ups of positive and refused screens, open and done, a page at a time: the
 * follow-up page's list with its history. As on the page, only follow-ups of residents in the program
 * today and within the caller's reach are shown, each resident shown audited; lists are for staff roles.
 */
@Service
public class FollowUpListings {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Census census;

	private final Programs programs;

	FollowUpListings(JdbcClient jdbc, AccessPolicy policy, Census census, Programs programs) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.census = census;
		this.programs = programs;
	}

	/**
	 * The follow-ups assigned to {@code user}, oldest screen first (ties by id), optionally of one
	 * resident, one status, and opened on a day within {@code from}..{@code to} (both included).
	 */
	@Transactional
	public Slice<ScreenFollowUp> followUps(MilieuUser user, UUID residentId, FollowUpStatus status, LocalDate from,
			LocalDate to, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.DRUG_SCREENS, "DrugScreenFollowUps");
		Map<UUID, CensusEntry> residents = new HashMap<>();
		census.today(user.programId()).stream().filter(e -> reach.includes(e.residentId(), e.houseId()))
			.forEach(e -> residents.put(e.residentId(), e));
		StringBuilder sql = new StringBuilder("""
				select f.id, f.screen_id, f.resident_id, s.collected_at, s.outcome, f.status, f.opened_at, f.closed_at,
				       f.closed_by, f.close_note
				  from screening_follow_up f join screening_drug_screen s on s.id = f.screen_id
				 where f.program_id = ? and f.clinician_account_id = ? and s.voided_at is null and f.resident_id = any(?)""");
		List<Object> params = new ArrayList<>(List.of(user.programId().value(), user.accountId(),
				residents.keySet().toArray(UUID[]::new)));
		if (residentId != null) {
			sql.append(" and f.resident_id = ?");
			params.add(residentId);
		}
		if (status != null) {
			sql.append(" and f.status = ?");
			params.add(status.name());
		}
		Programs.Days days = programs.days(user.programId(), from, to);
		if (from != null) {
			sql.append(" and f.opened_at >= ?");
			params.add(Timestamp.from(days.start()));
		}
		if (to != null) {
			sql.append(" and f.opened_at < ?");
			params.add(Timestamp.from(days.end()));
		}
		if (page.after() != null) {
			sql.append(" and (s.collected_at, f.id) > (?, ?)");
			params.add(Timestamp.from(page.after().instant()));
			params.add(page.after().id());
		}
		sql.append(" order by s.collected_at, f.id limit ?");
		params.add(page.fetch());
		record Row(UUID id, UUID screenId, UUID residentId, Instant collectedAt, Outcome outcome, FollowUpStatus status,
				Instant openedAt, Instant closedAt, String closedBy, String closeNote) {
		}
		Slice<Row> slice = page.slice(jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("screen_id", UUID.class),
					rs.getObject("resident_id", UUID.class), rs.getTimestamp("collected_at").toInstant(),
					Outcome.valueOf(rs.getString("outcome")), FollowUpStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("opened_at").toInstant(), instant(rs.getTimestamp("closed_at")),
					rs.getString("closed_by"), rs.getString("close_note")))
			.list(), r -> Keyset.of(r.collectedAt(), r.id()));
		Map<UUID, List<Substance>> positives = positives(slice.items().stream().map(Row::screenId).toArray(UUID[]::new));
		List<ResidentScope> audited = new ArrayList<>();
		Slice<ScreenFollowUp> shown = slice.map(r -> {
			CensusEntry resident = residents.get(r.residentId());
			ResidentScope scope = new ResidentScope(resident.residentId(), resident.houseId());
			if (!audited.contains(scope)) {
				audited.add(scope);
			}
			return new ScreenFollowUp(r.id(), r.screenId(), r.residentId(), resident.displayName(), resident.houseId(),
					resident.houseName(), r.collectedAt(), r.outcome(), positives.getOrDefault(r.screenId(), List.of()),
					r.status(), r.openedAt(), r.closedAt(), r.closedBy(), r.closeNote());
		});
		policy.recordListed(user, DataCategory.DRUG_SCREENS, "DrugScreenFollowUps", reach, audited);
		return shown;
	}

	private Map<UUID, List<Substance>> positives(UUID[] screens) {
		Map<UUID, List<Substance>> positives = new HashMap<>();
		if (screens.length > 0) {
			jdbc.sql("""
					select screen_id, substance from screening_substance_result
					 where screen_id = any(?) and result = 'POSITIVE' order by substance""")
				.param(screens)
				.query((rs, n) -> positives.computeIfAbsent(rs.getObject("screen_id", UUID.class), k -> new ArrayList<>())
					.add(Substance.valueOf(rs.getString("substance"))))
				.list();
			positives.replaceAll((screen, list) -> list.stream().sorted().toList());
		}
		return positives;
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
