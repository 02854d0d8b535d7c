package org.milieu.government;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.levels.privileges.Answer;
import org.milieu.levels.privileges.DefaultPrivilege;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chair and the secretary of each house's government (and of the whole program's). Residents
 * elect them by ballot for a term of the program's length (four weeks unless the director changes
 * it). To stand, a resident must live in the house, hold the level privilege {@code GOVERNMENT_OFFICE}
 * (level 3 and up unless the program changes it, and not restricted) and not have served the
 * program's limit of consecutive terms in that office. A term whose election a clinician overruled
 * does not count and gives no office.
 */
@Service
public class Officers {

	private static final String SELECT = """
			select o.id, o.house_id, o.office, o.resident_id, o.starts_on, o.ends_on, o.motion_id
			  from government_officer o join government_motion m on m.id = o.motion_id
			 where o.program_id = ? and m.overruled_at is null""";

	private final JdbcClient jdbc;

	private final LevelPrivileges privileges;

	private final GovernmentSettings settings;

	private final Membership membership;

	private final Census census;

	private final AuditTrail trail;

	Officers(JdbcClient jdbc, LevelPrivileges privileges, GovernmentSettings settings, Membership membership,
			Census census, AuditTrail trail) {
		this.jdbc = jdbc;
		this.privileges = privileges;
		this.settings = settings;
		this.membership = membership;
		this.census = census;
		this.trail = trail;
	}

