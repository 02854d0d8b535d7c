package org.milieu.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.springframework.context.ApplicationEventPublisher;

import org.milieu.shared.ProgramId;
import org.milieu.shared.ResidentId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admitting people to the program: a resident record and an open stay in a free bed. */
@Service
public class Admissions {

	static final String POSSIBLE_DUPLICATE = "admission.warning.possible-duplicate";

	private final ResidentRepository residents;

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Programs programs;

	Admissions(ResidentRepository residents, JdbcClient jdbc, AccessPolicy policy, ApplicationEventPublisher events,
			Clock clock, Programs programs) {
		this.programs = programs;
		this.residents = residents;
		this.jdbc = jdbc;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Admits a person as {@code user} (the access policy decides; the admission is audited with
	 * it). The birth date cannot lie in the future, the admission date not more than a day ahead,
	 * and the bed must be free; someone with the same name and birth date already on record is a
	 * warning, not a refusal. Other modules hear of it through {@link ResidentAdmitted}.
	 */
	@Transactional
	public Admission admit(MilieuUser user, UUID houseId, NewAdmission admission) {
		UUID bedHouse = jdbc.sql("select house_id from residents_bed where id = ? and program_id = ?")
			.params(admission.bedId(), user.programId().value()).query(UUID.class).optional()
			.orElseThrow(() -> new RuleViolation("admission.bed.unknown", "bedId"));
		if (!bedHouse.equals(houseId)) {
			throw new RuleViolation("admission.bed.otherHouse", "bedId");
		}
		return admit(user, admission);
	}

	/**
	 * Admits a person as {@code user}, as {@link #admit(MilieuUser, UUID, NewAdmission)} without
	 * the house check. With {@link NewAdmission#readmissionOf()} it is a readmission: a new stay on
	 * the earlier record of someone discharged, never a second record of the same person (see
	 * {@code readmit} for its rules); the answer then names that record.
	 */
	@Transactional
	public Admission admit(MilieuUser user, NewAdmission admission) {
		ProgramId program = user.programId();
		LocalDate today = LocalDate.now(clock.withZone(programs.find(program).map(Program::timeZone)
			.orElse(java.time.ZoneOffset.UTC)));
		if (admission.birthDate().isAfter(today)) {
			throw new RuleViolation("admission.birthDate.future", "birthDate");
		}
		if (admission.admittedOn().isAfter(today.plusDays(1))) {
			throw new RuleViolation("admission.admittedOn.future", "admittedOn");
		}
		if (admission.admittedOn().isBefore(admission.birthDate())) {
			throw new RuleViolation("admission.admittedOn.beforeBirth", "admittedOn");
		}
		UUID houseId = jdbc.sql("select house_id from residents_bed where id = ? and program_id = ?")
			.params(admission.bedId(), program.value()).query(UUID.class).optional()
			.orElseThrow(() -> new RuleViolation("admission.bed.unknown", "bedId"));
		if (admission.readmissionOf() != null) {
			readmit(user, houseId, admission);
			return new Admission(admission.readmissionOf(), List.of());
		}
		UUID residentId = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.DEMOGRAPHICS, new ResidentScope(residentId, houseId),
				"Resident", residentId);
		requireFreeBed(user.programId(), houseId);
		boolean duplicate = jdbc.sql("""
				select exists (select 1 from residents_resident where program_id = ? and lower(given_name) = lower(?)
				                  and lower(family_name) = lower(?) and birth_date = ?)""")
			.params(program.value(), admission.givenName().trim(), admission.familyName().trim(), admission.birthDate())
			.query(Boolean.class).single();
		admit(program, residentId, admission);
		return new Admission(residentId, duplicate ? List.of(POSSIBLE_DUPLICATE) : List.of());
	}

