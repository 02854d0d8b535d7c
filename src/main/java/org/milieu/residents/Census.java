package org.milieu.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.EmergencyAccess;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is in the program today, house by house. */
@Service
public class Census {

	private static final String SELECT = """
			select r.id, r.given_name, r.family_name, r.preferred_name, h.id as house_id, h.name as house_name,
			       b.room, b.label, s.admitted_on
			  from residents_stay s
			  join residents_resident r on r.id = s.resident_id
			  join residents_house h on h.id = s.house_id
			  join residents_bed b on b.id = s.bed_id
			 where s.program_id = ? and s.discharged_on is null""";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final EmergencyAccess emergency;

	private final Houses houses;

	private final Programs programs;

	private final Clock clock;

	Census(JdbcClient jdbc, AccessPolicy policy, EmergencyAccess emergency, Houses houses, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.emergency = emergency;
		this.houses = houses;
		this.programs = programs;
		this.clock = clock;
	}

	/**
	 * Today's census as this person may see it: the whole program for the director, the houses
	 * they work in (and their caseload) for staff and clinicians. Each resident shown is audited.
	 */
	@Transactional
	public List<CensusEntry> today(MilieuUser user) {
		return today(user, null);
	}

	/**
	 * Today's census of one house (all houses when {@code houseId} is null) as this person may see
	 * it; only the residents shown are audited.
	 */
	@Transactional
	public List<CensusEntry> today(MilieuUser user, UUID houseId) {
		Reach reach = policy.enforceListing(user, DataCategory.DEMOGRAPHICS, "Census");
		if (houseId != null) {
			boolean known = jdbc.sql("select exists (select 1 from residents_house where id = ? and program_id = ?)")
				.params(houseId, user.programId().value()).query(Boolean.class).single();
			if (!known) {
				throw new RecordNotFound("House", houseId);
			}
		}
		return visible(user, reach, houseId);
	}

	/**
	 * The live census board as this person may see it: the residents of {@link #today(MilieuUser)}
	 * (each audited) grouped by house, with their days in the program counted in the program's time
	 * zone, and each house's free beds. Beds are program configuration, not resident data: the
	 * board shows every house for the director (who plans admissions, so an empty house still
	 * appears), and for others the houses they work in and those of the residents they see.
	 */
	@Transactional
	public CensusBoard board(MilieuUser user) {
		return board(user, null);
	}

	/** The board of one house ({@code houseId}), or of every house when it is null. */
	@Transactional
	public CensusBoard board(MilieuUser user, UUID houseId) {
		Reach reach = policy.enforceListing(user, DataCategory.DEMOGRAPHICS, "Census");
		if (houseId != null) {
			houses.find(user.programId(), houseId);
		}
		List<CensusEntry> visible = visible(user, reach, houseId);
		LocalDate today = day(user.programId());
		Map<UUID, List<CensusBoard.Line>> lines = new LinkedHashMap<>();
		visible.forEach(e -> lines.computeIfAbsent(e.houseId(), h -> new ArrayList<>()).add(CensusBoard.Line.of(e, today)));
		Map<UUID, List<Bed>> freeBeds = houses.freeBeds(user.programId());
		List<CensusBoard.HouseSection> sections = new ArrayList<>();
		List<House> choices = new ArrayList<>();
		for (HouseSummary summary : houses.list(user.programId())) {
			House house = summary.house();
			if (reach.everyone() || reach.houses().contains(house.id())) {
				choices.add(house);
			}
			if (houseId != null && !houseId.equals(house.id())) {
				continue;
			}
			boolean shown = lines.containsKey(house.id()) || reach.everyone() || reach.houses().contains(house.id());
			if (!shown) {
				continue;
			}
			List<Bed> free = freeBeds.getOrDefault(house.id(), List.of());
			sections.add(new CensusBoard.HouseSection(house.id(), house.name(), lines.getOrDefault(house.id(), List.of()),
					free));
		}
		return new CensusBoard(today, sections, choices);
	}

