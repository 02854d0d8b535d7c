package org.milieu.residents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.ProgramId;
import org.milieu.shared.Slice;
import org.milieu.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's whole record, in the program today or discharged: their details and every stay
 * with its discharge and aftercare plan. Records are read here, never deleted; a discharged
 * resident's record is read-only. The access policy decides every read with the house of the
 * resident's newest stay as its scope, so staff of the house a former resident lived in keep
 * their reach, and every read is audited.
 */
@Service
public class ResidentRecords {

	private static final String STAYS = """
			select s.id, s.house_id, h.name as house_name, b.room, b.label, s.admitted_on, s.expected_length_days,
			       s.referral_source, s.funding_source, s.discharged_on, s.discharge_type, s.discharge_reason,
			       s.discharged_by, a.living_arrangement, a.outpatient_appointments, a.support_meetings, a.contacts,
			       a.relapse_prevention
			  from residents_stay s
			  join residents_house h on h.id = s.house_id
			  join residents_bed b on b.id = s.bed_id
			  left join residents_aftercare_plan a on a.stay_id = s.id
			 where s.resident_id = ? and s.program_id = ?
			 order by s.admitted_on desc, s.discharged_on desc nulls first""";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	ResidentRecords(JdbcClient jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * The resident's record, if the access policy lets this person read their demographics (a
	 * resident reads their own). A resident unknown in the caller's program is not found; for
	 * one on record the policy decides before anything about them is returned, and the read is
	 * audited in the same transaction.
	 */
	@Transactional
	public ResidentProfile profile(MilieuUser user, UUID residentId) {
		ResidentProfile profile = find(user.programId(), residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		policy.enforce(user, AuditAction.READ, DataCategory.DEMOGRAPHICS, scope(profile), "Resident", residentId);
		return profile;
	}

	/**
	 * The record for a discharge summary that leaves Milieu (a download or print): the policy's
	 * export rule decides (staff may read but not export), and the export is audited. A resident
	 * who has never been discharged has no summary and is "not found" (after the policy's decision,
	 * so a refused caller learns nothing of their state).
	 */
	@Transactional
	public DischargeSummary dischargeSummary(MilieuUser user, UUID residentId) {
		ResidentProfile profile = find(user.programId(), residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		StayRecord stay = profile.latestDischarge().orElse(null);
		policy.enforce(user, AuditAction.EXPORT, DataCategory.DEMOGRAPHICS, scope(profile), "DischargeSummary",
				stay == null ? residentId : stay.stayId());
		if (stay == null) {
			throw new RecordNotFound("DischargeSummary", residentId);
		}
		return new DischargeSummary(profile.residentId(), profile.givenName(), profile.familyName(),
				profile.preferredName(), profile.birthDate(), stay.houseName(), stay.admittedOn(), stay.discharge(),
				stay.stayId(), stay.houseId());
	}

	/**
	 * Whether the policy would let this person take the resident's discharge summary out of
	 * Milieu, asked without recording: to offer the download only to those who may have it.
	 */
	@Transactional(readOnly = true)
	public boolean mayExportSummary(MilieuUser user, ResidentProfile profile) {
		return profile.latestDischarge().isPresent()
				&& policy.decide(user, AccessAction.EXPORT, DataCategory.DEMOGRAPHICS, scope(profile)).allowed();
	}

	/** The scope the access policy decides on for this resident: their id and the house of their newest stay. */
	public static ResidentScope scope(ResidentProfile profile) {
		return new ResidentScope(profile.residentId(), profile.scopeHouseId());
	}

	/**
	 * Residents discharged and not back in the program, newest discharge first, as far as this
	 * person's reach goes (a list: for staff roles only). Each one shown is audited.
	 */
	@Transactional
	public List<DischargedResident> discharged(MilieuUser user) {
		Reach reach = policy.enforceListing(user, DataCategory.DEMOGRAPHICS, "DischargedResidents");
		List<DischargedResident> visible = discharged(user.programId()).stream()
			.filter(d -> reach.includes(d.residentId(), d.houseId()))
			.toList();
		policy.recordListed(user, DataCategory.DEMOGRAPHICS, "DischargedResidents", reach,
				visible.stream().map(d -> new ResidentScope(d.residentId(), d.houseId())).toList());
		return visible;
	}

	/** Which residents a listing shows: those in the program today, those discharged and not back, or both. */
	public enum Status {
		IN_PROGRAM, DISCHARGED, ALL
	}

	/**
	 * A page of the program's residents, in the program or discharged, as far as this person's reach
	 * goes (a list: for staff roles only, as the census and the discharged list are), ordered by family
	 * name, given name and id. Filters: status, the house of the newest stay, and the day that stay
	 * began ({@code admittedFrom}..{@code admittedTo}, both included). Each resident shown is audited;
	 * residents on later pages are audited when those pages are read.
	 */
	@Transactional
	public Slice<ResidentSummary> list(MilieuUser user, Status status, UUID houseId, LocalDate admittedFrom,
			LocalDate admittedTo, PageRequest page) {
		Reach reach = policy.enforceListing(user, DataCategory.DEMOGRAPHICS, "ResidentList");
		StringBuilder sql = new StringBuilder("""
				select r.id, r.given_name, r.family_name, r.preferred_name, s.house_id, h.name as house_name,
				       s.admitted_on, s.discharged_on, s.discharge_type, r.family_name || chr(31) || r.given_name as sort_key
				  from residents_resident r
				  join lateral (select * from residents_stay s where s.resident_id = r.id
				                 order by s.admitted_on desc, s.discharged_on desc nulls first limit 1) s on true
				  join residents_house h on h.id = s.house_id
				 where r.program_id = ?""");
		List<Object> params = new java.util.ArrayList<>(List.of(user.programId().value()));
		if (!reach.everyone()) {
			java.util.Set<UUID> residents = new java.util.HashSet<>(reach.residents());
			residents.addAll(reach.emergency());
			sql.append(" and (s.house_id = any(?) or r.id = any(?))");
			params.add(reach.houses().toArray(UUID[]::new));
			params.add(residents.toArray(UUID[]::new));
		}
		switch (status) {
			case IN_PROGRAM -> sql.append(" and s.discharged_on is null");
			case DISCHARGED -> sql.append(" and s.discharged_on is not null");
			case ALL -> { }
		}
		if (houseId != null) {
			sql.append(" and s.house_id = ?");
			params.add(houseId);
		}
		if (admittedFrom != null) {
			sql.append(" and s.admitted_on >= ?");
			params.add(admittedFrom);
		}
		if (admittedTo != null) {
			sql.append(" and s.admitted_on <= ?");
			params.add(admittedTo);
		}
		if (page.after() != null) {
			sql.append(" and (r.family_name || chr(31) || r.given_name, r.id) > (?, ?)");
			params.add(page.after().key());
			params.add(page.after().id());
		}
		sql.append(" order by r.family_name || chr(31) || r.given_name, r.id limit ?");
		params.add(page.fetch());
		record Row(ResidentSummary resident, String sortKey) {
		}
		List<Row> rows = jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(new ResidentSummary(rs.getObject("id", UUID.class), rs.getString("given_name"),
					rs.getString("family_name"), rs.getString("preferred_name"), rs.getObject("house_id", UUID.class),
					rs.getString("house_name"), rs.getObject("admitted_on", LocalDate.class),
					rs.getObject("discharged_on", LocalDate.class),
					rs.getString("discharge_type") == null ? null : DischargeType.valueOf(rs.getString("discharge_type"))),
					rs.getString("sort_key")))
			.list();
		Slice<Row> slice = page.slice(rows, r -> Keyset.of(r.sortKey(), r.resident().residentId()));
		policy.recordListed(user, DataCategory.DEMOGRAPHICS, "ResidentList", reach,
				slice.items().stream().map(r -> new ResidentScope(r.resident().residentId(), r.resident().houseId())).toList());
		return slice.map(Row::resident);
	}

	/**
	 * Every resident of the program whose newest stay is closed, newest discharge first. For other
	 * modules' own work (e.g. the demo's level histories); reading it for a person goes through
	 * {@link #discharged(MilieuUser)}.
	 */
	@Transactional(readOnly = true)
	public List<DischargedResident> discharged(ProgramId program) {
		return jdbc.sql("""
				select r.id, r.given_name, r.family_name, r.preferred_name, s.house_id, h.name as house_name,
				       s.admitted_on, s.discharged_on, s.discharge_type
				  from residents_resident r
				  join lateral (select * from residents_stay s where s.resident_id = r.id
				                 order by s.admitted_on desc, s.discharged_on desc nulls first limit 1) s on true
				  join residents_house h on h.id = s.house_id
				 where r.program_id = ? and s.discharged_on is not null
				 order by s.discharged_on desc, r.family_name, r.given_name""")
			.param(program.value())
			.query((rs, n) -> new DischargedResident(rs.getObject("id", UUID.class), rs.getString("given_name"),
					rs.getString("family_name"), rs.getString("preferred_name"), rs.getObject("house_id", UUID.class),
					rs.getString("house_name"), rs.getObject("admitted_on", LocalDate.class),
					rs.getObject("discharged_on", LocalDate.class), DischargeType.valueOf(rs.getString("discharge_type"))))
			.list();
	}

	/** The record without asking the policy: for the module's own rules, never for a reader. */
	@Transactional(readOnly = true)
	Optional<ResidentProfile> find(ProgramId program, UUID residentId) {
		record Person(String given, String family, String preferred, String pronouns, LocalDate born, String language,
				String phone, String contact, String contactPhone) {
		}
		Optional<Person> person = jdbc.sql("""
				select given_name, family_name, preferred_name, pronouns, birth_date, primary_language, phone,
				       emergency_contact_name, emergency_contact_phone
				  from residents_resident where id = ? and program_id = ?""")
			.params(residentId, program.value())
			.query((rs, n) -> new Person(rs.getString("given_name"), rs.getString("family_name"),
					rs.getString("preferred_name"), rs.getString("pronouns"), rs.getObject("birth_date", LocalDate.class),
					rs.getString("primary_language"), rs.getString("phone"), rs.getString("emergency_contact_name"),
					rs.getString("emergency_contact_phone")))
			.optional();
		if (person.isEmpty()) {
			return Optional.empty();
		}
		List<StayRecord> stays = jdbc.sql(STAYS).params(residentId, program.value()).query((rs, n) -> stay(rs)).list();
		if (stays.isEmpty()) {
			return Optional.empty();
		}
		Person p = person.get();
		return Optional.of(new ResidentProfile(residentId, p.given(), p.family(), p.preferred(), p.pronouns(), p.born(),
				p.language(), p.phone(), p.contact(), p.contactPhone(), stays));
	}

	private static StayRecord stay(ResultSet rs) throws SQLException {
		LocalDate dischargedOn = rs.getObject("discharged_on", LocalDate.class);
		StayRecord.Discharge discharge = dischargedOn == null ? null
				: new StayRecord.Discharge(dischargedOn, DischargeType.valueOf(rs.getString("discharge_type")),
						rs.getString("discharge_reason"), rs.getString("discharged_by"),
						new NewDischarge.Aftercare(rs.getString("living_arrangement"), rs.getString("outpatient_appointments"),
								rs.getString("support_meetings"), rs.getString("contacts"), rs.getString("relapse_prevention")));
		return new StayRecord(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
				rs.getString("house_name"), rs.getString("room"), rs.getString("label"),
				rs.getObject("admitted_on", LocalDate.class), (Integer) rs.getObject("expected_length_days"),
				rs.getString("referral_source"), rs.getString("funding_source"), discharge);
	}
}
