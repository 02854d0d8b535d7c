package org.milieu.residents;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface ResidentRepository extends CrudRepository<Resident, UUID> {

	/**
	 * Written out rather than derived from the method's name: a derived query renders its SQL on every
	 * call, and every read of a resident's record finds the resident first.
	 */
	@Query("select * from residents_resident where id = :id and program_id = :programId")
	Optional<Resident> findByIdAndProgramId(UUID id, UUID programId);
}
