package org.milieu.residents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.ProgramId;
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

	Census(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every resident with an open stay, ordered by house, then family and given name. */
	@Transactional(readOnly = true)
	public List<CensusEntry> today(ProgramId program) {
		return jdbc.sql(SELECT + " order by h.name, r.family_name, r.given_name")
			.param(program.value())
			.query((rs, n) -> entry(rs))
			.list();
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
