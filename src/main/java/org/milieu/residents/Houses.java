package org.milieu.residents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up the program's houses and their beds. The director adds beds and retires free ones; a
 * retired bed is kept (stays and moves name it) but is no longer offered, counted or listed with
 * the house's beds.
 */
@Service
public class Houses {

	static final int MAX_BEDS = 200;

	private final HouseRepository repository;

	private final JdbcClient jdbc;

	private final Clock clock;

	Houses(HouseRepository repository, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<HouseSummary> list(ProgramId program) {
		Map<UUID, int[]> counts = jdbc.sql("""
				select b.house_id, count(*) as beds, count(s.id) as occupied
				  from residents_bed b
				  left join residents_stay s on s.bed_id = b.id and s.discharged_on is null
				 where b.program_id = ? and b.retired_at is null
				 group by b.house_id""")
			.param(program.value())
			.query((rs, n) -> Map.entry(rs.getObject("house_id", UUID.class),
					new int[] { rs.getInt("beds"), rs.getInt("occupied") }))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return repository.findByProgramIdOrderByName(program.value()).stream().map(h -> {
			int[] c = counts.getOrDefault(h.id(), new int[2]);
			return new HouseSummary(h, c[0], c[1]);
		}).toList();
	}

	@Transactional(readOnly = true)
	public House find(ProgramId program, UUID id) {
		return repository.findByIdAndProgramId(id, program.value()).orElseThrow(() -> new RecordNotFound("House", id));
	}

	/**
	 * Founds a house with {@code beds} numbered beds, two to a room. Names are unique within the
	 * program, whatever their case, so staff never confuse two houses.
	 */
	@Transactional
	public House found(ProgramId program, HouseDetails details, int beds) {
		return found(program, UUID.randomUUID(), details, beds);
	}

	@Transactional
	public House found(ProgramId program, UUID id, HouseDetails details, int beds) {
		if (beds < 0 || beds > MAX_BEDS) {
			throw new RuleViolation("house.beds.range", "beds", MAX_BEDS);
		}
		requireUniqueName(program, id, details.name());
		House house = repository.save(House.found(id, program.value(), details));
		for (int i = 1; i <= beds; i++) {
			jdbc.sql("insert into residents_bed (id, program_id, house_id, room, label) values (?, ?, ?, ?, ?)")
				.params(UUID.nameUUIDFromBytes((id + ":bed:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
						program.value(), id, String.valueOf((i + 1) / 2), String.valueOf(i))
				.update();
		}
		return house;
	}

	/**
	 * Changes a house's details if it is still at {@code expectedVersion}; otherwise nothing
	 * changes and {@link VersionConflict} says someone else edited it first.
	 */
	@Transactional
	public House revise(ProgramId program, UUID id, int expectedVersion, HouseDetails details) {
		House house = find(program, id);
		if (house.version() != expectedVersion) {
			throw new VersionConflict("House", expectedVersion, house.version());
		}
		requireUniqueName(program, id, details.name());
		house.revise(details);
		return repository.save(house);
	}

	/** The beds of a house in use, in order, with whether each is free today; retired beds are left out. */
	@Transactional(readOnly = true)
	public List<Bed> beds(ProgramId program, UUID houseId) {
		return jdbc.sql("""
				select b.id, b.room, b.label, exists (select 1 from residents_stay s
				                                       where s.bed_id = b.id and s.discharged_on is null) as taken
				  from residents_bed b
				 where b.program_id = ? and b.house_id = ? and b.retired_at is null
				 order by length(b.label), b.label""")
			.params(program.value(), houseId)
			.query((rs, n) -> new Bed(rs.getObject("id", UUID.class), houseId, rs.getString("room"), rs.getString("label"),
					rs.getBoolean("taken")))
			.list();
	}

	/**
	 * Every free bed of the program in one query, by house, each house's in the order of
	 * {@link #beds(ProgramId, UUID)}: for pages that show the free beds of many houses at once.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Bed>> freeBeds(ProgramId program) {
		Map<UUID, List<Bed>> free = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select b.id, b.house_id, b.room, b.label
				  from residents_bed b
				 where b.program_id = ? and b.retired_at is null
				   and not exists (select 1 from residents_stay s where s.bed_id = b.id and s.discharged_on is null)
				 order by b.house_id, length(b.label), b.label""")
			.param(program.value())
			.query((rs, n) -> new Bed(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getString("room"), rs.getString("label"), false))
			.list()
			.forEach(bed -> free.computeIfAbsent(bed.houseId(), h -> new java.util.ArrayList<>()).add(bed));
		return free;
	}

	/** The beds of a house the director has retired, most recently retired first. */
	@Transactional(readOnly = true)
	public List<RetiredBed> retiredBeds(ProgramId program, UUID houseId) {
		return jdbc.sql("""
				select id, room, label, retired_at, retired_by from residents_bed
				 where program_id = ? and house_id = ? and retired_at is not null
				 order by retired_at desc, length(label), label""")
			.params(program.value(), houseId)
			.query((rs, n) -> new RetiredBed(rs.getObject("id", UUID.class), houseId, rs.getString("room"),
					rs.getString("label"), rs.getTimestamp("retired_at").toInstant(), rs.getString("retired_by")))
			.list();
	}

	/**
	 * Adds a free bed to a room of the house. Its label names it within the house, whatever the
	 * case, and a retired bed keeps its label (the history of stays and moves names it), so a
	 * label already used is refused. A house has at most {@value #MAX_BEDS} beds in use.
	 */
	@Transactional
	public Bed addBed(ProgramId program, UUID houseId, String room, String label) {
		find(program, houseId);
		// one bed added at a time per house, so the count and the label check below hold
		jdbc.sql("select id from residents_house where id = ? for update").param(houseId).query(UUID.class).single();
		String cleanRoom = room.trim();
		String cleanLabel = label.trim();
		boolean used = jdbc.sql("select exists (select 1 from residents_bed where house_id = ? and lower(label) = lower(?))")
			.params(houseId, cleanLabel).query(Boolean.class).single();
		if (used) {
			throw new RuleViolation("house.bed.label.taken", "label", cleanLabel);
		}
		int inUse = jdbc.sql("select count(*) from residents_bed where house_id = ? and retired_at is null")
			.param(houseId).query(Integer.class).single();
		if (inUse >= MAX_BEDS) {
			throw new RuleViolation("house.bed.tooMany", null, MAX_BEDS);
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("insert into residents_bed (id, program_id, house_id, room, label) values (?, ?, ?, ?, ?)")
				.params(id, program.value(), houseId, cleanRoom, cleanLabel)
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new RuleViolation("house.bed.label.taken", "label", cleanLabel);
		}
		return new Bed(id, houseId, cleanRoom, cleanLabel, false);
	}

	/**
	 * Retires a free bed of the house: it is kept, with when and by whom, but no longer offered
	 * for admissions or moves nor counted among the house's beds. A bed someone holds today
	 * cannot be retired (move or discharge them first), nor a bed already retired.
	 */
	@Transactional
	public RetiredBed retireBed(ProgramId program, UUID houseId, UUID bedId, String retiredBy) {
		find(program, houseId);
		record Row(String room, String label, boolean retired) {
		}
		// locked, so an admission or move into this bed waits for the retirement, or the other way round
		Row bed = jdbc.sql("""
				select room, label, retired_at is not null from residents_bed
				 where id = ? and house_id = ? and program_id = ? for update""")
			.params(bedId, houseId, program.value())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.optional().orElseThrow(() -> new RecordNotFound("Bed", bedId));
		if (bed.retired()) {
			throw new RuleViolation("house.bed.alreadyRetired", "bedId", bed.label());
		}
		boolean held = jdbc.sql("select exists (select 1 from residents_stay where bed_id = ? and discharged_on is null)")
			.param(bedId).query(Boolean.class).single();
		if (held) {
			throw new RuleViolation("house.bed.occupied", "bedId", bed.label());
		}
		Instant now = clock.instant();
		jdbc.sql("update residents_bed set retired_at = ?, retired_by = ? where id = ?")
			.params(java.sql.Timestamp.from(now), retiredBy, bedId)
			.update();
		return new RetiredBed(bedId, houseId, bed.room(), bed.label(), now, retiredBy);
	}

	private void requireUniqueName(ProgramId program, UUID id, String name) {
		boolean taken = jdbc.sql("select exists (select 1 from residents_house where program_id = ? and lower(name) = lower(?) and id <> ?)")
			.params(program.value(), name.trim(), id)
			.query(Boolean.class).single();
		if (taken) {
			throw new RuleViolation("house.name.taken", "name", name.trim());
		}
	}

}