	/**
	 * A readmission: a new stay on the record of someone discharged earlier, so their history stays
	 * one record. The policy decides first (as for any admission). The person must not be in the
	 * program today, the name and birth date given must be those on record (so a mistyped id cannot
	 * put a stay on someone else's record), and the new stay cannot begin before the last one ended.
	 * Contact details given replace those on record; blank ones keep them.
	 */
	private void readmit(MilieuUser user, UUID houseId, NewAdmission admission) {
		ProgramId program = user.programId();
		UUID residentId = admission.readmissionOf();
		record OnRecord(String given, String family, LocalDate born) {
		}
		// locked, so two readmissions of the same person cannot both pass the checks below
		OnRecord person = jdbc.sql("""
				select given_name, family_name, birth_date from residents_resident
				 where id = ? and program_id = ? for update""")
			.params(residentId, program.value())
			.query((rs, n) -> new OnRecord(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.optional().orElseThrow(() -> new RuleViolation("admission.readmission.unknown", "readmissionOf"));
		policy.enforce(user, AuditAction.CREATE, DataCategory.DEMOGRAPHICS, new ResidentScope(residentId, houseId),
				"Stay", residentId);
		requireFreeBed(user.programId(), houseId);
		record Latest(LocalDate admittedOn, LocalDate dischargedOn) {
		}
		Latest latest = jdbc.sql("""
				select admitted_on, discharged_on from residents_stay where resident_id = ? and program_id = ?
				 order by admitted_on desc, discharged_on desc nulls first limit 1""")
			.params(residentId, program.value())
			.query((rs, n) -> new Latest(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
			.optional().orElseThrow(() -> new RuleViolation("admission.readmission.unknown", "readmissionOf"));
		if (latest.dischargedOn() == null) {
			throw new RuleViolation("admission.readmission.stillIn", "readmissionOf");
		}
		if (!person.given().equalsIgnoreCase(admission.givenName().trim())
				|| !person.family().equalsIgnoreCase(admission.familyName().trim())
				|| !person.born().equals(admission.birthDate())) {
			throw new RuleViolation("admission.readmission.otherPerson", "readmissionOf");
		}
		if (admission.admittedOn().isBefore(latest.dischargedOn())) {
			throw new RuleViolation("admission.readmission.beforeDischarge", "admittedOn", latest.dischargedOn());
		}
		NewAdmission.Details d = admission.details();
		jdbc.sql("""
				update residents_resident
				   set preferred_name = coalesce(?, preferred_name), pronouns = coalesce(?, pronouns),
				       primary_language = coalesce(?, primary_language), phone = coalesce(?, phone),
				       emergency_contact_name = coalesce(?, emergency_contact_name),
				       emergency_contact_phone = coalesce(?, emergency_contact_phone), version = version + 1
				 where id = ?""")
			.params(TrimmedText.orNull(admission.preferredName()), TrimmedText.orNull(d.pronouns()),
					TrimmedText.orNull(d.primaryLanguage()), TrimmedText.orNull(d.phone()),
					TrimmedText.orNull(d.emergencyContactName()), TrimmedText.orNull(d.emergencyContactPhone()), residentId)
			.update();
		requireFreeBed(program, admission);
		UUID stayId = openStay(program, residentId, admission);
		events.publishEvent(new ResidentReadmitted(program.value(), residentId, houseId, admission.admittedOn(), stayId));
	}

	/**
	 * Admits a new resident to a free bed of the program without asking the access policy: for
	 * the demo community's generator only, which acts for nobody. The id is the caller's choice.
	 */
	@Transactional
	public ResidentId admit(ProgramId program, UUID residentId, NewAdmission admission) {
		requireFreeBed(program, admission);
		residents.save(new Resident(residentId, program.value(), admission.givenName().trim(),
				admission.familyName().trim(), TrimmedText.orNull(admission.preferredName()), admission.birthDate(), null));
		NewAdmission.Details d = admission.details();
		jdbc.sql("""
				update residents_resident set pronouns = ?, primary_language = ?, phone = ?, emergency_contact_name = ?,
				       emergency_contact_phone = ? where id = ?""")
			.params(TrimmedText.orNull(d.pronouns()), TrimmedText.orNull(d.primaryLanguage()), TrimmedText.orNull(d.phone()),
					TrimmedText.orNull(d.emergencyContactName()), TrimmedText.orNull(d.emergencyContactPhone()), residentId)
			.update();
		openStay(program, residentId, admission);
		return new ResidentId(residentId);
	}

	/**
	 * The bed must be in use (not retired) and free. Its row stays share-locked until the admission
	 * commits, so the director cannot retire it in between.
	 */
	private void requireFreeBed(ProgramId program, NewAdmission admission) {
		record BedState(boolean retired, boolean free) {
		}
		BedState bed = jdbc.sql("""
				select b.retired_at is not null,
				       not exists (select 1 from residents_stay s where s.bed_id = b.id and s.discharged_on is null)
				  from residents_bed b where b.id = ? and b.program_id = ? for share of b""")
			.params(admission.bedId(), program.value())
			.query((rs, n) -> new BedState(rs.getBoolean(1), rs.getBoolean(2)))
			.optional().orElseThrow(() -> new RuleViolation("admission.bed.unknown", "bedId"));
		if (bed.retired()) {
			throw new RuleViolation("admission.bed.retired", "bedId");
		}
		if (!bed.free()) {
			throw new RuleViolation("admission.bed.taken", "bedId");
		}
	}

	/** Opens the stay in the (free) bed and tells other modules of the admission; returns the stay's id. */
	private UUID openStay(ProgramId program, UUID residentId, NewAdmission admission) {
		NewAdmission.Details d = admission.details();
		UUID houseId = jdbc.sql("select house_id from residents_bed where id = ?").param(admission.bedId())
			.query(UUID.class).single();
		UUID stayId = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into residents_stay (id, program_id, resident_id, house_id, bed_id, admitted_on, referral_source,
					                            funding_source, expected_length_days)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(stayId, program.value(), residentId, houseId, admission.bedId(), admission.admittedOn(),
						TrimmedText.orNull(d.referralSource()), TrimmedText.orNull(d.fundingSource()), d.expectedLengthDays())
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			// someone else took the bed between the check and this insert
			throw new RuleViolation("admission.bed.taken", "bedId");
		}
		events.publishEvent(new ResidentAdmitted(program.value(), residentId, houseId, admission.admittedOn()));
		return stayId;
	}

	/** A house with every bed taken is full: said of the house, before anything about the chosen bed. */
	private void requireFreeBed(ProgramId program, UUID houseId) {
		boolean full = jdbc.sql("""
				select not exists (select 1 from residents_bed b
				                    where b.house_id = h.id and b.retired_at is null
				                      and not exists (select 1 from residents_stay s where s.bed_id = b.id and s.discharged_on is null))
				  from residents_house h where h.id = ? and h.program_id = ?""")
			.params(houseId, program.value()).query(Boolean.class).optional().orElse(false);
		if (full) {
			throw new RuleViolation("admission.house.full", "houseId");
		}
	}
}