	/**
	 * The officers in office today: staff see every house's, a resident their house's and the
	 * whole program's. Each officer shown is a read of that resident's government record, audited.
	 */
	@Transactional
	public List<Officer> current(MilieuUser user) {
		UUID house = Membership.staff(user) ? null : membership.residentHouse(user, "Officer", null);
		LocalDate today = census.day(user.programId());
		List<Officer> found = jdbc.sql(SELECT + " and o.starts_on <= ? and o.ends_on > ? "
				+ "and (?::uuid is null or o.house_id is null or o.house_id = ?::uuid) order by o.house_id nulls first, o.office")
			.params(user.programId().value(), today, today, house, house).query(Officers::officer).list();
		List<AuditEntry> reads = new ArrayList<>();
		for (Officer o : found) {
			reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
				.about(o.residentId(), DataCategory.GOVERNMENT).on("Officer", o.id()));
		}
		trail.recordAll(reads);
		return found;
	}

	/**
	 * Every officer term, past, present and to come, a page at a time, latest start first (ties by id):
	 * staff see every house's, a resident their house's and the whole program's. Optionally of one house,
	 * resident, office, and starting on a day within {@code from}..{@code to} (both included). A term whose
	 * election was overruled gave no office and is not listed. Each term shown is a read of that
	 * resident's government record, audited.
	 */
	@Transactional
	public Slice<Officer> terms(MilieuUser user, UUID houseId, UUID residentId, Office office, LocalDate from,
			LocalDate to, PageRequest page) {
		UUID house = Membership.staff(user) ? null : membership.residentHouse(user, "Officer", null);
		StringBuilder sql = new StringBuilder(SELECT);
		List<Object> params = new ArrayList<>(List.of(user.programId().value()));
		if (house != null) {
			sql.append(" and (o.house_id is null or o.house_id = ?)");
			params.add(house);
		}
		if (houseId != null) {
			sql.append(" and o.house_id = ?");
			params.add(houseId);
		}
		if (residentId != null) {
			sql.append(" and o.resident_id = ?");
			params.add(residentId);
		}
		if (office != null) {
			sql.append(" and o.office = ?");
			params.add(office.name());
		}
		if (from != null) {
			sql.append(" and o.starts_on >= ?");
			params.add(from);
		}
		if (to != null) {
			sql.append(" and o.starts_on <= ?");
			params.add(to);
		}
		if (page.after() != null) {
			sql.append(" and (o.starts_on, o.id) < (?, ?)");
			params.add(page.after().date());
			params.add(page.after().id());
		}
		sql.append(" order by o.starts_on desc, o.id desc limit ?");
		params.add(page.fetch());
		Slice<Officer> slice = page.slice(jdbc.sql(sql.toString()).params(params).query(Officers::officer).list(),
				o -> Keyset.of(o.startsOn(), o.id()));
		trail.recordAll(slice.items().stream().map(o -> AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
			.about(o.residentId(), DataCategory.GOVERNMENT).on("Officer", o.id())).toList());
		return slice;
	}

	/** The officers of a house (null: of the whole program) in office on a day, for the minutes. */
	List<Officer> onDay(ProgramId program, UUID house, LocalDate day) {
		return jdbc.sql(SELECT + " and o.house_id is not distinct from ? and o.starts_on <= ? and o.ends_on > ? order by o.office")
			.params(program.value(), house, day, day).query(Officers::officer).list();
	}

	/** Whether the resident holds this office of the house (null: of the whole program) on this day. */
	@Transactional(readOnly = true)
	public boolean holds(ProgramId program, UUID residentId, UUID house, Office office, LocalDate day) {
		return residentId != null && jdbc.sql(SELECT + " and o.resident_id = ? and o.office = ? "
				+ "and o.house_id is not distinct from ? and o.starts_on <= ? and o.ends_on > ?")
			.params(program.value(), residentId, office.name(), house, day, day).query(Officers::officer).optional()
			.isPresent();
	}

	/**
	 * Whether this person may run a meeting of the house (null: of the whole program): staff, or the
	 * resident who chairs that house's government today.
	 */
	@Transactional(readOnly = true)
	public boolean mayChair(MilieuUser user, UUID house) {
		return Membership.staff(user) || user.has(Role.RESIDENT)
				&& holds(user.programId(), user.residentId(), house, Office.CHAIR, census.day(user.programId()));
	}

	/**
	 * Whether this person may keep a meeting's record (notes, minutes, action items): staff, or the
	 * resident who is the house's secretary today.
	 */
	@Transactional(readOnly = true)
	public boolean mayKeepRecord(MilieuUser user, UUID house) {
		return Membership.staff(user) || user.has(Role.RESIDENT)
				&& holds(user.programId(), user.residentId(), house, Office.SECRETARY, census.day(user.programId()));
	}

	/**
	 * Refuses a candidate who may not stand for the office, naming them and why ({@code candidates}):
	 * not of the meeting's house, without the privilege, or at the limit of consecutive terms.
	 */
	void requireEligible(ProgramId program, UUID house, Office office, UUID candidate, Instant at) {
		if (!membership.members(program, house).contains(candidate)) {
			throw new RuleViolation("officer.candidate.not-member", "candidates", name(program, candidate));
		}
		Answer answer = privileges.may(program, candidate, DefaultPrivilege.GOVERNMENT_OFFICE.name(), at);
		if (!answer.allowed()) {
			throw new RuleViolation("officer.candidate.no-privilege", "candidates", name(program, candidate));
		}
		int limit = settings.of(program).officerTermLimit();
		int consecutive = 0;
		for (UUID holder : jdbc.sql("select o.resident_id from government_officer o join government_motion m on m.id = o.motion_id "
				+ "where o.program_id = ? and o.house_id is not distinct from ? and o.office = ? and m.overruled_at is null "
				+ "order by o.starts_on desc, m.closed_at desc").params(program.value(), house, office.name())
			.query(UUID.class).list()) {
			if (!holder.equals(candidate)) {
				break;
			}
			consecutive++;
		}
		if (consecutive >= limit) {
			throw new RuleViolation("officer.candidate.term-limit", "candidates", name(program, candidate), limit);
		}
	}

	/**
	 * Puts the elected resident in office from {@code day} for one term; the office's current
	 * holder's term ends that day.
	 */
	void install(ProgramId program, UUID house, Office office, UUID resident, UUID motionId, LocalDate day) {
		jdbc.sql("update government_officer set ends_on = ? where program_id = ? and house_id is not distinct from ? "
				+ "and office = ? and starts_on <= ? and ends_on > ?")
			.params(day, program.value(), house, office.name(), day, day).update();
		LocalDate ends = day.plusWeeks(settings.of(program).officerTermWeeks());
		jdbc.sql("""
				insert into government_officer (id, program_id, house_id, office, resident_id, starts_on, ends_on, motion_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), program.value(), house, office.name(), resident, day, ends, motionId).update();
	}

	/** The term an election gave, if it carried. */
	Optional<Officer> fromElection(ProgramId program, UUID motionId) {
		return jdbc.sql("select o.id, o.house_id, o.office, o.resident_id, o.starts_on, o.ends_on, o.motion_id "
				+ "from government_officer o where o.program_id = ? and o.motion_id = ?").params(program.value(), motionId)
			.query(Officers::officer).optional();
	}

	private String name(ProgramId program, UUID resident) {
		return census.find(program, resident).map(e -> e.displayName()).orElse(String.valueOf(resident));
	}

	private static Officer officer(ResultSet rs, int n) throws SQLException {
		return new Officer(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				Office.valueOf(rs.getString("office")), rs.getObject("resident_id", UUID.class),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getObject("motion_id", UUID.class));
	}
}
