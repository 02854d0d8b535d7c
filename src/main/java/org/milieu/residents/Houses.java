package org.milieu.residents;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.VersionConflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting up the program's houses and their beds. */
@Service
public class Houses {

	static final int MAX_BEDS = 200;

	private final HouseRepository repository;

	private final JdbcClient jdbc;

	Houses(HouseRepository repository, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<HouseSummary> list(ProgramId program) {
		Map<UUID, int[]> counts = jdbc.sql("""
				select b.house_id, count(*) as beds, count(s.id) as occupied
				  from residents_bed b
				  left join residents_stay s on s.bed_id = b.id and s.discharged_on is null
				 where b.program_id = ?
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

	/** The beds of a house in order, with whether each is free today. */
	@Transactional(readOnly = true)
	public List<Bed> beds(ProgramId program, UUID houseId) {
		return jdbc.sql("""
				select b.id, b.room, b.label, exists (select 1 from residents_stay s
				                                       where s.bed_id = b.id and s.discharged_on is null) as taken
				  from residents_bed b
				 where b.program_id = ? and b.house_id = ?
				 order by length(b.label), b.label""")
			.params(program.value(), houseId)
			.query((rs, n) -> new Bed(rs.getObject("id", UUID.class), houseId, rs.getString("room"), rs.getString("label"),
					rs.getBoolean("taken")))
			.list();
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