	/** Today's date where the program is: days in the program turn over at its midnight, not UTC's. */
	@Transactional(readOnly = true)
	public LocalDate day(ProgramId program) {
		ZoneId zone = programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
		return LocalDate.now(clock.withZone(zone));
	}

	private List<CensusEntry> visible(MilieuUser user, Reach reach, UUID houseId) {
		List<CensusEntry> visible = today(user.programId()).stream()
			.filter(e -> houseId == null || houseId.equals(e.houseId()))
			.filter(e -> reach.includes(e.residentId(), e.houseId()))
			.toList();
		policy.recordListed(user, DataCategory.DEMOGRAPHICS, "Census", reach,
				visible.stream().map(e -> new ResidentScope(e.residentId(), e.houseId())).toList());
		return visible;
	}

	/** One resident's census line, if the policy lets this person see it; the look is audited. */
	@Transactional
	public CensusEntry read(MilieuUser user, UUID residentId) {
		CensusEntry entry = find(user.programId(), residentId).orElseThrow(() -> new RecordNotFound("Resident", residentId));
		policy.enforce(user, AuditAction.READ, DataCategory.DEMOGRAPHICS, new ResidentScope(residentId, entry.houseId()),
				"Resident", residentId);
		return entry;
	}

	/**
	 * Opens emergency ("break-glass") access to a resident of the program outside the caller's
	 * usual reach, with the reason stated; see {@link EmergencyAccess}.
	 */
	@Transactional
	public EmergencyAccess.Grant breakGlass(MilieuUser user, UUID residentId, String reason) {
		find(user.programId(), residentId).orElseThrow(() -> new RecordNotFound("Resident", residentId));
		return emergency.open(user, residentId, reason);
	}

	/**
	 * Every resident with an open stay, ordered by house, then family and given name. For other
	 * modules' own queries (e.g. the level board joins its data to it); reading it for a person
	 * goes through {@link #today(MilieuUser)}, which applies the access policy.
	 */
	@Transactional(readOnly = true)
	public List<CensusEntry> today(ProgramId program) {
		return jdbc.sql(SELECT + " order by h.name, r.family_name, r.given_name")
			.param(program.value())
			.query((rs, n) -> entry(rs))
			.list();
	}

	/**
	 * The residents with an open stay in one house, ordered by family and given name: {@link
	 * #today(ProgramId)} for one house, read as such (a house's point sheet, rounds or small groups
	 * need not read the whole program). No access check, as there.
	 */
	@Transactional(readOnly = true)
	public List<CensusEntry> ofHouse(ProgramId program, UUID houseId) {
		return jdbc.sql(SELECT + " and s.house_id = ? order by r.family_name, r.given_name")
			.params(program.value(), houseId)
			.query((rs, n) -> entry(rs))
			.list();
	}

	/**
	 * The house each resident with an open stay lives in, by resident id: who is in the program today,
	 * without their names and beds. For other modules' listings that page their own records of the
	 * residents in the program today (the level reviews) and need only whom that covers and where
	 * they live, for the access policy's reach; cheaper than {@link #today(ProgramId)}.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, UUID> housesToday(ProgramId program) {
		Map<UUID, UUID> houses = new java.util.HashMap<>();
		jdbc.sql("select resident_id, house_id from residents_stay where program_id = ? and discharged_on is null")
			.param(program.value())
			.query((java.sql.ResultSet rs) -> {
				houses.put(rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class));
			});
		return houses;
	}

	/** The resident's census line, if they are in the program today. */
	@Transactional(readOnly = true)
	public Optional<CensusEntry> find(ProgramId program, UUID residentId) {
		return jdbc.sql(SELECT + " and r.id = ?")
			.params(program.value(), residentId)
			.query((rs, n) -> entry(rs))
			.optional();
	}

	private static CensusEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CensusEntry(rs.getObject("id", UUID.class), rs.getString("given_name"), rs.getString("family_name"),
				rs.getString("preferred_name"), rs.getObject("house_id", UUID.class), rs.getString("house_name"),
				rs.getString("room"), rs.getString("label"), rs.getObject("admitted_on", java.time.LocalDate.class));
	}
}
