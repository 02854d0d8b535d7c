package org.milieu.residents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface HouseRepository extends CrudRepository<House, UUID> {

	/**
	 * Written out rather than derived from the method's name: a derived query renders its SQL on
	 * every call, and the census, the home page and most lists ask for the houses on every view.
	 */
	@Query("select * from residents_house where program_id = :programId order by name")
	List<House> findByProgramIdOrderByName(UUID programId);

	/** Written out for the same reason: every house-scoped request finds its house. */
	@Query("select * from residents_house where id = :id and program_id = :programId")
	Optional<House> findByIdAndProgramId(UUID id, UUID programId);
}
