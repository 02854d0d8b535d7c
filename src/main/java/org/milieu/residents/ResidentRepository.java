package org.milieu.residents;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface ResidentRepository extends CrudRepository<Resident, UUID> {

	Optional<Resident> findByIdAndProgramId(UUID id, UUID programId);
}
