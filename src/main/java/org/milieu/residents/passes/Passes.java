package org.milieu.residents.passes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.TextInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passes out of the house: staff sign a resident out and back in, and everyone on shift can see
 * who is out and who is overdue. Every read and write passes the access policy under
 * {@link DataCategory#WHEREABOUTS} and is audited with it. Times are instants; days and curfews
 * are read in the program's time zone.
 */
@Service
public class Passes {

	private static final TextInput TEXT = new TextInput("pass");

	static final int MAX_TEXT = 200;

	static final int MAX_COMPANION = 120;

	static final int MAX_NOTE = 2000;

	static final String SELECT = """
			select p.id, p.resident_id, coalesce(r.preferred_name, r.given_name) || ' ' || r.family_name as resident_name,
			       p.house_id, h.name as house_name, p.destination, p.purpose, p.companion, p.left_at, p.expected_back_at,
			       p.past_curfew, p.approved_by, p.signed_out_by, p.returned_at, p.returned_recorded_by, p.return_note
			  from residents_pass p
			  join residents_resident r on r.id = p.resident_id
			  join residents_house h on h.id = p.house_id
			 where p.program_id = ?""";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Clock clock;

	private final Programs programs;

	private final ObjectProvider<PassEligibility> eligibility;

	private final ApplicationEventPublisher events;

	Passes(JdbcClient jdbc, AccessPolicy policy, Clock clock, Programs programs, ObjectProvider<PassEligibility> eligibility,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
		this.programs = programs;
		this.eligibility = eligibility;
		this.events = events;
	}

	/**
	 * Signs a resident out on a pass, approved by {@code user}. Refused, with nothing written, when
	 * the resident is not in the program, is already out, left in the future or before their last
	 * return, is expected back in the past, is expected back after the house's curfew without
	 * {@link NewPass#pastCurfew()}, or is not eligible for a pass ({@link PassEligibility}, which
	 * the levels module answers from the resident's privileges; the refusal gives its reason). Two
	 * sign-outs of one resident at once give one pass: the stay is locked, and the database allows
	 * one open pass per resident.
	 */
	@Transactional
	public Pass signOut(MilieuUser user, UUID residentId, NewPass pass) {
		record Stay(UUID id, UUID houseId, LocalDate admittedOn, LocalDate dischargedOn, LocalTime curfew) {
		}
		ProgramId program = user.programId();
		requireResident(program, residentId);
		// the latest stay, locked so that sign-outs of one resident queue; the policy decides first,
		// so a refused caller learns nothing of the resident's whereabouts
		Stay stay = jdbc.sql("""
				select s.id, s.house_id, s.admitted_on, s.discharged_on, h.curfew
				  from residents_stay s join residents_house h on h.id = s.house_id
				 where s.resident_id = ? and s.program_id = ? order by s.admitted_on desc limit 1 for update of s""")
			.params(residentId, program.value())
			.query((rs, n) -> new Stay(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getObject("admitted_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class),
					rs.getObject("curfew", LocalTime.class)))
			.optional().orElseThrow(() -> new RecordNotFound("Resident", residentId));
		UUID passId = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.WHEREABOUTS,
				new ResidentScope(residentId, stay.dischargedOn() == null ? stay.houseId() : null), "Pass", passId);
		if (stay.dischargedOn() != null) {
			throw new RuleViolation("pass.notInProgram", "resident");
		}
		ZoneId zone = zone(program);
		Optional<Pass> open = openPass(program, residentId);
		if (open.isPresent()) {
			throw new RuleViolation("pass.alreadyOut", "resident", open.get().residentName(),
					clockTime(open.get().leftAt(), zone));
		}
		String destination = required(pass.destination(), "destination", MAX_TEXT);
		String purpose = required(pass.purpose(), "purpose", MAX_TEXT);
		String companion = optional(pass.companion(), "companion", MAX_COMPANION);
		Instant now = clock.instant();
		Instant leftAt = pass.leftAt() == null ? now : pass.leftAt();
		if (leftAt.isAfter(now)) {
			throw new RuleViolation("pass.leftAt.future", "leftAt");
		}
		if (leftAt.isBefore(stay.admittedOn().atStartOfDay(zone).toInstant())) {
			throw new RuleViolation("pass.leftAt.beforeAdmission", "leftAt", stay.admittedOn());
		}
		Optional<Instant> lastReturn = jdbc.sql("select max(returned_at) from residents_pass where resident_id = ?")
			.param(residentId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
			.single().map(java.time.OffsetDateTime::toInstant);
		if (lastReturn.isPresent() && leftAt.isBefore(lastReturn.get())) {
			throw new RuleViolation("pass.leftAt.beforeLastReturn", "leftAt", clockTime(lastReturn.get(), zone));
		}
		if (pass.expectedBackAt() == null) {
			throw new RuleViolation("pass.field.required", "expectedBackAt");
		}
		if (!pass.expectedBackAt().isAfter(now)) {
			throw new RuleViolation("pass.expectedBackAt.past", "expectedBackAt");
		}
		if (stay.curfew() != null && !pass.pastCurfew()) {
			Instant curfew = firstCurfewAfter(leftAt, stay.curfew(), zone);
			if (pass.expectedBackAt().isAfter(curfew)) {
				throw new RuleViolation("pass.expectedBackAt.afterCurfew", "expectedBackAt",
						stay.curfew().format(DateTimeFormatter.ofPattern("HH:mm")));
			}
		}
		PassEligibility.Answer answer = eligibility.getIfAvailable(() -> PassEligibility.STAFF_APPROVES_EVERY_PASS)
			.check(program, residentId, leftAt);
		if (answer.verdict() == PassEligibility.Verdict.NOT_ELIGIBLE) {
			if (answer.reasonKey() == null) {
				throw new RuleViolation("pass.notEligible", "resident");
			}
			throw new RuleViolation("pass.notEligible.because", "resident", new DefaultMessageSourceResolvable(
					new String[] { answer.reasonKey() }, answer.reasonArguments().toArray(), answer.reasonKey()));
		}
		try {
			jdbc.sql("""
					insert into residents_pass (id, program_id, resident_id, stay_id, house_id, destination, purpose, companion,
					                            left_at, expected_back_at, past_curfew, approved_by, signed_out_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(passId, program.value(), residentId, stay.id(), stay.houseId(), destination, purpose, companion,
						utc(leftAt), utc(pass.expectedBackAt()), pass.pastCurfew(), user.getUsername(), user.getUsername())
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolation("pass.alreadyOutJustNow", "resident");
		}
		return load(program, passId).orElseThrow();
	}

	/**
	 * Signs a resident back in from their pass, at {@code returnedAt} (null: now), with an optional
	 * note (how they came back, anything staff noticed). A pass is signed in once; the time may not
	 * lie in the future nor before the resident left.
	 */
	@Transactional
	public Pass signIn(MilieuUser user, UUID passId, Instant returnedAt, String note) {
		ProgramId program = user.programId();
		Pass pass = jdbc.sql(SELECT + " and p.id = ? for update of p")
			.params(program.value(), passId).query((rs, n) -> pass(rs)).optional()
			.orElseThrow(() -> new RecordNotFound("Pass", passId));
		policy.enforce(user, AuditAction.UPDATE, DataCategory.WHEREABOUTS, scope(program, pass.residentId()), "Pass", passId);
		ZoneId zone = zone(program);
		if (!pass.isOut()) {
			throw new RuleViolation("pass.alreadyReturned", "pass", pass.residentName(), clockTime(pass.returnedAt(), zone));
		}
		Instant now = clock.instant();
		Instant back = returnedAt == null ? now : returnedAt;
		if (back.isAfter(now)) {
			throw new RuleViolation("pass.returnedAt.future", "returnedAt");
		}
		if (back.isBefore(pass.leftAt())) {
			throw new RuleViolation("pass.returnedAt.beforeLeft", "returnedAt", clockTime(pass.leftAt(), zone));
		}
		String text = optional(note, "note", MAX_NOTE);
		jdbc.sql("update residents_pass set returned_at = ?, returned_recorded_by = ?, return_note = ? where id = ?")
			.params(utc(back), user.getUsername(), text, passId).update();
		return load(program, passId).orElseThrow();
	}

	/** One pass, if the policy lets this person see the resident's whereabouts; the look is audited. */
	@Transactional
	public Pass read(MilieuUser user, UUID passId) {
		Pass pass = load(user.programId(), passId).orElseThrow(() -> new RecordNotFound("Pass", passId));
		policy.enforce(user, AuditAction.READ, DataCategory.WHEREABOUTS, scope(user.programId(), pass.residentId()), "Pass",
				passId);
		return pass;
	}

	/** A resident's passes, latest first; a resident may read their own. The look is audited. */
	@Transactional
	public List<Pass> history(MilieuUser user, UUID residentId) {
		requireResident(user.programId(), residentId);
		return history(user, scope(user.programId(), residentId));
	}

	/**
	 * A resident's passes, latest first, decided for the scope the caller gives: the profile's
	 * scope keeps a discharged resident in the house of their last stay, as for the rest of
	 * their record. The look is audited.
	 */
	@Transactional
	List<Pass> history(MilieuUser user, ResidentScope resident) {
		policy.enforce(user, AuditAction.READ, DataCategory.WHEREABOUTS, resident, "Pass", resident.residentId());
		return jdbc.sql(SELECT + " and p.resident_id = ? order by p.left_at desc")
			.params(user.programId().value(), resident.residentId()).query((rs, n) -> pass(rs)).list();
	}

	/**
	 * Who is out now, as this person may see it: residents in the program on an open pass, overdue
	 * ones first, then by expected return. For staff roles only; each resident shown is audited.
	 */
	@Transactional
	public List<Pass> out(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.WHEREABOUTS, "Pass");
		Instant now = clock.instant();
		List<Pass> visible = jdbc.sql(SELECT + " and p.returned_at is null"
				+ " and exists (select 1 from residents_stay s where s.id = p.stay_id and s.discharged_on is null)")
			.param(user.programId().value()).query((rs, n) -> pass(rs)).list().stream()
			.filter(p -> reach.includes(p.residentId(), p.houseId()))
			.sorted(Comparator.comparing((Pass p) -> p.status(now) != PassStatus.OVERDUE)
				.thenComparing(Pass::expectedBackAt))
			.toList();
		policy.recordListed(user, DataCategory.WHEREABOUTS, "Pass", reach,
				visible.stream().map(p -> new ResidentScope(p.residentId(), p.houseId())).toList());
		return visible;
	}

	/**
	 * Notices passes that have become overdue since the last look, marks each as noticed and
	 * publishes {@link PassOverdue} once per pass. Safe to run on several nodes at once: a pass is
	 * marked by exactly one update.
	 */
	@Transactional
	public List<PassOverdue> noticeOverdue() {
		Instant now = clock.instant();
		List<PassOverdue> noticed = jdbc.sql("""
				update residents_pass set overdue_noticed_at = ?
				 where returned_at is null and overdue_noticed_at is null and expected_back_at < ?
				returning program_id, id, resident_id, house_id, expected_back_at""")
			.params(utc(now), utc(now))
			.query((rs, n) -> new PassOverdue(rs.getObject("program_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class),
					instant(rs, "expected_back_at"), now))
			.list();
		noticed.forEach(events::publishEvent);
		return noticed;
	}

	/** The program's time zone: days and curfews are read in it. */
	@Transactional(readOnly = true)
	public ZoneId zone(ProgramId program) {
		return programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
	}

	/**
	 * The first curfew after someone leaves: today's if they leave before it, else tomorrow's. A
	 * pass due back later is a late or overnight pass, which staff must allow explicitly.
	 */
	static Instant firstCurfewAfter(Instant leftAt, LocalTime curfew, ZoneId zone) {
		ZonedDateTime left = leftAt.atZone(zone);
		ZonedDateTime first = left.toLocalDate().atTime(curfew).atZone(zone);
		if (!first.isAfter(left)) {
			first = left.toLocalDate().plusDays(1).atTime(curfew).atZone(zone);
		}
		return first.toInstant();
	}

	/** "18:00" today, or "2026-11-25 18:00" on another day, in the program's time zone. */
	public String clockTime(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		boolean today = local.toLocalDate().equals(LocalDate.now(clock.withZone(zone)));
		return local.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
	}

	private Optional<Pass> openPass(ProgramId program, UUID residentId) {
		return jdbc.sql(SELECT + " and p.resident_id = ? and p.returned_at is null")
			.params(program.value(), residentId).query((rs, n) -> pass(rs)).optional();
	}

	private Optional<Pass> load(ProgramId program, UUID passId) {
		return jdbc.sql(SELECT + " and p.id = ?").params(program.value(), passId).query((rs, n) -> pass(rs)).optional();
	}

	private void requireResident(ProgramId program, UUID residentId) {
		boolean known = jdbc.sql("select exists (select 1 from residents_resident where id = ? and program_id = ?)")
			.params(residentId, program.value()).query(Boolean.class).single();
		if (!known) {
			throw new RecordNotFound("Resident", residentId);
		}
	}

	/** The resident and the house they live in now (none once discharged), for the access policy. */
	private ResidentScope scope(ProgramId program, UUID residentId) {
		UUID house = jdbc.sql("select house_id from residents_stay where resident_id = ? and program_id = ? and discharged_on is null")
			.params(residentId, program.value()).query(UUID.class).optional().orElse(null);
		return new ResidentScope(residentId, house);
	}

	private static String required(String value, String field, int max) {
		return TEXT.required(value, field, max);
	}

	private static String optional(String value, String field, int max) {
		return TEXT.optional(value, field, max);
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Pass pass(ResultSet rs) throws SQLException {
		return new Pass(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getString("resident_name"),
				rs.getObject("house_id", UUID.class), rs.getString("house_name"), rs.getString("destination"),
				rs.getString("purpose"), rs.getString("companion"), instant(rs, "left_at"), instant(rs, "expected_back_at"),
				rs.getBoolean("past_curfew"), rs.getString("approved_by"), rs.getString("signed_out_by"),
				instant(rs, "returned_at"), rs.getString("returned_recorded_by"), rs.getString("return_note"));
	}
}
